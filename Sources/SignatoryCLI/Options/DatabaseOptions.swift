import ArgumentParser
import Foundation
import SignatoryExport
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
        _ = try self.resolvedPath
        _ = try Self.busyTimeoutSeconds()
    }

    /// `--db`, else $SIGNATORY_DB, else `signatory.db`.
    var resolvedPath: String {
        get throws {
            if let path = self.path { return path }
            // Read as bytes: Foundation reads a byte that is not UTF-8 as U+FFFD, so `inv\xFF.db`
            // and `inv\xFE.db` would open one database.
            guard let variable = getenv("SIGNATORY_DB"), variable.pointee != 0 else { return "signatory.db" }
            guard let path = String(validatingCString: variable) else {
                let shown = TerminalText.neutralised(String(String(cString: variable).prefix(200)), multiline: false)
                throw ValidationError(
                    "SIGNATORY_DB ('\(shown)') is not UTF-8 text, and Signatory reads every path as UTF-8; "
                        + "rename the file, or set SIGNATORY_DB to a UTF-8 path, or give one with --db"
                )
            }
            return path
        }
    }

    /// Opens the database, waiting up to $SIGNATORY_BUSY_TIMEOUT seconds (default 30) while
    /// another command or a hub is writing to it.
    func open() throws -> Store {
        try Store.open(at: try self.resolvedPath, busyTimeoutMilliseconds: try Self.busyTimeoutSeconds() * 1_000)
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
