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
        var out = "{\"office\":\"\(self.office)\",\"sequence\":\(self.sequence),\"hlc\":\"\(self.timestamp.text)\","
        out += "\"kind\":\"\(self.kind.rawValue)\",\"id\":"
        JSONText.appendString(self.entityID, to: &out)
        out += ",\"fields\":" + Change.fieldsJSON(self.fields)
        out += ",\"previous\":\"\(self.previousHash)\",\"hash\":\"\(self.hash)\"}"
        return out
    }

    /// The `fields` object alone, as the change log stores it.
    public static func fieldsJSON(_ fields: [String: FieldAssignment]) -> String {
        var out = "{"
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
        guard let wire = try? JSONDecoder().decode(Wire.self, from: jsonLine),
              let office = ID<Office>(wire.office), let timestamp = HybridTimestamp(text: wire.hlc),
              let kind = EntityKind(rawValue: wire.kind),
              let fields = Change.fields(from: wire.fields)
        else { return nil }
        self.init(office: office, sequence: wire.sequence, timestamp: timestamp, kind: kind, entityID: wire.id,
                  fields: fields, previousHash: wire.previous, hash: wire.hash)
    }

    /// Parses a stored `fields` object.
    public static func fields(json: String) -> [String: FieldAssignment]? {
        guard let wire = try? JSONDecoder().decode([String: Wire.Assignment].self, from: Data(json.utf8)) else { return nil }
        return self.fields(from: wire)
    }

    private static func fields(from wire: [String: Wire.Assignment]) -> [String: FieldAssignment]? {
        var fields: [String: FieldAssignment] = [:]
        for (name, assignment) in wire {
            let bases = assignment.bases.compactMap(HybridTimestamp.init(text:))
            guard bases.count == assignment.bases.count else { return nil }
            fields[name] = FieldAssignment(value: assignment.value, bases: bases)
        }
        return fields
    }

    private struct Wire: Decodable {
        struct Assignment: Decodable {
            let value: FieldValue
            let bases: [String]
        }
        let office: String
        let sequence: Int64
        let hlc: String
        let kind: String
        let id: String
        let fields: [String: Assignment]
        let previous: String
        let hash: String
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
