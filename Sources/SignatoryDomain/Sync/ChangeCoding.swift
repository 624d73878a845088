import Foundation

/// The JSON form of a change, one per line in a bundle:
///
/// ```json
/// {"office":"…","sequence":3,"hlc":"001785000000000.000000.…","kind":"organisation","id":"…",
///  "fields":{"name":{"value":"CAP Liberté de Conscience","bases":[]}},"previous":"…","hash":"…"}
/// ```
extension Change {
    /// The change as one line of JSON, keys in a fixed order.
    public var jsonLine: String {
        var out = ""
        out.reserveCapacity(320 + self.fields.count * 64)
        out += "{\"office\":\"\(self.office)\",\"sequence\":\(self.sequence),\"hlc\":\"\(self.timestamp.text)\","
        out += "\"kind\":\"\(self.kind.rawValue)\",\"id\":"
        JSONText.appendString(self.entityID, to: &out)
        out += ",\"fields\":" + Change.fieldsJSON(self.fields)
        out += ",\"previous\":\"\(self.previousHash)\",\"hash\":\"\(self.hash)\"}"
        return out
    }

    /// The `fields` object alone.
    public static func fieldsJSON(_ fields: [String: FieldAssignment]) -> String {
        var out = "{"
        out.reserveCapacity(fields.count * 64)
        for (index, name) in fields.keys.sorted().enumerated() {
            let assignment = fields[name]!
            if index > 0 { out += "," }
            JSONText.appendString(name, to: &out)
            out += ":{\"value\":"
            JSONText.append(assignment.value, to: &out)
            out += ",\"bases\":[" + assignment.bases.map { "\"\($0.text)\"" }.joined(separator: ",") + "]}"
        }
        return out + "}"
    }

    /// Parses one line; `nil` when it is not a change (the caller names the line).
    public init?(jsonLine: Data) {
        self.init(jsonBytes: Array(jsonLine))
    }

    /// Parses a change line straight into a change, without intermediate dictionaries: this
    /// runs once for every change imported.
    public init?(jsonBytes: [UInt8]) {
        var scanner = JSONScanner(jsonBytes)
        var office: ID<Office>?, sequence: Int64?, timestamp: HybridTimestamp?, kind: EntityKind?
        var id: String?, fields: [String: FieldAssignment]?, previous: String?, hash: String?
        var seen = 0
        guard scanner.consume("{") else { return nil }
        repeat {
            guard let key = scanner.stringValue(), scanner.consume(":") else { return nil }
            seen += 1
            switch key {
            case "office":
                guard let text = scanner.stringValue(), let parsed = ID<Office>(text), parsed.description == text else { return nil }
                office = parsed
            case "sequence": sequence = scanner.integerValue()
            case "hlc": timestamp = scanner.stringValue().flatMap(HybridTimestamp.init(text:))
            case "kind": kind = scanner.stringValue().flatMap(EntityKind.init(rawValue:))
            case "id": id = scanner.stringValue()
            case "fields": fields = Change.fields(from: &scanner)
            case "previous": previous = scanner.stringValue()
            case "hash": hash = scanner.stringValue()
            default: return nil
            }
        } while scanner.consume(",")
        guard scanner.consume("}"), scanner.isAtEnd, seen == 8,
              let office, let sequence, sequence > 0, let timestamp, let kind, let id, let fields, let previous, let hash
        else { return nil }
        self.init(office: office, sequence: sequence, timestamp: timestamp, kind: kind, entityID: id,
                  fields: fields, previousHash: previous, hash: hash)
    }

    /// `{"name": {"value": …, "bases": ["hlc", …]}, …}`
    private static func fields(from scanner: inout JSONScanner) -> [String: FieldAssignment]? {
        var fields: [String: FieldAssignment] = [:]
        guard scanner.consume("{") else { return nil }
        if scanner.consume("}") { return fields }
        repeat {
            guard let name = scanner.stringValue(), scanner.consume(":"), scanner.consume("{") else { return nil }
            var value: FieldValue?
            var bases: [HybridTimestamp]?
            repeat {
                guard let key = scanner.stringValue(), scanner.consume(":") else { return nil }
                switch key {
                case "value": value = scanner.fieldValue()
                case "bases":
                    guard scanner.consume("[") else { return nil }
                    var list: [HybridTimestamp] = []
                    if !scanner.consume("]") {
                        repeat {
                            guard let base = scanner.stringValue().flatMap(HybridTimestamp.init(text:)) else { return nil }
                            list.append(base)
                        } while scanner.consume(",")
                        guard scanner.consume("]") else { return nil }
                    }
                    bases = list
                default: return nil
                }
            } while scanner.consume(",")
            guard scanner.consume("}"), let value, let bases, fields[name] == nil else { return nil }
            fields[name] = FieldAssignment(value: value, bases: bases)
        } while scanner.consume(",")
        return scanner.consume("}") ? fields : nil
    }
}

/// Writing JSON text by hand, for the hot path of exporting changes.
public enum JSONText {
    public static func append(_ value: FieldValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .text(let text): self.appendString(text, to: &out)
        }
    }

    public static func appendString(_ text: String, to out: inout String) {
        out += "\""
        // Most values need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
