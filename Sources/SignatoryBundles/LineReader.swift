import Foundation
public import SignatoryDomain

/// Reads a bundle line by line: from bytes in memory (a hub's push), from a file in fixed-size
/// chunks (a bundle of a million changes streams in bounded memory), or from bytes followed by
/// a file (a pulled bundle: its header, then the pages' lines), decrypting a file encrypted for
/// this office (age v1) as it goes. Time is linear in the size:
/// each byte is looked at once when searching for line ends. A line longer than
/// ``maximumLineBytes`` is refused rather than buffered.
public struct LineReader: Sendable {
    /// The longest line a bundle may hold: far more than any change Signatory writes.
    static let maximumLineBytes = 16 << 20

    private let handle: FileHandle?
    /// Set for an encrypted file: chunks of plaintext come from it instead of `handle`.
    private var decryptor: AgeDecryptor?
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var scanned = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    /// Reads the bytes of a bundle held in memory.
    public init(bytes: [UInt8]) {
        self.handle = nil
        self.buffer = bytes
    }

    /// Reads `prefix`, then the file at `path`, as one stream of lines.
    public init(prefix: [UInt8] = [], path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw SyncError.unreadable(path, "it is a folder; give the bundle file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SyncError.unreadable(
                path,
                FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            )
        }
        self.handle = handle
        self.buffer = prefix
    }

    /// Reads the bundle file at `path`, plain or encrypted for the office that holds `key`.
    ///
    /// ```swift
    /// var lines = try LineReader(path: "from-geneva.age", decryptingWith: store.officeEncryptionKey())
    /// ```
    public init(path: String, decryptingWith key: OfficeEncryptionKey) throws {
        try self.init(path: path)
        guard let handle = self.handle else { return }
        let first: [UInt8]
        do {
            first = Array(try handle.read(upToCount: 1 << 20) ?? Data())
        } catch {
            throw SyncError.unreadable(path, "the file could not be read")
        }
        if AgeDecryptor.isEncrypted(first) {
            self.decryptor = try AgeDecryptor(handle: handle, initial: first, key: key)
        } else {
            self.buffer = first
            if first.isEmpty { self.atEnd = true }
        }
    }

    /// Whether the file was encrypted.
    public var isDecrypting: Bool { self.decryptor != nil }

    /// The next line's bytes without its newline, or `nil` at the end of the file.
    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = self.buffer[self.scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                // The same limit whether the line came in one read (a body in memory) or many.
                guard newline - self.start <= Self.maximumLineBytes else {
                    throw SyncError.malformed(
                        line: self.lineNumber + 1,
                        "the line is longer than \(Self.maximumLineBytes >> 20) MiB"
                    )
                }
                let line = Array(self.buffer[self.start..<newline])
                self.start = newline + 1
                self.scanned = self.start
                self.lineNumber += 1
                return line
            }
            self.scanned = self.buffer.count
            guard self.buffer.count - self.start <= Self.maximumLineBytes else {
                throw SyncError.malformed(
                    line: self.lineNumber + 1,
                    "the line is longer than \(Self.maximumLineBytes >> 20) MiB"
                )
            }
            if self.atEnd {
                guard self.start < self.buffer.count else { return nil }
                defer { self.start = self.buffer.count }
                self.lineNumber += 1
                return Array(self.buffer[self.start...])
            }
            let chunk: [UInt8]
            if self.decryptor != nil {
                chunk = try self.decryptor?.next() ?? []
            } else if let handle = self.handle {
                do {
                    chunk = Array(try handle.read(upToCount: 1 << 20) ?? Data())
                } catch {
                    throw SyncError.unreadable("", "the file could not be read")
                }
            } else {
                self.atEnd = true
                continue
            }
            // Drop consumed bytes only when they are most of the buffer, so each byte moves O(1) times.
            if self.start > 0 && self.start >= self.buffer.count / 2 {
                self.buffer.removeFirst(self.start)
                self.scanned -= self.start
                self.start = 0
            }
            if chunk.isEmpty { self.atEnd = true } else { self.buffer.append(contentsOf: chunk) }
        }
    }
}
