public import Foundation
import SignatoryDomain

extension Store {
    /// Writes this office's encryption key to a new file at `path` (mode 0600) as an age
    /// identity file, which `age -d -i FILE` reads: a copy that opens bundles encrypted for this
    /// office if its database is lost. The signing key stays in the database (and its backups),
    /// so the file cannot be used to sign as the office.
    ///
    /// ```swift
    /// try store.exportEncryptionKey(to: "geneva.key")
    /// ```
    public func exportEncryptionKey(to path: String, now: Date = Date()) throws {
        let key = try self.officeEncryptionKey()
        let text = """
            # Signatory office \(self.office.name.unicodeScalars.filter { $0.properties.generalCategory != .control && $0.value != 10 }.map(String.init).joined()) (\(self.office.id))
            # written \(ISO8601DateFormatter().string(from: now))
            # Whoever holds this file can read every bundle encrypted for this office: keep it offline.
            # public key: \(key.recipient)
            \(key.identity)

            """
        try OutputFile.place(at: path, protecting: self.database.path, replacing: false) { descriptor in
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            try handle.write(contentsOf: Data(text.utf8))
        }
    }
}
