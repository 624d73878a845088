import SignatoryDomain
public import SignatoryStore

extension BundleImporter.Report {
    /// One sentence for each revoked office whose relayed changes the import set aside, naming it
    /// as trusted here, and one for the records held here that want a change not held here.
    ///
    /// ```swift
    /// for note in try report.setAsideNotes(in: store) { print(note) }
    /// ```
    public func setAsideNotes(in store: Store) throws -> [String] {
        var notes = try self.setAside.sorted { $0.key.description < $1.key.description }.map { office, count in
            let name = try store.trustedOffice(office)?.name ?? office.description
            let after = try store.trustRevocation(of: office).map { " after its change \($0.after)" } ?? ""
            return
                "set aside \(count) change(s) of \(name), whose trust was revoked here\(after): they were not applied"
        }
        // Typed at a trusted office, they must not vanish without a word (this import's or an earlier one's).
        let wanting = try store.recordsWantingChangesNotHeld()
        if wanting.count > 0 {
            var named = wanting.first.map { "\($0.kind.rawValue) \($0.id.prefix(8))" }
            if wanting.count > named.count { named.append("and \(wanting.count - named.count) more") }
            notes.append(
                "\(wanting.count) record(s) held here do not show, or show without a record they name, as a change "
                    + "they need is not held here: one an office revoked here wrote after its revocation (set aside), "
                    + "or one of an office this office does not trust ("
                    + named.joined(separator: ", ") + "; `signatory history ID` shows each)"
            )
        }
        return notes
    }
}
