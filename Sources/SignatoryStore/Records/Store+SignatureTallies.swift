public import SignatoryDomain

/// How many organisations stand where on one statement.
public struct SignatureTally: Sendable, Hashable {
    /// Signatures by status.
    public var byStatus: [SignatureStatus: Int] = [:]
    /// Organisations that signed, by ECOSOC consultative status.
    public var signedByECOSOC: [ECOSOCCategory: Int] = [:]

    public init() {}
}

extension Store {
    /// Every statement's tally, in one query: what the campaign pages count.
    ///
    /// ```swift
    /// let tallies = try store.signatureTallies()
    /// print(tallies[statement.id]?.byStatus[.signed] ?? 0)
    /// ```
    public func signatureTallies() throws -> [ID<JointStatement>: SignatureTally] {
        var tallies: [ID<JointStatement>: SignatureTally] = [:]
        try self.database.prepare(
            """
            SELECT s.statement_id, s.status, o.ecosoc, count(*)
            FROM signature s JOIN organisation o ON o.id = s.organisation_id
            GROUP BY s.statement_id, s.status, o.ecosoc
            """
        ).forEachRow { row in
            let statement: ID<JointStatement> = try row.id(0)
            let status = try row.choice(1, as: SignatureStatus.self)
            let ecosoc = try row.choice(2, as: ECOSOCCategory.self)
            let count = Int(row.integer(3))
            tallies[statement, default: SignatureTally()].byStatus[status, default: 0] += count
            if status == .signed {
                tallies[statement, default: SignatureTally()].signedByECOSOC[ecosoc, default: 0] += count
            }
        }
        return tallies
    }
}
