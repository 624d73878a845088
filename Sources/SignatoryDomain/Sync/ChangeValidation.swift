/// Checks that a change received from another office could have been written by Signatory:
/// known fields, values of the right type and form, an id of the right shape.
extension Change {
    public func validateValues() throws {
        try self.kind.validate(entityID: self.entityID, values: self.fields.mapValues(\.value))
    }
}

extension EntityKind {
    /// Checks field values for a record of this kind, as a change would carry them.
    public func validate(entityID: String, values: FieldMap) throws {
        for name in values.keys where !self.fields.contains(name) {
            throw DomainError.unknownValue(field: "\(self.rawValue) field", value: name, allowed: self.fields.sorted())
        }
        for (name, value) in values {
            let matches: Bool
            switch (EntityKind.valueType(of: name), value) {
            case (_, .null): matches = name != EntityKind.deletedField
            case (.bool, .bool), (.integer, .integer), (.text, .text): matches = true
            default: matches = false
            }
            guard matches else { throw DomainError.invalidReference(kind: "\(name) value", value: value.description) }
        }
        switch self {
        case .campaign: _ = try Campaign(id: try EntityKind.uuid(entityID), syncFields: values)
        case .organisation:
            _ = try Organisation(id: try EntityKind.uuid(entityID), syncFields: values)
            if let target = values.text("mergedInto") { _ = try EntityKind.uuid(target) as ID<Organisation> }
        case .contact:
            if values["organisation"] != nil { _ = try ContactPerson(id: try EntityKind.uuid(entityID), syncFields: values) }
            else { _ = try EntityKind.uuid(entityID) as ID<ContactPerson> }
        case .statement:
            if values["campaign"] != nil { _ = try JointStatement(id: try EntityKind.uuid(entityID), syncFields: values) }
            else { _ = try EntityKind.uuid(entityID) as ID<JointStatement> }
        case .statementText:
            let text = try StatementText(syncFields: values)
            guard text.entityID == entityID, text.hash == TextHash(title: text.title, body: text.body, language: text.language) else {
                throw DomainError.invalidReference(kind: "wording", value: entityID)
            }
        case .signature:
            if values["statement"] != nil || values["organisation"] != nil {
                let signature = try Signature(syncFields: values)
                guard signature.id.description == entityID else { throw DomainError.invalidReference(kind: "signature", value: entityID) }
            } else {
                _ = try EntityKind.uuid(entityID) as ID<Signature>
            }
        }
    }

    private static func uuid<T>(_ text: String) throws -> ID<T> {
        guard let id = ID<T>(text), id.description == text else { throw DomainError.invalidReference(kind: "record id", value: text) }
        return id
    }
}

extension EntityKind {
    enum ValueType { case text, integer, bool }

    static func valueType(of field: String) -> ValueType {
        switch field {
        case deletedField, "atRisk", "consent": return .bool
        case "ecosocYear", "recordedAt": return .integer
        default: return .text
        }
    }
}
