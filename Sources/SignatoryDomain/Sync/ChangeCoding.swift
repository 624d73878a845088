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

    /// The `fields` object alone.
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
        self.init(jsonBytes: Array(jsonLine))
    }

    public init?(jsonBytes: [UInt8]) {
        guard let object = JSONScanner.parse(jsonBytes) as? [String: Any] else { return nil }
        self.init(object: object)
    }

    private init?(object: [String: Any]) {
        guard object.count == 8,
              let officeText = object["office"] as? String, let office = ID<Office>(officeText), office.description == officeText,
              let sequence = object["sequence"] as? Int64, sequence > 0,
              let timestamp = (object["hlc"] as? String).flatMap(HybridTimestamp.init(text:)),
              let kind = (object["kind"] as? String).flatMap(EntityKind.init(rawValue:)),
              let id = object["id"] as? String,
              let fields = (object["fields"] as? [String: Any]).flatMap(Change.fields(from:)),
              let previous = object["previous"] as? String, let hash = object["hash"] as? String
        else { return nil }
        self.init(office: office, sequence: sequence, timestamp: timestamp, kind: kind, entityID: id,
                  fields: fields, previousHash: previous, hash: hash)
    }

    private static func fields(from object: [String: Any]) -> [String: FieldAssignment]? {
        var fields: [String: FieldAssignment] = [:]
        for (name, entry) in object {
            guard let entry = entry as? [String: Any], entry.count == 2, let rawValue = entry["value"],
                  let baseTexts = entry["bases"] as? [Any] else { return nil }
            let value: FieldValue
            switch rawValue {
            case is JSONScanner.Null: value = .null
            case let flag as Bool: value = .bool(flag)
            case let number as Int64: value = .integer(number)
            case let text as String: value = .text(text)
            default: return nil
            }
            var bases: [HybridTimestamp] = []
            for base in baseTexts {
                guard let text = base as? String, let timestamp = HybridTimestamp(text: text) else { return nil }
                bases.append(timestamp)
            }
            fields[name] = FieldAssignment(value: value, bases: bases)
        }
        return fields
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
