import CSQLite
import Foundation
import SignatoryDomain
import SignatoryStore

/// `signatory contact erase` of a contact with 10,000 past changes, in a database that holds
/// 100,000 other changes, beside the floor any erasure pays: reading those 10,000 lines from
/// SQLite's C API and writing each back, in one transaction.
enum EraseBenchmark {
    static let contactChanges = 10_000
    static let otherChanges = 100_000

    static func run() throws {
        let bench = try BenchFolder()
        defer { bench.finish() }
        let folder = bench.url
        report(
            "erase: `signatory contact erase --reason` of a contact with \(formatted(Double(self.contactChanges))) past changes among \(formatted(Double(self.otherChanges))) others (format 2.0) vs the C API reading and rewriting the same lines"
        )
        let (template, contact) = try self.populate(folder)
        let runs = 3
        var seconds = Double.infinity
        var floor = Double.infinity
        var peak = 0
        for _ in 0..<runs {
            let copy = folder.appendingPathComponent("erase.db").path
            unlink(copy)
            try FileManager.default.copyItem(atPath: template, toPath: copy)
            var runPeak = 0
            seconds = min(
                seconds,
                try measure {
                    runPeak = try SyncBenchmark.runChild(
                        SyncBenchmark.executable,
                        // With a reason, as coordinators give one: it is checked against every value held.
                        [
                            "contact", "erase", contact.description, "--reason", "asked to be forgotten", "--yes",
                            "--db", copy,
                        ]
                    )
                }
            )
            peak = max(peak, runPeak)
            let redacted = try Store.open(at: copy).database.integer(
                "SELECT count(*) FROM change_log WHERE instr(line, 'Thierry Valle') > 0"
            )
            guard redacted == 0 else { throw BenchFailure("the erasure left \(redacted) change(s) with the name") }
            unlink(copy)
            try FileManager.default.copyItem(atPath: template, toPath: copy)
            floor = min(floor, try self.rewriteLines(of: contact, in: copy))
            unlink(copy)
        }
        BenchFolder.discard(template)
        report(
            "  best of \(runs): erase \(String(format: "%.2f", seconds)) s (process start included; target < 1 s), peak memory \(peak) MB; the C API reading and rewriting the \(formatted(Double(self.contactChanges))) lines: \(String(format: "%.2f", floor)) s"
        )
    }

    /// A receiving office's database: the contact's changes and the others, imported from two
    /// synthetic offices' bundles, as an office a year into a campaign would hold them.
    private static func populate(_ folder: URL) throws -> (path: String, contact: ID<ContactPerson>) {
        let organisation = ID<Organisation>()
        let contact = ID<ContactPerson>()
        let geneva = SyntheticOffice(name: "Geneva")
        let others = SyntheticOffice(name: "Bucharest")
        let contactBundle = folder.appendingPathComponent("contact.jsonl").path
        try geneva.writeBundle(count: self.contactChanges + 1, to: contactBundle) { index in
            if index == 0 {
                return (.organisation, organisation.description, ["name": (.text("CAP Liberté de Conscience"), [])])
            }
            if index == 1 {
                return (
                    .contact, contact.description,
                    [
                        "organisation": (.text(organisation.description), []), "fullName": (.text("Thierry Valle"), []),
                        "title": (.text("President"), []), "email": (.text("thierry.valle@example.org"), []),
                        "phone": (.text("+33123456789"), []), "atRisk": (.bool(true), []),
                        "consent": (.bool(false), []),
                    ]
                )
            }
            // Each edit replaces the one before: the title, and the name every tenth time.
            let field = index % 10 == 0 ? "fullName" : "title"
            let previous = index % 10 == 0 ? (index == 10 ? 1 : index - 10) : (index % 10 == 1 ? index - 2 : index - 1)
            let value = field == "fullName" ? "Thierry Valle" : "Director \(index)"
            return (.contact, contact.description, [field: (.text(value), [geneva.timestamp(previous)])])
        }
        let othersBundle = folder.appendingPathComponent("others.jsonl").path
        try others.writeBundle(of: RawOrganisationInsert.sample(self.otherChanges), to: othersBundle)
        let path = folder.appendingPathComponent("erase-template.db").path
        let store = try Store.create(at: path, office: Office(name: "Paris", createdAt: Date()))
        try store.trust(geneva.card)
        try store.trust(others.card)
        for bundle in [othersBundle, contactBundle] {
            _ = try SyncBenchmark.runChild(SyncBenchmark.executable, ["sync", "import", bundle, "--db", path])
            BenchFolder.discard(bundle)
        }
        return (path, contact)
    }

    /// Seconds the C API takes to find the contact's lines and write each one back unchanged.
    private static func rewriteLines(of contact: ID<ContactPerson>, in path: String) throws -> Double {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw BenchFailure("cannot open \(path)")
        }
        defer { sqlite3_close_v2(handle) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        return measure {
            sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil)
            var select: OpaquePointer?
            var update: OpaquePointer?
            sqlite3_prepare_v2(
                handle,
                "SELECT office, sequence, line FROM change_log WHERE instr(line, ?) > 0",
                -1,
                &select,
                nil
            )
            sqlite3_prepare_v2(
                handle,
                "UPDATE change_log SET line = ? WHERE office = ? AND sequence = ?",
                -1,
                &update,
                nil
            )
            sqlite3_bind_text(select, 1, #""kind":"contact","id":"\#(contact)""#, -1, transient)
            var rows: [(String, Int64, String)] = []
            while sqlite3_step(select) == SQLITE_ROW {
                rows.append(
                    (
                        String(cString: sqlite3_column_text(select, 0)), sqlite3_column_int64(select, 1),
                        String(cString: sqlite3_column_text(select, 2))
                    )
                )
            }
            for (office, sequence, line) in rows {
                sqlite3_bind_text(update, 1, line, -1, transient)
                sqlite3_bind_text(update, 2, office, -1, transient)
                sqlite3_bind_int64(update, 3, sequence)
                sqlite3_step(update)
                sqlite3_reset(update)
            }
            sqlite3_finalize(select)
            sqlite3_finalize(update)
            sqlite3_exec(handle, "COMMIT", nil, nil, nil)
        }
    }
}
