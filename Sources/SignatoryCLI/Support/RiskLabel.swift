import SignatoryDomain
import SignatoryExport

extension ProtectedIdentities {
    /// How office staff see a contact's protection: "at risk", or "like one at risk" for a
    /// contact who shares a name, email address or phone number with a person at risk and is
    /// left out of shared sheets as they are; `nil` for anyone else.
    func label(of contact: ContactPerson) -> String? {
        if contact.atRisk { return "at risk" }
        return self.protects(contact) ? "like one at risk" : nil
    }
}

extension ContactPerson {
    /// The contact's JSON, with `likeOneAtRisk`: whether shared sheets leave it out for sharing
    /// a name, email address or phone number with a person at risk.
    func json(with identities: ProtectedIdentities) -> JSONRecord {
        JSONRecord.merging(self.json, ["likeOneAtRisk": !self.atRisk && identities.protects(self)])
    }
}
