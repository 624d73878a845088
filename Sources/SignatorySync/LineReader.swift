import Foundation

/// Reads a file line by line in fixed-size chunks, so a bundle of a million changes streams in
/// bounded memory.
struct LineReader: Sendable {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SyncError.unreadable(path, FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
    }

    /// The next line's bytes without its newline, or `nil` at the end of the file.
    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = self.buffer[self.start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(self.buffer[self.start..<newline])
                self.start = newline + 1
                self.lineNumber += 1
                return line
            }
            if self.atEnd {
                guard self.start < self.buffer.count else { return nil }
                defer { self.start = self.buffer.count }
                self.lineNumber += 1
                return Array(self.buffer[self.start...])
            }
            let chunk = try self.handle.read(upToCount: 1 << 20) ?? Data()
            self.buffer.removeFirst(self.start)
            self.start = 0
            if chunk.isEmpty { self.atEnd = true } else { self.buffer.append(contentsOf: chunk) }
        }
    }
}
