import Foundation

/// Standard output and error, written so that a full disk or a broken file behind a redirect
/// (`signatory sync dump > sheet.txt`) is reported, never a crash (`FileHandle.write(_:)`
/// traps on an error) nor a silent loss with exit status 0.
///
/// ```swift
/// try StandardStreams.write(Array(text.utf8))
/// try StandardStreams.flush()   // once, before the command exits
/// ```
enum StandardStreams {
    /// Writes `bytes` to standard output, after the lines `print` has buffered.
    static func write(_ bytes: [UInt8]) throws {
        try self.flush()
        try bytes.withUnsafeBytes { try self.writeAll($0, to: STDOUT_FILENO) }
    }

    /// Sends out what `print` has buffered; throws when any of it could not be written.
    static func flush() throws(OutputError) {
        // `fflush(NULL)` reaches standard output without naming the C global `stdout`.
        guard fflush(nil) == 0 else { throw OutputError(code: errno) }
    }

    /// Writes `text` to standard error. A failure there has nowhere to be told and is ignored;
    /// the exit status still says whether the command worked.
    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            try? self.writeAll(UnsafeRawBufferPointer(buffer), to: STDERR_FILENO)
        }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(code: errno)
            }
            offset += written
        }
    }
}

/// Standard output could not take what a command wrote: what reached it is incomplete.
struct OutputError: Error, CustomStringConvertible {
    /// The `errno` of the failed write.
    let code: Int32

    var description: String {
        let reason = self.code == ENOSPC ? "the disk is full" : String(cString: strerror(self.code))
        return "the output could not be written (\(reason)); what was written is incomplete"
    }
}
