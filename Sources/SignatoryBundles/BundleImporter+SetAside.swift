import SignatoryDomain
public import SignatoryStore

extension BundleImporter.Report {
    /// One sentence for each revoked office whose relayed changes the import set aside, naming it
    /// as trusted here.
    ///
    /// ```swift
    /// for note in try report.setAsideNotes(in: store) { print(note) }
    /// ```
    public func setAsideNotes(in store: Store) throws -> [String] {
        try self.setAside.sorted { $0.key.description < $1.key.description }.map { office, count in
            let name = try store.trustedOffice(office)?.name ?? office.description
            let after = try store.trustRevocation(of: office).map { " after its change \($0.after)" } ?? ""
            return
                "set aside \(count) change(s) of \(name), whose trust was revoked here\(after): they were not applied"
        }
    }
}
