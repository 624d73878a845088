import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// A change from a trusted office is held to the rules the command line obeys, field by field:
/// a compromised or buggy office cannot make a person at risk public, blank a name, or store a
/// value in a form no Signatory writes. Each forged change is correctly hashed and signed.
struct ReceivedValueTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let cap: Organisation
    let valle: ContactPerson
    let campaign: Campaign

    init() throws {
        (self.fixture, self.geneva, self.bucharest) = try SyncFixture.genevaAndBucharest()
        self.cap = try SyncFixture.cap()
        try self.geneva.insert(self.cap)
        self.valle = ContactPerson(
            organisationID: self.cap.id,
            fullName: "Thierry Valle",
            title: "Director",
            atRisk: true
        )
        try self.geneva.insert(self.valle)
        self.campaign = Campaign(name: "World Day against Trafficking in Persons", status: .active)
        try self.geneva.insert(self.campaign)
    }

    /// Forges Geneva's change at `position` (1 organisation, 2 contact, 3 campaign) as `alter`
    /// says, and expects Bucharest to refuse it with `expected`, unchanged.
    private func expectRefusal(
        position: Int64,
        mentioning expected: String,
        partial: Bool = false,
        retime: (HybridTimestamp) -> HybridTimestamp = { $0 },
        sourceLocation: SourceLocation = #_sourceLocation,
        _ alter: @escaping (inout [String: FieldAssignment]) -> Void
    ) throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.forge(path, office: self.geneva, position: position, retime: retime) { fields in
            if partial { fields = [:] }
            alter(&fields)
        }
        let before = try self.bucharest.canonicalDump()
        do {
            _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
            Issue.record("the forged change should have been refused", sourceLocation: sourceLocation)
        } catch let error as SyncError {
            #expect("\(error)".contains(expected), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(try self.bucharest.canonicalDump() == before, sourceLocation: sourceLocation)
    }

    @Test func safetyFlagsAreNeverNull() throws {
        for partial in [false, true] {
            try self.expectRefusal(position: 2, mentioning: "contact atRisk must always have a value", partial: partial)
            {
                $0["atRisk"] = FieldAssignment(value: .null)
            }
            try self.expectRefusal(
                position: 2,
                mentioning: "contact consent must always have a value",
                partial: partial
            ) {
                $0["consent"] = FieldAssignment(value: .null)
            }
            try self.expectRefusal(
                position: 2,
                mentioning: "contact deleted must always have a value",
                partial: partial
            ) {
                $0["deleted"] = FieldAssignment(value: .null)
            }
        }
        // The real change still goes through, and the person stays at risk.
        try self.fixture.send(from: self.geneva, to: self.bucharest)
        #expect(try self.bucharest.contact(self.valle.id)?.atRisk == true)
    }

    /// Versions are told apart by timestamp: a change dated with another office's clock could
    /// replace that office's own version (a person's at-risk flag) without leaving a conflict.
    @Test func aChangeDatedWithAnotherOfficesClockIsRefused() throws {
        let other = self.bucharest.office.id
        let retime = { (time: HybridTimestamp) in
            HybridTimestamp(physical: time.physical, counter: time.counter, office: other)
        }
        try self.expectRefusal(position: 2, mentioning: "dated with the clock of office \(other)", retime: retime) {
            $0["atRisk"] = FieldAssignment(value: .bool(false))
        }
    }

    @Test func partialEditsAreCheckedAsStrictlyAsTheCommandLine() throws {
        let cases: [(Int64, String, String, FieldValue)] = [
            (1, "organisation name must not be empty", "name", .text("   ")),
            (1, "invisible control character U+001B", "name", .text("CAP\u{1B}[2J")),
            (1, "invisible control character U+202E", "acronym", .text("\u{202E}PAC")),
            (1, "organisation name must always have a value", "name", .null),
            (1, "not in the form Signatory writes ('FR')", "country", .text("fr")),
            (1, "year -5 is not a year", "ecosocYear", .integer(-5)),
            (1, "is not a year", "ecosocYear", .integer(Int64.max)),
            (1, "organisation mergedInto cannot name the record itself", "mergedInto", .text(self.cap.id.description)),
            (1, "is not a valid record id reference", "mergedInto", .text("CAP")),
            (1, "ECOSOC status 'consultative'", "ecosoc", .text("consultative")),
            (2, "contact fullName must not be empty", "fullName", .text("")),
            (2, "invisible control character U+115F", "fullName", .text("Luc\u{115F}ica Humenuc")),
            (2, "not in the form Signatory writes", "email", .text("Valle@Example.ORG ")),
            (3, "campaign status must always have a value", "status", .null),
        ]
        for (position, expected, field, value) in cases {
            try self.expectRefusal(position: position, mentioning: expected, partial: true) {
                $0[field] = FieldAssignment(value: value)
            }
        }
        try self.expectRefusal(
            position: 3,
            mentioning: "end date 2026-07-01 is before start date 2026-07-30",
            partial: true
        ) {
            $0["startDate"] = FieldAssignment(value: .text("2026-07-30"))
            $0["endDate"] = FieldAssignment(value: .text("2026-07-01"))
        }
    }

    @Test func aSignatureCommitsToAWellFormedWording() throws {
        let statement = JointStatement(
            campaignID: self.campaign.id,
            title: "No one left behind",
            body: "We call on states.",
            language: try LanguageTag("en")
        )
        try self.geneva.insert(statement)
        var open = statement
        open.status = .open
        try self.geneva.update(open)
        try self.geneva.record(
            Signature(
                statementID: statement.id,
                organisationID: self.cap.id,
                status: .signed,
                recordedAt: Date(),
                source: .office
            )
        )
        let position = try self.geneva.feedEnd(of: self.geneva.office.id).sequence
        try self.expectRefusal(position: position, mentioning: "'zz' is not a valid wording hash reference") {
            $0["textHash"] = FieldAssignment(value: .text("zz"))
        }
        // 2^63 milliseconds do not fit a date stored to the millisecond: this once crashed the import and the hub.
        for milliseconds: Int64 in [9_223_372_036_854_775_296, .max, 253_402_300_800_000, -1] {
            try self.expectRefusal(position: position, mentioning: "\(milliseconds) is not a time Signatory writes") {
                $0["recordedAt"] = FieldAssignment(value: .integer(milliseconds))
            }
        }
    }

    /// An office's clock moves past every version it has seen before it writes: a change that
    /// says it replaces itself, or a later version, would drop its own value from the merge
    /// without a conflict (a person shown as at risk in `history`, and published all the same).
    @Test func aChangeReplacesOnlyOlderVersions() throws {
        let own = try #require(try self.geneva.change(office: self.geneva.office.id, sequence: 2)).timestamp
        let later = HybridTimestamp(physical: own.physical + 1, counter: 0, office: self.bucharest.office.id)
        for base in [own, later] {
            try self.expectRefusal(
                position: 2,
                mentioning: "its contact atRisk replaces a version dated at or after its own"
            ) {
                $0["atRisk"] = FieldAssignment(value: .bool(false), bases: [base])
            }
        }
    }
}

extension ReceivedValueTests {
    /// A salted value may be replaced by its digest without breaking the change's hash or its
    /// office's signature: that is how an erasure travels. A relay (a hub, another office) could
    /// do the same to a contact's safety flag, so only a person's name, title, email and phone
    /// may arrive as a digest.
    @Test func aRelayCannotWithholdTheSafetyFlag() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let contact = try #require(Change(jsonLine: Data(lines[2].utf8)))
        try #require(contact.kind == .contact && contact.fields["atRisk"]?.value == .bool(true))
        let withheld = contact.erasing(["atRisk"])
        #expect(withheld.computedHash == contact.hash)
        lines[2] = withheld.jsonLine
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try self.bucharest.canonicalDump()
        do {
            _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
            Issue.record("a contact whose safety flag was withheld should have been refused")
        } catch let error as SyncError {
            #expect("\(error)".contains("cannot remove the contact atRisk"), "\(error)")
        }
        #expect(try self.bucharest.canonicalDump() == before)
    }
}
