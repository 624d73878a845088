import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import SignatoryWeb

/// `signatory ui`'s heaviest pages, rendered server-side: a statement with 5,000 co-signers
/// beside the same statement printed as `statement render` prints it, and the start page with
/// 200 campaigns beside reading what it lists. Medians of 50, in the same run.
enum UIBenchmark {
    static let cosigners = 5_000
    static let campaigns = 200
    static let rounds = 50

    static func run() throws {
        let bench = try BenchFolder()
        defer { bench.finish() }
        let store = try Store.create(
            at: bench.url.appendingPathComponent("office.db").path,
            office: Office(name: "Bench", createdAt: Date())
        )
        let statement = try self.populate(store)
        let pages = PageTiming()

        var rendered: [Double] = []
        var page: [Double] = []
        var html = ""
        for _ in 0..<self.rounds {
            rendered.append(
                try measure {
                    let rendition = try StatementRendition(statement: try store.statement(statement)!, store: store)
                    _ = StatementFormat.text.render(rendition)
                }
            )
            page.append(try measure { html = try pages.statementPage(statement, in: store) })
        }
        var listed: [Double] = []
        var start: [Double] = []
        for _ in 0..<self.rounds {
            listed.append(
                try measure {
                    _ = try store.campaigns()
                    _ = try store.statements()
                }
            )
            start.append(try measure { _ = try pages.startPage(in: store) })
        }
        report("ui: pages rendered server-side, median of \(self.rounds)")
        report("  statement render, \(formatted(Double(self.cosigners))) co-signers (baseline)   \(self.ms(rendered))")
        report(
            "  statement page, same statement                    \(self.ms(page))  (target < 150 ms); "
                + "\(html.utf8.count / 1024) KiB of HTML (target < 2 MiB)"
        )
        report("  reading \(self.campaigns) campaigns and their statements (baseline)   \(self.ms(listed))")
        report(
            "  start page, \(self.campaigns) campaigns                           \(self.ms(start))  (target < 50 ms)"
        )
    }

    private static func ms(_ times: [Double]) -> String {
        String(format: "%.1f ms", times.sorted()[times.count / 2] * 1_000)
    }

    /// An office with 200 campaigns of one statement each; the first statement has 5,000 co-signers.
    private static func populate(_ store: Store) throws -> ID<JointStatement> {
        var first: ID<JointStatement>?
        try store.transaction {
            let countries = CountryCode.allAssigned
            for index in 0..<self.campaigns {
                let campaign = Campaign(name: "Human Rights Council session \(index)", status: .active)
                try store.insert(campaign)
                var statement = JointStatement(
                    campaignID: campaign.id,
                    title: "Joint statement \(index)",
                    body: "We ask states to act.",
                    language: try LanguageTag("en")
                )
                try store.insert(statement)
                statement.status = .open
                try store.update(statement)
                first = first ?? statement.id
                guard index == 0 else { continue }
                for cosigner in 0..<self.cosigners {
                    let organisation = Organisation(
                        name: "Human Rights Organisation \(cosigner)",
                        acronym: "HRO\(cosigner)",
                        country: countries[cosigner % countries.count],
                        ecosoc: [.general, .special, .roster, .none][cosigner % 4]
                    )
                    try store.insert(organisation)
                    let contact = ContactPerson(
                        organisationID: organisation.id,
                        fullName: "Contact Person \(cosigner)",
                        title: "Director",
                        atRisk: cosigner % 50 == 0,
                        consentToPublish: cosigner % 3 != 0
                    )
                    try store.insert(contact)
                    try store.record(.signed, by: organisation.id, on: statement, contact: contact.id, source: .import)
                }
            }
        }
        return first!
    }
}
