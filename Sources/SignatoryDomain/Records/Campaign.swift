/// A coalition's campaign, such as one for a UN world day, under which statements are drafted.
public struct Campaign: Hashable, Sendable, Identifiable {
    public let id: ID<Campaign>
    public var name: String
    public var description: String
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var status: CampaignStatus

    public init(
        id: ID<Campaign> = ID(),
        name: String,
        description: String = "",
        startDate: CalendarDate? = nil,
        endDate: CalendarDate? = nil,
        status: CampaignStatus = .planning
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.startDate = startDate
        self.endDate = endDate
        self.status = status
    }

    public func validate() throws(DomainError) {
        guard self.name.nonBlank != nil else { throw .emptyField("campaign name") }
        try PlainText.check(self.name, field: "campaign name")
        try PlainText.check(self.description, field: "campaign description", multiline: true)
        if let start = self.startDate, let end = self.endDate, end < start {
            throw .endBeforeStart(start: start, end: end)
        }
    }
}
