public import SignatoryDomain

/// The append-only feeds: this office's own and the ones received from others.
extension Store {
    /// The length of an office's feed here and the hash of its last change.
    public func feedEnd(of office: ID<Office>) throws -> (sequence: Int64, hash: String) {
        try self.database.prepare(
            "SELECT sequence, hash FROM change_log WHERE office = ? ORDER BY sequence DESC LIMIT 1"
        )
        .firstRow(office) { ($0.integer(0), $0.text(1)) } ?? (0, Change.genesis)
    }

    /// The timestamp of the last change held of a feed, if any, read from its line without
    /// decoding the rest (the line may be of a kind this release does not know).
    public func feedEndTimestamp(of office: ID<Office>) throws -> HybridTimestamp? {
        try self.database.prepare(
            "SELECT json_extract(line, '$.hlc') FROM change_log WHERE office = ? ORDER BY sequence DESC LIMIT 1"
        )
        .firstRow(office) { $0.optionalText(0).flatMap(HybridTimestamp.init(text:)) } ?? nil
    }

    /// The stored change at a feed position, if any.
    public func change(office: ID<Office>, sequence: Int64) throws -> Change? {
        try self.database.prepare("SELECT line FROM change_log WHERE office = ? AND sequence = ?")
            .firstRow(office, sequence, read: Store.readChange)
    }

    /// The hash of the stored change at a feed position, if any, without reading the change.
    public func changeHash(office: ID<Office>, sequence: Int64) throws -> String? {
        try self.database.prepare("SELECT hash FROM change_log WHERE office = ? AND sequence = ?")
            .firstRow(office, sequence) { $0.text(0) }
    }

    /// Calls `body` with the JSON line of each change of `office`'s feed in `after + 1 ... through`.
    public func forEachLine(
        of office: ID<Office>,
        after sequence: Int64,
        through last: Int64,
        _ body: (String) throws -> Void
    ) throws {
        let statement = try self.database.prepare(
            "SELECT line FROM change_log WHERE office = ? AND sequence > ? AND sequence <= ? ORDER BY sequence"
        )
        try statement.bind([office, sequence, last])
        defer { statement.reset() }
        while try statement.step() { try body(Row(statement: statement).text(0)) }
    }

    /// How far into each feed this office is: its version vector.
    public func versionVector() throws -> [ID<Office>: Int64] {
        // One index look-up per known office, so the cost does not grow with the history.
        let offices = try self.database.prepare("SELECT id FROM trusted_office UNION SELECT office FROM feed_head")
            .rows { try $0.id(0) as ID<Office> }
        var vector: [ID<Office>: Int64] = [:]
        for office in offices {
            let end = try self.feedEnd(of: office).sequence
            if end > 0 { vector[office] = end }
        }
        return vector
    }

    /// The total number of changes held.
    public func changeCount() throws -> Int64 {
        try self.database.integer("SELECT count(*) FROM change_log")
    }

    /// Appends a change as `line`, its JSON line as written or received.
    func appendToLog(_ change: Change, line: String) throws {
        try self.appendToLog(entry: change, line: line)
        // An erasure finds a contact's changes through this instead of reading the whole log.
        if change.kind == .contact {
            try self.database.prepare("INSERT INTO contact_change (contact, office, sequence) VALUES (?, ?, ?)")
                .run(change.entityID, change.office, change.sequence)
        }
    }

    private func appendToLog(entry: some FeedEntry, line: String) throws {
        try self.database.prepare("INSERT INTO change_log (office, sequence, hash, line) VALUES (?, ?, ?, ?)")
            .run(entry.office, entry.sequence, entry.hash, line)
    }

    /// Appends a change of a kind this release does not know, and lists it as unapplied.
    func keepUnapplied(_ change: UnappliedChange, line: String) throws {
        try self.appendToLog(entry: change, line: line)
        try self.database.prepare(
            "INSERT INTO unapplied_change (office, sequence, kind, entity_id) VALUES (?, ?, ?, ?)"
        ).run(change.office, change.sequence, change.kind, change.entityID)
    }

    static func readChange(_ row: Row) throws -> Change {
        guard let change = Change(jsonBytes: Array(row.text(0).utf8)) else {
            throw StoreError.notADatabase(path: "database", detail: "a stored change cannot be read")
        }
        return change
    }
}
