import Foundation

/// Reads a file line by line in fixed-size chunks, so a bundle of a million changes streams in
/// bounded memory.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SyncError.unreadable(path, FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
    }

    /// The next line without its newline, or `nil` at the end of the file.
    mutating func next() throws -> Data? {
        while true {
            if let newline = self.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = self.buffer[self.buffer.startIndex..<newline]
                self.buffer = self.buffer[(newline + 1)...]
                self.lineNumber += 1
                return Data(line)
            }
            if self.atEnd {
                guard !self.buffer.isEmpty else { return nil }
                defer { self.buffer = Data() }
                self.lineNumber += 1
                return Data(self.buffer)
            }
            let chunk = try self.handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { self.atEnd = true } else { self.buffer = Data(self.buffer) + chunk }
        }
    }
}
