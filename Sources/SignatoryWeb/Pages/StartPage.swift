import Foundation
import SignatoryDomain
import SignatoryStore

/// `/`: every campaign with its statements' counts, and what needs attention after a sync.
struct StartPage {
    let text: WebText

    func context(_ store: Store) throws -> [String: Any] {
        let tallies = try store.signatureTallies()
        var statementsByCampaign: [ID<Campaign>: [ID<JointStatement>]] = [:]
        for statement in try store.statements() {
            statementsByCampaign[statement.campaignID, default: []].append(statement.id)
        }
        let counts = Tallies(text: self.text)
        let campaigns: [[String: Any]] = try store.campaigns().map { campaign in
            let statements = statementsByCampaign[campaign.id] ?? []
            let sum = Tallies.sum(statements.map { tallies[$0] })
            return [
                "id": campaign.id.description, "name": campaign.name, "status": self.text.choice(campaign.status),
                "statementCount": statements.count, "byStatus": counts.byStatus(sum), "byECOSOC": counts.byECOSOC(sum),
            ]
        }
        let conflicts = try store.conflictCount()
        let duplicates = try store.duplicatePairs().count
        var context: [String: Any] = ["campaigns": campaigns, "hasCampaigns": !campaigns.isEmpty]
        if conflicts + duplicates > 0 {
            context["attention"] = self.text.format("attentionNeeded", conflicts, duplicates)
        }
        return context
    }
}

/// `/campaigns/ID`: one campaign, its statements and a form for a new one.
struct CampaignPage {
    let text: WebText
    let campaign: ID<Campaign>

    func context(_ store: Store) throws -> (title: String, context: [String: Any]) {
        guard let campaign = try store.campaign(self.campaign) else { throw WebError.notFound(self.text["campaign"]) }
        let tallies = try store.signatureTallies()
        let counts = Tallies(text: self.text)
        let statements: [[String: Any]] = try store.statements(in: campaign.id).map { statement in
            [
                "id": statement.id.description, "title": statement.title, "status": self.text.choice(statement.status),
                "byStatus": counts.byStatus(tallies[statement.id]), "byECOSOC": counts.byECOSOC(tallies[statement.id]),
            ]
        }
        let organisations: [[String: Any]] = try store.organisations().map {
            ["id": $0.id.description, "name": $0.displayName]
        }
        return (
            campaign.name,
            [
                "id": campaign.id.description, "name": campaign.name, "description": campaign.description,
                "status": self.text.choice(campaign.status), "statements": statements, "organisations": organisations,
            ]
        )
    }
}

extension WebText {
    /// The text for `key` with each `%@` replaced by the next argument in turn.
    func format(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
        var result = ""
        var remaining = arguments.makeIterator()
        var text = Substring(self[key])
        while let range = text.range(of: "%@") {
            result += text[..<range.lowerBound]
            result += remaining.next()?.description ?? ""
            text = text[range.upperBound...]
        }
        return result + text
    }
}
