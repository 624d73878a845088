/// An input that breaks a rule of the domain.
///
/// The `description` is written for a coordinator, not a developer:
///
/// ```swift
/// do { _ = try CountryCode("XX") }
/// catch let error as DomainError { print(error) } // country 'XX' is not an ISO 3166-1 code …
/// ```
///
/// Like swift-nio's errors it wraps a private enum, so new cases can be added without
/// breaking anybody who switches over it.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case invalidCountry(String)
        case invalidEmail(String)
        case invalidPhone(String)
        case invalidWebsite(String)
        case invalidDate(String)
        case publicationDateOutOfRange(String)
        case invalidLanguage(String)
        case invalidYear(String)
        case invalidICSONumber(String)
        case notANumber(field: String, value: String)
        case notAFlag(field: String, value: String)
        case foreignTimestamp(office: String)
        case tooLong(field: String, limit: Int)
        case invalidReference(kind: String, value: String)
        case emptyField(String)
        case unknownValue(field: String, value: String, allowed: [String])
        case endBeforeStart(start: String, end: String)
        case yearWithoutStatus
        case illegalTransition(from: String, to: String, allowed: [String])
        case textFrozen(status: String)
        case signatureNeedsOpenStatement(signatureStatus: String, statementStatus: String)
        case controlCharacter(field: String, scalar: UInt32)
        case missingValue(field: String)
        case notCanonical(field: String, value: String, expected: String)
        case selfReference(field: String)
        case badErasure(String)
        case newerFormat(String)
        case timeOutOfRange(field: String, milliseconds: Int64)
        case replacesLaterVersion(field: String)
        case reasonNamesPerson(field: String, word: String)
        case reasonForRepeatedErasure
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    public static func invalidCountry(_ value: String) -> DomainError { .init(.invalidCountry(value)) }
    public static func invalidEmail(_ value: String) -> DomainError { .init(.invalidEmail(value)) }
    public static func invalidPhone(_ value: String) -> DomainError { .init(.invalidPhone(value)) }
    public static func invalidWebsite(_ value: String) -> DomainError { .init(.invalidWebsite(value)) }
    public static func invalidDate(_ value: String) -> DomainError { .init(.invalidDate(value)) }
    /// A publication dated before 1945 or after 2200.
    public static func publicationDateOutOfRange(_ value: String) -> DomainError {
        .init(.publicationDateOutOfRange(value))
    }
    public static func invalidLanguage(_ value: String) -> DomainError { .init(.invalidLanguage(value)) }
    public static func invalidYear(_ value: Int) -> DomainError { .init(.invalidYear(String(value))) }
    /// A year given as digits too many for any number Signatory holds.
    public static func invalidYear(digits: String) -> DomainError { .init(.invalidYear(digits)) }
    public static func invalidICSONumber(_ value: String) -> DomainError { .init(.invalidICSONumber(value)) }
    public static func notANumber(field: String, value: String) -> DomainError {
        .init(.notANumber(field: field, value: value))
    }
    /// A change dated with another office's clock: it could shadow that office's own version.
    public static func foreignTimestamp(office: String) -> DomainError {
        .init(.foreignTimestamp(office: office))
    }
    public static func tooLong(field: String, limit: Int) -> DomainError {
        .init(.tooLong(field: field, limit: limit))
    }
    public static func notAFlag(field: String, value: String) -> DomainError {
        .init(.notAFlag(field: field, value: value))
    }
    public static func invalidReference(kind: String, value: String) -> DomainError {
        .init(.invalidReference(kind: kind, value: value))
    }
    public static func emptyField(_ field: String) -> DomainError { .init(.emptyField(field)) }
    public static func unknownValue(field: String, value: String, allowed: [String]) -> DomainError {
        .init(.unknownValue(field: field, value: value, allowed: allowed))
    }
    public static func endBeforeStart(start: CalendarDate, end: CalendarDate) -> DomainError {
        .init(.endBeforeStart(start: start.description, end: end.description))
    }
    public static var yearWithoutStatus: DomainError { .init(.yearWithoutStatus) }
    public static func illegalTransition(from: StatementStatus, to: StatementStatus) -> DomainError {
        .init(.illegalTransition(from: from.rawValue, to: to.rawValue, allowed: from.allowedNext.map(\.rawValue)))
    }
    public static func textFrozen(status: StatementStatus) -> DomainError {
        .init(.textFrozen(status: status.rawValue))
    }
    public static func signatureNeedsOpenStatement(
        _ signature: SignatureStatus,
        statement: StatementStatus
    ) -> DomainError {
        .init(.signatureNeedsOpenStatement(signatureStatus: signature.rawValue, statementStatus: statement.rawValue))
    }

    /// A control character, bidi override or invalid UTF-8 in a text field.
    public static func controlCharacter(field: String, scalar: UInt32) -> DomainError {
        .init(.controlCharacter(field: field, scalar: scalar))
    }
    /// A field that must always hold a value (a safety flag, a name) was sent as null.
    public static func missingValue(field: String) -> DomainError { .init(.missingValue(field: field)) }
    /// A value in a form Signatory never writes, such as `fr` for `FR`.
    public static func notCanonical(field: String, value: String, expected: String) -> DomainError {
        .init(.notCanonical(field: field, value: value, expected: expected))
    }
    public static func selfReference(field: String) -> DomainError { .init(.selfReference(field: field)) }
    /// An erasure, or an erased value, that breaks the rules of erasure.
    public static func badErasure(_ detail: String) -> DomainError { .init(.badErasure(detail)) }
    /// A critical change in a later format than this build reads.
    public static func newerFormat(_ format: ChangeFormat) -> DomainError { .init(.newerFormat(format.description)) }
    public static func timeOutOfRange(field: String, milliseconds: Int64) -> DomainError {
        .init(.timeOutOfRange(field: field, milliseconds: milliseconds))
    }
    public static func replacesLaterVersion(field: String) -> DomainError {
        .init(.replacesLaterVersion(field: field))
    }
    /// An erasure reason that repeats what the erasure removes (see ``ErasureReason``).
    public static func reasonNamesPerson(field: String, repeating word: String) -> DomainError {
        .init(.reasonNamesPerson(field: field, word: word))
    }
    /// A reason given when erasing again a person already erased, whose values are gone.
    public static let reasonForRepeatedErasure = DomainError(.reasonForRepeatedErasure)

    public var description: String {
        switch self.base {
        case .invalidCountry(let value):
            return "country '\(value)' is not an ISO 3166-1 code; use two letters such as CH, FR or RO"
        case .invalidEmail(let value):
            return "email '\(value)' is not an email address; expected something like name@example.org"
        case .invalidPhone(let value):
            return "phone '\(value)' is not an international number; write it in E.164 form such as +41225550100"
        case .invalidWebsite(let value):
            return "website '\(value)' is not a web address; expected something like https://example.org"
        case .invalidDate(let value):
            return "date '\(value)' is not a calendar date; write it as YYYY-MM-DD, for example 2026-07-30"
        case .publicationDateOutOfRange(let value):
            return "publication date \(value) is not between 1945 and 2200; give the day the statement is published"
        case .invalidLanguage(let value):
            return "language '\(value)' is not a language tag; use a code such as en, fr or pt-BR"
        case .invalidYear(let value):
            return "year \(value) is not a year in which ECOSOC status could have been granted (1946 to 2200)"
        case .invalidICSONumber(let value):
            return
                "iCSO number '\(value)' is not the number of a profile in the UN iCSO database; give its digits, such as 4281"
        case .notANumber(let field, let value):
            return "\(field) '\(value)' is not a whole number"
        case .foreignTimestamp(let office):
            return "it is dated with the clock of office \(office), not its own"
        case .tooLong(let field, let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "the \(field) is longer than Signatory keeps (at most \(size))"
        case .notAFlag(let field, let value):
            return "\(field) is yes or no, not '\(value)'"
        case .invalidReference(let kind, let value):
            return "'\(value)' is not a valid \(kind) reference"
        case .emptyField(let field):
            return "\(field) must not be empty"
        case .unknownValue(let field, let value, let allowed):
            return "\(field) '\(value)' is not one of: \(allowed.joined(separator: ", "))"
        case .endBeforeStart(let start, let end):
            return "end date \(end) is before start date \(start)"
        case .yearWithoutStatus:
            return "a year granted needs an ECOSOC status of general, special or roster"
        case .illegalTransition(let from, let to, let allowed):
            let next =
                allowed.isEmpty
                ? "it cannot change any more" : "from \(from) it can go to \(allowed.joined(separator: " or "))"
            return "\(Self.article(from)) \(from) statement cannot become \(to); \(next)"
        case .textFrozen(let status):
            return
                "the text of \(Self.article(status)) \(status) statement cannot change; only draft and open statements can be edited"
        case .signatureNeedsOpenStatement(let signature, let statement):
            return
                "an organisation cannot be recorded as \(signature) on \(Self.article(statement)) \(statement) statement; open the statement first"
        case .controlCharacter(let field, let scalar):
            let code = String(scalar, radix: 16, uppercase: true)
            let shown = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return
                "\(field) holds the invisible control character U+\(shown), which is not allowed; retype the text without it"
        case .missingValue(let field):
            return "\(field) must always have a value; it cannot be empty or unknown"
        case .notCanonical(let field, let value, let expected):
            return "\(field) '\(value)' is not in the form Signatory writes ('\(expected)')"
        case .selfReference(let field):
            return "\(field) cannot name the record itself"
        case .badErasure(let detail):
            return "an erasure \(detail)"
        case .newerFormat(let format):
            return
                "it holds a change that must be understood, written in change format \(format); upgrade Signatory to a release that reads format \(format) or later (this is \(SignatoryVersion.current), which reads up to \(ChangeFormat.current))"
        case .timeOutOfRange(let field, let milliseconds):
            return
                "\(field) \(milliseconds) is not a time Signatory writes (milliseconds since 1970, before the year 10000)"
        case .replacesLaterVersion(let field):
            return
                "it says its \(field) replaces a version dated at or after its own, which no office's clock writes and which would hide its value without a conflict"
        case .reasonNamesPerson(let field, let word):
            return
                "the erasure's reason repeats '\(word)', from the person's \(field); it travels to every office with the tombstone, so give one that does not identify them, such as \"asked to be forgotten\""
        case .reasonForRepeatedErasure:
            return
                "the person is erased already, and the first erasure's reason stays; erased again, they get no reason, as nothing is left here to check one against"
        }
    }
}

extension DomainError {
    /// "an" before a status that starts with a vowel ("an open statement"), else "a".
    fileprivate static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
