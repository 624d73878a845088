public import Foundation

/// The JSON form of a change, one per line in a bundle:
///
/// ```json
/// {"format":"2.0","office":"…","sequence":3,"hlc":"001785000000000.000000.…","kind":"organisation",
///  "id":"…","fields":{"name":{"value":"CAP Liberté de Conscience","salt":"…","bases":[]}},
///  "previous":"…","hash":"…"}
/// ```
///
/// A format-1 line has no `format` and no `salt`. An erased value leaves `{"digest":"…","bases":[…]}`
/// (format 2) or `{"erased":true,"bases":[…]}` (format 1); an erasure carries `"critical":true`.
extension Change {
    /// The change as one line of JSON, keys in a fixed order.
    public var jsonLine: String { self.line.text }

    /// Whether `bytes` are this change's line exactly as Signatory writes it: a bundle holds
    /// each change in one spelling only.
    public func isWritten(as bytes: [UInt8]) -> Bool { self.line.bytes == bytes }

    /// Parses one line; `nil` when it is not a change of a kind this release knows (the caller
    /// names the line).
    public init?(jsonLine: Data) {
        self.init(jsonBytes: Array(jsonLine))
    }

    /// Parses a change line straight into a change, without intermediate dictionaries: this
    /// runs once for every change imported.
    public init?(jsonBytes: [UInt8]) {
        guard let line = ChangeLine(jsonBytes: jsonBytes) else { return nil }
        self.init(line)
    }
}

/// A change line read field by field with its record kind still a name: what every change has,
/// whether or not this release knows its kind.
struct ChangeLine: Hashable {
    var format: ChangeFormat
    var critical: Bool
    var office: ID<Office>
    var sequence: Int64
    var timestamp: HybridTimestamp
    var kind: String
    var entityID: String
    var fields: [String: FieldAssignment]
    var previousHash: String
    var hash: String
}

extension ChangeLine {
    /// The line as Signatory writes it, keys in a fixed order.
    var text: String { String(decoding: self.bytes, as: UTF8.self) }

    /// The UTF-8 bytes of ``text``.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(384 + self.fields.count * 96)
        if self.format == .one {
            out.append(text: #"{"office":""#)
        } else {
            out.append(text: #"{"format":""#)
            out.append(text: self.format.description)
            out.append(text: self.critical ? #"","critical":true,"office":""# : #"","office":""#)
        }
        out.append(text: self.office.description)
        out.append(text: #"","sequence":"#)
        out.append(decimal: self.sequence)
        out.append(text: #","hlc":""#)
        out.append(text: self.timestamp.text)
        out.append(text: #"","kind":""#)
        out.append(text: self.kind)
        out.append(text: #"","id":"#)
        out.append(jsonString: self.entityID)
        out.append(text: #","fields":"#)
        ChangeLine.appendFieldsJSON(self.fields, to: &out)
        out.append(text: #","previous":""#)
        out.append(text: self.previousHash)
        out.append(text: #"","hash":""#)
        out.append(text: self.hash)
        out.append(text: #""}"#)
        return out
    }

    private static func appendFieldsJSON(_ fields: [String: FieldAssignment], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, name) in fields.keys.sorted().enumerated() {
            let assignment = fields[name]!
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: name)
            switch assignment.commitment {
            case .plain:
                out.append(text: #":{"value":"#)
                out.append(json: assignment.value)
            case .salted(let salt):
                out.append(text: #":{"value":"#)
                out.append(json: assignment.value)
                out.append(text: #","salt":""#)
                out.append(hex: salt)
                out.append(UInt8(ascii: "\""))
            case .erased(let digest):
                out.append(text: #":{"digest":""#)
                out.append(text: digest)
                out.append(UInt8(ascii: "\""))
            case .erasedFormer:
                out.append(text: #":{"erased":true"#)
            }
            out.append(text: #","bases":["#)
            for (position, base) in assignment.bases.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(jsonString: base.text)
            }
            out.append(text: "]}")
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Reads one line; `nil` when it is not a change line in a format this release reads.
    init?(jsonBytes: [UInt8]) {
        var scanner = JSONScanner(jsonBytes)
        var format = ChangeFormat.one
        var critical = false
        var office: ID<Office>?
        var sequence: Int64?
        var timestamp: HybridTimestamp?
        var kind: String?
        var id: String?
        var fields: [String: FieldAssignment]?
        var previous: String?
        var hash: String?
        var seen = 0
        guard scanner.consume("{") else { return nil }
        repeat {
            guard let key = scanner.stringValue(), scanner.consume(":") else { return nil }
            seen += 1
            switch key {
            case "format":
                // Only in format 2 or later: a format-1 line names none.
                guard let text = scanner.stringValue(), let parsed = ChangeFormat(text: text), parsed.isReadable
                else { return nil }
                format = parsed
            case "critical":
                guard scanner.fieldValue() == .bool(true) else { return nil }
                critical = true
            case "office":
                guard let text = scanner.stringValue(), let parsed = ID<Office>(text), parsed.description == text else {
                    return nil
                }
                office = parsed
            case "sequence": sequence = scanner.integerValue()
            case "hlc": timestamp = scanner.stringValue().flatMap(HybridTimestamp.init(text:))
            case "kind": kind = scanner.stringValue().flatMap { ChangeFormat.isFieldName($0) ? $0 : nil }
            case "id": id = scanner.stringValue()
            case "fields": fields = ChangeLine.fields(from: &scanner)
            case "previous": previous = scanner.stringValue()
            case "hash": hash = scanner.stringValue()
            default: return nil
            }
        } while scanner.consume(",")
        let expected = 8 + (format == .one ? 0 : 1) + (critical ? 1 : 0)
        guard scanner.consume("}"), scanner.isAtEnd, seen == expected, !critical || format != .one,
            fields?.values.allSatisfy({ $0.commitment.belongs(in: format) }) ?? false,
            let office, let sequence, sequence > 0, let timestamp, let kind, let id, let fields, let previous, let hash
        else { return nil }
        self.init(
            format: format,
            critical: critical,
            office: office,
            sequence: sequence,
            timestamp: timestamp,
            kind: kind,
            entityID: id,
            fields: fields,
            previousHash: previous,
            hash: hash
        )
    }

    /// `{"name": {"value": …, "salt": "…", "bases": ["hlc", …]}, …}`; whether each commitment
    /// suits the line's format is checked once the whole line is read.
    private static func fields(from scanner: inout JSONScanner) -> [String: FieldAssignment]? {
        var fields: [String: FieldAssignment] = [:]
        guard scanner.consume("{") else { return nil }
        if scanner.consume("}") { return fields }
        repeat {
            guard let name = scanner.stringValue(), scanner.consume(":"), scanner.consume("{") else { return nil }
            var value: FieldValue?
            var bases: [HybridTimestamp]?
            var salt: [UInt8]?
            var digest: String?
            var erased = false
            repeat {
                guard let key = scanner.stringValue(), scanner.consume(":") else { return nil }
                // Each key once, with a value that reads: a bad value is never overwritten by a second one.
                switch key {
                case "value":
                    guard value == nil, let parsed = scanner.fieldValue() else { return nil }
                    value = parsed
                case "salt":
                    guard salt == nil, let text = scanner.stringValue(),
                        let bytes = Hex.bytes(text), bytes.count == ValueCommitment.saltLength
                    else { return nil }
                    salt = bytes
                case "digest":
                    guard digest == nil, let text = scanner.stringValue(), Hex.isDigest(text) else {
                        return nil
                    }
                    digest = text
                case "erased":
                    guard !erased, scanner.fieldValue() == .bool(true) else { return nil }
                    erased = true
                case "bases":
                    guard bases == nil, scanner.consume("[") else { return nil }
                    var list: [HybridTimestamp] = []
                    if !scanner.consume("]") {
                        repeat {
                            guard let base = scanner.stringValue().flatMap(HybridTimestamp.init(text:)) else {
                                return nil
                            }
                            list.append(base)
                        } while scanner.consume(",")
                        guard scanner.consume("]") else { return nil }
                    }
                    bases = list
                default: return nil
                }
            } while scanner.consume(",")
            guard scanner.consume("}"), let bases, fields[name] == nil else { return nil }
            switch (value, salt, digest, erased) {
            case (let value?, nil, nil, false):
                fields[name] = FieldAssignment(value: value, bases: bases)
            case (let value?, let salt?, nil, false):
                fields[name] = FieldAssignment(value: value, bases: bases, commitment: .salted(salt))
            case (nil, nil, let digest?, false):
                fields[name] = FieldAssignment(value: .null, bases: bases, commitment: .erased(digest: digest))
            case (nil, nil, nil, true):
                fields[name] = FieldAssignment(value: .null, bases: bases, commitment: .erasedFormer)
            default:
                return nil
            }
        } while scanner.consume(",")
        return scanner.consume("}") ? fields : nil
    }
}

/// Writing JSON text by hand, for the hot path of exporting changes.
public enum JSONText {
    public static func append(_ value: FieldValue, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.append(json: value)
        out += String(decoding: bytes, as: UTF8.self)
    }

    public static func appendString(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        bytes.append(jsonString: text)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
