import Foundation
import SignatoryDomain
import Testing

/// Change format 2: salted value digests, erasure that keeps every hash, critical changes and
/// later minor versions.
struct ChangeFormatTests {
    let office = ID<Office>(UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!)
    let contact = "00000000-0000-4000-8000-000000000002"
    let salt = Array(UInt8(0)..<16)

    func change(format: ChangeFormat = .current, critical: Bool = false, _ fields: [String: FieldAssignment]) -> Change
    {
        Change(
            format: format,
            critical: critical,
            office: self.office,
            sequence: 3,
            timestamp: HybridTimestamp(physical: 1_785_000_000_123, counter: 7, office: self.office),
            kind: .contact,
            entityID: self.contact,
            fields: fields,
            previousHash: Change.genesis
        )
    }

    var valle: Change {
        self.change([
            "fullName": FieldAssignment(value: .text("Thierry Valle"), commitment: .salted(self.salt)),
            "email": FieldAssignment(value: .text("t.valle@cap-lc.example"), commitment: .salted(self.salt)),
            "atRisk": FieldAssignment(
                value: .bool(true),
                bases: [HybridTimestamp(physical: 2, counter: 0, office: self.office)],
                commitment: .salted(self.salt)
            ),
        ])
    }

    /// The line and hash of a format-2 change never drift; the hash was computed independently,
    /// in Python, from the definition in `Schema/bundle.schema.json`.
    @Test func lineAndHashAreStable() {
        #expect(self.valle.hash == "e4b05d439f8dbfb0d9ef83187854262410be31dc987e7b38106bba4a7dc7cc50")
        #expect(
            self.valle.jsonLine
                == #"{"format":"2.0","office":"00000000-0000-4000-8000-00000000000a","sequence":3,"hlc":"001785000000123.000007.00000000-0000-4000-8000-00000000000a","kind":"contact","id":"00000000-0000-4000-8000-000000000002","fields":{"atRisk":{"value":true,"salt":"000102030405060708090a0b0c0d0e0f","bases":["000000000000002.000000.00000000-0000-4000-8000-00000000000a"]},"email":{"value":"t.valle@cap-lc.example","salt":"000102030405060708090a0b0c0d0e0f","bases":[]},"fullName":{"value":"Thierry Valle","salt":"000102030405060708090a0b0c0d0e0f","bases":[]}},"previous":"0000000000000000000000000000000000000000000000000000000000000000","hash":"e4b05d439f8dbfb0d9ef83187854262410be31dc987e7b38106bba4a7dc7cc50"}"#
        )
        #expect(Change(jsonLine: Data(self.valle.jsonLine.utf8)) == self.valle)
    }

    /// Text in a line is UTF-8 exactly as sent: a value whose bytes are not valid UTF-8 is
    /// refused, never repaired into a different value with the same hash input.
    @Test func aValueThatIsNotValidUTF8IsRefused() throws {
        let line = Array(
            self.change(["fullName": FieldAssignment(value: .text("Thierry Vallé 🕊"), commitment: .salted(self.salt))])
                .jsonLine.utf8
        )
        let parsed = try #require(Change(jsonBytes: line))
        #expect(parsed.fields["fullName"]?.value == .text("Thierry Vallé 🕊"))
        let accent = try #require(line.firstRange(of: [0xC3, 0xA9]))
        func replacingAccent(with bytes: [UInt8]) -> [UInt8] {
            var copy = line
            copy.replaceSubrange(accent, with: bytes)
            return copy
        }
        // Negative control: another valid letter in the same place still reads.
        #expect(
            Change(jsonBytes: replacingAccent(with: [0xC3, 0xBC]))?.fields["fullName"]?.value
                == .text("Thierry Vallü 🕊")
        )
        let invalid: [[UInt8]] = [
            [0xC3],  // a lead byte without its continuation
            [0xA9],  // a continuation byte alone
            [0xC0, 0xA9],  // an overlong encoding
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            [0xFF],
        ]
        for bytes in invalid {
            #expect(Change(jsonBytes: replacingAccent(with: bytes)) == nil, "\(bytes)")
        }
    }

    @Test func anErasedValueLeavesItsDigestAndTheHashStillVerifies() throws {
        let redacted = self.valle.redacted
        #expect(redacted.hash == self.valle.hash && redacted.computedHash == self.valle.hash)
        #expect(!redacted.jsonLine.contains("Thierry") && !redacted.jsonLine.contains("cap-lc"))
        #expect(
            redacted.jsonLine.contains(
                #""fullName":{"digest":"beb0bb3470ab8ee9758c8624a9a6117d5cda25f5b748f67aa823be57297545fc","bases":[]}"#
            )
        )
        #expect(redacted.fields["atRisk"]?.value == .bool(true))
        let parsed = try #require(Change(jsonLine: Data(redacted.jsonLine.utf8)))
        #expect(parsed == redacted && parsed.computedHash == redacted.hash)
        try parsed.validateValues()
        // A different value under the same digest does not verify: the digest binds the value.
        var forged = self.valle.fields
        forged["fullName"] = FieldAssignment(value: .text("Somebody Else"), commitment: .salted(self.salt))
        #expect(self.change(forged).hash != self.valle.hash)
    }

    @Test func aFormatOneChangeWithErasedValuesCannotBeHashedAgain() {
        let plain = self.change(format: .one, ["fullName": FieldAssignment(value: .text("Thierry Valle"))])
        let redacted = plain.redacted
        #expect(redacted.computedHash == nil && redacted.hash == plain.hash)
        #expect(redacted.jsonLine.contains(#""fullName":{"erased":true,"bases":[]}"#))
        #expect(Change(jsonLine: Data(redacted.jsonLine.utf8)) == redacted)
    }

    @Test func linesMixingTheFormatsAreNotChanges() {
        let line = self.valle.jsonLine
        for broken in [
            line.replacingOccurrences(of: #""format":"2.0","#, with: ""),  // salts in format 1
            line.replacingOccurrences(of: #""format":"2.0""#, with: #""format":"3.0""#),  // a later major
            line.replacingOccurrences(of: #""format":"2.0""#, with: #""format":"2.00""#),
            line.replacingOccurrences(of: #","salt":"000102030405060708090a0b0c0d0e0f""#, with: ""),
            line.replacingOccurrences(of: "0e0f", with: "0E0F"),
            self.change(format: .one, ["fullName": FieldAssignment(value: .text("x"))]).jsonLine
                .replacingOccurrences(of: #"{"office""#, with: #"{"critical":true,"office""#),
        ] {
            #expect(Change(jsonLine: Data(broken.utf8)) == nil, "\(broken)")
        }
    }

    @Test func anErasureIsCriticalFinalAndSetsNothingElse() throws {
        let erasure: [String: FieldAssignment] = [
            "erased": .salted(.bool(true)), "erasureReason": .salted(.text("asked to be forgotten")),
        ]
        try self.change(critical: true, erasure).validateValues()
        #expect(throws: DomainError.self) { try self.change(erasure).validateValues() }
        #expect(throws: DomainError.self) {
            try self.change(critical: true, ["erased": .salted(.bool(false))]).validateValues()
        }
        #expect(throws: DomainError.self) {
            var fields = erasure
            fields["atRisk"] = .salted(.bool(false))
            try self.change(critical: true, fields).validateValues()
        }
        #expect(throws: DomainError.self) {
            try self.change(critical: true, ["atRisk": .salted(.bool(true))]).validateValues()
        }
        // Only the person's values can be erased: never a safety flag.
        #expect(throws: DomainError.self) { try self.valle.erasing(["atRisk"]).validateValues() }
        try self.valle.redacted.validateValues()
    }

    @Test func aLaterMinorMayAddFieldsButNotUnreadCriticalChanges() throws {
        var fields = self.valle.fields
        fields["pronouns"] = .salted(.text("he/him"))
        try self.change(format: ChangeFormat(major: 2, minor: 1), fields).validateValues()
        #expect(throws: DomainError.self) { try self.change(fields).validateValues() }
        do {
            try self.change(format: ChangeFormat(major: 2, minor: 1), critical: true, fields).validateValues()
            Issue.record("a critical change of a later minor should be refused")
        } catch {
            #expect("\(error)".contains("upgrade Signatory to a release that reads format 2.1 or later"))
        }
    }

    /// An erasure wins in any order, and nothing of the person comes back after it.
    @Test func anErasureWinsInEveryOrder() {
        let erasure = Change(
            format: .current,
            critical: true,
            office: self.office,
            sequence: 4,
            timestamp: HybridTimestamp(physical: 1_785_000_000_000, counter: 0, office: self.office),
            kind: .contact,
            entityID: self.contact,
            fields: ["erased": .salted(.bool(true))],
            previousHash: Change.genesis
        )
        let later = Change(
            format: .current,
            office: self.office,
            sequence: 5,
            timestamp: HybridTimestamp(physical: 1_785_000_009_000, counter: 0, office: self.office),
            kind: .contact,
            entityID: self.contact,
            fields: ["fullName": .salted(.text("Back Again")), "atRisk": .salted(.bool(false))],
            previousHash: Change.genesis
        )
        var outcomes: [RecordState] = []
        for order in [[self.valle, erasure, later], [later, erasure, self.valle], [erasure, later, self.valle]] {
            var state = RecordState()
            for change in order { state.apply(change) }
            outcomes.append(state)
        }
        #expect(outcomes.allSatisfy { $0 == outcomes[0] })
        #expect(outcomes[0].isErased && Set(outcomes[0].fields.keys) == ["erased"])
    }

    /// A kind of a later minor is kept unread, so what it cannot be trusted with is refused: a
    /// removed value no erasure here can vouch for, and a kind that differs from a known one only
    /// in case (`Contact` would escape an erasure of the contact).
    @Test func aChangeOfAnUnknownKindIsRefusedWhenThisReleaseCannotVouchForIt() throws {
        let office = ID<Office>()
        func kept(_ kind: String, _ title: FieldAssignment) -> UnappliedChange {
            UnappliedChange(
                format: ChangeFormat(major: 2, minor: 1),
                office: office,
                sequence: 1,
                timestamp: HybridTimestamp(physical: 1_785_000_000_000, counter: 0, office: office),
                kind: kind,
                entityID: "0f6e4d3a-0000-4000-8000-000000000001",
                fields: ["title": title],
                previousHash: Change.genesis
            )
        }
        let salted = FieldAssignment.salted(.text("Coalition call"))
        try kept("meeting", salted).validate()
        let removed = FieldAssignment(value: .null, commitment: .erased(digest: String(repeating: "ab", count: 32)))
        #expect(throws: DomainError.self) { try kept("meeting", removed).validate() }
        #expect(throws: DomainError.self) { try kept("Contact", salted).validate() }
        // Each reads back from its own line, and never as a change of a known kind.
        let line = Array(kept("meeting", removed).jsonLine.utf8)
        #expect(UnappliedChange(jsonBytes: line) == kept("meeting", removed) && Change(jsonBytes: line) == nil)
    }
}
