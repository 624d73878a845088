public import SignatoryDomain
public import SignatoryStore

extension Store {
    /// A campaign with one statement opened for signatures: where most tests start.
    ///
    /// ```swift
    /// let (campaign, statement) = try store.addOpenStatement()
    /// ```
    @discardableResult
    public func addOpenStatement(
        campaign name: String = "World Day against Trafficking in Persons",
        body: String = "We call on states.",
        lead: Organisation? = nil
    ) throws -> (campaign: Campaign, statement: JointStatement) {
        let campaign = Campaign(name: name, status: .active)
        try self.insert(campaign)
        var statement = JointStatement(
            campaignID: campaign.id,
            title: "No one left behind",
            body: body,
            language: try LanguageTag("en"),
            leadOrganisationID: lead?.id
        )
        try self.insert(statement)
        statement.status = .open
        try self.update(statement)
        return (campaign, statement)
    }
}
