import Foundation
public import SignatoryDomain

/// Turning what a user typed (a full id, an unambiguous id prefix, or an organisation's
/// acronym) into one record's id.
extension Store {
    /// The id in `table` that `reference` names.
    ///
    /// - Parameters:
    ///   - kind: how the record is called in messages ("organisation").
    ///   - acronymColumn: a column whose exact value (ignoring case) also names a record.
    func resolveID(in table: String, kind: String, reference: String, acronymColumn: String? = nil) throws -> String {
        let text = reference.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw StoreError.notFound(kind, reference: reference) }
        if let id = UUID(uuidString: text) {
            let canonical = id.uuidString.lowercased()
            let found = try self.database.prepare(built: "SELECT 1 FROM \(table) WHERE id = ?").firstRow(canonical) {
                _ in true
            }
            guard found == true else { throw StoreError.notFound(kind, reference: reference) }
            return canonical
        }
        var byAcronym: [String] = []
        if let acronymColumn {
            byAcronym = try self.database.prepare(
                built: "SELECT id FROM \(table) WHERE \(acronymColumn) = ? COLLATE NOCASE ORDER BY id"
            )
            .rows(text) { $0.text(0) }
        }
        let prefix = text.lowercased()
        var byPrefix: [String] = []
        if prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
            // '~' sorts after every hex digit and '-', so this range is the prefix and uses the key.
            byPrefix = try self.database.prepare(
                built: "SELECT id FROM \(table) WHERE id >= ? AND id < ? ORDER BY id LIMIT 20"
            )
            .rows(prefix, prefix + "~") { $0.text(0) }
        }
        // An acronym that is also the start of another record's id names two records: say so.
        let candidates = byAcronym + byPrefix.filter { !byAcronym.contains($0) }
        switch candidates.count {
        case 0: throw StoreError.notFound(kind, reference: reference)
        case 1: return candidates[0]
        default: throw StoreError.ambiguous(kind, reference: reference, candidates: candidates)
        }
    }

    /// The trusted office that `reference` names: its name (ignoring case), id, or an id
    /// prefix of at least four characters.
    ///
    /// A reference that fits two offices in any of these ways is refused as ambiguous: an office
    /// whose card gives it another office's name, or a name that looks like another office's id,
    /// must not receive what was meant for that office.
    public func trustedOffice(matching reference: String) throws -> ID<Office> {
        let offices = try self.trustedOffices()
        let lowered = reference.lowercased()
        if let exact = offices.first(where: { $0.id.description == lowered }) { return exact.id }
        let matches = offices.filter {
            $0.name.lowercased() == lowered || (lowered.count >= 4 && $0.id.description.hasPrefix(lowered))
        }
        switch matches.count {
        case 0: throw StoreError.notFound(Self.trustedOfficeKind, reference: reference)
        case 1: return matches[0].id
        default:
            throw StoreError.ambiguous(
                Self.trustedOfficeKind,
                reference: reference,
                candidates: matches.map { "\($0.name) (\($0.id))" }
            )
        }
    }

    /// How a trusted office is called in messages.
    public static let trustedOfficeKind = "trusted office"
}
