public import Foundation

/// A statement a lead organisation publishes with its co-signers.
///
/// ```swift
/// var statement = JointStatement(campaignID: campaign.id, title: "…", body: "…", language: try LanguageTag("en"))
/// statement.status = try statement.status.transition(to: .open)
/// ```
public struct JointStatement: Hashable, Sendable, Identifiable {
    public let id: ID<JointStatement>
    public var campaignID: ID<Campaign>
    public var title: String
    public var body: String
    public var language: LanguageTag
    public var leadOrganisationID: ID<Organisation>?
    public var status: StatementStatus
    /// The record of what was published, set when the statement is published.
    public var publication: Publication?

    public init(
        id: ID<JointStatement> = ID(),
        campaignID: ID<Campaign>,
        title: String,
        body: String,
        language: LanguageTag,
        leadOrganisationID: ID<Organisation>? = nil,
        status: StatementStatus = .draft,
        publication: Publication? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.title = title
        self.body = body
        self.language = language
        self.leadOrganisationID = leadOrganisationID
        self.status = status
        self.publication = publication
    }

    public func validate() throws(DomainError) {
        guard self.title.nonBlank != nil else { throw .emptyField("statement title") }
        guard self.body.nonBlank != nil else { throw .emptyField("statement text") }
        try PlainText.check(self.title, field: "statement title")
        try PlainText.check(self.body, field: "statement text", multiline: true)
    }

    /// The hash of the current wording.
    public var textHash: TextHash { TextHash(title: self.title, body: self.body, language: self.language) }
}

/// One wording of a statement, kept so that older signatures still say what they signed.
public struct StatementText: Hashable, Sendable {
    public let statementID: ID<JointStatement>
    public let hash: TextHash
    public let title: String
    public let body: String
    public let language: LanguageTag
    public let recordedAt: Date

    public init(of statement: JointStatement, recordedAt: Date) {
        self.init(
            statementID: statement.id,
            hash: statement.textHash,
            title: statement.title,
            body: statement.body,
            language: statement.language,
            recordedAt: recordedAt
        )
    }

    public init(
        statementID: ID<JointStatement>,
        hash: TextHash,
        title: String,
        body: String,
        language: LanguageTag,
        recordedAt: Date
    ) {
        self.statementID = statementID
        self.hash = hash
        self.title = title
        self.body = body
        self.language = language
        self.recordedAt = recordedAt
    }
}
