import SignatoryDomain

/// Said when a change to a person at risk lets shared sheets name contacts that read like them.
enum LookalikeWarning {
    /// "shared sheets will name 1 contact left out until now for reading like Lucica Humenuc: …"
    static func text(_ exposed: [ContactPerson], like contact: ContactPerson, tense: String = "will") -> String? {
        self.text(exposed, like: contact.fullName, tense: tense)
    }

    /// As above, for the contacts at risk named `people` ("Lucica Humenuc or Thierry Valle").
    static func text(_ exposed: [ContactPerson], like people: String, tense: String = "will") -> String? {
        guard let first = exposed.first else { return nil }
        let count = exposed.count == 1 ? "1 contact" : "\(exposed.count) contacts"
        let names = exposed.prefix(5).map { "\($0.fullName) (\($0.id.shortID))" }.joined(separator: ", ")
        return
            "shared sheets \(tense) name \(count) left out until now for reading like \(people): \(names)\(exposed.count > 5 ? ", …" : ""); if one is the same person, run `signatory contact edit \(first.id.shortID) --at-risk`"
    }
}
