import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

/// `/statements/ID`: the wording, the block as `statement render` prints it, the co-signers
/// sorted and filtered as asked, and the status moves the statement allows.
struct StatementPage {
    /// What the co-signers table shows: `?q=…&status=…&sort=…`.
    struct Filter {
        var search: String?
        var status: SignatureStatus?
        var sort: Column = .organisation

        enum Column: String, CaseIterable {
            case organisation, country, ecosoc, contact, status, consent, wording
            var isSortable: Bool { self != .contact && self != .wording }
        }

        /// The table's address with these settings and another sort.
        func link(statement: ID<JointStatement>, sortedBy column: Column) -> String {
            var items = [URLQueryItem(name: "sort", value: column.rawValue)]
            if let search = self.search { items.append(URLQueryItem(name: "q", value: search)) }
            if let status = self.status { items.append(URLQueryItem(name: "status", value: status.rawValue)) }
            var components = URLComponents()
            components.path = "/statements/\(statement)"
            components.queryItems = items
            return components.string ?? components.path
        }
    }

    let text: WebText
    let statement: ID<JointStatement>
    var filter = Filter()

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        guard let statement = try store.statement(self.statement) else {
            throw WebError.notFound(self.text["statement"])
        }
        let rendition = try StatementRendition(statement: statement, store: store)
        let tally = try store.signatureTallies()[statement.id]
        let counts = Tallies(text: self.text)
        let rows = try self.rows(of: statement, in: store)
        let shown = rows.filter(self.matches).sorted(by: self.order)
        var context: [String: Any] = [
            "id": statement.id.description, "title": statement.title, "body": statement.body,
            "language": statement.language.description, "hash": statement.textHash.short,
            "status": self.text.choice(statement.status), "campaignID": statement.campaignID.description,
            "campaignName": try store.campaign(statement.campaignID)?.name ?? "",
            "block": StatementFormat.text.render(rendition), "notes": rendition.notes,
            "byStatus": counts.byStatus(tally), "byECOSOC": counts.byECOSOC(tally),
            "rows": shown.map(\.values), "shownCount": shown.count, "totalCount": rows.count,
            "query": self.filter.search ?? "", "sort": self.filter.sort.rawValue,
            "statusChoices": self.text.options(SignatureStatus.allCases, selected: self.filter.status),
            "columns": Filter.Column.allCases.map { column -> [String: Any] in
                [
                    "label": self.text["column." + column.rawValue],
                    "link": column.isSortable
                        ? self.filter.link(statement: statement.id, sortedBy: column) as Any : false,
                    "sorted": column == self.filter.sort,
                ]
            },
        ]
        let next = statement.status.allowedNext
        context["canMove"] = !next.isEmpty
        context["canPublish"] = next.contains(.published)
        context["nextStatuses"] = self.text.options(next)
        return (statement.title, context)
    }

    /// One co-signer as the table shows it, with what it sorts and filters by.
    private struct Row {
        let organisation: String
        let country: String
        let ecosoc: ECOSOCCategory
        let contact: String?
        let status: SignatureStatus
        let searchable: [String]
        let values: [String: Any]
    }

    private func rows(of statement: JointStatement, in store: Store) throws -> [Row] {
        try store.signatures(on: statement.id).compactMap { signature in
            guard let organisation = try store.organisation(signature.organisationID) else { return nil }
            let contact = try signature.contactID.flatMap { try store.contact($0) }
            let wording =
                signature.textHash.map {
                    $0 == statement.textHash ? self.text["wordingCurrent"] : self.text["wordingOlder"] + " " + $0.short
                } ?? "—"
            let country = organisation.country?.description ?? ""
            return Row(
                organisation: organisation.displayName,
                country: country,
                ecosoc: organisation.ecosoc,
                contact: contact?.fullName,
                status: signature.status,
                searchable: [organisation.name, organisation.acronym ?? "", contact?.fullName ?? ""],
                values: [
                    "organisation": organisation.displayName, "country": country,
                    "ecosoc": self.text.choice(organisation.ecosoc), "contact": contact?.fullName as Any,
                    "atRisk": contact?.atRisk == true, "status": self.text.choice(signature.status),
                    "consent": signature.consentToPublish ? self.text["yes"] : self.text["no"], "wording": wording,
                ]
            )
        }
    }

    private func matches(_ row: Row) -> Bool {
        if let status = self.filter.status, row.status != status { return false }
        guard let search = self.filter.search?.comparisonKey, !search.isEmpty else { return true }
        return row.searchable.contains { $0.comparisonKey.contains(search) }
    }

    private func order(_ a: Row, _ b: Row) -> Bool {
        func byName() -> Bool { a.organisation.localizedStandardCompare(b.organisation) == .orderedAscending }
        switch self.filter.sort {
        case .country: return a.country == b.country ? byName() : a.country < b.country
        case .ecosoc: return a.ecosoc == b.ecosoc ? byName() : a.ecosoc.rank < b.ecosoc.rank
        case .status: return a.status == b.status ? byName() : a.status.rawValue < b.status.rawValue
        default: return byName()
        }
    }
}

extension ECOSOCCategory {
    /// General first, then special, roster, and none.
    fileprivate var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// `/statements/ID/print`: what may be shared, as it will be published.
struct PrintablePage {
    let text: WebText
    let statement: ID<JointStatement>

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        guard let statement = try store.statement(self.statement) else {
            throw WebError.notFound(self.text["statement"])
        }
        let rendition = try StatementRendition(statement: statement, store: store)
        return (statement.title, ["title": statement.title, "block": StatementFormat.text.render(rendition)])
    }
}
