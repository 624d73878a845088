import Foundation
public import SignatoryDomain

extension Store {
    /// Every change to a record held here, from every office's feed, oldest first. Removed and
    /// merged records have a history too.
    ///
    /// ```swift
    /// for entry in try store.history(of: .organisation, id) { print(entry.timestamp, entry.edits) }
    /// ```
    public func history(of kind: EntityKind, _ id: String) throws -> [RecordHistory.Entry] {
        var changes = try self.changes(of: EntityRef(kind, id))
        // A signature row of an organisation that other ones were merged into may come from their
        // signatures alone: its history is theirs.
        if changes.isEmpty, kind == .signature, let row = try self.signatureRowOnly(id) {
            for member in try self.signaturesSharingRow(on: row.statement, with: row.organisation) {
                changes += try self.changes(of: member)
            }
        }
        return RecordHistory.entries(of: changes)
    }

    /// The statement and organisation of the signature row `id`, when no signature record has
    /// that id: a row that shows the signatures of organisations merged into its organisation.
    func signatureRowOnly(_ id: String) throws -> (statement: String, organisation: String)? {
        try self.database.prepare(
            """
            SELECT statement_id, organisation_id FROM signature WHERE id = ?1
                AND NOT EXISTS (SELECT 1 FROM entity_state WHERE kind = 'signature' AND entity_id = ?1)
            """
        ).firstRow(id) { (statement: $0.text(0), organisation: $0.text(1)) }
    }

    /// The records whose id is `reference` or starts with it (at least four characters), of any
    /// kind, removed ones included, and the organisation whose acronym it is. A wording's id is
    /// its statement's id, `:` and its hash, so it is named by that (`5c2e…:3fa4`); a statement's
    /// id alone names the statement.
    public func records(matching reference: String) throws -> [(kind: EntityKind, id: String)] {
        let prefix = reference.trimmingCharacters(in: .whitespaces).lowercased()
        var found: [(kind: EntityKind, id: String)] = []
        let isWording = prefix.contains(":")
        if prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" || ($0 == ":" && isWording) }) {
            for kind in EntityKind.allCases where (kind == .statementText) == isWording {
                found += try self.database.prepare(
                    "SELECT entity_id FROM entity_state WHERE kind = ? AND entity_id >= ? AND entity_id < ? LIMIT 20"
                )
                .rows(kind.rawValue, prefix, prefix + "~") { (kind: kind, id: $0.text(0)) }
            }
            if !isWording {
                // `signatures` lists rows, and a row of merged organisations may have no record of its id.
                found += try self.database.prepare(
                    """
                    SELECT id FROM signature WHERE id >= ? AND id < ? AND NOT EXISTS
                        (SELECT 1 FROM entity_state WHERE kind = 'signature' AND entity_id = signature.id) LIMIT 20
                    """
                )
                .rows(prefix, prefix + "~") { (kind: .signature, id: $0.text(0)) }
            }
        }
        // An acronym that is also the start of another record's id names two records: say so.
        let organisations: [String]
        if let organisation = try? self.organisation(matching: reference) {
            organisations = [organisation.id.description]
        } else {
            organisations = try self.organisations(thatHadAcronym: reference)
        }
        for id in organisations where !found.contains(where: { $0.id == id }) {
            found.append((kind: .organisation, id: id))
        }
        return found
    }

    /// The organisations, removed and merged ones included, whose changes ever set their acronym
    /// to `acronym` (ignoring case), for `history` when no organisation has it now.
    func organisations(thatHadAcronym acronym: String) throws -> [String] {
        let text = acronym.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 256 else { return [] }
        // A quote inside a value is escaped in its line, so the key and the quoted value only
        // match a field; the decoded value is compared to be sure.
        let lines = try self.database.prepare(
            """
            SELECT line FROM change_log WHERE instr(line, '"kind":"organisation"') > 0
                AND instr(lower(line), '"acronym":{"value":' || json_quote(lower(?))) > 0
            ORDER BY office, sequence
            """
        ).rows(text) { try Store.readChange($0) }
        var ids: [String] = []
        for change in lines where !ids.contains(change.entityID) {
            if case .text(let value) = change.fields["acronym"]?.value, value.lowercased() == text.lowercased() {
                ids.append(change.entityID)
            }
        }
        return ids
    }
}
