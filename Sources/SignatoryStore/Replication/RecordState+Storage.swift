package import SignatoryDomain

/// How a record's state is stored in `entity_state.state`.
extension RecordState {
    /// The stored state of a record known only from its first change: `@<office>/<sequence>`.
    package static func pointer(office: ID<Office>, sequence: Int64) -> String {
        "@\(office)/\(sequence)"
    }

    package static func pointee(of text: String) -> (ID<Office>, Int64)? {
        guard text.hasPrefix("@"), let slash = text.firstIndex(of: "/"),
            let office = ID<Office>(String(text[text.index(after: text.startIndex)..<slash])),
            let sequence = Int64(text[text.index(after: slash)...])
        else { return nil }
        return (office, sequence)
    }

    /// A compact, length-prefixed text form: fast to write and read on every change.
    package var encoded: String {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        func token(_ text: String) { out.append(lengthPrefixed: text) }
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

    package init?(encoded: String) {
        self.init()
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
                let value = self.next().flatMap(FieldValue.init(storageText:))
            else { return nil }
            return FieldVersion(timestamp: time, value: value)
        }
    }
}
