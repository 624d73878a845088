public import SignatoryDomain

/// How many organisations stand where on one statement.
public struct SignatureTally: Sendable, Hashable {
    /// Signatures by status.
    public var byStatus: [SignatureStatus: Int] = [:]
    /// Organisations that signed, by ECOSOC consultative status.
    public var signedByECOSOC: [ECOSOCCategory: Int] = [:]

    public init() {}

    /// Counts `count` signatures with `status` by organisations with `ecosoc` status.
    public mutating func add(_ status: SignatureStatus, ecosoc: ECOSOCCategory, count: Int = 1) {
        self.byStatus[status, default: 0] += count
        if status == .signed { self.signedByECOSOC[ecosoc, default: 0] += count }
    }
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
            tallies[statement, default: SignatureTally()].add(status, ecosoc: ecosoc, count: Int(row.integer(3)))
        }
        return tallies
    }
}
