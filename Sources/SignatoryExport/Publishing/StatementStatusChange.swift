public import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Moves a statement to another status, and on publishing records what was published: the
/// one rule `statement status` and the web app both follow.
///
/// ```swift
/// var change = StatementStatusChange(to: .published)
/// change.place = "Geneva"
/// let (before, after) = try change.apply(to: statementID, in: store)
/// ```
public struct StatementStatusChange: Sendable {
    public var next: StatementStatus
    /// When publishing: the date of publication; today in UTC when `nil`.
    public var date: CalendarDate?
    public var place: String?
    public var occasion: String?
    /// Publish although some co-signers signed an older wording.
    public var confirmOlderWordings = false

    public init(to next: StatementStatus) {
        self.next = next
    }

    /// Applies the change in one write; returns the statement as it was and as it is now.
    @discardableResult
    public func apply(
        to statement: ID<JointStatement>,
        in store: Store,
        now: Date = Date()
    ) throws -> (before: JointStatement, after: JointStatement) {
        try store.transaction {
            guard let before = try store.statement(statement) else {
                throw StoreError.notFound("statement", reference: statement.description)
            }
            var after = before
            after.status = try before.status.transition(to: self.next)
            if self.next == .published, before.status != .published {
                after.publication = try self.record(of: after, in: store, now: now)
            }
            try store.update(after)
            return (before, after)
        }
    }

    /// The record of publishing `statement` now, once the coordinator has seen what needs confirming.
    private func record(of statement: JointStatement, in store: Store, now: Date) throws -> Publication {
        let block = try SignatoryBlock(statement: statement, store: store)
        if !block.warnings.isEmpty, !self.confirmOlderWordings {
            throw PublishingError.olderWordings(block.warnings)
        }
        if let place = self.place { try PlainText.check(place, field: "place") }
        if let occasion = self.occasion { try PlainText.check(occasion, field: "occasion") }
        let record = block.publication(
            on: self.date ?? CalendarDate(utc: now),
            place: self.place?.nonBlank,
            occasion: self.occasion?.nonBlank
        )
        try record.validate()
        guard record.jsonText.utf8.count <= Publication.maximumBytes else {
            throw PublishingError.tooLarge(kibibytes: record.jsonText.utf8.count / 1024)
        }
        return record
    }
}
