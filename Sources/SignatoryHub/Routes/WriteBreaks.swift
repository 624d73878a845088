/// When the hub's writer lets go of the database's write lock for a moment. Another process
/// waiting for it (`hub revoke`, `hub enroll`) retries at least every 100 ms (SQLite's busy
/// handler) and otherwise finds it free only between two batches of pushes, by chance: an office
/// pushing without pause could keep itself from being revoked.
///
/// ```swift
/// var breaks = WriteBreaks()
/// breaks.start(at: clock.now)
/// if breaks.isDue(at: clock.now) { try await Task.sleep(for: breaks.lasting); breaks.took(at: clock.now) }
/// ```
struct WriteBreaks {
    /// How long the writer may write without a break.
    let after: Duration
    /// How long a break lasts: longer than the busy handler's longest sleep.
    let lasting: Duration
    private var writingSince: ContinuousClock.Instant?
    private var idleSince: ContinuousClock.Instant?

    init(after: Duration = .seconds(5), lasting: Duration = .milliseconds(250)) {
        self.after = after
        self.lasting = lasting
    }

    /// The writer starts on waiting pushes. A queue emptied for less than a break, as between
    /// one office's pushes, does not count as one.
    mutating func start(at now: ContinuousClock.Instant) {
        if self.writingSince == nil || self.idleSince.map({ now - $0 >= self.lasting }) ?? false {
            self.writingSince = now
        }
        self.idleSince = nil
    }

    /// Whether the writer should take a break before its next batch.
    func isDue(at now: ContinuousClock.Instant) -> Bool {
        self.writingSince.map { now - $0 >= self.after } ?? false
    }

    /// The writer has taken a break, which ended `now`.
    mutating func took(at now: ContinuousClock.Instant) {
        self.writingSince = now
    }

    /// The writer has nothing left to write.
    mutating func stop(at now: ContinuousClock.Instant) {
        self.idleSince = now
    }
}
