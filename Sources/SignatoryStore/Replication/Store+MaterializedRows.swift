import Foundation
import SignatoryDomain

/// Writing one record's row from its settled fields.
extension Store {
    func removeRow(_ ref: EntityRef) throws {
        let delete: StaticString
        switch ref.kind {
        case .campaign: delete = "DELETE FROM campaign WHERE id = ?"
        case .organisation:
            // A statement shows whatever became of its lead: it names none until its row is written
            // again with the organisation that stands for the lead now, if any (it depends on it).
            try self.database.prepare("UPDATE statement SET lead_organisation_id = NULL WHERE lead_organisation_id = ?")
                .run(ref.id)
            delete = "DELETE FROM organisation WHERE id = ?"
        case .contact: delete = "DELETE FROM contact WHERE id = ?"
        case .statement: delete = "DELETE FROM statement WHERE id = ?"
        case .signature:
            delete = "DELETE FROM signature WHERE id = ?"
            // Conflicts between signatures that share a row are recomputed when the row is written.
            try self.database.prepare(
                "DELETE FROM conflict WHERE kind = 'signature' AND entity_id = ? AND rule LIKE 'merged:%'"
            ).run(ref.id)
        case .statementText:
            let parts = ref.id.split(separator: ":")
            guard parts.count == 2 else { return }
            try self.database.prepare("DELETE FROM statement_text WHERE statement_id = ? AND hash = ?").run(
                String(parts[0]),
                String(parts[1])
            )
            return
        }
        try self.database.prepare(delete).run(ref.id)
    }

    func writeRow(_ ref: EntityRef, fields: FieldMap, resolver: inout MergeResolver) throws {
        switch ref.kind {
        case .campaign:
            let campaign = try Campaign(id: try Store.id(ref.id), syncFields: fields)
            try self.database.prepare(
                """
                INSERT INTO campaign (id, name, description, start_date, end_date, status) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
                    start_date = excluded.start_date, end_date = excluded.end_date, status = excluded.status
                """
            ).run(
                campaign.id,
                campaign.name,
                campaign.description,
                campaign.startDate,
                campaign.endDate,
                campaign.status
            )
        case .organisation:
            let organisation = try Organisation(id: try Store.id(ref.id), syncFields: fields)
            try self.database.prepare(
                """
                INSERT INTO organisation (id, name, acronym, country, website, ecosoc, ecosoc_year, standing, icso_number, notes, name_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, acronym = excluded.acronym, country = excluded.country,
                    website = excluded.website, ecosoc = excluded.ecosoc, ecosoc_year = excluded.ecosoc_year,
                    standing = excluded.standing, icso_number = excluded.icso_number, notes = excluded.notes,
                    name_key = excluded.name_key
                """
            ).run(
                organisation.id,
                organisation.name,
                organisation.acronym,
                organisation.country,
                organisation.website,
                organisation.ecosoc,
                organisation.ecosocYear,
                organisation.standing,
                organisation.icsoNumber?.digits,
                organisation.notes,
                organisation.comparableName
            )
        case .contact:
            var contact = try ContactPerson(id: try Store.id(ref.id), syncFields: fields)
            contact.organisationID = try Store.id(try resolver.canonical(contact.organisationID.description))
            try self.writeRow(
                insert: """
                    INSERT INTO contact (id, organisation_id, full_name, title, email, phone, language, at_risk, consent)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING
                    """,
                update: """
                    UPDATE contact SET organisation_id = ?2, full_name = ?3, title = ?4, email = ?5, phone = ?6,
                        language = ?7, at_risk = ?8, consent = ?9
                    WHERE id = ?1
                    """,
                [
                    contact.id, contact.organisationID, contact.fullName, contact.title, contact.email, contact.phone,
                    contact.preferredLanguage, contact.atRisk, contact.consentToPublish,
                ]
            )
        case .statement:
            var statement = try JointStatement(id: try Store.id(ref.id), syncFields: fields)
            if let lead = statement.leadOrganisationID {
                statement.leadOrganisationID =
                    try resolver.isShowingOrganisation(lead.description)
                    ? try Store.id(try resolver.canonical(lead.description)) : nil
            }
            try self.database.prepare(
                """
                INSERT INTO statement (id, campaign_id, title, body, language, lead_organisation_id, status, text_hash, publication)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET campaign_id = excluded.campaign_id, title = excluded.title, body = excluded.body,
                    language = excluded.language, lead_organisation_id = excluded.lead_organisation_id,
                    status = excluded.status, text_hash = excluded.text_hash, publication = excluded.publication
                """
            ).run(
                statement.id,
                statement.campaignID,
                statement.title,
                statement.body,
                statement.language,
                statement.leadOrganisationID,
                statement.status,
                statement.textHash,
                statement.publication?.jsonText
            )
        case .statementText:
            let text = try StatementText(syncFields: fields)
            try self.database.prepare(
                """
                INSERT INTO statement_text (statement_id, hash, title, body, language, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (statement_id, hash) DO UPDATE SET title = excluded.title, body = excluded.body,
                    language = excluded.language, recorded_at = excluded.recorded_at
                """
            ).run(text.statementID, text.hash, text.title, text.body, text.language, text.recordedAt)
        case .signature:
            try self.writeSignatureRow(ref, fields: fields, resolver: &resolver)
        }
    }

    /// A signature's row merges every signature on the same statement whose organisations now
    /// stand for the same one. Every version that no member's change names as replaced (a stand
    /// recorded for the row after the merge replaces what it saw) takes part: the field's rule
    /// picks the winner, so a row never mixes fields of two decisions. A member's settled version
    /// that still counts and lost stays open as a conflict; versions that lost inside a record
    /// are that record's own conflicts.
    private func writeSignatureRow(_ ref: EntityRef, fields: FieldMap, resolver: inout MergeResolver) throws {
        guard let statement = fields.text("statement"), let organisation = fields.text("organisation") else { return }
        let canonical = try resolver.canonical(organisation)
        let siblings = try self.signatures(on: statement, possiblySharingRowWith: organisation)
        var members: [(id: String, fields: [String: FieldVersion], state: RecordState)] = []
        // Alone on its row (the usual case), the signature's own fields are the row: nothing to merge.
        for id in siblings where siblings.count > 1 {
            guard let state = try self.loadState(of: EntityRef(.signature, id)) else { continue }
            let versions = state.settle(.signature).versions
            guard versions[EntityKind.deletedField]?.value != .bool(true),
                let memberOrganisation = versions["organisation"]?.value.text,
                try resolver.canonical(memberOrganisation) == canonical
            else { continue }
            members.append((id, versions, state))
        }
        var merged = fields
        if members.count > 1 {
            for field in EntityKind.signature.fields where field != EntityKind.deletedField && field != "organisation" {
                func counts(_ version: FieldVersion) -> Bool {
                    !members.contains { $0.state.fields[field]?.replaced.contains(version.timestamp.text) == true }
                }
                // With nothing replaced, the winner is the one among the members' settled versions.
                let rule = EntityKind.signature.rule(for: field)
                let heads = members.flatMap { member -> [FieldVersion] in
                    guard let versions = member.state.fields[field] else { return [] }
                    return versions.heads.isEmpty ? versions.fallback.map { [$0] } ?? [] : versions.heads
                }.filter(counts)
                guard let winner = rule.settle(heads)?.winner else { continue }
                merged[field] = winner.value
                guard let own = members.first(where: { $0.id == ref.id })?.fields[field], counts(own),
                    own.value != winner.value, rule != .earliestWithoutConflict
                else { continue }
                try self.insert(
                    Conflict(
                        record: .signature,
                        recordID: ref.id,
                        field: field,
                        rule: "merged: " + rule.name(winner: winner.value),
                        winner: winner,
                        loser: own
                    )
                )
            }
        }
        let signature = try Signature(syncFields: merged, organisation: try Store.id(canonical))
        let contact = try signature.contactID.flatMap { id in
            try self.database.integer(
                "SELECT count(*) FROM contact WHERE id = ? AND organisation_id = ?",
                id,
                signature.organisationID
            ) == 1 ? id : nil
        }
        try self.writeRow(
            insert: """
                INSERT INTO signature (id, statement_id, organisation_id, contact_id, status, text_hash, consent, recorded_at, source)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING
                """,
            update: """
                UPDATE signature SET contact_id = ?4, status = ?5, text_hash = ?6, consent = ?7, recorded_at = ?8, source = ?9
                WHERE id = ?1
                """,
            [
                signature.id, signature.statementID, signature.organisationID, contact, signature.status,
                signature.textHash, signature.consentToPublish, signature.recordedAt, signature.source,
            ]
        )
    }

    /// Inserts a row, or when its id has one already, updates it with the same parameters.
    ///
    /// One upsert would do the same, but when its update sets a foreign key, SQLite opens a
    /// statement journal for it, copying every page the statement writes. 20,000 new contacts
    /// took 0.33 s that way and 0.10 s as plain inserts (Python's `sqlite3`, this schema), and
    /// most rows written are new.
    private func writeRow(insert: StaticString, update: StaticString, _ values: [any SQLBindable]) throws {
        try self.database.prepare(insert).run(values: values)
        guard self.database.changes == 0 else { return }
        try self.database.prepare(update).run(values: values)
    }

    /// The signatures on `statement` that may merge into one row with a signature for
    /// `organisation`: those naming an organisation of the same merge class (an index look-up
    /// per member), so writing a signature costs the same however many others the statement has.
    func signatures(on statement: String, possiblySharingRowWith organisation: String) throws -> [String] {
        var members = [organisation]
        if try self.hasMergedOrganisations() {
            var resolver = MergeResolver(store: self)
            members = try self.mergeClass(of: try resolver.canonical(organisation))
        }
        var result: [String] = []
        for member in members {
            // CROSS JOIN keeps the organisation's few signatures as the outer loop: a statement may have thousands.
            result += try self.database.prepare(
                """
                SELECT o.entity_id FROM record_reference o CROSS JOIN record_reference s
                    ON s.kind = 'signature' AND s.entity_id = o.entity_id AND s.field = 'statement'
                WHERE o.target = ? AND o.kind = 'signature' AND o.field = 'organisation' AND s.target = ?
                ORDER BY o.entity_id
                """
            ).rows(member, statement) { $0.text(0) }
        }
        return members.count == 1 ? result : result.sorted()
    }

    /// The live signatures on `statement` whose organisations stand for the same one as
    /// `organisation` now, `excluding` one of them: the signatures that share one row after a merge.
    func signaturesSharingRow(
        on statement: String,
        with organisation: String,
        excluding excluded: EntityRef? = nil
    ) throws -> [EntityRef] {
        let candidates = try self.signatures(on: statement, possiblySharingRowWith: organisation).map {
            EntityRef(.signature, $0)
        }.filter { $0 != excluded }
        // Alone on its row (the usual case): no record to read.
        guard !candidates.isEmpty else { return [] }
        var resolver = MergeResolver(store: self)
        let canonical = try resolver.canonical(organisation)
        return try candidates.filter { sibling in
            let fields = try resolver.fields(of: sibling)
            guard fields[EntityKind.deletedField] != .bool(true), let member = fields.text("organisation") else {
                return false
            }
            return try resolver.canonical(member) == canonical
        }
    }

    /// `canonical` and every organisation merged into it, directly or through others.
    func mergeClass(of canonical: String) throws -> [String] {
        var members = [canonical]
        var seen: Set<String> = [canonical]
        var index = 0
        while index < members.count {
            for merged in try self.records(.organisation, referring: "mergedInto", to: members[index])
            where seen.insert(merged.id).inserted {
                members.append(merged.id)
            }
            index += 1
        }
        return members
    }

    static func id<T>(_ text: String) throws -> ID<T> {
        guard let id = ID<T>(text) else { throw DomainError.invalidReference(kind: "record", value: text) }
        return id
    }
}
