import Foundation
import SignatoryDomain

@testable import SignatoryStore

/// Reading and rewriting bundle files, to tamper with them as an attacker or a bad disk would.
enum BundleFile {
    static func read(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Lets `change` edit the parsed lines; lines it left as they were keep their exact text, so
    /// only the tampering (not a re-encoding) differs from what Signatory wrote.
    static func edit(_ path: String, _ change: (inout [[String: Any]]) throws -> Void) throws {
        let originals = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var lines = try self.read(path)
        let parsed = lines.map { NSDictionary(dictionary: $0) }
        try change(&lines)
        let text =
            try lines.map { line in
                if let index = parsed.firstIndex(where: { $0.isEqual(to: line) }) { return originals[index] }
                return String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self)
            }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Replaces the change at `position` with one whose fields `alter` changed, correctly hashed
    /// and signed with the office's own key: what a compromised office could send.
    static func forge(
        _ path: String,
        office: Store,
        position: Int64,
        format: ChangeFormat? = nil,
        critical: Bool? = nil,
        retime: (HybridTimestamp) -> HybridTimestamp = { $0 },
        alter: (inout [String: FieldAssignment]) -> Void
    ) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = lines.firstIndex { line in
            let change = Change(jsonLine: Data(line.utf8))
            return change?.office == office.office.id && change?.sequence == position
        }!
        let original = Change(jsonLine: Data(lines[index].utf8))!
        var fields = original.fields
        alter(&fields)
        if original.format != .one {
            // What the forger set is committed the way the format requires, so the hash verifies.
            fields = fields.mapValues { $0.commitment == .plain ? .salted($0.value, bases: $0.bases) : $0 }
        }
        let forged = Change(
            format: format ?? original.format,
            critical: critical ?? original.critical,
            office: original.office,
            sequence: original.sequence,
            timestamp: retime(original.timestamp),
            kind: original.kind,
            entityID: original.entityID,
            fields: fields,
            previousHash: original.previousHash
        )
        lines[index] = forged.jsonLine
        var header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        header["heads"] = [
            [
                "office": office.office.id.description, "sequence": position, "hash": forged.hash,
                "signature": try office.officeKeys().sign(
                    FeedHead.message(office: office.office.id, sequence: position, hash: forged.hash)
                ),
            ]
        ]
        lines[0] = String(decoding: try JSONSerialization.data(withJSONObject: header), as: UTF8.self)
        try (lines.prefix(index + 1).joined(separator: "\n") + "\n").write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
    }
}
