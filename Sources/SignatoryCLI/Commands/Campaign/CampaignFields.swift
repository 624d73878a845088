import ArgumentParser
import SignatoryDomain

/// The options that set a campaign's fields, shared by `campaign add` and `campaign edit`.
struct CampaignFields: ParsableArguments {
    @Option(help: "The campaign's name, e.g. \"World Day against Trafficking in Persons 2026\".") var name: String?
    @Option(help: "What the campaign is about.") var description: String?
    @Option(name: .customLong("start-date"), help: "First day, as YYYY-MM-DD.") var startDate: String?
    @Option(name: .customLong("end-date"), help: "Last day, as YYYY-MM-DD.") var endDate: String?
    @Option(help: "planning, active or closed.") var status: String?

    func apply(to campaign: inout Campaign) throws {
        if let name = self.name { campaign.name = try name.required("campaign name") }
        if let description = self.description { campaign.description = description }
        try FieldParsing.optional(self.startDate, CalendarDate.init).apply(to: &campaign.startDate)
        try FieldParsing.optional(self.endDate, CalendarDate.init).apply(to: &campaign.endDate)
        if let status = self.status { campaign.status = try CampaignStatus(parsing: status) }
    }

    var isEmpty: Bool {
        [self.name, self.description, self.startDate, self.endDate, self.status].allSatisfy { $0 == nil }
    }
}
