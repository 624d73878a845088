public import Foundation

/// Collects output bytes and hands them on in large blocks, so writers can append piece by piece.
///
/// ```swift
/// var sink = ByteSink(FileHandle.standardOutput)
/// sink.append("Organisation,Acronym\r\n")
/// try sink.finish()
/// ```
public struct ByteSink {
    private var buffer: [UInt8] = []
    /// Where full blocks go; `nil` keeps everything in memory.
    private let deliver: (([UInt8]) throws -> Void)?
    /// A write error met while appending, reported by ``finish()``.
    private var pendingError: (any Error)?
    private static let blockSize = 1 << 16

    /// Collects into memory; read the result with ``collected``.
    public init() {
        self.deliver = nil
    }

    public init(_ handle: FileHandle) {
        self.deliver = { bytes in try handle.write(contentsOf: bytes) }
    }

    /// Hands each full block, and the rest on ``finish()``, to `deliver`.
    public init(deliver: @escaping ([UInt8]) throws -> Void) {
        self.deliver = deliver
    }

    /// Everything appended so far, for a sink made with `init()`.
    public var collected: [UInt8] { self.buffer }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { self.buffer.append(contentsOf: $0) }
        self.deliverIfFull()
    }

    /// Appends one byte; call ``append(_:)`` or ``append(bytes:)`` now and then so full blocks go out.
    public mutating func append(byte: UInt8) {
        self.buffer.append(byte)
    }

    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        self.buffer.append(contentsOf: bytes)
        self.deliverIfFull()
    }

    /// Hands on what is collected and reports any write error met on the way.
    public mutating func finish() throws {
        if let error = self.pendingError { throw error }
        guard let deliver = self.deliver, !self.buffer.isEmpty else { return }
        try deliver(self.buffer)
        self.buffer.removeAll(keepingCapacity: true)
    }

    /// Hands on a full block, as the bulk appends do; for writers appending byte by byte.
    mutating func deliverIfFull() {
        guard let deliver = self.deliver, self.buffer.count >= ByteSink.blockSize else { return }
        if self.pendingError == nil {
            do { try deliver(self.buffer) } catch { self.pendingError = error }
        }
        self.buffer.removeAll(keepingCapacity: true)
    }
}
