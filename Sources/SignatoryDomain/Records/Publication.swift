import Foundation

/// A statement as it was published: the wording, the date (and optionally the place and the
/// occasion), and the signatory block line by line. It is written once, when the statement is
/// published, and syncs with the statement, so later withdrawals, removals and merges do not
/// change what was published.
///
/// ```swift
/// let record = Publication(date: try CalendarDate("2026-12-02"), place: "Geneva", occasion: nil,
///                          textHash: statement.textHash, lead: nil, cosigners: lines)
/// let text = record.jsonText   // what the statement's `publication` field holds
/// ```
public struct Publication: Hashable, Sendable {
    /// One organisation of the block, as it read on the day.
    public struct Line: Hashable, Sendable, Codable {
        private let organisationID: String
        /// The ISO 3166-1 code, for the count of countries.
        public let country: String?
        /// "CAP Liberté de Conscience (CAP)"
        public let name: String
        /// "NGO with special United Nations Consultative Status", when the status was in force.
        public let status: String?
        private var contactID: String?
        /// The person named in the contact line, and their title.
        public private(set) var contactName: String?
        public private(set) var contactTitle: String?

        private enum CodingKeys: String, CodingKey {
            case organisationID = "organisation"
            case country, name, status
            case contactID = "contact"
            case contactName,
                contactTitle
        }

        public init(
            organisation: ID<Organisation>,
            country: CountryCode?,
            name: String,
            status: String?,
            contact: ContactPerson?
        ) {
            self.organisationID = organisation.description
            self.country = country?.code
            self.name = name
            self.status = status
            self.contactID = contact?.id.description
            self.contactName = contact?.fullName
            self.contactTitle = contact?.title
        }

        public var organisation: ID<Organisation>? { ID(self.organisationID) }
        /// The person named in the contact line, so that a person later marked at risk can be left out.
        public var contact: ID<ContactPerson>? { self.contactID.flatMap { ID($0) } }

        /// "CAP Liberté de Conscience (CAP), NGO with special United Nations Consultative Status"
        public var text: String { self.status.map { "\(self.name), \($0)" } ?? self.name }

        /// The line without its contact.
        public var withoutContact: Line {
            var line = self
            line.contactID = nil
            line.contactName = nil
            line.contactTitle = nil
            return line
        }

        fileprivate func validate() throws(DomainError) {
            guard self.organisation != nil else {
                throw .invalidReference(kind: "organisation", value: self.organisationID)
            }
            if let contactID = self.contactID, ID<ContactPerson>(contactID) == nil {
                throw .invalidReference(kind: "contact", value: contactID)
            }
            if let country = self.country { _ = try CountryCode(country) }
            for value in [self.name, self.status, self.contactName, self.contactTitle] {
                if let value { try PlainText.check(value, field: "publication") }
            }
        }
    }

    /// The largest record, in bytes of its JSON: about 12,000 co-signers. The change that
    /// carries it must travel in a bundle line (16 MiB at most) and through a hub's body limit.
    public static let maximumBytes = 4 << 20

    public let date: CalendarDate
    public let place: String?
    public let occasion: String?
    public let textHash: TextHash
    public let lead: Line?
    public let cosigners: [Line]

    public init(
        date: CalendarDate,
        place: String?,
        occasion: String?,
        textHash: TextHash,
        lead: Line?,
        cosigners: [Line]
    ) {
        self.date = date
        self.place = place
        self.occasion = occasion
        self.textHash = textHash
        self.lead = lead
        self.cosigners = cosigners
    }

    /// `self` with other lines, e.g. without the contacts that may no longer be named.
    public func with(lead: Line?, cosigners: [Line]) -> Publication {
        Publication(
            date: self.date,
            place: self.place,
            occasion: self.occasion,
            textHash: self.textHash,
            lead: lead,
            cosigners: cosigners
        )
    }

    /// Checks every value as a received change's values are checked: a record from another
    /// office is rendered and published, so it must not carry control characters.
    public func validate() throws(DomainError) {
        guard (1945...2200).contains(self.date.year) else { throw .publicationDateOutOfRange(self.date.description) }
        for value in [self.place, self.occasion] {
            if let value { try PlainText.check(value, field: "publication") }
        }
        for line in [self.lead].compactMap({ $0 }) + self.cosigners { try line.validate() }
    }
}

extension Publication {
    private struct Stored: Codable {
        let date: String
        let place: String?
        let occasion: String?
        let textHash: String
        let lead: Line?
        let cosigners: [Line]
    }

    /// The record as the statement's `publication` field holds it: JSON with sorted keys.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let stored = Stored(
            date: self.date.description,
            place: self.place,
            occasion: self.occasion,
            textHash: self.textHash.hex,
            lead: self.lead,
            cosigners: self.cosigners
        )
        // Encoding strings, ids and arrays cannot fail.
        return String(decoding: (try? encoder.encode(stored)) ?? Data(), as: UTF8.self)
    }

    /// Reads a `publication` field, refusing anything that is not a valid record.
    public init(jsonText: String) throws(DomainError) {
        guard jsonText.utf8.count <= Self.maximumBytes else {
            throw .tooLong(field: "publication record", limit: Self.maximumBytes)
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(jsonText.utf8)),
            let hash = TextHash(hex: stored.textHash)
        else { throw .invalidReference(kind: "publication record", value: String(jsonText.prefix(40))) }
        self.init(
            date: try CalendarDate(stored.date),
            place: stored.place,
            occasion: stored.occasion,
            textHash: hash,
            lead: stored.lead,
            cosigners: stored.cosigners
        )
        try self.validate()
    }
}
