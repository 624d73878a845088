import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

/// `/exports`: for each audience, how many contacts a sheet holds, who is left out and why,
/// and a download in every format.
struct ExportsPage {
    let text: WebText
    /// `statement:ID`, `campaign:ID`, or `nil` for all organisations.
    let scope: ContactSheetScope

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        // Staff choose among every statement; each audience's sheet then leaves out what it may not see.
        let (resolved, title) = try self.scope.resolve(in: store, for: .internal)
        let audiences: [[String: Any]] = try ExportAudience.allCases.map { audience in
            let export = ContactSheetExport(scope: resolved, format: .csv, audience: audience, title: title)
            let summary = try export.lines(from: store).summary
            let reasons = summary.omissions.keys.sorted().map { "\(summary.omissions[$0]!) \(self.text.choice($0))" }
            return [
                "audience": audience.rawValue, "label": self.text.choice(audience),
                "explanation": self.text["audienceExplained." + audience.rawValue],
                "lines": self.text.format("contactsListed", summary.lines),
                "omitted": summary.omittedCount == 0
                    ? self.text["noneLeftOut"]
                    : self.text.format("leftOut", summary.omittedCount, reasons.joined(separator: ", ")),
                "formats": ContactSheetFormat.allCases.map { format -> [String: Any] in
                    ["label": self.text["format." + format.rawValue], "href": self.download(format, audience)]
                },
            ]
        }
        var scopes: [[String: Any]] = [["value": "", "label": self.text["allOrganisations"], "selected": false]]
        for campaign in try store.campaigns() {
            scopes.append(self.option("campaign:\(campaign.id)", campaign.name))
            for statement in try store.statements(in: campaign.id) {
                scopes.append(self.option("statement:\(statement.id)", "  " + statement.title))
            }
        }
        let shownTitle = self.scope.reference == nil ? self.text["allOrganisations"] : title
        return (
            self.text["contactSheets"],
            ["scopeTitle": shownTitle, "audiences": audiences, "scopes": scopes]
        )
    }

    private func option(_ value: String, _ label: String) -> [String: Any] {
        ["value": value, "label": label, "selected": value == self.scope.reference]
    }

    private func download(_ format: ContactSheetFormat, _ audience: ExportAudience) -> String {
        var components = URLComponents()
        components.path = "/exports/download"
        components.queryItems =
            [
                URLQueryItem(name: "format", value: format.rawValue),
                URLQueryItem(name: "audience", value: audience.rawValue),
            ]
            + (self.scope.reference.map { [URLQueryItem(name: "scope", value: $0)] } ?? [])
        return components.string ?? components.path
    }
}

extension ContactSheetScope {
    /// `scope=statement:ID` or `scope=campaign:ID`; anything else names no scope and is refused.
    init(reference: String?) throws {
        guard let reference, !reference.isEmpty else {
            self.init(statement: nil, campaign: nil)
            return
        }
        if reference.hasPrefix("statement:") {
            self.init(statement: String(reference.dropFirst(10)), campaign: nil)
        } else if reference.hasPrefix("campaign:") {
            self.init(statement: nil, campaign: String(reference.dropFirst(9)))
        } else {
            throw WebError.badForm("scope must be statement:ID or campaign:ID")
        }
    }

    /// The scope as `scope=` writes it; `nil` for all organisations.
    var reference: String? {
        switch self {
        case .statement(let id): return "statement:\(id)"
        case .campaign(let id): return "campaign:\(id)"
        case .all: return nil
        }
    }
}
