import Foundation
import Testing

@testable import SignatoryDomain

struct HybridTimestampTests {
    let geneva = ID<Office>(UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!)
    let bucharest = ID<Office>(UUID(uuidString: "00000000-0000-4000-8000-00000000000b")!)

    @Test func neverGoesBackAndCountsWithinAMillisecond() {
        let first = HybridTimestamp.next(after: nil, now: 1_000, office: self.geneva)
        let second = HybridTimestamp.next(after: first, now: 1_000, office: self.geneva)
        let late = HybridTimestamp.next(after: second, now: 900, office: self.geneva)
        #expect(first < second && second < late)
        #expect(late.physical == 1_000 && late.counter == 2)
        #expect(HybridTimestamp.next(after: late, now: 5_000, office: self.geneva).counter == 0)
    }

    @Test func textSortsLikeTheTimestampAndParsesBack() {
        let a = HybridTimestamp(physical: 99, counter: 10, office: self.bucharest)
        let b = HybridTimestamp(physical: 100, counter: 0, office: self.geneva)
        let c = HybridTimestamp(physical: 100, counter: 0, office: self.bucharest)
        #expect(a < b && b < c)
        #expect(a.text < b.text && b.text < c.text)
        #expect(HybridTimestamp(text: c.text) == c)
        #expect(HybridTimestamp(text: "001.000000.x") == nil)
        #expect(HybridTimestamp(text: c.text.uppercased()) == nil)
    }
}

struct MergeRuleTests {
    let office = ID<Office>(UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!)

    func version(_ time: Int64, _ value: FieldValue) -> FieldVersion {
        FieldVersion(timestamp: HybridTimestamp(physical: time, counter: 0, office: self.office), value: value)
    }

    @Test func latestWinsWhateverTheOrder() {
        let versions = [self.version(1, .text("a")), self.version(3, .text("c")), self.version(2, .text("b"))]
        for order in [versions, versions.reversed(), [versions[1], versions[0], versions[2]]] {
            let (winner, conflicts) = MergeRule.latest.settle(order)!
            #expect(winner.value == .text("c"))
            #expect(conflicts.map(\.value) == [.text("a"), .text("b")])
        }
    }

    @Test func aPreferredValueBeatsALaterOne() {
        let (winner, conflicts) = MergeRule.prefer(.bool(true)).settle([
            self.version(1, .bool(true)), self.version(9, .bool(false)),
        ])!
        #expect(winner.value == .bool(true))
        #expect(conflicts.map(\.value) == [.bool(false)])
        #expect(MergeRule.prefer(.bool(true)).name(winner: winner.value) == "yes wins")
    }

    /// Between two statuses neither of which is a withdrawal, the latest won: the conflict
    /// must not say that a withdrawal did.
    @Test func aPreferredValueThatNeitherHoldsIsNotNamed() {
        let rule = MergeRule.prefer(.text("withdrawn"))
        let (winner, _) = rule.settle([self.version(1, .text("signed")), self.version(9, .text("pledged"))])!
        #expect(winner.value == .text("pledged"))
        #expect(rule.name(winner: winner.value) == "latest wins")
    }

    @Test func agreementIsNoConflict() {
        #expect(
            MergeRule.latest.settle([self.version(1, .text("same")), self.version(2, .text("same"))])!.conflicts.isEmpty
        )
        #expect(
            MergeRule.earliestWithoutConflict.settle([self.version(5, .integer(5)), self.version(2, .integer(2))])! == (
                self.version(2, .integer(2)), []
            )
        )
        #expect(MergeRule.latest.settle([]) == nil)
    }

    @Test func safetyFieldsHaveSafetyRules() {
        #expect(EntityKind.signature.rule(for: "status") == .prefer(.text("withdrawn")))
        #expect(EntityKind.contact.rule(for: "atRisk") == .prefer(.bool(true)))
        #expect(EntityKind.contact.rule(for: "consent") == .prefer(.bool(false)))
        #expect(EntityKind.signature.rule(for: "consent") == .prefer(.bool(false)))
        #expect(EntityKind.organisation.rule(for: "deleted") == .prefer(.bool(true)))
        #expect(EntityKind.organisation.rule(for: "name") == .latest)
    }
}

struct ChangeTests {
    let office = ID<Office>(UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!)

    func change(name: String = "CAP Liberté de Conscience") -> Change {
        Change(
            office: self.office,
            sequence: 1,
            timestamp: HybridTimestamp(physical: 5, counter: 0, office: self.office),
            kind: .organisation,
            entityID: "00000000-0000-4000-8000-000000000001",
            fields: [
                "name": FieldAssignment(value: .text(name)), "ecosocYear": FieldAssignment(value: .integer(2006)),
                "acronym": FieldAssignment(
                    value: .null,
                    bases: [HybridTimestamp(physical: 1, counter: 0, office: self.office)]
                ),
            ],
            previousHash: Change.genesis
        )
    }

    @Test func roundTripsThroughItsJSONLine() {
        let change = self.change(name: "Quote \" backslash \\ newline \n tab \t")
        let parsed = Change(jsonLine: Data(change.jsonLine.utf8))
        #expect(parsed == change)
        #expect(parsed?.computedHash == change.hash)
    }

    /// Feeds already signed and stored depend on these exact bytes: the line and the hash of a
    /// change must never drift, whatever the implementation.
    @Test func lineAndHashAreStable() {
        var fields = self.change(name: "Quote \" backslash \\ newline \n tab \t é").fields
        fields["atRisk"] = FieldAssignment(
            value: .bool(true),
            bases: [
                HybridTimestamp(physical: 3, counter: 1, office: self.office),
                HybridTimestamp(physical: 2, counter: 0, office: self.office),
            ]
        )
        fields["notes"] = FieldAssignment(value: .text("\u{1}"))
        let change = Change(
            office: self.office,
            sequence: 12,
            timestamp: HybridTimestamp(physical: 1_785_000_000_123, counter: 7, office: self.office),
            kind: .contact,
            entityID: "00000000-0000-4000-8000-000000000002",
            fields: fields,
            previousHash: Change.genesis
        )
        #expect(
            change.jsonLine
                == #"{"office":"00000000-0000-4000-8000-00000000000a","sequence":12,"hlc":"001785000000123.000007.00000000-0000-4000-8000-00000000000a","kind":"contact","id":"00000000-0000-4000-8000-000000000002","fields":{"acronym":{"value":null,"bases":["000000000000001.000000.00000000-0000-4000-8000-00000000000a"]},"atRisk":{"value":true,"bases":["000000000000002.000000.00000000-0000-4000-8000-00000000000a","000000000000003.000001.00000000-0000-4000-8000-00000000000a"]},"ecosocYear":{"value":2006,"bases":[]},"name":{"value":"Quote \" backslash \\ newline \n tab \t é","bases":[]},"notes":{"value":"\u0001","bases":[]}},"previous":"0000000000000000000000000000000000000000000000000000000000000000","hash":"bb5712aefe0be0839e7186710d403ab83945cbc9af249502848d19e23b121abb"}"#
        )
        #expect(change.hash == "bb5712aefe0be0839e7186710d403ab83945cbc9af249502848d19e23b121abb")
    }

    @Test func theHashCoversEveryPart() {
        #expect(self.change().hash != self.change(name: "CAP").hash)
        #expect(self.change().hash == self.change().hash)
        #expect(self.change().hash.count == 64)
    }

    @Test func valuesAreCheckedLikeLocalInput() throws {
        try self.change().validateValues()
        var fields = self.change().fields
        fields["country"] = FieldAssignment(value: .text("XX"))
        let bad = Change(
            office: self.office,
            sequence: 1,
            timestamp: self.change().timestamp,
            kind: .organisation,
            entityID: self.change().entityID,
            fields: fields,
            previousHash: Change.genesis
        )
        #expect(throws: DomainError.invalidCountry("XX")) { try bad.validateValues() }
        fields = ["atRisk": FieldAssignment(value: .text("yes"))]
        let wrongType = Change(
            office: self.office,
            sequence: 1,
            timestamp: self.change().timestamp,
            kind: .contact,
            entityID: self.change().entityID,
            fields: fields,
            previousHash: Change.genesis
        )
        #expect(throws: DomainError.self) { try wrongType.validateValues() }
    }
}

/// A value typed to settle a conflict is read as its field holds it, in the form Signatory writes.
struct TypedValueTests {
    @Test func valuesTakeTheirFieldsTypeAndForm() throws {
        #expect(try EntityKind.organisation.typedValue("fr", for: "country") == .text("FR"))
        #expect(try EntityKind.organisation.typedValue("SPECIAL", for: "ecosoc") == .text("special"))
        #expect(try EntityKind.organisation.typedValue("2006", for: "ecosocYear") == .integer(2006))
        #expect(try EntityKind.contact.typedValue("yes", for: "atRisk") == .bool(true))
        #expect(try EntityKind.contact.typedValue("  ", for: "title") == .null)
        #expect(try EntityKind.contact.typedValue("Director", for: "title") == .text("Director"))
    }

    @Test func valuesOfTheWrongTypeAreRefused() {
        #expect(throws: DomainError.notAFlag(field: "contact atRisk", value: "maybe")) {
            try EntityKind.contact.typedValue("maybe", for: "atRisk")
        }
        #expect(throws: DomainError.notANumber(field: "organisation ecosocYear", value: "soon")) {
            try EntityKind.organisation.typedValue("soon", for: "ecosocYear")
        }
        #expect(throws: DomainError.self) { try EntityKind.organisation.typedValue("Atlantis", for: "country") }
    }
}
