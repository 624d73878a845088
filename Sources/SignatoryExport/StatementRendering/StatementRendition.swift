import Foundation
public import SignatoryDomain
public import SignatoryStore

/// What a statement renders as: once published, its publication record (what was published,
/// whatever changed since); before, the signatory block as it stands.
///
/// ```swift
/// let rendition = try StatementRendition(statement: statement, store: store)
/// print(StatementFormat.text.render(rendition))
/// for note in rendition.notes { printToStandardError(note) }
/// ```
public struct StatementRendition: Sendable {
    public let statement: JointStatement
    public let lead: Publication.Line?
    /// The co-signers that signed and consented to publication, by name.
    public let cosigners: [Publication.Line]
    /// "Geneva, 2 December 2026" and the occasion, for a published statement.
    public let dateLines: [String]
    /// What the coordinator should know: signatures on an older wording before publication;
    /// what changed since publication after.
    public let notes: [String]

    /// - Parameter signatories: the statement's ``Store/signatories(of:)``, when the caller has
    ///   read them already; read from `store` otherwise.
    public init(statement: JointStatement, store: Store, signatories: [Signatory]? = nil) throws {
        var notes: [String] = []
        self.statement = try Self.publishedWording(of: statement, store: store, notes: &notes)
        let signatories = try signatories ?? store.signatories(of: statement.id)
        let block = try SignatoryBlock(statement: statement, store: store, signatories: signatories)
        guard let record = statement.publication else {
            self.lead = block.lead.map(\.publicationLine)
            self.cosigners = block.cosigners.map(\.publicationLine)
            self.dateLines = []
            self.notes = block.warnings
            return
        }
        let identities = try store.protectedIdentities()
        // A person marked at risk, or who withdrew consent, after publication is not named again.
        // The printed name is checked too: after a rename it may be the name of someone at risk,
        // and a record from another office may print a name with no contact behind it.
        func stillNameable(_ line: Publication.Line) throws -> Publication.Line {
            guard line.contact != nil || line.contactName != nil else { return line }
            if let id = line.contact, let contact = try store.contact(id), contact.isPublishable,
                !identities.protects(contact), !identities.protects(name: line.contactName, email: nil, phone: nil)
            {
                return line
            }
            notes.append(
                "since publication: the contact line of \(line.name) is left out; that person may no longer be named"
            )
            return line.withoutContact
        }
        self.lead = try record.lead.map(stillNameable)
        self.cosigners = try record.cosigners.map(stillNameable)
        notes += try Self.changes(since: record, block: block, signatories: signatories, store: store)
        self.dateLines =
            [[record.place, Self.spelledOut(record.date)].compactMap { $0 }.joined(separator: ", ")]
            + [record.occasion].compactMap { $0 }
        self.notes = notes
    }

    /// The statement with the wording its publication record names (``Store/asPublished(_:)``),
    /// and a note when that is not the wording the record holds now.
    private static func publishedWording(
        of statement: JointStatement,
        store: Store,
        notes: inout [String]
    ) throws -> JointStatement {
        let published = try store.asPublished(statement)
        if published.textHash != statement.textHash {
            notes.append(
                "since publication: the wording was edited (now \(statement.textHash.short)) at an office that had "
                    + "not seen the publication; the wording published, \(published.textHash.short), is printed"
            )
        }
        return published
    }

    /// Who joined or left the list and why, and whether the lead is another organisation now
    /// (after a merge, or a lead named elsewhere before the publication arrived). An organisation
    /// that moved between the lead and the co-signers is not said to have left or signed, nor is
    /// one merged into an organisation that stands for it on the list.
    private static func changes(
        since record: Publication,
        block: SignatoryBlock,
        signatories: [Signatory],
        store: Store
    ) throws -> [String] {
        var notes: [String] = []
        let mergedInto = Dictionary(try store.mergedOrganisations().map { ($0.merged.id, $0.into) }) { first, _ in first
        }
        // A signature shows under the organisation that stands for its own.
        let signatures = Dictionary(signatories.map { ($0.organisation.id, $0.signature) }) { first, _ in first }
        func name(_ id: ID<Organisation>) throws -> String {
            try store.organisation(id)?.displayName
                ?? "an organisation this office does not hold (\(id.description.prefix(8)))"
        }
        let publishedLead = record.lead?.organisation
        let currentLead = block.statement.leadOrganisationID
        if publishedLead != currentLead {
            let was = record.lead.map { "; \($0.name) was published as the lead" } ?? ""
            notes.append(
                try currentLead.map { "since publication: the lead organisation is now \(try name($0))\(was)" }
                    ?? "since publication: the statement names no lead organisation\(was)"
            )
        }
        if let currentLead, let status = signatures[currentLead]?.status, status == .withdrawn || status == .declined {
            notes.append(
                "the lead organisation, \(try name(currentLead)), stands as \(status.rawValue) on this statement"
            )
        }
        let published = Set(record.cosigners.compactMap(\.organisation))
        let current = Set(block.cosigners.map(\.organisation.id))
        for line in record.cosigners {
            // A co-signer that is the lead now is named by the note on the lead.
            guard let organisation = line.organisation, !current.contains(organisation), organisation != currentLead
            else { continue }
            let standing = mergedInto[organisation] ?? organisation
            let why: String
            if standing != organisation {
                if current.contains(standing) || standing == currentLead {
                    notes.append("since publication: \(line.name) was merged into \(try name(standing))")
                    continue
                }
                why = "was merged into \(try name(standing)), which is not on the list"
            } else if let signature = signatures[organisation] {
                why =
                    signature.status == .signed
                    ? "withdrew consent to be named" : "now stands as \(signature.status.rawValue)"
            } else {
                why = try store.organisation(organisation) == nil ? "was removed" : "no longer has a signature here"
            }
            // Named as published, and as it reads now if it was renamed since.
            let now = try store.organisation(organisation).map {
                $0.displayName == line.name ? "" : " (now \($0.displayName))"
            }
            notes.append("since publication: \(line.name)\(now ?? "") is no longer on the list: it \(why)")
        }
        let standingForPublished = Set(published.map { mergedInto[$0] ?? $0 })
        for entry in block.cosigners where !published.contains(entry.organisation.id) {
            if entry.organisation.id == publishedLead {
                notes.append(
                    "since publication: \(entry.organisation.displayName), published as the lead, is now a co-signer"
                )
            } else if !standingForPublished.contains(entry.organisation.id) {
                notes.append("since publication: \(entry.organisation.displayName) signed")
            }
        }
        return notes
    }

    /// "Co-signed by 2 organisations from 2 countries.", without the countries when none is known.
    public var headline: String {
        let countries = Set(self.cosigners.compactMap(\.country)).count
        let organisations = self.cosigners.count == 1 ? "1 organisation" : "\(self.cosigners.count) organisations"
        guard countries > 0 else { return "Co-signed by \(organisations)." }
        return "Co-signed by \(organisations) from \(countries == 1 ? "1 country" : "\(countries) countries")."
    }

    /// "2 December 2026"
    static func spelledOut(_ date: CalendarDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}

extension SignatoryBlock {
    /// The record of publishing the block as it stands now.
    public func publication(on date: CalendarDate, place: String?, occasion: String?) -> Publication {
        Publication(
            date: date,
            place: place,
            occasion: occasion,
            textHash: self.statement.textHash,
            lead: self.lead?.publicationLine,
            cosigners: self.cosigners.map(\.publicationLine)
        )
    }
}

extension SignatoryBlock.Entry {
    /// The entry as a line of a publication record.
    var publicationLine: Publication.Line {
        Publication.Line(
            organisation: self.organisation.id,
            country: self.organisation.country,
            name: self.organisation.displayName,
            status: self.organisation.standing == .active ? self.organisation.ecosoc.signatoryLine : nil,
            contact: self.contact
        )
    }
}
