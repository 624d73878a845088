import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport

@testable import SignatoryStore

/// One random run: offices edit offline and exchange bundles in random, partial, duplicated,
/// reordered and relayed ways. Refused operations (a rule of the domain) simply write nothing.
struct RandomSchedule {
    var random: SeededRandom
    let fixture: SyncFixture
    var bundles: [String] = []
    /// Offices on the synthetic format 2.1 (see `LaterMinorOffice.swift`); the others are on 2.0.
    var laterOffices: Set<ID<Office>> = []

    static let names = [
        "CAP Liberté de Conscience", "Romanian Independent Society of Human Rights",
        "Doctors Against Forced Organ Harvesting", "Coalition for Rights",
    ]
    static let people = ["Thierry Valle", "Lucica Humenuc", "Torsten Trey", "A. Defender"]
    static let countries = ["FR", "RO", "US", "CH"]

    /// Simulated wall time, so a seed replays exactly: each office's clock is off by its own
    /// amount and time moves on by a random step between operations.
    let time = SimulatedTime(milliseconds: 1_785_000_000_000)

    init(seed: UInt64, offices: Int) throws {
        self.random = SeededRandom(seed: seed)
        self.fixture = try SyncFixture(offices: offices)
        for store in self.fixture.offices {
            let skew = Int64(self.random.next() % 4_000) - 2_000
            store.clock = { [time] in Date(timeIntervalSince1970: Double(time.milliseconds + skew) / 1000) }
            if self.random.next() % 2 == 0 { self.laterOffices.insert(store.office.id) }
        }
    }

    /// First one office creates shared records and everybody receives them; then offices work
    /// offline and exchange at random, so they often edit the same records concurrently.
    mutating func run(steps: Int) throws {
        let first = self.fixture.offices[0]
        for _ in 0..<4 { try Self.allowingRefusals { try self.operate(on: first, forcing: 0) } }
        for _ in 0..<3 { try Self.allowingRefusals { try self.operate(on: first, forcing: 3) } }
        try Self.allowingRefusals { try self.operate(on: first, forcing: 7) }
        for _ in 0..<2 { try Self.allowingRefusals { try self.operate(on: first, forcing: 8) } }
        try self.fixture.exchangeFully()
        for _ in 0..<steps {
            self.time.milliseconds += Int64(self.random.next() % 1_500)
            if self.random.next() % 4 == 0 { try self.exchange() } else { try self.operate() }
        }
    }

    /// A random item, with the first one (by id) picked half the time so that offices often
    /// edit the same record concurrently.
    private mutating func pick<T>(_ items: [T]) -> T? {
        guard !items.isEmpty else { return nil }
        return self.flip() ? items[0] : items[Int(self.random.next() % UInt64(items.count))]
    }

    private mutating func flip() -> Bool { self.random.next() % 2 == 0 }

    private mutating func exchange() throws {
        let offices = self.fixture.offices
        let source = self.pick(offices)!
        let target = self.pick(offices.filter { $0 !== source })!
        switch self.random.next() % 4 {
        case 0, 1:
            let path = try self.fixture.bundle(from: source, for: self.flip() ? target : nil)
            self.bundles.append(path)
            _ = try BundleImporter(store: target).importBundle(at: path)
        case 2:
            // A replayed or overlapping old bundle, possibly at an office it was not meant for.
            guard let path = self.pick(self.bundles) else { return }
            _ = try BundleImporter(store: target).importBundle(at: path)
        default:
            // A relay: source's changes reach target only through a third office.
            guard let relay = self.pick(offices.filter { $0 !== source && $0 !== target }) else { return }
            _ = try BundleImporter(store: relay).importBundle(at: try self.fixture.bundle(from: source))
            _ = try BundleImporter(store: target).importBundle(at: try self.fixture.bundle(from: relay, for: target))
        }
    }

    private mutating func operate() throws {
        let store = self.pick(self.fixture.offices)!
        try Self.allowingRefusals { try self.operate(on: store) }
    }

    /// Runs an operation a coordinator might try, letting through only the refusals the rules
    /// mean (an illegal status change, a removal others depend on); any other failure, such as a
    /// foreign-key or SQLite error, fails the schedule.
    private static func allowingRefusals(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch is DomainError {
        } catch is StoreError {
        }
    }

    private mutating func operate(on store: Store, forcing forced: UInt64? = nil) throws {
        let organisations = try store.organisations().sorted { $0.id < $1.id }
        let contacts = try store.contacts().sorted { $0.id < $1.id }
        let statements = try store.statements().sorted { $0.id < $1.id }
        let later = self.laterOffices.contains(store.office.id)
        switch forced ?? self.random.next() % 15 {
        case 0 where organisations.count < 4, 1 where organisations.count < 2:
            try store.insert(
                Organisation(
                    name: self.pick(Self.names)!,
                    acronym: self.flip() ? "CAP" : nil,
                    country: try CountryCode(self.pick(Self.countries)!),
                    ecosoc: .special,
                    icsoNumber: self.flip() ? try ICSONumber("4281") : nil
                )
            )
        case 0, 1, 2:
            guard var organisation = self.pick(organisations) else { return }
            if self.flip() {
                organisation.notes = "note \(self.random.next() % 5)"
            } else {
                organisation.acronym = self.flip() ? "SIRDO" : nil
            }
            try store.update(organisation)
        case 3:
            guard let organisation = self.pick(organisations) else { return }
            try store.insert(
                ContactPerson(
                    organisationID: organisation.id,
                    fullName: self.pick(Self.people)!,
                    title: "Director",
                    atRisk: self.flip(),
                    consentToPublish: self.flip()
                )
            )
        case 4:
            guard var contact = self.pick(contacts) else { return }
            switch self.random.next() % 3 {
            case 0: contact.atRisk.toggle()
            case 1: contact.consentToPublish.toggle()
            default: contact.title = self.flip() ? "Director" : "Executive Director"
            }
            try store.update(contact)
        case 5:
            guard let contact = self.pick(contacts) else { return }
            try store.removeContact(contact.id)
        case 6:
            guard let organisation = self.pick(organisations) else { return }
            try store.removeOrganisation(organisation.id, cascade: true)
        case 7:
            let campaign = Campaign(name: "World Day", status: .active)
            try store.insert(campaign)
            var statement = JointStatement(
                campaignID: campaign.id,
                title: "No one left behind",
                body: "We call on states.",
                language: try LanguageTag("en"),
                leadOrganisationID: nil
            )
            try store.insert(statement)
            statement.status = .open
            try store.update(statement)
        case 8, 9:
            guard let statement = self.pick(statements), let organisation = self.pick(organisations) else { return }
            let status = self.pick(SignatureStatus.allCases)!
            try store.record(
                Signature(
                    statementID: statement.id,
                    organisationID: organisation.id,
                    status: status,
                    consentToPublish: self.flip(),
                    recordedAt: store.clock(),
                    source: .office
                )
            )
        case 10:
            guard let duplicate = self.pick(organisations),
                let keep = self.pick(organisations.filter { $0.id != duplicate.id })
            else { return }
            try store.mergeOrganisation(duplicate.id, into: keep.id)
        case 11:
            // A lead removed or merged elsewhere meanwhile must not stop an import.
            guard var statement = self.pick(statements) else { return }
            statement.leadOrganisationID = self.flip() ? self.pick(organisations)?.id : nil
            try store.update(statement)
        case 12:
            // Other offices may still be editing the contact, and go on after the erasure.
            guard let contact = self.pick(contacts) else { return }
            _ = try store.eraseContact(contact.id, reason: self.flip() ? "asked to be forgotten" : nil)
        case 13 where later:
            guard let contact = self.pick(contacts) else { return }
            try store.setPronouns(self.flip() ? "she/her" : "they/them", of: contact.id)
        case 14 where later:
            // Two meeting ids, so offices often write the same meeting.
            let id = self.flip() ? "0f6e4d3a-0000-4000-8000-000000000001" : "0f6e4d3a-0000-4000-8000-000000000002"
            try store.recordMeeting(id, title: "Coalition call \(self.random.next() % 3)")
        default:
            guard let conflict = self.pick(try store.conflicts()) else { return }
            try store.resolve(conflict, keeping: self.flip() ? conflict.winner.value : conflict.loser.value)
        }
    }
}

/// A wall clock that only moves when the schedule says so.
final class SimulatedTime: @unchecked Sendable {
    // Read and moved by one schedule on one task only.
    var milliseconds: Int64

    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }
}
