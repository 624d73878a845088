/// Checks that a change received from another office could have been written by Signatory:
/// known fields, values of the right type and form, an id of the right shape.
///
/// A received change is held to at least the rules an office's own command line obeys, field by
/// field, so a partial edit is checked as strictly as a whole record: a safety flag is never null,
/// a name is never blank or full of control characters, a country is `FR` and never `fr`.
extension Change {
    public func validateValues() throws {
        // Versions are told apart by their timestamps: one that names another office could take
        // the place of that office's own version and make it vanish without a conflict.
        guard self.timestamp.office == self.office else {
            throw DomainError.foreignTimestamp(office: self.timestamp.office.description)
        }
        // An office's clock moves past every version it has seen before it writes, so a change
        // replaces only older ones. A version that replaced itself, or a later one that replaced
        // it back, would leave its value out of the merge without a conflict.
        for (name, assignment) in self.fields where assignment.bases.contains(where: { $0 >= self.timestamp }) {
            throw DomainError.replacesLaterVersion(field: "\(self.kind.rawValue) \(name)")
        }
        try self.validateErasure()
        var fields = self.fields
        if self.format.minor > ChangeFormat.current.minor {
            // A later minor version may add fields: they are kept, merged and relayed, unread.
            for name in fields.keys where !self.kind.fields.contains(name) {
                guard ChangeFormat.isFieldName(name) else {
                    throw DomainError.unknownValue(field: "\(self.kind.rawValue) field", value: name, allowed: [])
                }
                fields[name] = nil
            }
        }
        let erased = fields.filter(\.value.isErased)
        guard erased.isEmpty else {
            // What is left of a redacted change is checked field by field: the rules that span
            // fields were checked before its values were removed, and its hash still covers them.
            for name in erased.keys where !self.kind.erasableFields.contains(name) {
                throw DomainError.badErasure(
                    "cannot remove the \(self.kind.rawValue) \(name), only a contact's name, title, email and phone"
                )
            }
            try self.kind.validate(
                entityID: self.entityID,
                fields: fields.filter { !$0.value.isErased }.mapValues(\.value)
            )
            return
        }
        try self.kind.validate(entityID: self.entityID, values: fields.mapValues(\.value))
    }
}

extension EntityKind {
    /// Checks field values for a record of this kind, as a change would carry them.
    public func validate(entityID: String, values: FieldMap) throws {
        try self.validate(entityID: entityID, fields: values)
        if values[EntityKind.erasedField] != nil { return }
        switch self {
        // Rules that span fields are checked when the change carries all of them.
        case .campaign:
            let campaign = try Campaign(id: try EntityKind.uuid(entityID), syncFields: values)
            if let start = campaign.startDate, let end = campaign.endDate, end < start {
                throw DomainError.endBeforeStart(start: start, end: end)
            }
        case .organisation:
            let organisation = try Organisation(id: try EntityKind.uuid(entityID), syncFields: values)
            if values["ecosoc"] != nil, organisation.ecosoc == .none, values["ecosocYear"]?.integer != nil {
                throw DomainError.yearWithoutStatus
            }
        case .contact:
            if values["organisation"] != nil {
                _ = try ContactPerson(id: try EntityKind.uuid(entityID), syncFields: values)
            } else {
                _ = try EntityKind.uuid(entityID) as ID<ContactPerson>
            }
        case .statement:
            if values["campaign"] != nil {
                _ = try JointStatement(id: try EntityKind.uuid(entityID), syncFields: values)
            } else {
                _ = try EntityKind.uuid(entityID) as ID<JointStatement>
            }
        case .statementText:
            let text = try StatementText(syncFields: values)
            guard text.entityID == entityID,
                text.hash == TextHash(title: text.title, body: text.body, language: text.language)
            else {
                throw DomainError.invalidReference(kind: "wording", value: entityID)
            }
        case .signature:
            if values["statement"] != nil || values["organisation"] != nil {
                let signature = try Signature(syncFields: values)
                guard signature.id.description == entityID else {
                    throw DomainError.invalidReference(kind: "signature", value: entityID)
                }
            } else {
                _ = try EntityKind.uuid(entityID) as ID<Signature>
            }
        }
    }

    /// Each field on its own, without the rules that span fields.
    func validate(entityID: String, fields values: FieldMap) throws {
        for name in values.keys where !self.fields.contains(name) {
            throw DomainError.unknownValue(field: "\(self.rawValue) field", value: name, allowed: self.fields.sorted())
        }
        for (name, value) in values {
            try self.checkField(name, value, entityID: entityID)
        }
    }

    /// One field on its own: its type, whether it may be null, and its form.
    private func checkField(_ name: String, _ value: FieldValue, entityID: String) throws(DomainError) {
        // Built only for an error: this runs for every value of every change received.
        func label() -> String { "\(self.rawValue) \(name)" }
        guard value != .null else {
            guard self.isOptional(name) else { throw .missingValue(field: label()) }
            return
        }
        switch (EntityKind.valueType(of: name), value) {
        case (.bool, .bool): return
        case (.integer, .integer(let number)):
            switch name {
            case "ecosocYear": guard (1946...2200).contains(number) else { throw .invalidYear(Int(clamping: number)) }
            case "recordedAt":
                guard EntityKind.storableTimes.contains(number) else {
                    throw .timeOutOfRange(field: label(), milliseconds: number)
                }
            default: guard number >= 0 else { throw .notANumber(field: label(), value: String(number)) }
            }
        case (.text, .text(let text)):
            try self.checkText(name, text, label: label(), entityID: entityID)
        default:
            throw .invalidReference(kind: "\(name) value", value: value.description)
        }
    }

    private func checkText(
        _ name: String,
        _ text: String,
        label: @autoclosure () -> String,
        entityID: String
    ) throws(DomainError) {
        if let expected = try self.canonicalForm(of: name, text) {
            guard expected == text else { throw .notCanonical(field: label(), value: text, expected: expected) }
            return
        }
        switch (self, name) {
        case (_, "hash"), (_, "textHash"):
            guard TextHash(hex: text) != nil else { throw .invalidReference(kind: "wording hash", value: text) }
        case (.organisation, "mergedInto"):
            _ = try EntityKind.uuid(text) as ID<Organisation>
            guard text != entityID else { throw .selfReference(field: label()) }
        case (_, "organisation"), (_, "campaign"), (_, "statement"), (_, "contact"), (_, "lead"):
            _ = try EntityKind.uuid(text) as ID<Organisation>
        case (.contact, "formerLines"):
            guard !text.isEmpty,
                text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({
                    TextHash(hex: String($0)) != nil
                })
            else {
                throw .badErasure("names former lines in a form Signatory does not write: \(text.prefix(80))")
            }
        case (.statement, "publication"):
            // Its own size limit; every value inside is checked as plain text.
            _ = try Publication(jsonText: text)
        case (_, "notes"), (_, "description"), (_, "body"):
            try PlainText.check(text, field: label(), multiline: true)
            if name == "body" { guard text.nonBlank != nil else { throw .emptyField(label()) } }
        case (_, "name"), (_, "fullName"), (_, "title"), (_, "acronym"):
            try PlainText.check(text, field: label())
            guard text.nonBlank != nil else { throw .emptyField(label()) }
        default:
            try PlainText.check(text, field: label())
        }
    }

    /// Fields that may be null: optional values, never names, statuses or safety flags.
    private func isOptional(_ name: String) -> Bool {
        switch (self, name) {
        case (.organisation, "acronym"), (.organisation, "country"), (.organisation, "website"),
            (.organisation, "ecosocYear"),
            (.organisation, "icsoNumber"), (.organisation, "mergedInto"),
            (.contact, "title"), (.contact, "email"), (.contact, "phone"), (.contact, "language"),
            (.campaign, "startDate"), (.campaign, "endDate"),
            (.statement, "lead"), (.statement, "publication"),
            (.signature, "contact"), (.signature, "textHash"),
            (.contact, "erasureReason"), (.contact, "formerLines"):
            return true
        default:
            return false
        }
    }

    private static func uuid<T>(_ text: String) throws(DomainError) -> ID<T> {
        guard let id = ID<T>(text), id.description == text else {
            throw .invalidReference(kind: "record id", value: text)
        }
        return id
    }
}

extension EntityKind {
    enum ValueType { case text, integer, bool }

    /// The one form Signatory writes a value of `field` in, for fields that have one: a country
    /// is `FR`, a status `open`; `nil` for free text and references.
    func canonicalForm(of field: String, _ text: String) throws(DomainError) -> String? {
        switch (self, field) {
        case (_, "country"): return try CountryCode(text).code
        case (_, "website"): return try Website(text).url
        case (_, "email"): return try EmailAddress(text).address
        case (_, "phone"): return try PhoneNumber(text).e164
        case (_, "language"): return try LanguageTag(text).tag
        case (_, "startDate"), (_, "endDate"): return try CalendarDate(text).description
        case (_, "icsoNumber"): return try ICSONumber(text).digits
        case (.organisation, "ecosoc"): return try ECOSOCCategory(parsing: text).rawValue
        case (.organisation, "standing"): return try ConsultativeStanding(parsing: text).rawValue
        case (.campaign, "status"): return try CampaignStatus(parsing: text).rawValue
        case (.statement, "status"): return try StatementStatus(parsing: text).rawValue
        case (.signature, "status"): return try SignatureStatus(parsing: text).rawValue
        case (.signature, "source"): return try SignatureSource(parsing: text).rawValue
        default: return nil
        }
    }

    /// A value a person typed for `field`, as the field holds it: yes or no for a flag, a whole
    /// number, or text (blank clears it).
    ///
    /// ```swift
    /// try EntityKind.contact.typedValue("yes", for: "atRisk")   // .bool(true)
    /// ```
    public func typedValue(_ text: String, for field: String) throws(DomainError) -> FieldValue {
        switch Self.valueType(of: field) {
        case .bool:
            switch text.lowercased() {
            case "yes", "true", "1": return .bool(true)
            case "no", "false", "0": return .bool(false)
            default: throw .notAFlag(field: "\(self.rawValue) \(field)", value: text)
            }
        case .integer:
            guard let number = Int64(text) else { throw .notANumber(field: "\(self.rawValue) \(field)", value: text) }
            return .integer(number)
        case .text:
            guard let text = text.nonBlank else { return .null }
            return .text(try self.canonicalForm(of: field, text) ?? text)
        }
    }

    /// Whether `field` holds a time, as milliseconds since 1970 in UTC.
    public static func isTime(_ field: String) -> Bool { field == "recordedAt" }

    /// The times a field may hold: 1970 up to the end of the year 9999, in milliseconds.
    static let storableTimes: ClosedRange<Int64> = 0...253_402_300_799_999

    static func valueType(of field: String) -> ValueType {
        switch field {
        case deletedField, erasedField, "atRisk", "consent": return .bool
        case "ecosocYear", "recordedAt": return .integer
        default: return .text
        }
    }
}
