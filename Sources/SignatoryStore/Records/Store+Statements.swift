public import Foundation
public import SignatoryDomain

extension Store {
    private static let statementColumns =
        "id, campaign_id, title, body, language, lead_organisation_id, status, publication"

    /// Adds a statement and records its first wording.
    public func insert(_ statement: JointStatement, now: Date? = nil) throws {
        try statement.validate()
        try self.transaction {
            try self.requireCampaign(statement.campaignID)
            if let lead = statement.leadOrganisationID { try self.requireOrganisation(lead) }
            try self.write(
                EntityRef(.statement, statement.id.description),
                statement.syncFields,
                mustBeNew: true,
                now: now
            )
            try self.recordText(of: statement, now: now)
        }
    }

    /// Saves edits to a statement.
    ///
    /// A change of status must be an allowed transition, and a change of wording is only
    /// possible while the statement is a draft or open; each new wording is kept as a version.
    public func update(_ statement: JointStatement, now: Date? = nil) throws {
        try statement.validate()
        try self.transaction {
            guard let stored = try self.statement(statement.id) else {
                throw StoreError.notFound("statement", reference: statement.id.description)
            }
            if stored.status != statement.status {
                _ = try stored.status.transition(to: statement.status)
            }
            if stored.textHash != statement.textHash {
                guard stored.status.textIsEditable else { throw DomainError.textFrozen(status: stored.status) }
            }
            // The record of a publication is written once, as the statement is published.
            if stored.publication != statement.publication {
                guard stored.publication == nil, stored.status != .published, statement.status == .published,
                    statement.publication?.textHash == statement.textHash
                else { throw StoreError.publicationIsFinal }
            }
            try self.requireCampaign(statement.campaignID)
            if let lead = statement.leadOrganisationID { try self.requireOrganisation(lead) }
            try self.write(EntityRef(.statement, statement.id.description), statement.syncFields, now: now)
            // The wording published may be one no office recorded: see `recordText(of:now:)`.
            if stored.textHash != statement.textHash || statement.publication != stored.publication {
                try self.recordText(of: statement, now: now)
            }
        }
    }

    public func statement(_ id: ID<JointStatement>) throws -> JointStatement? {
        try self.database.prepare(built: "SELECT \(Store.statementColumns) FROM statement WHERE id = ?")
            .firstRow(id, read: Store.readStatement)
    }

    /// Statements by title, all of them or one campaign's.
    public func statements(in campaign: ID<Campaign>? = nil) throws -> [JointStatement] {
        if let campaign {
            return try self.database.prepare(
                built:
                    "SELECT \(Store.statementColumns) FROM statement WHERE campaign_id = ? ORDER BY title COLLATE NOCASE, id"
            ).rows(campaign, read: Store.readStatement)
        }
        return try self.database.prepare(
            built: "SELECT \(Store.statementColumns) FROM statement ORDER BY title COLLATE NOCASE, id"
        )
        .rows(read: Store.readStatement)
    }

    public func statement(matching reference: String) throws -> JointStatement {
        let id = try self.resolveID(in: "statement", kind: "statement", reference: reference)
        guard let statement = try self.statement(ID(id)!) else {
            throw StoreError.notFound("statement", reference: reference)
        }
        return statement
    }

    /// The statement as it was published: the wording its publication record names in place of
    /// the one it holds now, which differs when an office edited the text while another published
    /// it (neither had seen the other's change). A statement not published is returned as it is.
    /// Throws when the published wording is not held here: a draft must not show as published.
    ///
    /// ```swift
    /// let shown = try store.asPublished(statement)   // what `statement render` prints
    /// ```
    public func asPublished(_ statement: JointStatement) throws -> JointStatement {
        guard let published = statement.publication?.textHash, published != statement.textHash else {
            return statement
        }
        let ref = EntityRef(.statementText, StatementText.entityID(statement: statement.id, hash: published))
        let fields = try self.settledFields(of: ref)
        guard let title = fields.text("title"), let body = fields.text("body"),
            let language = try fields.text("language").map(LanguageTag.init)
        else {
            throw StoreError.publishedWordingNotHeld(statement: "'\(statement.title)'", wording: published.short)
        }
        var wording = statement
        wording.title = title
        wording.body = body
        wording.language = language
        return wording
    }

    /// Every wording the statement has had, oldest first.
    public func texts(of statement: ID<JointStatement>) throws -> [StatementText] {
        try self.database.prepare(
            """
            SELECT statement_id, hash, title, body, language, recorded_at FROM statement_text
            WHERE statement_id = ? ORDER BY recorded_at, hash
            """
        ).rows(statement) { row in
            StatementText(
                statementID: try row.id(0),
                hash: TextHash(hex: row.text(1))!,
                title: row.text(2),
                body: row.text(3),
                language: try LanguageTag(row.text(4)),
                recordedAt: row.date(5)
            )
        }
    }

    /// Keeps the statement's current wording as a version, unless it is kept already.
    ///
    /// Edits of the title at one office and of the body at another merge into a wording that
    /// neither recorded: the office that signs or publishes it records it, so that every wording a
    /// signature or a publication names can be shown (`statement show --wording`).
    func recordText(of statement: JointStatement, now: Date?) throws {
        let text = StatementText(of: statement, recordedAt: now ?? self.clock())
        let ref = EntityRef(.statementText, text.entityID)
        // Going back to an earlier wording keeps the date it was first recorded.
        guard try self.settledFields(of: ref).isEmpty else { return }
        try self.write(ref, text.syncFields, now: now)
    }

    /// Records the statement's current wording when it is `wording` and is not recorded yet. The
    /// statement's hash, which normalises its whole text, is computed only then: a sign-on import
    /// records thousands of signatures on one wording.
    func recordText(of statement: JointStatement, ifItsWordingIs wording: TextHash) throws {
        let ref = EntityRef(.statementText, StatementText.entityID(statement: statement.id, hash: wording))
        guard try self.settledFields(of: ref).isEmpty, statement.textHash == wording else { return }
        try self.recordText(of: statement, now: nil)
    }

    func requireCampaign(_ id: ID<Campaign>) throws {
        guard try self.database.integer("SELECT count(*) FROM campaign WHERE id = ?", id) == 1 else {
            throw StoreError.notFound("campaign", reference: id.description)
        }
    }

    static func readStatement(_ row: Row) throws -> JointStatement {
        JointStatement(
            id: try row.id(0),
            campaignID: try row.id(1),
            title: row.text(2),
            body: row.text(3),
            language: try LanguageTag(row.text(4)),
            leadOrganisationID: try row.optionalID(5),
            status: try row.choice(6),
            publication: try row.optionalText(7).map { try Publication(jsonText: $0) }
        )
    }
}
