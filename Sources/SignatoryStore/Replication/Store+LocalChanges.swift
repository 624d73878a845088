import Foundation
package import SignatoryDomain

/// Local edits: each one appends a change to this office's feed in the same transaction as the
/// edit, and the record tables are rewritten from it like from any other office's change.
extension Store {
    /// Sets the fields of `ref` that differ from their settled values. A record seen for the
    /// first time gets every field. Returns the change written, or `nil` when nothing changed.
    /// With `mustBeNew`, a record that exists already is refused. With `overwritingAllHeads`,
    /// a field is written even when its settled value is the same, to settle a conflict.
    /// Fields in `deciding` are written even when their settled value is the same (a stand
    /// decides them anew, and a concurrent write elsewhere must not outlive it), each also
    /// replacing the versions of other records listed with it (signatures sharing its row).
    @discardableResult
    func write(
        _ ref: EntityRef,
        _ fields: FieldMap,
        mustBeNew: Bool = false,
        overwritingAllHeads: Bool = false,
        deciding: [String: [HybridTimestamp]] = [:],
        now: Date? = nil
    ) throws -> Change? {
        try self.transaction {
            let state = try self.loadState(of: ref)
            if mustBeNew && state != nil { throw StoreError.recordExists(kind: ref.kind.rawValue, id: ref.id) }
            try self.refuseIfErased(ref, state)
            let current = state?.settle(ref.kind).versions ?? [:]
            var assignments: [String: FieldAssignment] = [:]
            for (name, value) in fields {
                let field = state?.fields[name]
                let others = deciding[name]
                guard
                    state == nil || current[name]?.value != value || others != nil
                        || (overwritingAllHeads && (field?.heads.count ?? 0) > 1)
                else { continue }
                var bases = field?.heads.map(\.timestamp) ?? []
                if let others, !others.isEmpty { bases += Set(others) }
                assignments[name] = FieldAssignment(value: value, bases: bases)
            }
            guard !assignments.isEmpty else { return nil }
            return try self.appendLocalChange(ref, assignments, state: state, now: now)
        }
    }

    /// Deletes a record: the change repeats every settled value with the deletion flag and
    /// replaces every version seen, so an edit made concurrently elsewhere surfaces as a conflict.
    func delete(_ ref: EntityRef, now: Date? = nil) throws {
        try self.transaction {
            guard let state = try self.loadState(of: ref) else {
                throw StoreError.notFound(ref.kind.rawValue, reference: ref.id)
            }
            try self.refuseIfErased(ref, state)
            var assignments: [String: FieldAssignment] = [:]
            // Fields of a later format minor are not this office's to write.
            for (name, version) in state.settle(ref.kind).versions where ref.kind.fields.contains(name) {
                assignments[name] = FieldAssignment(
                    value: version.value,
                    bases: state.fields[name]?.heads.map(\.timestamp) ?? []
                )
            }
            assignments[EntityKind.deletedField] = FieldAssignment(
                value: .bool(true),
                bases: state.fields[EntityKind.deletedField]?.heads.map(\.timestamp) ?? []
            )
            try self.appendLocalChange(ref, assignments, state: state, now: now)
        }
    }

    /// Writes one local change, every value salted, and brings the record tables up to date.
    /// Only tests write in a `format` other than the current one, as an office on a later minor would.
    @discardableResult
    func appendLocalChange(
        _ ref: EntityRef,
        _ fields: [String: FieldAssignment],
        state: RecordState?,
        critical: Bool = false,
        format: ChangeFormat = .current,
        now: Date?
    ) throws -> Change {
        // Read once per transaction, as the feed's end is.
        if self.localFeedEnd == nil { try self.refuseIfSucceeded() }
        let end = try self.localFeedEnd ?? self.feedEnd(of: self.office.id)
        let change = Change(
            format: format,
            critical: critical,
            office: self.office.id,
            sequence: end.sequence + 1,
            timestamp: try self.tick(now: now),
            kind: ref.kind,
            entityID: ref.id,
            fields: fields.mapValues { .salted($0.value, bases: $0.bases) },
            previousHash: end.hash
        )
        try self.appendToLog(change, line: change.jsonLine)
        self.localFeedEnd = (change.sequence, change.hash)
        let settled = try self.applyVersions(of: change, stored: .some(state))
        // A record this office has just created has no dependents yet, but a new signature may
        // share its row with signatures of a merged organisation.
        try self.materialize(
            [ref],
            known: [ref: settled],
            withDependents: state != nil || ref.kind == .signature,
            created: state == nil ? [ref] : []
        )
        if ref.kind == .organisation { try self.refreshOrDeferDuplicates(of: RewrittenOrganisations([ref.id])) }
        return change
    }
}

/// What ``Store/rewriteAsLocal(_:rewritten:)`` did with a change.
package enum RewriteOutcome: Equatable, Sendable {
    /// Written again as a change of this office's own.
    case written
    /// An edit of a person erased here: left out, as the erasure forbids.
    case personErased
    /// Nothing left to write: the person was erased already, or no value of the change remains.
    case nothingToWrite
}

extension Store {
    /// Writes the values of `change` (another feed's, or an abandoned one's) again as a change
    /// of this office's own. Recovery uses it so that nothing typed on a forked feed is lost.
    ///
    /// Each value replaces only the versions `change` replaced, so an edit made elsewhere that
    /// `change` had not seen stays beside it as a conflict instead of vanishing. `rewritten` maps
    /// the timestamps of changes already written again to their new ones, so that a later change
    /// still replaces an earlier one it had seen; this change's pair is added to it. An erasure
    /// erases the person again; an edit of a person erased here is left out, as the erasure
    /// forbids. Returns what became of the change.
    ///
    /// ```swift
    /// var rewritten: [HybridTimestamp: HybridTimestamp] = [:]
    /// for change in abandoned { try recovered.rewriteAsLocal(change, rewritten: &rewritten) }
    /// ```
    @discardableResult
    package func rewriteAsLocal(
        _ change: Change,
        rewritten: inout [HybridTimestamp: HybridTimestamp]
    ) throws -> RewriteOutcome {
        let ref = EntityRef(change.kind, change.entityID)
        let state = try self.loadState(of: ref)
        if state?.isErased ?? false { return change.erases ? .nothingToWrite : .personErased }
        if change.erases {
            guard state != nil else { return .nothingToWrite }
            // A reason written before reasons were checked is left out rather than sent again.
            var reason = change.fields["erasureReason"]?.value.text
            do {
                try self.checkErasureReason(reason, of: try Store.id(change.entityID))
            } catch is DomainError {
                reason = nil
            }
            rewritten[change.timestamp] = try self.eraseContact(try Store.id(change.entityID), reason: reason).erasedAt
            return .written
        }
        var known = change.fields.filter { change.kind.fields.contains($0.key) && !$0.value.isErased }
        guard !known.isEmpty else { return .nothingToWrite }
        if let record = known["publication"], case .text(let text) = record.value {
            known["publication"] = FieldAssignment(
                value: .text(try self.withoutErasedContacts(try Publication(jsonText: text)).jsonText),
                bases: record.bases
            )
        }
        let mapped = rewritten
        let written = try self.transaction {
            let assignments = known.mapValues {
                FieldAssignment(value: $0.value, bases: $0.bases.map { mapped[$0] ?? $0 })
            }
            return try self.appendLocalChange(ref, assignments, state: state, now: nil)
        }
        rewritten[change.timestamp] = written.timestamp
        return .written
    }

    /// A publication record written where an erasure was not yet known names the person: written
    /// again here, where it is, the person is left out of their line.
    private func withoutErasedContacts(_ publication: Publication) throws -> Publication {
        func line(_ line: Publication.Line) throws -> Publication.Line {
            guard let contact = line.contact, try self.erasure(of: contact) != nil else { return line }
            return line.withoutContact
        }
        return publication.with(
            lead: try publication.lead.map(line),
            cosigners: try publication.cosigners.map(line)
        )
    }
}
