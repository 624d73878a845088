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
        let changes = try self.changes(of: EntityRef(kind, id))
        return RecordHistory.entries(of: changes)
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
        }
        // An acronym that is also the start of another record's id names two records: say so.
        if let organisation = try? self.organisation(matching: reference),
            !found.contains(where: { $0.id == organisation.id.description })
        {
            found.append((kind: .organisation, id: organisation.id.description))
        }
        return found
    }
}
