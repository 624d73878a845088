import Foundation

/// "importing: 12,000 of 30,000 changes (40%)" on one line of standard error, rewritten in
/// place, for a command that takes longer than two seconds; nothing at all when standard error
/// is not a terminal, so scripts and logs get only the result.
///
/// ```swift
/// let progress = TerminalProgress("importing", unit: "changes")
/// importer.progress = progress.update
/// defer { progress.finish() }
/// ```
final class TerminalProgress {
    private let label: String
    private let unit: String
    private let start = Date()
    private var lastShown: Date?
    private var shown = false
    private let isTerminal = isatty(STDERR_FILENO) == 1
    /// Seconds before anything shows: `$SIGNATORY_PROGRESS_DELAY`, else 2.
    private let delay: TimeInterval =
        ProcessInfo.processInfo.environment["SIGNATORY_PROGRESS_DELAY"].flatMap(TimeInterval.init).map {
            min(max($0, 0), 3_600)
        } ?? 2

    init(_ label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    func update(_ done: Int64, _ total: Int64) {
        guard self.isTerminal else { return }
        let now = Date()
        guard now.timeIntervalSince(self.start) >= self.delay else { return }
        // A few times a second is enough for a person, and costs nothing.
        if let last = self.lastShown, now.timeIntervalSince(last) < 0.2, done < total { return }
        self.lastShown = now
        self.shown = true
        let percent = total > 0 ? " (\(done * 100 / total)%)" : ""
        let text = "\r\(self.label): \(Self.grouped(done)) of \(Self.grouped(total)) \(self.unit)\(percent)\u{1B}[K"
        StandardStreams.writeError(text)
    }

    func update(_ done: Int, _ total: Int) {
        self.update(Int64(done), Int64(total))
    }

    /// Ends the progress line, if one was shown.
    func finish() {
        guard self.shown else { return }
        StandardStreams.writeError("\n")
        self.shown = false
    }

    /// "30,000"
    private static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
