import Synchronization

/// A bundle received whole, as a hub receives a push, whose lines can be read and checked on a
/// thread of their own before its turn to be imported comes. A hub starts reading the pushes
/// that wait while it writes others, so the threads that check lines have work while it
/// commits, instead of starting only once the connection is free.
///
/// ```swift
/// let pushes = bodies.map(ReceivedBundle.init)
/// pushes.prefix(4).forEach { $0.startReading() }
/// let outcomes = try BundleImporter(store: store).importBundles(pushes)
/// ```
///
/// At most 16 batches of 256 parsed lines, or of about 16 MiB of lines, wait per bundle, about
/// three times the bytes of those lines, so a bundle read ahead holds a bounded amount of memory
/// however long it is and however long its lines.
package final class ReceivedBundle: Sendable {
    private let bytes: [UInt8]
    private let opened = Mutex<Result<BundleImporter.OpenedBundle, any Error>?>(nil)

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bundle's size in bytes.
    package var count: Int { self.bytes.count }

    /// Starts reading and checking the lines on their own thread; does nothing the second time.
    package func startReading() {
        self.opened.withLock { opened in
            if opened == nil { opened = Result { try BundleImporter.OpenedBundle(LineReader(bytes: self.bytes)) } }
        }
    }

    /// The opened bundle, handed over once for its import, which stops its thread when it ends:
    /// this object keeps none of its lines, so they are freed as soon as the import is done with
    /// them rather than when the whole batch is.
    func take() -> Result<BundleImporter.OpenedBundle, any Error> {
        self.startReading()
        return self.opened.withLock { opened in
            defer { opened = .failure(SyncError.malformed(line: 1, "the bundle was imported already")) }
            return opened!
        }
    }

    deinit {
        // A bundle read ahead but never imported (its batch failed first) has its thread stopped.
        if case .success(let bundle)? = self.opened.withLock({ $0 }) { bundle.lines.stop() }
    }
}
