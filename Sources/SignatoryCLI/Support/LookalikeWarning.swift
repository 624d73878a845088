import SignatoryDomain
import SignatoryStore

/// What a change to people at risk lets shared sheets show: the contacts that read like them
/// and were left out until now. Said in the confirmation, and on standard error once done.
///
/// ```swift
/// let lookalikes = LookalikeWarning(try store.lookalikes(exposedBy: contact, becoming: nil), like: contact.fullName)
/// try confirmation.confirm("remove the contact \(contact.fullName)" + lookalikes.confirmationSuffix, typing: …, in: store)
/// lookalikes.warn()
/// ```
struct LookalikeWarning {
    let exposed: [ContactPerson]
    /// Who they read like: "Lucica Humenuc", or "Lucica Humenuc or Thierry Valle".
    let people: String

    init(_ exposed: [ContactPerson], like people: String) {
        self.exposed = exposed
        self.people = people
    }

    /// "; then shared sheets will name …", to add to a confirmation; empty when nobody is exposed.
    var confirmationSuffix: String { self.text(tense: "will").map { "; then \($0)" } ?? "" }

    /// Says on standard error who shared sheets name since changes from other offices freed a
    /// person at risk among those `before` held, if anyone: the import itself cannot ask first.
    static func warnAfterReceiving(into store: Store, protectedBefore before: ProtectedIdentities) throws {
        LookalikeWarning(
            try store.lookalikes(exposedSince: before),
            like: "a person at risk whom changes from other offices erased, removed or no longer mark at risk"
        ).warn()
    }

    /// Says on standard error who shared sheets now name, if anyone.
    func warn() {
        if let text = self.text(tense: "now") { Output.warn(text) }
    }

    private func text(tense: String) -> String? {
        guard let first = self.exposed.first else { return nil }
        let count = self.exposed.count == 1 ? "1 contact" : "\(self.exposed.count) contacts"
        let names = self.exposed.prefix(5).map { "\($0.fullName) (\($0.id.shortID))" }.joined(separator: ", ")
        return
            "shared sheets \(tense) name \(count) left out until now for reading like \(self.people): \(names)\(self.exposed.count > 5 ? ", …" : ""); if one is the same person, run `signatory contact edit \(first.id.shortID) --at-risk`"
    }
}
