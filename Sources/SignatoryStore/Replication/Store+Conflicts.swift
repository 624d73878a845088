import Foundation
public import SignatoryDomain

extension Store {
    /// Lists a version that lost inside its own record.
    func insert(_ loss: RecordState.Loss, of ref: EntityRef) throws {
        try self.insert(
            Conflict(
                record: ref.kind,
                recordID: ref.id,
                field: loss.field,
                rule: loss.rule.name(winner: loss.winner.value),
                winner: loss.winner,
                loser: loss.loser
            )
        )
    }

    func insert(_ conflict: Conflict) throws {
        try self.database.prepare(
            """
            INSERT OR REPLACE INTO conflict (id, kind, entity_id, field, rule, winner_value, winner_hlc, loser_value, loser_hlc)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run(
            conflict.id,
            conflict.record.rawValue,
            conflict.recordID,
            conflict.field,
            conflict.rule,
            conflict.winner.value.storageText,
            conflict.winner.timestamp.text,
            conflict.loser.value.storageText,
            conflict.loser.timestamp.text
        )
    }

    /// Every open conflict, oldest losing value first.
    public func conflicts() throws -> [Conflict] {
        try self.database.prepare(
            """
            SELECT kind, entity_id, field, rule, winner_value, winner_hlc, loser_value, loser_hlc FROM conflict
            ORDER BY loser_hlc, kind, entity_id, field
            """
        ).rows(read: Store.readConflict)
    }

    public func conflictCount() throws -> Int {
        Int(try self.database.integer("SELECT count(*) FROM conflict"))
    }

    public func conflict(matching reference: String) throws -> Conflict {
        let id: String
        do {
            id = try self.resolveID(in: "conflict", kind: "conflict", reference: reference)
        } catch let error as StoreError where error.code == .notFound {
            let resolved = try? self.resolveID(in: "resolved_conflict", kind: "conflict", reference: reference)
            guard let resolved,
                let (time, kept) = try self.database.prepare(
                    "SELECT resolved_at, kept FROM resolved_conflict WHERE id = ?"
                ).firstRow(resolved, read: { ($0.date(0), $0.text(1)) })
            else { throw error }
            let date = time.formatted(.iso8601.year().month().day())
            throw StoreError.alreadyResolved(
                conflict: String(resolved.prefix(8)),
                on: date,
                kept: FieldValue(storageText: kept).map { "\($0)" } ?? kept
            )
        }
        guard
            let conflict = try self.database.prepare(
                """
                SELECT kind, entity_id, field, rule, winner_value, winner_hlc, loser_value, loser_hlc FROM conflict WHERE id = ?
                """
            ).firstRow(id, read: Store.readConflict)
        else { throw StoreError.notFound("conflict", reference: reference) }
        return conflict
    }

    static func readConflict(_ row: Row) throws -> Conflict {
        guard let winnerTime = HybridTimestamp(text: row.text(5)), let loserTime = HybridTimestamp(text: row.text(7)),
            let winnerValue = FieldValue(storageText: row.text(4)),
            let loserValue = FieldValue(storageText: row.text(6))
        else { throw StoreError.notADatabase(path: "database", detail: "a stored conflict cannot be read") }
        return Conflict(
            record: try row.choice(0),
            recordID: row.text(1),
            field: row.text(2),
            rule: row.text(3),
            winner: FieldVersion(timestamp: winnerTime, value: winnerValue),
            loser: FieldVersion(timestamp: loserTime, value: loserValue)
        )
    }
}

extension Store {
    /// How a conflict list names a record: an organisation's or person's name, a title, or for
    /// a signature the organisation's name. Deleted and hidden records are named too.
    public func recordName(_ kind: EntityKind, _ id: String) throws -> String {
        let fields = try self.settledFields(of: EntityRef(kind, id))
        let name: String?
        switch kind {
        case .organisation, .campaign: name = fields.text("name")
        case .contact: name = fields.text("fullName")
        case .statement, .statementText: name = fields.text("title")
        case .signature:
            name = try (fields.text("organisation") ?? self.signatureRowOnly(id)?.organisation).flatMap {
                try self.settledFields(of: EntityRef(.organisation, $0)).text("name")
            }
        }
        let deleted = fields[EntityKind.deletedField] == .bool(true) ? " (deleted)" : ""
        return (name ?? String(id.prefix(8))) + deleted
    }
}

extension Store {
    /// The title of the statement a signature or a statement's wording belongs to, so that a
    /// conflict on one can be told apart from the same organisation's on another statement.
    public func statementTitle(of kind: EntityKind, _ id: String) throws -> String? {
        guard kind == .signature || kind == .statementText,
            let statement = try self.settledFields(of: EntityRef(kind, id)).text("statement")
        else { return nil }
        return try self.settledFields(of: EntityRef(.statement, statement)).text("title")
    }
}
