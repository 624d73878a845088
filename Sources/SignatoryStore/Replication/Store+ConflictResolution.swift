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
            return try self.resolveOrphan(conflict, keepingRecord: value == conflict.loser.value)
        }
        try self.transaction {
            var candidate = try self.settledFields(of: EntityRef(conflict.record, conflict.recordID))
            candidate[conflict.field] = value
            try conflict.record.validate(entityID: conflict.recordID, values: candidate)
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

    /// Keeping a record whose organisation was deleted restores the organisation; otherwise the
    /// record is deleted too.
    private func resolveOrphan(_ conflict: Conflict, keepingRecord: Bool) throws {
        try self.transaction {
            guard keepingRecord else { return try self.delete(EntityRef(conflict.record, conflict.recordID)) }
            guard let organisation = conflict.loser.value.text else { return }
            var resolver = MergeResolver(store: self)
            let canonical = EntityRef(.organisation, try resolver.canonical(organisation))
            try self.write(canonical, [EntityKind.deletedField: .bool(false)], overwritingAllHeads: true)
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
