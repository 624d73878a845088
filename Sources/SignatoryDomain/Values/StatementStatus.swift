/// The life of a joint statement.
///
/// ```
/// draft ⇄ open ⇄ closed → published
/// ```
///
/// A statement is drafted, opened for signatures, closed, and published. An open statement
/// can go back to draft and a closed one can reopen; a published statement never changes.
public enum StatementStatus: String, Choice {
    case draft
    case open
    case closed
    case published

    public static let fieldName = "statement status"

    public var allowedNext: [StatementStatus] {
        switch self {
        case .draft: return [.open]
        case .open: return [.draft, .closed]
        case .closed: return [.open, .published]
        case .published: return []
        }
    }

    /// The status after a move to `next`, or an error that says which moves are possible.
    public func transition(to next: StatementStatus) throws(DomainError) -> StatementStatus {
        guard self.allowedNext.contains(next) else { throw .illegalTransition(from: self, to: next) }
        return next
    }

    /// Whether the wording may still change.
    public var textIsEditable: Bool { self == .draft || self == .open }
}
