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
        self.statement = statement
        let block = try SignatoryBlock(statement: statement, store: store, signatories: signatories)
        guard let record = statement.publication else {
            self.lead = block.lead.map(\.publicationLine)
            self.cosigners = block.cosigners.map(\.publicationLine)
            self.dateLines = []
            self.notes = block.warnings
            return
        }
        var notes: [String] = []
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
        notes += Self.changes(since: record, block: block)
        self.dateLines =
            [[record.place, Self.spelledOut(record.date)].compactMap { $0 }.joined(separator: ", ")]
            + [record.occasion].compactMap { $0 }
        self.notes = notes
    }

    /// Who joined or left the list, and whether the lead is another organisation now (after a
    /// merge, or a lead named elsewhere before the publication arrived). An organisation that
    /// moved between the lead and the co-signers is not said to have left or signed.
    private static func changes(since record: Publication, block: SignatoryBlock) -> [String] {
        var notes: [String] = []
        let publishedLead = record.lead?.organisation
        let currentLead = block.lead?.organisation.id
        let published = Set(record.cosigners.compactMap(\.organisation))
        let current = Set(block.cosigners.map(\.organisation.id))
        if publishedLead != currentLead {
            let was = record.lead.map { "; \($0.name) was published as the lead" } ?? ""
            if let lead = block.lead {
                notes.append("since publication: the lead organisation is now \(lead.organisation.displayName)\(was)")
            } else {
                notes.append("since publication: the statement names no lead organisation\(was)")
            }
        }
        // A co-signer that is the lead now is named by the note on the lead.
        for line in record.cosigners {
            guard let organisation = line.organisation, !current.contains(organisation), organisation != currentLead
            else { continue }
            notes.append("since publication: \(line.name) is no longer on the list (withdrawn, removed or merged)")
        }
        for entry in block.cosigners where !published.contains(entry.organisation.id) {
            notes.append(
                entry.organisation.id == publishedLead
                    ? "since publication: \(entry.organisation.displayName), published as the lead, is now a co-signer"
                    : "since publication: \(entry.organisation.displayName) signed"
            )
        }
        return notes
    }

    /// "Co-signed by 2 organisations from 2 countries."
    public var headline: String {
        let countries = Set(self.cosigners.compactMap(\.country)).count
        let organisations = self.cosigners.count == 1 ? "1 organisation" : "\(self.cosigners.count) organisations"
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
