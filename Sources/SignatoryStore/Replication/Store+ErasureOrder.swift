public import SignatoryDomain

/// Which erasures a receiver must hold to take a stretch of a feed. A change whose values were
/// removed is refused unless an erasure of its contact vouches for it (``requireErasureVouches(for:)``),
/// checked once everything a bundle carries is applied: a push in pages must carry an erasure in
/// the same page as the changes it redacted, or in an earlier one.
extension Store {
    /// A change with removed values and where the erasures of its contact sit, in their feeds.
    public struct RedactedChange: Sendable {
        public let sequence: Int64
        /// The erased contact's id.
        public let contact: String
        public let erasures: [(office: ID<Office>, sequence: Int64)]
    }

    /// The changes of `office`'s feed in `after + 1 ... through` whose values were removed,
    /// oldest first, each with the erasures of its contact held here.
    ///
    /// ```swift
    /// let needs = try store.redactedChanges(of: office, after: known, through: head.sequence)
    /// let ready = needs.allSatisfy { $0.erasures.contains { $0.sequence <= hubHas[$0.office] ?? 0 } }
    /// ```
    public func redactedChanges(of office: ID<Office>, after: Int64, through last: Int64) throws -> [RedactedChange] {
        // A removed value leaves a `digest` (format 2) or `"erased":true` (format 1) key; a value
        // that reads the same is escaped inside its string, so only keys match.
        let redacted = try self.database.prepare(
            """
            SELECT line FROM change_log WHERE office = ? AND sequence > ? AND sequence <= ?
                AND (instr(line, '"digest":"') > 0 OR instr(line, '"erased":true') > 0)
            ORDER BY sequence
            """
        ).rows(office, after, last) { try Store.readChange($0) }.filter(\.hasErasedValues)
        var erasures: [String: [(office: ID<Office>, sequence: Int64)]] = [:]
        return try redacted.map { change in
            if erasures[change.entityID] == nil {
                erasures[change.entityID] = try self.database.prepare(
                    """
                    SELECT c.line FROM contact_change k JOIN change_log c ON c.office = k.office AND c.sequence = k.sequence
                    WHERE k.contact = ? AND instr(c.line, '"critical":true') > 0
                    """
                ).rows(change.entityID) { try Store.readChange($0) }.filter(\.erases).map { ($0.office, $0.sequence) }
            }
            return RedactedChange(
                sequence: change.sequence,
                contact: change.entityID,
                erasures: erasures[change.entityID] ?? []
            )
        }
    }
}
