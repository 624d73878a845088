/// Checks that a change received from another office could have been written by Signatory:
/// known fields, values of the right type and form, an id of the right shape.
extension Change {
    public func validateValues() throws {
        for name in self.fields.keys where !self.kind.fields.contains(name) {
            throw DomainError.unknownValue(field: "\(self.kind.rawValue) field", value: name, allowed: self.kind.fields.sorted())
        }
        for (name, assignment) in self.fields {
            let expected = EntityKind.valueType(of: name)
            let matches: Bool
            switch (expected, assignment.value) {
            case (_, .null): matches = name != EntityKind.deletedField
            case (.bool, .bool), (.integer, .integer), (.text, .text): matches = true
            default: matches = false
            }
            guard matches else { throw DomainError.invalidReference(kind: "\(name) value", value: assignment.value.description) }
        }
        let values = self.fields.mapValues(\.value)
        switch self.kind {
        case .campaign: _ = try Campaign(id: try Change.uuid(self.entityID), syncFields: values)
        case .organisation:
            _ = try Organisation(id: try Change.uuid(self.entityID), syncFields: values)
            if let target = values.text("mergedInto") { _ = try Change.uuid(target) as ID<Organisation> }
        case .contact:
            if values["organisation"] != nil { _ = try ContactPerson(id: try Change.uuid(self.entityID), syncFields: values) }
            else { _ = try Change.uuid(self.entityID) as ID<ContactPerson> }
        case .statement:
            if values["campaign"] != nil { _ = try JointStatement(id: try Change.uuid(self.entityID), syncFields: values) }
            else { _ = try Change.uuid(self.entityID) as ID<JointStatement> }
        case .statementText:
            let text = try StatementText(syncFields: values)
            guard text.entityID == self.entityID, text.hash == TextHash(title: text.title, body: text.body, language: text.language) else {
                throw DomainError.invalidReference(kind: "wording", value: self.entityID)
            }
        case .signature:
            if values["statement"] != nil || values["organisation"] != nil {
                let signature = try Signature(syncFields: values)
                guard signature.id.description == self.entityID else { throw DomainError.invalidReference(kind: "signature", value: self.entityID) }
            } else {
                _ = try Change.uuid(self.entityID) as ID<Signature>
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
