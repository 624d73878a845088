public import Foundation

/// A folder of its own for one test, removed when the value is released.
///
/// ```swift
/// let folder = try TemporaryDirectory()
/// let path = folder.path("office.db")
/// ```
public final class TemporaryDirectory: @unchecked Sendable {
    // Immutable after init; the class exists only for its deinit.
    public let url: URL

    public init() throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    deinit {
        removeOwnFiles(in: self.url)
    }

    public func path(_ name: String) -> String {
        self.url.appendingPathComponent(name).path
    }
}

/// The bytes of a file, for proving that a refused command wrote nothing.
public func fileBytes(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
}

/// A database's bytes together with its WAL journal's, so a write that stayed in the journal
/// still counts as a change.
public func databaseBytes(_ path: String) -> [Data?] {
    [fileBytes(path), fileBytes(path + "-wal")]
}

/// Whether a database's files (its WAL journal included) hold `text` anywhere, e.g. a name that
/// an erasure must have removed.
public func databaseFilesHold(_ text: String, at path: String) -> Bool {
    databaseBytes(path).contains { $0?.range(of: Data(text.utf8)) != nil }
}

/// The project's top folder, found from this source file.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Removes the files a test wrote in its own folder, and the folder: files one by one, then
/// each emptied subfolder, one level deep. Nothing is deleted recursively, so a path that is not
/// the test's own can never take a tree with it; anything unexpected stays behind.
public func removeOwnFiles(in folder: URL) {
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
        let path = folder.appendingPathComponent(name).path
        var status = stat()
        guard lstat(path, &status) == 0 else { continue }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for inner in (try? manager.contentsOfDirectory(atPath: path)) ?? [] { unlink(path + "/" + inner) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
    rmdir(folder.path)
}
