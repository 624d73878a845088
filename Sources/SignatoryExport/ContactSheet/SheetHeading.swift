public import Foundation
public import SignatoryDomain

/// What every contact sheet says about itself at the top: who it is for, what it covers and
/// when it was made, so a sheet found on a desk or in an inbox says how far it may go.
///
/// ```swift
/// let heading = SheetHeading(audience: .coalition, scope: "statement 'No one left behind'", madeAt: Date())
/// heading.text   // "For the coalition: no contacts at risk. Statement 'No one left behind'. Made 2026-12-02."
/// ```
public struct SheetHeading: Sendable, Hashable {
    public var audience: ExportAudience
    /// "statement 'No one left behind'", "campaign 'World Day'", "all organisations".
    public var scope: String
    public var madeAt: Date

    public init(audience: ExportAudience, scope: String, madeAt: Date) {
        self.audience = audience
        self.scope = scope
        self.madeAt = madeAt
    }

    /// One sentence per fact, for a banner, a comment or a vCard NOTE.
    public var text: String {
        let day = CalendarDate(utc: self.madeAt)
        let scope = self.scope.prefix(1).uppercased() + self.scope.dropFirst()
        return "\(self.audienceLine) \(scope). Made \(day)."
    }

    private var audienceLine: String {
        switch self.audience {
        case .internal: return "Internal: every contact, people at risk included; keep it inside the office."
        case .coalition: return "For the coalition: no contacts at risk."
        case .public: return "Public: published organisations, names and titles only."
        }
    }
}
