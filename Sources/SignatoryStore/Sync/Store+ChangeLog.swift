import SignatoryDomain

/// The append-only feeds: this office's own and the ones received from others.
extension Store {
    /// The length of an office's feed here and the hash of its last change.
    public func feedEnd(of office: ID<Office>) throws -> (sequence: Int64, hash: String) {
        try self.database.prepare("SELECT sequence, hash FROM change_log WHERE office = ? ORDER BY sequence DESC LIMIT 1")
            .firstRow(office) { ($0.integer(0), $0.text(1)) } ?? (0, Change.genesis)
    }

    /// The stored change at a feed position, if any.
    public func change(office: ID<Office>, sequence: Int64) throws -> Change? {
        try self.database.prepare("""
            SELECT office, sequence, hlc, kind, entity_id, fields, previous, hash FROM change_log WHERE office = ? AND sequence = ?
            """).firstRow(office, sequence, read: Store.readChange)
    }

    /// Calls `body` with each change of `office`'s feed after `sequence`, in order.
    public func forEachChange(of office: ID<Office>, after sequence: Int64, _ body: (Change) throws -> Void) throws {
        let statement = try self.database.prepare("""
            SELECT office, sequence, hlc, kind, entity_id, fields, previous, hash FROM change_log
            WHERE office = ? AND sequence > ? ORDER BY sequence
            """)
        try statement.bind([office, sequence])
        defer { statement.reset() }
        while try statement.step() { try body(try Store.readChange(Row(statement: statement))) }
    }

    /// How far into each feed this office is: its version vector.
    public func versionVector() throws -> [ID<Office>: Int64] {
        let pairs = try self.database.prepare("SELECT office, max(sequence) FROM change_log GROUP BY office")
            .rows { (try $0.id(0) as ID<Office>, $0.integer(1)) }
        return Dictionary(uniqueKeysWithValues: pairs)
    }

    /// The total number of changes held.
    public func changeCount() throws -> Int64 {
        try self.database.integer("SELECT count(*) FROM change_log")
    }

    package func appendToLog(_ change: Change) throws {
        try self.database.prepare("""
            INSERT INTO change_log (office, sequence, hlc, kind, entity_id, fields, previous, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run(change.office, change.sequence, change.timestamp.text, change.kind.rawValue, change.entityID,
                     Change.fieldsJSON(change.fields), change.previousHash, change.hash)
    }

    static func readChange(_ row: Row) throws -> Change {
        guard let timestamp = HybridTimestamp(text: row.text(2)), let kind = EntityKind(rawValue: row.text(3)),
              let fields = Change.fields(json: row.text(5))
        else { throw StoreError.notADatabase(path: "database", detail: "a stored change cannot be read") }
        return Change(office: try row.id(0), sequence: row.integer(1), timestamp: timestamp, kind: kind, entityID: row.text(4),
                      fields: fields, previousHash: row.text(6), hash: row.text(7))
    }
}
