import Foundation
public import SignatoryDomain

extension Store {
    /// Settles a conflict by writing `value` over every concurrent version of the field, as a
    /// new change that syncs like any other. Keeping a value of a deleted record restores it.
    public func resolve(_ conflict: Conflict, keeping value: FieldValue) throws {
        try self.transaction {
            try self.settle(conflict, keeping: value)
            try self.database.prepare(
                "INSERT OR REPLACE INTO resolved_conflict (id, resolved_at, kept) VALUES (?, ?, ?)"
            ).run(conflict.id, Date(), value.storageText)
        }
    }

    private func settle(_ conflict: Conflict, keeping value: FieldValue) throws {
        if conflict.rule == Conflict.organisationDeletedRule {
            guard value == conflict.loser.value || value == conflict.winner.value else {
                throw StoreError.keepRecordOrDeletion(record: try self.recordName(conflict.record, conflict.recordID))
            }
            return try self.resolveOrphan(conflict, keepingRecord: value == conflict.loser.value)
        }
        // A record of what was published, or of the wording a stand signed, is not the coordinator's to type.
        let typedValueRefused: Set<String> =
            switch conflict.record {
            case .statement: ["publication"]
            case .signature: ["textHash"]
            case .statementText: ["statement", "hash"]
            default: []
            }
        guard
            value == conflict.winner.value || value == conflict.loser.value
                || !typedValueRefused.contains(conflict.field)
        else {
            throw StoreError.keepOneOfTheVersions(
                field: conflict.field,
                record: try self.recordName(conflict.record, conflict.recordID)
            )
        }
        try self.transaction {
            var candidate = try self.settledFields(of: EntityRef(conflict.record, conflict.recordID))
            candidate[conflict.field] = value
            try conflict.record.validate(entityID: conflict.recordID, values: candidate)
            if value != conflict.winner.value && value != conflict.loser.value {
                try self.checkTypedReference(value, for: conflict, in: candidate)
            }
            for ref in try self.refsSharing(conflict) {
                // Keeping a value that the deletion did not write keeps the concurrent edit: restore.
                let deletion = try self.settledVersions(of: ref)[EntityKind.deletedField]
                let deletionValue = [conflict.winner, conflict.loser].first { $0.timestamp == deletion?.timestamp }?
                    .value
                try self.write(ref, [conflict.field: value], overwritingAllHeads: true)
                if deletion?.value == .bool(true) && conflict.field != EntityKind.deletedField && value != deletionValue
                {
                    try self.write(ref, [EntityKind.deletedField: .bool(false)], overwritingAllHeads: true)
                }
            }
        }
    }

    /// A reference typed instead of either version must name a record that shows here, as the
    /// commands that set it require: a signature's contact one of its organisation's contacts,
    /// an organisation merged into another one. A mistyped id would otherwise hide the record
    /// or drop its contact at every office.
    private func checkTypedReference(_ value: FieldValue, for conflict: Conflict, in fields: FieldMap) throws {
        guard let kind = conflict.record.referencedKind(by: conflict.field), let id = value.text else { return }
        // An organisation's row is only the one that stands for a merge class, so a merged-away one is refused.
        let query: StaticString
        switch kind {
        case .contact:
            var resolver = MergeResolver(store: self)
            let organisation = try fields.text("organisation").map { try resolver.canonical($0) } ?? ""
            return try self.requireContact(id, of: organisation)
        case .organisation where id == conflict.recordID: throw StoreError.mergeIntoItself
        case .campaign: query = "SELECT 1 FROM campaign WHERE id = ?"
        case .statement: query = "SELECT 1 FROM statement WHERE id = ?"
        default: query = "SELECT 1 FROM organisation WHERE id = ?"
        }
        guard try self.database.prepare(query).firstRow(id, read: { _ in true }) != nil else {
            throw StoreError.notFound(kind.rawValue, reference: id)
        }
    }

    /// Keeping a record whose organisation was deleted restores the organisation; otherwise the
    /// record is deleted too, or, for a statement's lead, the statement names none.
    private func resolveOrphan(_ conflict: Conflict, keepingRecord: Bool) throws {
        try self.transaction {
            let ref = EntityRef(conflict.record, conflict.recordID)
            guard keepingRecord else {
                if conflict.record == .statement {
                    try self.write(ref, [conflict.field: .null])
                } else {
                    try self.delete(ref)
                }
                return
            }
            guard let organisation = conflict.loser.value.text else { return }
            var resolver = MergeResolver(store: self)
            let canonical = EntityRef(.organisation, try resolver.canonical(organisation))
            try self.write(canonical, [EntityKind.deletedField: .bool(false)], overwritingAllHeads: true)
            // A lead is a decision of its own: kept anew, a lead another office names meanwhile
            // competes with it as a later edit would, instead of silently replacing it.
            if conflict.record == .statement {
                try self.write(ref, [conflict.field: conflict.loser.value], deciding: [conflict.field: []])
            }
        }
    }

    /// The records a conflict's field must agree across: the record itself, or every signature
    /// that shares a row with it after a merge.
    private func refsSharing(_ conflict: Conflict) throws -> [EntityRef] {
        let ref = EntityRef(conflict.record, conflict.recordID)
        let fields = try self.settledFields(of: ref)
        guard conflict.rule.hasPrefix("merged:"), let statement = fields.text("statement"),
            let organisation = fields.text("organisation")
        else { return [ref] }
        return try self.signaturesSharingRow(on: statement, with: organisation)
    }
}
