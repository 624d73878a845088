import Dispatch
import Foundation
import SignatoryDomain
import Synchronization

/// Reads a bundle's change lines on a second thread, parsing them, recomputing their hashes
/// and checking their values, so the importer's thread does nothing but the feed checks and
/// the writes. Lines arrive in file order, in batches; at most `capacity` batches of up to
/// 256 lines, or their weight in mebibytes of lines, wait, so memory stays bounded however long
/// the bundle and however long its lines.
///
/// ```swift
/// let changes = ChangeReadAhead(reader)
/// defer { changes.stop() }
/// while let line = try changes.next() { … }
/// ```
final class ChangeReadAhead: Sendable {
    /// One non-empty line of the bundle and what the second thread found in it.
    struct Line: Sendable {
        let number: Int
        let text: String
        /// `nil` when the line is not a change of a kind this release knows.
        let change: Change?
        /// A change of a kind a later minor format added, kept and relayed unapplied.
        var unapplied: UnappliedChange? = nil
        /// Whether the hash is the change's (a format-1 change with erased values is taken on the
        /// word of the erasure that names it).
        let hashMatches: Bool
        /// Whether the line is exactly as Signatory writes the change, so it can be relayed verbatim.
        let isCanonical: Bool
        /// Why a value of the change is not acceptable, if it is not.
        let invalidValue: String?
    }

    private enum Batch: Sendable {
        /// Lines, and their bytes.
        case lines([Line], bytes: Int)
        case end
        /// A ``SyncError``, or an ``EncryptedBundleError`` from decrypting the file as it is read.
        case failed(any Error)
    }

    private struct State: Sendable {
        var waiting: [Batch] = []
        var current: [Line] = []
        /// Batches the importer has finished with, freed by the second thread so that the
        /// importer's thread does not spend its time releasing them.
        var spent: [[Line]] = []
        var position = 0
        var finished = false
        var stopped = false
        /// The bytes of the lines in `waiting`.
        var bytesWaiting = 0
        /// Whether the second thread waits for the importer to make room.
        var isWaitingForRoom = false
    }

    private static let batchSize = 256
    /// A batch of long lines ends sooner and takes the room of several, so that a file of long
    /// lines is not read ahead further than about `capacity` mebibytes.
    static let roomBytes = 1 << 20
    private let capacity: Int
    private let state = Mutex(State())
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    /// Starts reading the lines `reader` has not yet returned.
    init(_ reader: consuming LineReader, capacity: Int = 16) {
        // libdispatch traps when a semaphore is freed below the value it was created with, which
        // happens whenever the importer stops early; one created at zero and raised has no such floor.
        self.capacity = max(1, capacity)
        self.free = DispatchSemaphore(value: 0)
        for _ in 0..<self.capacity { self.free.signal() }
        let thread = Thread { [self, reader] in
            var reader = reader
            self.produce(from: &reader)
        }
        thread.start()
    }

    /// The next line, or `nil` after the last; throws a ``SyncError`` when the file cannot be
    /// read, or an ``EncryptedBundleError`` when an encrypted file turns out damaged.
    func next() throws -> Line? {
        while true {
            let ready: Line?? = self.state.withLock { state in
                if state.position < state.current.count {
                    defer { state.position += 1 }
                    return state.current[state.position]
                }
                return state.finished ? .some(nil) : nil
            }
            if let ready { return ready }
            self.filled.wait()
            let batch = self.state.withLock { state in
                let batch = state.waiting.removeFirst()
                if case .lines(_, let bytes) = batch { state.bytesWaiting -= bytes }
                return batch
            }
            for _ in 0..<self.room(of: batch) { self.free.signal() }
            switch batch {
            case .lines(let lines, _):
                self.state.withLock { state in
                    state.spent.append(state.current)
                    state.current = lines
                    state.position = 0
                }
            case .end:
                self.state.withLock { $0.finished = true }
            case .failed(let error):
                self.state.withLock { $0.finished = true }
                throw error
            }
        }
    }

    /// Tells the second thread to stop early, when the import ends before the file does.
    func stop() {
        self.state.withLock { $0.stopped = true }
        self.free.signal()
    }

    /// The bytes of the lines waiting for the importer (for tests).
    var bytesWaiting: Int { self.state.withLock { $0.bytesWaiting } }

    /// Whether the second thread has read as far ahead as it may (for tests).
    var isWaitingForRoom: Bool { self.state.withLock { $0.isWaitingForRoom } }

    private func produce(from reader: inout LineReader) {
        var lines: [Line] = []
        var bytes = 0
        lines.reserveCapacity(Self.batchSize)
        do {
            while let line = try reader.next() {
                if line.isEmpty { continue }
                lines.append(Self.check(line, number: reader.lineNumber))
                bytes += line.count
                if lines.count == Self.batchSize || bytes >= Self.roomBytes {
                    guard self.deliver(.lines(lines, bytes: bytes)) else { return }
                    lines.removeAll(keepingCapacity: true)
                    bytes = 0
                }
            }
            if !lines.isEmpty { guard self.deliver(.lines(lines, bytes: bytes)) else { return } }
            _ = self.deliver(.end)
        } catch let error as SyncError {
            _ = self.deliver(.failed(error))
        } catch let error as EncryptedBundleError {
            _ = self.deliver(.failed(error))
        } catch {
            _ = self.deliver(.failed(SyncError.unreadable("", "\(error)")))
        }
    }

    /// The room a batch takes: one for each mebibyte of lines begun, at least one, at most all.
    private func room(of batch: Batch) -> Int {
        guard case .lines(_, let bytes) = batch else { return 1 }
        return max(1, min(self.capacity, (bytes + Self.roomBytes - 1) / Self.roomBytes))
    }

    /// Hands a batch over, waiting for room; `false` once the importer has stopped.
    private func deliver(_ batch: Batch) -> Bool {
        for _ in 0..<self.room(of: batch) {
            if self.free.wait(timeout: .now()) == .timedOut {
                self.state.withLock { $0.isWaitingForRoom = true }
                self.free.wait()
            }
            let stopped = self.state.withLock { state in
                state.isWaitingForRoom = false
                return state.stopped
            }
            if stopped { return false }
        }
        let (delivered, spent) = self.state.withLock { state in
            let spent = state.spent
            state.spent.removeAll()
            guard !state.stopped else { return (false, spent) }
            if case .lines(_, let bytes) = batch { state.bytesWaiting += bytes }
            state.waiting.append(batch)
            self.filled.signal()
            return (true, spent)
        }
        withExtendedLifetime(spent) {}  // The last reference: released here, outside the lock.
        return delivered
    }

    private static func check(_ bytes: [UInt8], number: Int) -> Line {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let change = Change(jsonBytes: bytes) else {
            let unapplied = UnappliedChange(jsonBytes: bytes)
            var invalid: String?
            do { try unapplied?.validate() } catch { invalid = "\(error)" }
            return Line(
                number: number,
                text: text,
                change: nil,
                unapplied: unapplied,
                hashMatches: unapplied.map { $0.computedHash == $0.hash } ?? false,
                isCanonical: unapplied?.isWritten(as: bytes) ?? false,
                invalidValue: invalid
            )
        }
        var invalid: String?
        do { try change.validateValues() } catch { invalid = "\(error)" }
        return Line(
            number: number,
            text: text,
            change: change,
            // A format-1 change with erased values cannot be hashed again: the store checks that
            // an erasure names its hash.
            hashMatches: change.computedHash.map { $0 == change.hash }
                ?? change.fields.values.contains { $0.commitment == .erasedFormer },
            isCanonical: change.isWritten(as: bytes),
            invalidValue: invalid
        )
    }
}
