import ArgumentParser
import Foundation
import SignatoryStore

/// `--db PATH`, shared by every command that reads or writes a database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file.",
            discussion: "Default: $SIGNATORY_DB, else ./signatory.db.",
            valueName: "path"
        )
    )
    var path: String?

    func validate() throws {
        if self.path?.isEmpty == true { throw ValidationError("--db needs a file path, e.g. --db geneva.db") }
        _ = try Self.busyTimeoutSeconds()
    }

    var resolvedPath: String {
        if let path = self.path { return path }
        if let path = ProcessInfo.processInfo.environment["SIGNATORY_DB"], !path.isEmpty { return path }
        return "signatory.db"
    }

    /// Opens the database, waiting up to $SIGNATORY_BUSY_TIMEOUT seconds (default 30) while
    /// another command or a hub is writing to it.
    func open() throws -> Store {
        try Store.open(at: self.resolvedPath, busyTimeoutMilliseconds: try Self.busyTimeoutSeconds() * 1_000)
    }

    private static func busyTimeoutSeconds() throws -> Int32 {
        guard let text = ProcessInfo.processInfo.environment["SIGNATORY_BUSY_TIMEOUT"], !text.isEmpty else {
            return 30
        }
        guard let seconds = Int32(text), (0...3_600).contains(seconds) else {
            throw ValidationError(
                "SIGNATORY_BUSY_TIMEOUT is '\(text)'; set it to a number of seconds from 0 to 3600, e.g. SIGNATORY_BUSY_TIMEOUT=60"
            )
        }
        return seconds
    }
}

/// `--json`, taken by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON with the keys documented in the README.")
    var json = false
}
