public import SignatoryDomain

extension Store {
    private static let campaignColumns = "id, name, description, start_date, end_date, status"

    public func insert(_ campaign: Campaign) throws {
        try campaign.validate()
        try self.write(EntityRef(.campaign, campaign.id.description), campaign.syncFields, mustBeNew: true)
    }

    public func update(_ campaign: Campaign) throws {
        try campaign.validate()
        try self.transaction {
            try self.requireCampaign(campaign.id)
            try self.write(EntityRef(.campaign, campaign.id.description), campaign.syncFields)
        }
    }

    public func campaign(_ id: ID<Campaign>) throws -> Campaign? {
        try self.database.prepare(built: "SELECT \(Store.campaignColumns) FROM campaign WHERE id = ?").firstRow(
            id,
            read: Store.readCampaign
        )
    }

    /// Every campaign, newest start first.
    public func campaigns() throws -> [Campaign] {
        try self.database.prepare(
            built:
                "SELECT \(Store.campaignColumns) FROM campaign ORDER BY start_date IS NULL, start_date DESC, name COLLATE NOCASE"
        ).rows(read: Store.readCampaign)
    }

    public func campaign(matching reference: String) throws -> Campaign {
        let id = try self.resolveID(in: "campaign", kind: "campaign", reference: reference)
        guard let campaign = try self.campaign(ID(id)!) else {
            throw StoreError.notFound("campaign", reference: reference)
        }
        return campaign
    }

    static func readCampaign(_ row: Row) throws -> Campaign {
        Campaign(
            id: try row.id(0),
            name: row.text(1),
            description: row.text(2),
            startDate: try row.optional(3, CalendarDate.init),
            endDate: try row.optional(4, CalendarDate.init),
            status: try row.choice(5)
        )
    }
}
