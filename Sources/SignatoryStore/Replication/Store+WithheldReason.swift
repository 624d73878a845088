import SignatoryDomain

/// An erasure's reason travels to every office, so one that names the person (written by a
/// release that did not check reasons, by hand, or by an office that held fewer of the person's
/// values) is removed where it is found to, as an erasure removes the person's values: its salted
/// digest stays, so the change still verifies. Removal only ever spreads: an office holding the
/// reason takes a peer's copy without it, so every exchange order ends with the same lines.
extension Store {
    /// A received erasure whose reason repeats the person's name, email address or phone number
    /// held here, without its reason; `nil` for any other change.
    func withholdingRevealingReason(of change: Change) throws -> Change? {
        guard change.erases, change.format != .one, let reason = Self.reason(of: change) else { return nil }
        let held = try self.changes(of: EntityRef(change.kind, change.entityID))
        return Self.names(reason, held.map(Self.values)) ? change.withoutReason : nil
    }

    /// Removes the reason of each erasure of `ref` held here that `values` (a change of the
    /// person that reached this office after the erasure, before its values are removed) show
    /// to name the person.
    func withholdReasons(of ref: EntityRef, namedBy change: Change) throws {
        guard ref.kind == .contact else { return }
        for erasure in try self.changes(of: ref) where erasure.erases {
            guard let reason = Self.reason(of: erasure), Self.names(reason, [Self.values(change)]) else { continue }
            try self.withholdReason(of: erasure)
        }
    }

    /// Takes `copy`, a peer's copy of an erasure held here, when the peer removed its reason.
    func takeWithheldReason(from copy: Change) throws {
        guard copy.erases, copy.fields["erasureReason"]?.isErased == true,
            let held = try self.change(office: copy.office, sequence: copy.sequence),
            held.hash == copy.hash, Self.reason(of: held) != nil
        else { return }
        try self.withholdReason(of: held)
    }

    /// Rewrites a held erasure's line, its record's merge state, and the tombstone.
    private func withholdReason(of held: Change) throws {
        let ref = EntityRef(held.kind, held.entityID)
        try self.database.prepare("UPDATE change_log SET line = ? WHERE office = ? AND sequence = ?")
            .run(held.withoutReason.jsonLine, held.office, held.sequence)
        // The state the lines now give, as if the erasure had arrived without its reason: a
        // removed value adds no version, and the merge is the same in any order.
        var state = RecordState()
        for change in try self.changes(of: ref) { state.apply(change) }
        try self.database.prepare("UPDATE entity_state SET state = ? WHERE kind = ? AND entity_id = ?")
            .run(state.encoded, ref.kind.rawValue, ref.id)
        try self.writeTombstone(ref)
        // The words may be left in freed pages and the write-ahead log, as erased values are.
        self.erasedValuesMayLinger = true
    }

    private static func reason(of change: Change) -> String? {
        guard let reason = change.fields["erasureReason"], !reason.isErased else { return nil }
        return reason.value.text?.nonBlank
    }

    private static func values(_ change: Change) -> FieldMap {
        change.fields.filter { !$0.value.isErased }.mapValues(\.value)
    }

    private static func names(_ reason: String, _ held: [FieldMap]) -> Bool {
        do {
            try ErasureReason.check(reason, against: held)
            return false
        } catch {
            // The only thing the check throws: the reason names the person.
            return true
        }
    }
}

extension Change {
    /// The erasure with its reason removed, its digest kept.
    fileprivate var withoutReason: Change { self.erasing(["erasureReason"]) }
}
