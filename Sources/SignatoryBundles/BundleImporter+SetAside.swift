import SignatoryDomain
public import SignatoryStore

extension BundleImporter.Report {
    /// One sentence for each revoked office whose relayed changes the import set aside, naming it
    /// as trusted here, and one for the records held here that name a record those changes created.
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
        let hidden = try store.recordsNamingRecordsNotHeld()
        if hidden.count > 0 {
            var named = hidden.first.map { "\($0.kind.rawValue) \($0.id.prefix(8))" }
            if hidden.count > named.count { named.append("and \(hidden.count - named.count) more") }
            notes.append(
                "\(hidden.count) record(s) held here name a record that set-aside changes created, which is not held "
                    + "here: a contact or signature stays hidden, a statement shows without that lead ("
                    + named.joined(separator: ", ") + "; `signatory history ID` shows each)"
            )
        }
        return notes
    }
}
