import Foundation
import SignatoryDomain
import SignatoryStore

/// Writes one checked sign-on row: its organisation (matched or new), its contact and its signature.
struct SignOnRows {
    let statement: JointStatement
    let mode: SignerImport.Mode
    let store: Store
    /// The wording every row signs: the statement's current one, hashed once.
    let textHash: TextHash

    init(statement: JointStatement, mode: SignerImport.Mode, store: Store) {
        self.statement = statement
        self.mode = mode
        self.store = store
        self.textHash = statement.textHash
    }

    /// What one row did, recorded once its savepoint has committed.
    struct Applied {
        enum Outcome { case created, matched, updated }
        var outcome: Outcome
        var organisation: Organisation
        /// How the row found an organisation already held.
        var match: OrganisationIndex.Match?
        var newOrganisation = false
        /// Whether the row changed the acronym, country or number of the organisation matched,
        /// so that it may now look like another.
        var identityChanged = false
        /// The row as read, for its line, name and warnings.
        var row: SignOnRow? = nil
        /// The status of a signature this row replaced with a new one after a withdrawal or refusal.
        var signedAgainAfter: SignatureStatus? = nil
        var contactEmail: EmailAddress?
        /// The contact as the row wrote it, added or changed.
        var contactWritten: ContactPerson?
        var contactAdded = false
        /// The name of a contact at risk whose details the row would have changed, and did not.
        var contactAtRiskKept: String?
        var signatureRecorded = false

        func record(
            in index: inout OrganisationIndex,
            contacts: inout ContactIndex,
            report: inout SignerImportReport
        ) {
            if let contact = self.contactWritten { contacts.add(contact) }
            if self.newOrganisation {
                index.add(self.organisation)
            } else if let number = self.organisation.icsoNumber {
                index.add(number, for: self.organisation.id)
            }
            if let email = self.contactEmail { index.add(domainOf: email, for: self.organisation.id) }
            let matched = self.match.map { " \(self.organisation.displayName) by \($0.rawValue)" } ?? ""
            let outcome: String
            switch self.outcome {
            case .created:
                report.created += 1
                outcome = "created"
            case .matched:
                report.matched += 1
                outcome = "matched" + matched
            case .updated:
                report.updated += 1
                outcome = "matched" + matched + ", updated"
            }
            if self.contactAdded { report.contactsAdded += 1 }
            if self.signatureRecorded { report.signaturesRecorded += 1 }
            if let previous = self.signedAgainAfter {
                report.signedAgain.append("\(self.organisation.displayName) (had \(previous.rawValue))")
            }
            guard let row = self.row else { return }
            report.warnings += row.warnings.map { .init(line: row.line, text: $0) }
            if let name = self.contactAtRiskKept {
                report.warnings.append(
                    .init(
                        line: row.line,
                        text:
                            "\(name) is at risk: the file's details for them were not written; change them by hand if they are right"
                    )
                )
            }
            if self.newOrganisation { report.createdOn[self.organisation.id] = row.line }
            if self.identityChanged { report.updatedOn[self.organisation.id] = row.line }
            report.rows.append(
                .init(
                    line: row.line,
                    organisation: row.organisationName,
                    outcome: outcome + (self.signatureRecorded ? ", signed" : "")
                        + (row.warnings.isEmpty ? "" : " (\(row.warnings.count) value(s) left empty)")
                )
            )
        }
    }

    func apply(_ row: SignOnRow, index: OrganisationIndex, contacts: inout ContactIndex) throws -> Applied {
        var applied: Applied
        if let found = index.match(row), var organisation = try self.store.organisation(found.id) {
            let match = found.match
            var changed = false
            // The email domain alone says little about who the organisation is, nor does what a
            // duplicate merged into it was called: its acronym, country and number are then only
            // filled where empty, never replaced.
            let weak = match == .emailDomain || found.throughMerge
            let mode = weak && self.mode == .update ? .fill : self.mode
            self.merge(\.acronym, row.acronym, into: &organisation, mode: mode, changed: &changed)
            self.merge(\.country, row.country, into: &organisation, mode: mode, changed: &changed)
            self.merge(\.icsoNumber, row.icsoNumber, into: &organisation, mode: mode, changed: &changed)
            // What duplicates are found by: only these can make it look like another organisation.
            let identityChanged = changed
            if let ecosoc = row.ecosoc, ecosoc != organisation.ecosoc,
                mode == .update || (mode == .fill && organisation.ecosoc == .none)
            {
                organisation.ecosoc = ecosoc
                if ecosoc == .none { organisation.ecosocYear = nil }
                changed = true
            }
            if changed { try self.store.update(organisation) }
            applied = Applied(outcome: changed ? .updated : .matched, organisation: organisation, match: match)
            applied.identityChanged = identityChanged
        } else {
            let organisation = Organisation(
                name: row.organisationName,
                acronym: row.acronym,
                country: row.country,
                ecosoc: row.ecosoc ?? .none,
                icsoNumber: row.icsoNumber
            )
            try self.store.insert(organisation)
            applied = Applied(outcome: .created, organisation: organisation, newOrganisation: true)
        }
        applied.row = row
        let contact = try self.contact(for: row, of: applied.organisation.id, in: &contacts, applied: &applied)
        try self.sign(row, organisation: applied.organisation.id, contact: contact, applied: &applied)
        return applied
    }

    /// The row's contact: an existing one of the organisation with the same email or name, or a new one.
    private func contact(
        for row: SignOnRow,
        of organisation: ID<Organisation>,
        in contacts: inout ContactIndex,
        applied: inout Applied
    ) throws -> ID<ContactPerson>? {
        guard let name = row.contactName else { return nil }
        applied.contactEmail = row.email
        // An organisation this row created has no contacts yet.
        let existing =
            applied.newOrganisation
            ? nil
            : try contacts.match(email: row.email, name: name, of: organisation, in: self.store).flatMap {
                try self.store.contact($0)
            }
        guard var contact = existing else {
            let contact = ContactPerson(
                organisationID: organisation,
                fullName: name,
                title: row.title,
                email: row.email,
                phone: row.phone,
                atRisk: row.atRisk ?? false,
                consentToPublish: row.consent
            )
            try self.store.insert(contact)
            applied.contactAdded = true
            applied.contactWritten = contact
            return contact.id
        }
        var changed = false
        self.merge(\.title, row.title, into: &contact, changed: &changed)
        self.merge(\.email, row.email, into: &contact, changed: &changed)
        self.merge(\.phone, row.phone, into: &contact, changed: &changed)
        if self.mode == .update && contact.consentToPublish != row.consent {
            contact.consentToPublish = row.consent
            changed = true
        }
        // A sign-on form is open to anyone: it must not give a person at risk another email
        // address or phone number, nor make them consent. It may say that one is at risk.
        if changed && contact.atRisk {
            applied.contactAtRiskKept = contact.fullName
        } else if row.atRisk == true && !contact.atRisk {
            contact.atRisk = true
            try self.store.update(contact)
            applied.contactWritten = contact
            if applied.outcome == .matched { applied.outcome = .updated }
        } else if changed {
            try self.store.update(contact)
            applied.contactWritten = contact
            if applied.outcome == .matched { applied.outcome = .updated }
        }
        return contact.id
    }

    /// Records the organisation as signed, unless it already signed or (outside `update`) declined or withdrew.
    private func sign(
        _ row: SignOnRow,
        organisation: ID<Organisation>,
        contact: ID<ContactPerson>?,
        applied: inout Applied
    ) throws {
        let existing =
            applied.newOrganisation
            ? nil
            : try self.store.signature(Signature.id(statement: self.statement.id, organisation: organisation))
        if let existing {
            let settled = existing.status == .signed || existing.status == .declined || existing.status == .withdrawn
            if settled && self.mode != .update { return }
            if self.mode == .update && existing.status == .signed && existing.consentToPublish == row.consent
                && (contact == nil || existing.contactID == contact)
            {
                return
            }
        }
        try self.store.record(
            .signed,
            by: organisation,
            on: self.statement,
            wording: self.textHash,
            contact: contact,
            consent: row.consent,
            source: .import
        )
        applied.signatureRecorded = true
        if let status = existing?.status, status == .withdrawn || status == .declined {
            applied.signedAgainAfter = status
        }
        if existing != nil && applied.outcome == .matched { applied.outcome = .updated }
    }

    /// Sets a field from the file as `mode` (the import's, unless the match was weak) says:
    /// `update` replaces, `fill` sets an empty one.
    private func merge<Record, Value: Equatable>(
        _ field: WritableKeyPath<Record, Value?>,
        _ value: Value?,
        into record: inout Record,
        mode: SignerImport.Mode? = nil,
        changed: inout Bool
    ) {
        guard let value, record[keyPath: field] != value else { return }
        switch mode ?? self.mode {
        case .skip: return
        case .update: break
        case .fill: guard record[keyPath: field] == nil else { return }
        }
        record[keyPath: field] = value
        changed = true
    }
}
