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
            let revocation = try store.trustRevocation(of: office)
            let after = revocation.map { " after its change \($0.after)" } ?? ""
            var note =
                "set aside \(count) change(s) of \(name), whose trust was revoked here\(after): they were not applied"
            // A revocation that names a change not held here takes the changes up to it only
            // with that change: a bundle that stops short of it cannot show they are the office's.
            let held = try store.feedEnd(of: office).sequence
            if let revocation, revocation.hash != nil, held < revocation.after {
                note +=
                    "; those up to change \(revocation.after) are taken from a bundle that carries them up to that change"
            }
            // Its signature covers only the head it signed, which lies among those set aside.
            let signed = try store.feedHead(of: office)?.sequence ?? 0
            if held > signed {
                let changes =
                    signed + 1 == held
                    ? "change \(held) held here is" : "changes \(signed + 1) to \(held) held here are"
                note +=
                    "; its \(changes) signed by no head of it, so this office cannot pass them on: other offices take "
                    + "them from the office that sent them"
            }
            return note
        }
        // Only people shown here and not at risk here: the others need no mark, or cannot take one.
        let marked = try self.setAsideAtRiskMarks.sorted().filter { id in
            try ID<ContactPerson>(id).flatMap { try store.contact($0) }.map { !$0.atRisk } ?? false
        }
        if !marked.isEmpty {
            notes.append(
                "among the changes set aside, a mark of a person at risk on \(Self.named(marked.map { "contact \($0.prefix(8))" })): "
                    + "not taken, so not marked at risk here by it; if the mark is right, mark them here"
            )
        }
        // Typed at a trusted office, they must not vanish without a word (this import's or an earlier one's).
        let wanting = try store.recordsWantingChangesNotHeld()
        if wanting.count > 0 {
            notes.append(
                "\(wanting.count) record(s) held here do not show, or show without a record they name, as a change "
                    + "they need is not held here: one an office revoked here wrote after its revocation (set aside), "
                    + "or one of an office this office does not trust ("
                    + Self.named(wanting.first.map { "\($0.kind.rawValue) \($0.id.prefix(8))" }, of: wanting.count)
                    + "; the history of each shows what is held)"
            )
        }
        return notes
    }

    /// "contact 1a2b3c4d, contact 5e6f7a8b and 3 more": the first ten, and how many besides.
    private static func named(_ names: [String], of count: Int? = nil) -> String {
        let shown = Array(names.prefix(10))
        let rest = (count ?? names.count) - shown.count
        return (shown + (rest > 0 ? ["and \(rest) more"] : [])).joined(separator: ", ")
    }
}
