import Foundation
public import SignatoryDomain

/// Erasing a person (GDPR Art. 17, or a defender whose safety demands it).
///
/// An erasure is a critical change of the contact's that no other change can undo. Every office
/// that holds it, this one included, removes the contact's name, title, email and phone from
/// every change it holds (and relays), from the record's merge state and from its conflicts;
/// only a tombstone is left. Each change keeps its hash: a format-2 change commits to a salted
/// digest of each value, and a format-1 change's hash is named by the erasure itself.
extension Store {
    /// Erases a contact for good, keeping the organisations' signatures.
    ///
    /// With `again`, a contact another office erased is erased once more by this one: nothing
    /// more is removed here, but this office's own erasure then vouches for its changes that the
    /// other one redacted, so they reach a hub that refuses the other office's feed (`hub revoke`).
    /// A contact this office erased itself is refused either way.
    ///
    /// ```swift
    /// let erasure = try store.eraseContact(id, reason: "asked to be forgotten")
    /// print(erasure.redactedChanges, "changes redacted")
    /// ```
    public func eraseContact(_ id: ID<ContactPerson>, reason: String?, again: Bool = false) throws -> ContactErasure {
        let ref = EntityRef(.contact, id.description)
        let erasure = try self.transaction { () throws -> ContactErasure in
            guard let state = try self.loadState(of: ref) else {
                throw StoreError.notFound("contact", reference: id.description)
            }
            if try !again || self.erasedHere(ref) { try self.refuseIfErased(ref, state) }
            try self.checkErasureReason(reason, of: id)
            let held = try self.database.integer("SELECT count(*) FROM contact_change WHERE contact = ?", ref.id)
            // Format-1 hashes cannot be recomputed once values are gone: the erasure names them.
            // Only those lines are read here; applying the erasure reads every line once. Those an
            // earlier erasure named are named again, so this one vouches for them on its own.
            let holding = try self.database.prepare(
                """
                SELECT c.line FROM contact_change k JOIN change_log c ON c.office = k.office AND c.sequence = k.sequence
                WHERE k.contact = ? AND substr(c.line, 1, 11) <> '{"format":"'
                """
            ).rows(ref.id) { try Store.readChange($0) }.filter(\.holdsErasableValues).map(\.hash)
            let named = try self.database.prepare("SELECT hash FROM former_line WHERE contact = ?").rows(ref.id) {
                $0.text(0)
            }
            let former = Set(holding + named).sorted()
            var values: FieldMap = [EntityKind.erasedField: .bool(true), "erasureReason": FieldValue(reason?.nonBlank)]
            if !former.isEmpty { values["formerLines"] = .text(former.joined(separator: ",")) }
            try EntityKind.contact.validate(entityID: ref.id, values: values)
            let change = try self.appendLocalChange(
                ref,
                values.mapValues { FieldAssignment(value: $0) },
                state: state,
                critical: true,
                now: nil
            )
            return ContactErasure(contact: id, erasedAt: change.timestamp, redactedChanges: Int(held))
        }
        return erasure
    }

    /// Refuses a reason that cannot be kept, or that repeats a name, email address or phone number
    /// the person held in any change held here (see ``ErasureReason``), or any reason for a
    /// person erased already. A blank reason is no reason, and passes.
    public func checkErasureReason(_ reason: String?, of id: ID<ContactPerson>) throws {
        guard let reason = reason?.nonBlank else { return }
        // Named as the coordinator typed it, not as the field a bundle carries it in.
        try PlainText.check(reason, field: "erasure reason")
        let ref = EntityRef(.contact, id.description)
        try EntityKind.contact.validate(
            entityID: ref.id,
            values: [EntityKind.erasedField: .bool(true), "erasureReason": .text(reason)]
        )
        let changes = try self.changes(of: ref)
        guard !changes.contains(where: \.erases) else { throw DomainError.reasonForRepeatedErasure }
        try ErasureReason.check(
            reason,
            against: changes.map { $0.fields.filter { !$0.value.isErased }.mapValues(\.value) }
        )
    }

    /// The contact `reference` names for an erasure, shown or removed: its id, the name last
    /// known here, and whether another office erased it already (only with `again`, which
    /// also accepts such a contact).
    public func contactToErase(
        matching reference: String,
        again: Bool = false
    ) throws -> (id: ID<ContactPerson>, name: String?, erased: Bool) {
        let id = try self.resolveID(
            in: "(SELECT entity_id AS id FROM entity_state WHERE kind = 'contact')",
            kind: "contact",
            reference: reference
        )
        let ref = EntityRef(.contact, id)
        let state = try self.loadState(of: ref)
        if try !again || self.erasedHere(ref) { try self.refuseIfErased(ref, state) }
        guard !(state?.isErased ?? false) else { return (try Store.id(id), nil, true) }
        return (try Store.id(id), try self.settledFields(of: ref).text("fullName"), false)
    }

    /// Whether this office's own feed holds an erasure of the contact.
    private func erasedHere(_ ref: EntityRef) throws -> Bool {
        try self.changes(of: ref).contains { $0.office == self.office.id && $0.erases }
    }

    func refuseIfErased(reference: String) throws {
        let id: String
        do {
            id = try self.resolveID(in: "contact_erasure", kind: "contact", reference: reference)
        } catch is StoreError {
            return  // Not an erased contact either, or more than one.
        }
        guard let tombstone = try self.erasure(of: try Store.id(id)) else { return }
        throw StoreError.erased(
            contact: id,
            on: tombstone.erasedAt.map { ContactErasure.day($0.date) } ?? "an earlier day"
        )
    }

    /// The tombstone of an erased contact, if it was erased.
    public func erasure(of id: ID<ContactPerson>) throws -> ContactErasure.Tombstone? {
        try self.database.prepare("SELECT erased_at, office, reason FROM contact_erasure WHERE id = ?")
            .firstRow(id.description) { row in
                ContactErasure.Tombstone(
                    contact: id,
                    erasedAt: HybridTimestamp(text: row.text(0)),
                    office: try row.id(1),
                    reason: row.optionalText(2)
                )
            }
    }

    func refuseIfErased(_ ref: EntityRef, _ state: RecordState?) throws {
        guard let state, state.isErased else { return }
        let when = state.settle(ref.kind).versions[EntityKind.erasedField]?.timestamp.date
        throw StoreError.erased(contact: ref.id, on: when.map(ContactErasure.day) ?? "an earlier day")
    }

    /// Every change of a record held here, any office's, oldest first within each feed.
    func changes(of ref: EntityRef) throws -> [Change] {
        if ref.kind == .contact { return try self.contactChanges(where: "k.contact = ?", ref.id) }
        // Lines name kind and id in this order and form (see `Change.jsonLine`).
        let needle = #""kind":"\#(ref.kind.rawValue)","id":"\#(ref.id)""#
        return try self.database.prepare("SELECT line FROM change_log WHERE instr(line, ?) > 0")
            .rows(needle) { Change(jsonBytes: Array($0.text(0).utf8)) }
            .compactMap { $0 }
            .filter { $0.kind == ref.kind && $0.entityID == ref.id }
    }

    /// The changes of the contacts that `condition`, SQL written here on the contact index `k`
    /// (never text from outside), picks: read through the index rather than by searching every line.
    ///
    /// ```swift
    /// let changes = try store.contactChanges(where: "k.contact = ?", contactID)
    /// ```
    func contactChanges(where condition: String, _ values: any SQLBindable...) throws -> [Change] {
        try self.database.prepare(
            built: """
                SELECT c.line FROM contact_change k JOIN change_log c ON c.office = k.office AND c.sequence = k.sequence
                WHERE \(condition)
                """
        ).rows(values: values) { try Store.readChange($0) }
    }

    /// What an erasure does here when applied, from this office or another: it records the
    /// format-1 hashes it vouches for and, when it is the record's first, redacts every change
    /// held and drops the record's conflicts.
    func applyErasure(_ change: Change, firstOfRecord: Bool) throws {
        for hash in change.formerLines {
            try self.database.prepare("INSERT OR IGNORE INTO former_line (hash, contact) VALUES (?, ?)")
                .run(hash, change.entityID)
        }
        guard firstOfRecord else { return }
        let update = try self.database.prepare("UPDATE change_log SET line = ? WHERE office = ? AND sequence = ?")
        let forget = try self.database.prepare("DELETE FROM resolved_conflict WHERE id = ?")
        for held in try self.changes(of: EntityRef(change.kind, change.entityID)) {
            if held.holdsErasableValues { try update.run(held.redacted.jsonLine, held.office, held.sequence) }
            // A settled conflict's id is derived from its losing version, and it keeps the value kept.
            for field in held.fields.keys {
                try forget.run(
                    Conflict.id(record: held.kind, recordID: held.entityID, field: field, loser: held.timestamp)
                )
            }
        }
        try self.database.prepare("DELETE FROM conflict WHERE kind = ? AND entity_id = ?")
            .run(change.kind.rawValue, change.entityID)
        self.erasedValuesMayLinger = true
    }

    /// Checks a received change whose values were removed: its contact must be erased here, and a
    /// format-1 change must be named by one of the contact's erasures.
    func requireErasureVouches(for change: Change) throws {
        let ref = EntityRef(change.kind, change.entityID)
        let isFormer = change.fields.values.contains { $0.commitment == .erasedFormer }
        let vouched =
            try self.loadState(of: ref)?.isErased == true
            && (try !isFormer
                || self.database.prepare("SELECT contact FROM former_line WHERE hash = ?")
                    .firstRow(change.hash) { $0.text(0) } == change.entityID)
        guard vouched else {
            throw StoreError.unvouchedErasure(office: change.office.description, sequence: change.sequence)
        }
    }

    /// Writes the tombstone of an erased contact from its settled erasure.
    func writeTombstone(_ ref: EntityRef) throws {
        let versions = try self.settledVersions(of: ref)
        // The first erasure: every erasure carries a reason (or null), settled to the earliest.
        guard let erased = versions["erasureReason"] ?? versions[EntityKind.erasedField] else { return }
        try self.database.prepare(
            """
            INSERT INTO contact_erasure (id, erased_at, office, reason) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET erased_at = excluded.erased_at, office = excluded.office, reason = excluded.reason
            """
        ).run(ref.id, erased.timestamp.text, erased.timestamp.office, versions["erasureReason"]?.value.text)
    }

    /// Folds the write-ahead log into the database and truncates it, so that no page holding an
    /// erased value is left in it. Deleted content in the database itself is zeroed as it is
    /// freed (`secure_delete`). The outermost transaction calls it once it has committed: a
    /// checkpoint cannot run inside one.
    ///
    /// Another connection reading an older snapshot (an export, the hub, the web app) holds the
    /// checkpoint back for up to the busy timeout; if it is still reading then, the erased values
    /// stay in the files until a later command checkpoints, and ``erasedValuesMayLinger`` says so.
    func wipeWriteAheadLog() throws {
        guard self.erasedValuesMayLinger, self.database.isAutocommit else { return }
        let busy = try self.database.prepare("PRAGMA wal_checkpoint(TRUNCATE)").firstRow { $0.integer(0) }
        self.erasedValuesMayLinger = busy != 0
    }
}

/// What `Store.eraseContact` did.
public struct ContactErasure: Sendable {
    public let contact: ID<ContactPerson>
    public let erasedAt: HybridTimestamp
    /// How many changes of the contact were held here, none of which keeps the person's values.
    public let redactedChanges: Int

    /// What is left of an erased contact: which record, when, by which office, and why.
    public struct Tombstone: Sendable {
        public let contact: ID<ContactPerson>
        public let erasedAt: HybridTimestamp?
        public let office: ID<Office>
        public let reason: String?
    }

    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}
