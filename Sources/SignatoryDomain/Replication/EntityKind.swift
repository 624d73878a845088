/// The kinds of record that offices exchange changes about, with the fields each change may set.
public enum EntityKind: String, Choice, Comparable {
    case campaign
    case organisation
    case contact
    case statement
    case statementText
    case signature

    public static let fieldName = "record kind"

    /// Every kind has this flag; `true` hides the record, `false` restores it.
    public static let deletedField = "deleted"

    public var fields: Set<String> { EntityKind.fieldSets[self]! }

    private static let fieldSets: [EntityKind: Set<String>] = Dictionary(
        uniqueKeysWithValues: EntityKind.allCases.map { ($0, $0.declaredFields) }
    )

    private var declaredFields: Set<String> {
        switch self {
        case .campaign: return ["name", "description", "startDate", "endDate", "status", Self.deletedField]
        case .organisation:
            return [
                "name", "acronym", "country", "website", "ecosoc", "ecosocYear", "standing", "icsoNumber", "notes",
                "mergedInto",
                Self.deletedField,
            ]
        case .contact:
            return [
                "organisation", "fullName", "title", "email", "phone", "language", "atRisk", "consent",
                Self.deletedField, Self.erasedField, "erasureReason", "formerLines",
            ]
        case .statement:
            return ["campaign", "title", "body", "language", "lead", "status", "publication", Self.deletedField]
        case .statementText: return ["statement", "hash", "title", "body", "language", "recordedAt"]
        case .signature:
            return [
                "statement", "organisation", "contact", "status", "textHash", "consent", "recordedAt", "source",
                Self.deletedField,
            ]
        }
    }

    /// The fields a record cannot be shown without. The change that creates a record sets them
    /// all, but an edit relayed by another office can arrive before that change with only some:
    /// a contact shown from a rename alone would read as not at risk. An erased contact has lost
    /// its name for good.
    public var essentialFields: [String] {
        switch self {
        case .campaign, .organisation: return ["name"]
        case .contact: return ["fullName", "organisation", "atRisk", "consent"]
        case .statement: return ["title", "campaign"]
        case .statementText: return ["statement"]
        case .signature: return ["statement", "organisation", "status", "consent"]
        }
    }

    /// Whether a record with these settled fields exists here, created and not deleted.
    ///
    /// ```swift
    /// EntityKind.organisation.isPresent(["website": .text("capliberte.org")])   // false: not created yet
    /// ```
    public func isPresent(_ fields: FieldMap) -> Bool {
        guard !fields.isEmpty, fields[Self.deletedField] != .bool(true) else { return false }
        return self.essentialFields.allSatisfy { name in
            switch fields[name] {
            case nil, .null: return false
            case .text(let text): return !text.isEmpty
            case .integer, .bool: return true
            }
        }
    }

    /// How concurrent values of `field` are settled.
    public func rule(for field: String) -> MergeRule {
        switch (self, field) {
        case (_, Self.deletedField), (.contact, Self.erasedField): return .prefer(.bool(true))
        case (.signature, "status"): return .prefer(.text(SignatureStatus.withdrawn.rawValue))
        case (.signature, "consent"), (.contact, "consent"): return .prefer(.bool(false))
        case (.contact, "atRisk"): return .prefer(.bool(true))
        // Publication is final: a concurrent reopening or closing at another office loses.
        case (.statement, "status"): return .prefer(.text(StatementStatus.published.rawValue))
        // Two offices erasing one person agree on the erasure; the first reason stands, with
        // nothing to settle (an erased contact cannot be edited, so such a conflict could not be).
        case (.statementText, "recordedAt"), (.contact, "erasureReason"): return .earliestWithoutConflict
        // A wording's id is its hash: two offices that recorded it differ in spaces and line endings at most.
        case (.statementText, "title"), (.statementText, "body"), (.statementText, "language"):
            return .latestWithoutConflict
        default: return .latest
        }
    }

    /// Parents are materialised before their children.
    private var order: Int {
        switch self {
        case .campaign: return 0
        case .organisation: return 1
        case .contact: return 2
        case .statement: return 3
        case .statementText: return 4
        case .signature: return 5
        }
    }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.order < rhs.order }
}

extension EntityKind {
    /// Fields that name another record.
    public var referenceFields: [String] {
        switch self {
        case .campaign: return []
        case .organisation: return ["mergedInto"]
        case .contact: return ["organisation"]
        case .statement: return ["campaign", "lead"]
        case .statementText: return ["statement"]
        case .signature: return ["statement", "organisation", "contact"]
        }
    }

    /// The kind of record a reference field names: `.organisation` for a statement's `lead`;
    /// `nil` for a field that names none.
    public func referencedKind(by field: String) -> EntityKind? {
        guard self.referenceFields.contains(field) else { return nil }
        switch field {
        case "campaign": return .campaign
        case "statement": return .statement
        case "contact": return .contact
        default: return .organisation
        }
    }
}
