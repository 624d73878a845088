/// One numbered `.sql` file from `Schema/`, applied once and recorded in `PRAGMA user_version`.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The newest schema version this build knows.
    public static var latestVersion: Int { Migration.embedded.last?.version ?? 0 }
}
