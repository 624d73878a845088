import SignatoryDomain

/// What an office knows of one record's fields, from every change applied to it.
///
/// For each field: the versions no later change has replaced (its *heads*), the timestamps of
/// every replaced version (kept even before that version arrives, so arrival order does not
/// matter), and the newest replaced version, shown when no head is left. The field's merge rule
/// picks the settled value among the heads; the other heads are open conflicts.
package struct RecordState {
    struct Field: Equatable {
        var heads: [FieldVersion] = []
        var replaced: Set<String> = []
        var fallback: FieldVersion?

        mutating func retire(_ version: FieldVersion) {
            if self.fallback == nil || self.fallback!.timestamp < version.timestamp { self.fallback = version }
        }
    }

    var fields: [String: Field] = [:]
    /// Open conflicts recorded for this record, so a record without any skips the bookkeeping.
    var conflictCount = 0

    /// Adds a change's versions. Applying the same change twice changes nothing.
    mutating func apply(_ change: Change) {
        for (name, assignment) in change.fields {
            var field = self.fields[name] ?? Field()
            let version = FieldVersion(timestamp: change.timestamp, value: assignment.value)
            if field.replaced.contains(version.timestamp.text) {
                field.retire(version)
            } else if !field.heads.contains(where: { $0.timestamp == version.timestamp }) {
                field.heads.append(version)
            }
            for base in assignment.bases {
                field.replaced.insert(base.text)
                if let index = field.heads.firstIndex(where: { $0.timestamp == base }) {
                    field.retire(field.heads.remove(at: index))
                }
            }
            self.fields[name] = field
        }
    }

    /// The settled value of each field, and the versions that lost to a concurrent one.
    func settle(_ kind: EntityKind) -> (versions: [String: FieldVersion], conflicts: [(field: String, rule: MergeRule, winner: FieldVersion, loser: FieldVersion)]) {
        var versions: [String: FieldVersion] = [:]
        var conflicts: [(String, MergeRule, FieldVersion, FieldVersion)] = []
        for (name, field) in self.fields {
            let rule = kind.rule(for: name)
            if let (winner, losers) = rule.settle(field.heads) {
                versions[name] = winner
                conflicts += losers.map { (name, rule, winner, $0) }
            } else if let fallback = field.fallback {
                versions[name] = fallback
            }
        }
        return (versions, conflicts)
    }
}

extension RecordState {
    /// The stored state of a record known only from its first change: `@<office>/<sequence>`.
    static func pointer(office: ID<Office>, sequence: Int64) -> String {
        "@\(office)/\(sequence)"
    }

    static func pointee(of text: String) -> (ID<Office>, Int64)? {
        guard text.hasPrefix("@"), let slash = text.firstIndex(of: "/"),
              let office = ID<Office>(String(text[text.index(after: text.startIndex)..<slash])),
              let sequence = Int64(text[text.index(after: slash)...]) else { return nil }
        return (office, sequence)
    }

    /// A compact, length-prefixed text form: fast to write and read on every change.
    var encoded: String {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        func token(_ text: String) {
            out.append(contentsOf: String(text.utf8.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: text.utf8)
        }
        token(String(self.conflictCount))
        for name in self.fields.keys.sorted() {
            let field = self.fields[name]!
            token(name)
            token(String(field.heads.count))
            for head in field.heads {
                token(head.timestamp.text)
                token(head.value.storageText)
            }
            token(String(field.replaced.count))
            for replaced in field.replaced.sorted() { token(replaced) }
            if let fallback = field.fallback {
                token("1")
                token(fallback.timestamp.text)
                token(fallback.value.storageText)
            } else {
                token("0")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    init?(encoded: String) {
        var reader = TokenReader(Array(encoded.utf8))
        guard let count = reader.next().flatMap({ Int($0) }) else { return nil }
        self.conflictCount = count
        while !reader.isAtEnd {
            guard let name = reader.next(), let headCount = reader.next().flatMap({ Int($0) }) else { return nil }
            var field = Field()
            for _ in 0..<headCount {
                guard let version = reader.version() else { return nil }
                field.heads.append(version)
            }
            guard let replacedCount = reader.next().flatMap({ Int($0) }) else { return nil }
            for _ in 0..<replacedCount {
                guard let hlc = reader.next() else { return nil }
                field.replaced.insert(hlc)
            }
            guard let hasFallback = reader.next() else { return nil }
            if hasFallback == "1" {
                guard let version = reader.version() else { return nil }
                field.fallback = version
            }
            self.fields[name] = field
        }
    }

    private struct TokenReader {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { self.position >= self.bytes.count }

        mutating func next() -> String? {
            var length = 0
            while self.position < self.bytes.count, self.bytes[self.position] != UInt8(ascii: ":") {
                let digit = Int(self.bytes[self.position]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                length = length * 10 + digit
                self.position += 1
            }
            self.position += 1
            guard self.position + length <= self.bytes.count else { return nil }
            defer { self.position += length }
            return String(decoding: self.bytes[self.position..<(self.position + length)], as: UTF8.self)
        }

        mutating func version() -> FieldVersion? {
            guard let time = self.next().flatMap(HybridTimestamp.init(text:)),
                  let value = self.next().flatMap(FieldValue.init(storageText:)) else { return nil }
            return FieldVersion(timestamp: time, value: value)
        }
    }
}
