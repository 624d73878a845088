public import Foundation
import SignatoryDomain

/// A JSON object whose keys are always present (a missing value is `null`), so scripts can
/// rely on the documented keys.
///
/// ```swift
/// let record = JSONRecord(["id": organisation.id.description, "acronym": organisation.acronym])
/// print(try JSONRecord.encode(record)) // {"acronym": null, "id": "…"} when there is no acronym
/// ```
public struct JSONRecord: Encodable, @unchecked Sendable {
    // Values are Strings, numbers, Bools, nested records or arrays of them: all immutable.
    private let fields: [(key: String, value: (any Encodable)?)]

    public init(_ fields: KeyValuePairs<String, (any Encodable)?>) {
        self.fields = fields.map { ($0.key, $0.value) }
    }

    private init(fields: [(key: String, value: (any Encodable)?)]) {
        self.fields = fields
    }

    /// `record` with more keys, e.g. a statement with its signatures.
    public static func merging(_ record: JSONRecord, _ extra: KeyValuePairs<String, (any Encodable)?>) -> JSONRecord {
        JSONRecord(fields: record.fields + extra.map { ($0.key, $0.value) })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in self.fields {
            if let value {
                try container.encode(value, forKey: Key(key))
            } else {
                try container.encodeNil(forKey: Key(key))
            }
        }
    }

    /// Pretty-printed JSON with sorted keys. A character ``PlainText`` refuses (a C1 control, a
    /// bidi override, a line separator) is written as its `\u` escape, which JSON reads as the
    /// same string: printed on a terminal, it does not act on it (JSONEncoder escapes only C0).
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        if json.utf8.allSatisfy({ $0 < 0x7F }) { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F, PlainText.isRefused(scalar, multiline: false) else {
                escaped.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(escaped)
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { self.stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

extension Date {
    /// ISO 8601 in UTC with milliseconds, as every JSON document writes times.
    public var iso8601: String {
        self.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(
                .colon
            ).timeZone(separator: .omitted)
        )
    }
}
