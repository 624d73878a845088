import Foundation
import Synchronization

/// Standard output and error, written so that a full disk or a broken file behind a redirect
/// (`signatory sync dump > feed.txt`) is reported, never a crash (`FileHandle.write(_:)` traps
/// on an error) nor a silent loss with exit status 0 (C's `stdout` buffer drops what it cannot
/// write and `print` cannot tell).
///
/// ```swift
/// StandardStreams.line("wrote 12 change(s)")
/// try StandardStreams.flush()   // once, before the command exits
/// ```
enum StandardStreams {
    /// Output not yet written, and the first failure to write it.
    private struct Pending {
        var bytes: [UInt8] = []
        var failure: OutputError?
    }

    private static let pending = Mutex(Pending())
    private static let blockSize = 1 << 16
    /// A person reading a terminal sees each line as it is written, as with `print`.
    private static let toTerminal = isatty(STDOUT_FILENO) == 1

    /// Writes `text` and a line break to standard output (in blocks; ``flush()`` sends the rest).
    static func line(_ text: String) {
        self.text(text + "\n")
    }

    /// Writes `text` as it is to standard output.
    static func text(_ text: String) {
        self.pending.withLock { pending in
            guard pending.failure == nil else { return }
            pending.bytes.append(contentsOf: text.utf8)
            if self.toTerminal || pending.bytes.count >= self.blockSize { self.send(&pending) }
        }
    }

    /// Writes `bytes` to standard output at once, after the lines written before.
    static func write(_ bytes: [UInt8]) throws(OutputError) {
        try self.pending.withLock { (pending: inout Pending) throws(OutputError) in
            pending.bytes.append(contentsOf: bytes)
            self.send(&pending)
            if let failure = pending.failure { throw failure }
        }
    }

    /// Sends out what is left; throws when any output could not be written.
    static func flush() throws(OutputError) {
        try self.pending.withLock { (pending: inout Pending) throws(OutputError) in
            self.send(&pending)
            if let failure = pending.failure { throw failure }
        }
    }

    /// Writes `text` to standard error, after the output written before it (a question comes
    /// after what it asks about). A failure there has nowhere to be told and is ignored; the
    /// exit status still says whether the command worked.
    static func writeError(_ text: String) {
        self.pending.withLock { self.send(&$0) }
        var text = text
        text.withUTF8 { buffer in
            _ = self.writeAll(UnsafeRawBufferPointer(buffer), to: STDERR_FILENO)
        }
    }

    private static func send(_ pending: inout Pending) {
        if pending.failure == nil, !pending.bytes.isEmpty {
            pending.failure = pending.bytes.withUnsafeBytes { self.writeAll($0, to: STDOUT_FILENO) }
        }
        pending.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the whole buffer, or returns why it could not.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> OutputError? {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return OutputError(code: errno)
            }
            offset += written
        }
        return nil
    }
}

/// Standard output could not take what a command wrote: what reached it is incomplete.
struct OutputError: Error, CustomStringConvertible {
    /// The `errno` of the failed write.
    let code: Int32

    var description: String {
        let reason = self.code == ENOSPC ? "the disk is full" : String(cString: strerror(self.code))
        // A command that writes (`org add`) has committed by the time it prints: run again, it would do it twice.
        return
            "the output could not be written (\(reason)), so it is incomplete; what the command changed in the database stays changed"
    }
}
