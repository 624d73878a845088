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
/// At most 16 batches of 256 parsed lines wait per bundle, so a bundle read ahead holds a
/// bounded amount of memory however long it is.
package final class ReceivedBundle: Sendable {
    private let bytes: [UInt8]
    private let opened = Mutex<Result<BundleImporter.OpenedBundle, any Error>?>(nil)
    private let taken = Atomic<Bool>(false)

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Starts reading and checking the lines on their own thread; does nothing the second time.
    package func startReading() {
        self.opened.withLock { opened in
            if opened == nil { opened = Result { try BundleImporter.OpenedBundle(LineReader(bytes: self.bytes)) } }
        }
    }

    /// The opened bundle, for its import, which stops its thread when it ends.
    func take() -> Result<BundleImporter.OpenedBundle, any Error> {
        self.startReading()
        self.taken.store(true, ordering: .releasing)
        return self.opened.withLock { $0! }
    }

    deinit {
        // A bundle read ahead but never imported (its batch failed first) has its thread stopped.
        if !self.taken.load(ordering: .acquiring), case .success(let bundle)? = self.opened.withLock({ $0 }) {
            bundle.lines.stop()
        }
    }
}
