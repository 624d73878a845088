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

    var resolvedPath: String {
        if let path = self.path { return path }
        if let path = ProcessInfo.processInfo.environment["SIGNATORY_DB"], !path.isEmpty { return path }
        return "signatory.db"
    }

    /// Opens the database, waiting up to $SIGNATORY_BUSY_TIMEOUT seconds (default 30) while
    /// another command or a hub is writing to it.
    func open() throws -> Store {
        let seconds =
            ProcessInfo.processInfo.environment["SIGNATORY_BUSY_TIMEOUT"].flatMap(Int32.init).map {
                min(max($0, 0), 3_600)
            } ?? 30
        return try Store.open(at: self.resolvedPath, busyTimeoutMilliseconds: seconds * 1_000)
    }
}

/// `--json`, taken by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON with the keys documented in the README.")
    var json = false
}
