import CSQLite
public import Foundation
package import SignatoryDomain

/// A value SQLite can bind to a `?` parameter.
///
/// ```swift
/// try database.prepare("INSERT INTO campaign(id, name) VALUES (?, ?)").run(campaign.id, campaign.name)
/// ```
package protocol SQLBindable {
    func bind(to statement: PreparedStatement, at index: Int32) throws
}

extension String: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindText(self, at: index)
    }
}

extension Int: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindInteger(Int64(self), at: index)
    }
}

extension Int64: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindInteger(self, at: index)
    }
}

extension Bool: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindInteger(self ? 1 : 0, at: index)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }
}

/// Dates are stored as milliseconds since 1970 (UTC).
extension Date: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindInteger(self.storedMilliseconds, at: index)
    }

    /// Saturating: a date beyond what 64 bits of milliseconds hold (which no check should let
    /// through) is stored as the nearest one they do, never a crash.
    var storedMilliseconds: Int64 {
        let milliseconds = (self.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite else { return 0 }
        return milliseconds >= 0x1p63 ? .max : milliseconds < -0x1p63 ? .min : Int64(milliseconds)
    }

    /// The date as the store gives it back: to the millisecond.
    package var roundedToStoredPrecision: Date { Date(timeIntervalSince1970: Double(self.storedMilliseconds) / 1000) }
}

extension ID: SQLBindable {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindText(self.description, at: index)
    }
}

/// Domain values are stored in their canonical textual form.
extension SQLBindable where Self: CustomStringConvertible {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindText(self.description, at: index)
    }
}

extension CountryCode: SQLBindable {}
extension EmailAddress: SQLBindable {}
extension PhoneNumber: SQLBindable {}
extension Website: SQLBindable {}
extension LanguageTag: SQLBindable {}
extension CalendarDate: SQLBindable {}
extension TextHash: SQLBindable {}

extension SQLBindable where Self: Choice {
    package func bind(to statement: PreparedStatement, at index: Int32) throws {
        try statement.bindText(self.rawValue, at: index)
    }
}

extension ECOSOCCategory: SQLBindable {}
extension ConsultativeStanding: SQLBindable {}
extension CampaignStatus: SQLBindable {}
extension StatementStatus: SQLBindable {}
extension SignatureStatus: SQLBindable {}
extension SignatureSource: SQLBindable {}
