import Foundation
import Mustache
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
            var isSortable: Bool { [.organisation, .country, .ecosoc, .status].contains(self) }
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
    let renderer: PageRenderer
    var filter = Filter()

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        guard let statement = try store.statement(self.statement) else {
            throw WebError.notFound(self.text["statement"])
        }
        let signatories = try store.signatories(of: statement.id)
        let rendition = try StatementRendition(statement: statement, store: store, signatories: signatories)
        var tally = SignatureTally()
        for entry in signatories { tally.add(entry.signature.status, ecosoc: entry.organisation.ecosoc) }
        let counts = Tallies(text: self.text)
        let rows = self.rows(of: statement, signatories)
        let shown = rows.filter(self.matches).sorted(by: self.order)
        var context: [String: Any] = [
            // Once published, the wording published, whatever the record holds since (the notes say so).
            "id": statement.id.description, "title": rendition.statement.title,
            "language": rendition.statement.language.description, "hash": rendition.statement.textHash.short,
            "status": self.text.choice(statement.status), "campaignID": statement.campaignID.description,
            "campaignName": try store.campaign(statement.campaignID)?.name ?? "",
            "block": StatementFormat.text.render(rendition), "notes": rendition.notes,
            "byStatus": counts.byStatus(tally), "byECOSOC": counts.byECOSOC(tally),
            "rows": self.renderer.rows(shown, template: "cosignerRows"), "noRows": shown.isEmpty,
            "shownCount": shown.count, "totalCount": rows.count,
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
        return (rendition.statement.title, context)
    }

    /// One co-signer as the table shows it, with what it sorts and filters by. The template
    /// reads it through `child(named:)`: thousands of rows, so no dictionary per row.
    private struct Row: MustacheParent, Sendable {
        let organisation: String
        /// The name folded once (case, accents, punctuation): sorting compares thousands of pairs.
        let sortKey: String
        let country: String
        let ecosoc: ECOSOCCategory
        let ecosocWord: String
        let contact: String
        /// The at-risk mark, or `nil` when the contact is not at risk.
        let riskMark: String?
        let status: SignatureStatus
        let statusWord: String
        let consent: String
        let wording: String
        let searchable: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "organisation": return self.organisation
            case "country": return self.country
            case "ecosoc": return self.ecosocWord
            case "contact": return self.contact
            case "atRisk": return self.riskMark ?? false
            case "status": return self.statusWord
            case "consent": return self.consent
            case "wording": return self.wording
            default: return nil
            }
        }
    }

    private func rows(of statement: JointStatement, _ signatories: [Signatory]) -> [Row] {
        let current = statement.textHash
        let statusWords = Dictionary(uniqueKeysWithValues: SignatureStatus.allCases.map { ($0, self.text.choice($0)) })
        let ecosocWords = Dictionary(uniqueKeysWithValues: ECOSOCCategory.allCases.map { ($0, self.text.choice($0)) })
        let (yes, no, mark) = (self.text["yes"], self.text["no"], self.text["atRisk"])
        return signatories.map { entry in
            let (signature, organisation, contact) = (entry.signature, entry.organisation, entry.contact)
            let wording =
                signature.textHash.map {
                    $0 == current ? self.text["wordingCurrent"] : self.text["wordingOlder"] + " " + $0.short
                } ?? "—"
            let name = organisation.displayName
            return Row(
                organisation: name,
                sortKey: name.comparisonKey,
                country: organisation.country?.description ?? "",
                ecosoc: organisation.ecosoc,
                ecosocWord: ecosocWords[organisation.ecosoc]!,
                contact: contact?.fullName ?? "",
                riskMark: entry.contactIsProtected ? mark : nil,
                status: signature.status,
                statusWord: statusWords[signature.status]!,
                consent: signature.consentToPublish ? yes : no,
                wording: wording,
                searchable: [organisation.name, organisation.acronym ?? "", contact?.fullName ?? ""]
            )
        }
    }

    private func matches(_ row: Row) -> Bool {
        if let status = self.filter.status, row.status != status { return false }
        guard let search = self.filter.search?.comparisonKey, !search.isEmpty else { return true }
        return row.searchable.contains { $0.comparisonKey.contains(search) }
    }

    private func order(_ a: Row, _ b: Row) -> Bool {
        func byName() -> Bool { a.sortKey == b.sortKey ? a.organisation < b.organisation : a.sortKey < b.sortKey }
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
        // Once published, the wording published, whatever the record holds since.
        let title = rendition.statement.title
        return (title, ["title": title, "block": StatementFormat.text.render(rendition)])
    }
}
