import SignatoryDomain
import SignatoryStore

/// Finds the organisation a sign-on row stands for, so an import matches instead of duplicating:
/// by iCSO number, then by normalised name and country, then by acronym, then by the domain of
/// the contact's email.
struct OrganisationIndex {
    enum Match: String {
        case icsoNumber = "iCSO number"
        case name = "name and country"
        case acronym
        case emailDomain = "email domain"
    }

    /// An organisation a name or acronym may stand for; `merged` when the name or acronym is
    /// that of a duplicate merged into it.
    private struct Candidate {
        let id: ID<Organisation>
        let country: CountryCode?
        let merged: Bool
    }

    /// What a row matched: the organisation, by which rule, and whether only through the values of
    /// a duplicate merged into it, which say less of who it is now.
    struct Found {
        let id: ID<Organisation>
        let match: Match
        let throughMerge: Bool
    }

    private var byICSONumber: [ICSONumber: Set<ID<Organisation>>] = [:]
    private var numbers: [ID<Organisation>: ICSONumber] = [:]
    private var byName: [String: [Candidate]] = [:]
    private var byAcronym: [String: [Candidate]] = [:]
    private var byDomain: [String: Set<ID<Organisation>>] = [:]

    /// Addresses anyone can open; they say nothing about the organisation.
    private static let sharedMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.co.uk", "hotmail.com", "hotmail.fr",
        "outlook.com",
        "outlook.fr", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de",
        "gmx.net", "gmx.com", "web.de", "mail.ru", "yandex.ru", "yandex.com", "orange.fr", "free.fr", "laposte.net",
        "qq.com", "163.com", "126.com", "tutanota.com", "zoho.com", "rediffmail.com",
    ]

    init(store: Store) throws {
        for organisation in try store.organisations() { self.add(organisation) }
        // A duplicate merged away is found as the organisation kept, not created again.
        for (merged, keep) in try store.mergedOrganisations() { self.add(merged, as: keep) }
        for contact in try store.contacts() {
            if let email = contact.email { self.add(domainOf: email, for: contact.organisationID) }
        }
    }

    /// Indexes `organisation` under its own id, or under `keep`'s when it was merged into that one.
    mutating func add(_ organisation: Organisation, as keep: ID<Organisation>? = nil) {
        let id = keep ?? organisation.id
        if let number = organisation.icsoNumber {
            // The number the organisation kept holds is the one a row's number must fit.
            if keep == nil { self.add(number, for: id) } else { self.byICSONumber[number, default: []].insert(id) }
        }
        let candidate = Candidate(id: id, country: organisation.country, merged: keep != nil)
        self.byName[organisation.comparableName, default: []].append(candidate)
        if let acronym = organisation.acronym {
            self.byAcronym[acronym.uppercased(), default: []].append(candidate)
        }
        if let website = organisation.website {
            var host = Substring(website.url.split(separator: "/", maxSplits: 2).dropFirst().first ?? "").lowercased()
            if host.hasPrefix("www.") { host.removeFirst(4) }
            self.byDomain[host, default: []].insert(id)
        }
    }

    mutating func add(_ number: ICSONumber, for organisation: ID<Organisation>) {
        if let old = self.numbers[organisation], old != number { self.byICSONumber[old]?.remove(organisation) }
        self.byICSONumber[number, default: []].insert(organisation)
        self.numbers[organisation] = number
    }

    mutating func add(domainOf email: EmailAddress, for organisation: ID<Organisation>) {
        let domain = String(email.domain)
        guard !Self.sharedMailDomains.contains(domain) else { return }
        self.byDomain[domain, default: []].insert(organisation)
    }

    /// The one organisation the row matches, and how; `nil` when none or several do.
    func match(_ row: SignOnRow) -> Found? {
        // A different iCSO number means a different organisation, whatever the name.
        func numberFits(_ id: ID<Organisation>) -> Bool {
            guard let number = row.icsoNumber, let known = self.numbers[id] else { return true }
            return known == number
        }
        func single(_ candidates: [Candidate], _ match: Match) -> Found? {
            // A different country means a different organisation; an unknown one does not rule it out.
            var fitting = candidates.filter {
                numberFits($0.id) && (row.country == nil || $0.country == nil || $0.country == row.country)
            }
            if fitting.count > 1, let country = row.country { fitting = fitting.filter { $0.country == country } }
            // An organisation and a duplicate merged into it are one candidate.
            guard let id = fitting.first?.id, fitting.allSatisfy({ $0.id == id }) else { return nil }
            return Found(id: id, match: match, throughMerge: fitting.allSatisfy(\.merged))
        }
        if let number = row.icsoNumber, let ids = self.byICSONumber[number], ids.count == 1 {
            return Found(id: ids.first!, match: .icsoNumber, throughMerge: self.numbers[ids.first!] != number)
        }
        if let found = single(self.byName[row.organisationName.comparisonKey] ?? [], .name) { return found }
        if let acronym = row.acronym, let found = single(self.byAcronym[acronym.uppercased()] ?? [], .acronym) {
            return found
        }
        if let email = row.email, let ids = self.byDomain[String(email.domain)], ids.count == 1, numberFits(ids.first!)
        {
            return Found(id: ids.first!, match: .emailDomain, throughMerge: false)
        }
        return nil
    }
}
