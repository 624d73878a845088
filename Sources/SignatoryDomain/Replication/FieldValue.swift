/// One field's value in a change: text, a whole number, a flag, or nothing.
public enum FieldValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case text(String)
    case integer(Int64)
    case bool(Bool)

    public init(_ text: String?) { self = text.map(FieldValue.text) ?? .null }
    public init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    public init(_ flag: Bool) { self = .bool(flag) }

    public var text: String? { if case .text(let value) = self { return value } else { return nil } }
    public var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    public var bool: Bool? { if case .bool(let value) = self { return value } else { return nil } }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    /// A stable, typed text form used in hashes and in the database: `n`, `t:…`, `i:…`, `b:1`.
    public var storageText: String {
        switch self {
        case .null: return "n"
        case .text(let value): return "t:" + value
        case .integer(let value): return "i:\(value)"
        case .bool(let value): return value ? "b:1" : "b:0"
        }
    }

    public init?(storageText: String) {
        if storageText == "n" {
            self = .null
            return
        }
        let body = String(storageText.dropFirst(2))
        switch storageText.prefix(2) {
        case "t:": self = .text(body)
        case "i:":
            guard let value = Int64(body) else { return nil }
            self = .integer(value)
        case "b:": self = .bool(body == "1")
        default: return nil
        }
    }

    /// How a coordinator reads the value.
    public var description: String {
        switch self {
        case .null: return "(empty)"
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .bool(let value): return value ? "yes" : "no"
        }
    }
}
