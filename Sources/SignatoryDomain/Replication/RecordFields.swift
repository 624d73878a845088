import Foundation

/// Records as the field maps that changes carry, and back.
///
/// Reading back checks every value's form (a country code, an email address), so a change with
/// a malformed value is refused before it is applied. Rules that span fields (a year needs a
/// status) are checked only when an office writes: concurrent edits that each obeyed them may
/// together break them, and the merged record must still show.
public typealias FieldMap = [String: FieldValue]

extension FieldMap {
    public func text(_ name: String) -> String? { self[name]?.text }
    public func flag(_ name: String) -> Bool { self[name]?.bool ?? false }
    func id<T>(_ name: String, _ kind: String) throws(DomainError) -> ID<T>? {
        guard let text = self.text(name) else { return nil }
        guard let id = ID<T>(text) else { throw .invalidReference(kind: kind, value: text) }
        return id
    }
    func requiredID<T>(_ name: String, _ kind: String) throws(DomainError) -> ID<T> {
        guard let id: ID<T> = try self.id(name, kind) else { throw .emptyField(kind) }
        return id
    }
    func parse<T>(_ name: String, _ parse: (String) throws(DomainError) -> T) throws(DomainError) -> T? {
        guard let text = self.text(name) else { return nil }
        return try parse(text)
    }
}

extension Organisation {
    public var syncFields: FieldMap {
        [
            "name": .text(self.name), "acronym": FieldValue(self.acronym), "country": FieldValue(self.country?.code),
            "website": FieldValue(self.website?.url), "ecosoc": .text(self.ecosoc.rawValue),
            "ecosocYear": FieldValue(self.ecosocYear),
            "standing": .text(self.standing.rawValue), "icsoNumber": FieldValue(self.icsoNumber?.digits),
            "notes": .text(self.notes),
        ]
    }

    /// The organisation its settled fields describe. A year without a status (two offices' concurrent
    /// edits can leave one) is not taken: the year goes with the status.
    public init(id: SignatoryDomain.ID<Organisation>, syncFields fields: FieldMap) throws {
        let ecosoc =
            try fields.parse("ecosoc") { (text: String) throws(DomainError) in try ECOSOCCategory(parsing: text) }
            ?? .none
        self.init(
            id: id,
            name: fields.text("name") ?? "",
            acronym: fields.text("acronym"),
            country: try fields.parse("country", CountryCode.init),
            website: try fields.parse("website", Website.init),
            ecosoc: ecosoc,
            ecosocYear: ecosoc == .none ? nil : fields["ecosocYear"]?.integer.map(Int.init),
            standing: try fields.parse("standing") { (text: String) throws(DomainError) in
                try ConsultativeStanding(parsing: text)
            } ?? .active,
            icsoNumber: try fields.parse("icsoNumber", ICSONumber.init),
            notes: fields.text("notes") ?? ""
        )
    }
}

extension ContactPerson {
    public var syncFields: FieldMap {
        [
            "organisation": .text(self.organisationID.description), "fullName": .text(self.fullName),
            "title": FieldValue(self.title),
            "email": FieldValue(self.email?.address), "phone": FieldValue(self.phone?.e164),
            "language": FieldValue(self.preferredLanguage?.tag), "atRisk": .bool(self.atRisk),
            "consent": .bool(self.consentToPublish),
        ]
    }

    public init(id: SignatoryDomain.ID<ContactPerson>, syncFields fields: FieldMap) throws {
        self.init(
            id: id,
            organisationID: try fields.requiredID("organisation", "organisation"),
            fullName: fields.text("fullName") ?? "",
            title: fields.text("title"),
            email: try fields.parse("email", EmailAddress.init),
            phone: try fields.parse("phone", PhoneNumber.init),
            preferredLanguage: try fields.parse("language", LanguageTag.init),
            atRisk: fields.flag("atRisk"),
            consentToPublish: fields.flag("consent")
        )
    }
}

extension Campaign {
    public var syncFields: FieldMap {
        [
            "name": .text(self.name), "description": .text(self.description),
            "startDate": FieldValue(self.startDate?.description),
            "endDate": FieldValue(self.endDate?.description), "status": .text(self.status.rawValue),
        ]
    }

    public init(id: SignatoryDomain.ID<Campaign>, syncFields fields: FieldMap) throws {
        self.init(
            id: id,
            name: fields.text("name") ?? "",
            description: fields.text("description") ?? "",
            startDate: try fields.parse("startDate", CalendarDate.init),
            endDate: try fields.parse("endDate", CalendarDate.init),
            status: try fields.parse("status") { (text: String) throws(DomainError) in try CampaignStatus(parsing: text)
            } ?? .planning
        )
    }
}

extension JointStatement {
    public var syncFields: FieldMap {
        var fields: FieldMap = [
            "campaign": .text(self.campaignID.description), "title": .text(self.title), "body": .text(self.body),
            "language": .text(self.language.tag), "lead": FieldValue(self.leadOrganisationID?.description),
            "status": .text(self.status.rawValue),
        ]
        // Absent until published, so statements written before publication records existed
        // produce the same changes as before.
        if let publication = self.publication { fields["publication"] = .text(publication.jsonText) }
        return fields
    }

    public init(id: SignatoryDomain.ID<JointStatement>, syncFields fields: FieldMap) throws {
        self.init(
            id: id,
            campaignID: try fields.requiredID("campaign", "campaign"),
            title: fields.text("title") ?? "",
            body: fields.text("body") ?? "",
            language: try fields.parse("language", LanguageTag.init) ?? (try LanguageTag("en")),
            leadOrganisationID: try fields.id("lead", "organisation"),
            status: try fields.parse("status") { (text: String) throws(DomainError) in
                try StatementStatus(parsing: text)
            } ?? .draft,
            publication: try fields.parse("publication") { (text: String) throws(DomainError) in
                try Publication(jsonText: text)
            }
        )
    }
}

extension StatementText {
    /// A wording's record id: the statement and the hash, so two offices recording it agree.
    public var entityID: String { Self.entityID(statement: self.statementID, hash: self.hash) }

    /// The record id of the wording `hash` of `statement`.
    public static func entityID(statement: ID<JointStatement>, hash: TextHash) -> String {
        "\(statement):\(hash.hex)"
    }

    public var syncFields: FieldMap {
        [
            "statement": .text(self.statementID.description), "hash": .text(self.hash.hex), "title": .text(self.title),
            "body": .text(self.body), "language": .text(self.language.tag),
            "recordedAt": .integer(Int64((self.recordedAt.timeIntervalSince1970 * 1000).rounded())),
        ]
    }

    public init(syncFields fields: FieldMap) throws {
        guard let hashText = fields.text("hash"), let hash = TextHash(hex: hashText) else {
            throw DomainError.invalidReference(kind: "wording", value: fields.text("hash") ?? "")
        }
        self.init(
            statementID: try fields.requiredID("statement", "statement"),
            hash: hash,
            title: fields.text("title") ?? "",
            body: fields.text("body") ?? "",
            language: try fields.parse("language", LanguageTag.init) ?? (try LanguageTag("en")),
            recordedAt: Date(timeIntervalSince1970: Double(fields["recordedAt"]?.integer ?? 0) / 1000)
        )
    }
}

extension Signature {
    public var syncFields: FieldMap {
        [
            "statement": .text(self.statementID.description), "organisation": .text(self.organisationID.description),
            "contact": FieldValue(self.contactID?.description), "status": .text(self.status.rawValue),
            "textHash": FieldValue(self.textHash?.hex), "consent": .bool(self.consentToPublish),
            "recordedAt": .integer(Int64((self.recordedAt.timeIntervalSince1970 * 1000).rounded())),
            "source": .text(self.source.rawValue),
        ]
    }

    /// - Parameter organisation: overrides the organisation, for a signature carried over by a merge.
    public init(syncFields fields: FieldMap, organisation: SignatoryDomain.ID<Organisation>? = nil) throws {
        self.init(
            statementID: try fields.requiredID("statement", "statement"),
            organisationID: try organisation ?? fields.requiredID("organisation", "organisation"),
            contactID: try fields.id("contact", "contact"),
            status: try fields.parse("status") { (text: String) throws(DomainError) in
                try SignatureStatus(parsing: text)
            } ?? .invited,
            textHash: fields.text("textHash").flatMap(TextHash.init(hex:)),
            consentToPublish: fields["consent"]?.bool ?? true,
            recordedAt: Date(timeIntervalSince1970: Double(fields["recordedAt"]?.integer ?? 0) / 1000),
            source: try fields.parse("source") { (text: String) throws(DomainError) in
                try SignatureSource(parsing: text)
            } ?? .office
        )
    }
}
