import SignatoryDomain
import SignatoryImport
import SignatoryStore

/// `/statements/ID/cosigners/new`: the organisation typed so far, and the organisations held
/// that it may be: the sign-on import's match, then names, acronyms and iCSO numbers alike.
struct CosignerPage {
    /// What the coordinator typed about the organisation.
    struct Typed: Sendable {
        var name: String?
        var acronym: String?
        var country: String?
        var icso: String?
        var email: String?
    }

    let text: WebText
    let statement: ID<JointStatement>
    var typed = Typed()

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        guard let statement = try store.statement(self.statement) else {
            throw WebError.notFound(self.text["statement"])
        }
        var context: [String: Any] = [
            "statementID": statement.id.description, "statementTitle": statement.title,
            "name": self.typed.name ?? "", "acronym": self.typed.acronym ?? "", "country": self.typed.country ?? "",
            "icso": self.typed.icso ?? "", "email": self.typed.email ?? "",
            "ecosocChoices": self.text.options(ECOSOCCategory.allCases.reversed()),
            "signatureChoices": self.text.options(SignatureStatus.allCases, selected: .signed),
        ]
        if self.typed.name != nil {
            let candidates = try self.candidates(in: store)
            context["checked"] = true
            context["hasCandidates"] = !candidates.isEmpty
            context["candidates"] = candidates.enumerated().map { index, candidate -> [String: Any] in
                [
                    "id": candidate.organisation.id.description, "name": candidate.organisation.displayName,
                    "country": candidate.organisation.country?.description as Any, "why": candidate.why,
                    "first": index == 0,
                ]
            }
        }
        return (self.text["addCosigner"], context)
    }

    /// Organisations held that the typed one may be, the likeliest first.
    func candidates(in store: Store) throws -> [(organisation: Organisation, why: String)] {
        guard let name = self.typed.name else { return [] }
        let country = try self.typed.country.map { try CountryCode($0) }
        let icso = try self.typed.icso.map { try ICSONumber($0) }
        let email = try self.typed.email.map { try EmailAddress($0) }
        var found: [(Organisation, String)] = []
        var seen: Set<ID<Organisation>> = []
        if let (id, rule) = try OrganisationLookup(store: store).match(
            name: name,
            acronym: self.typed.acronym,
            country: country,
            icsoNumber: icso,
            email: email
        ), let organisation = try store.organisation(id) {
            found.append((organisation, self.text.format("matchedBy", rule)))
            seen.insert(id)
        }
        let organisations = try store.organisations()
        let searches = [name, self.typed.acronym, icso?.digits].compactMap { $0 }
        for search in searches {
            let query = OrganisationQuery(search: search)
            for organisation in organisations where !seen.contains(organisation.id) && query.matches(organisation) {
                found.append((organisation, self.text.format("similarTo", search)))
                seen.insert(organisation.id)
            }
        }
        return found
    }
}
