import CSQLite
import Foundation
import SignatoryDomain
import SignatoryStore

/// Inserting 100,000 organisations beside the same rows through SQLite's C API with one prepared
/// statement, each in one transaction on a fresh file: through the store's SQLite layer (cached
/// prepared statements, typed binding), and through `Store.insert(organisations:)`, which also
/// appends each change to the office's signed feed and keeps its merge state.
enum StoreBenchmark {
    static let count = Int(ProcessInfo.processInfo.environment["BENCH_COUNT"] ?? "") ?? 100_000
    static let rounds = 3

    static func run() throws {
        let organisations = RawOrganisationInsert.sample(self.count)
        let bench = try BenchFolder()
        defer { bench.finish() }
        let folder = bench.url

        var raw: [Double] = []
        var wrapper: [Double] = []
        var store: [Double] = []
        var sameRows: [Double] = []
        // Alternate the two so that drift on a shared machine hits both alike; keep the best round.
        for round in 0..<self.rounds {
            let rawPath = folder.appendingPathComponent("raw-\(round).db").path
            let storePath = folder.appendingPathComponent("store-\(round).db").path
            _ = try Store.create(at: rawPath, office: Office(name: "Bench", createdAt: Date()))
            raw.append(try measure { try RawOrganisationInsert.insert(organisations, into: rawPath) })
            let layerPath = folder.appendingPathComponent("layer-\(round).db").path
            _ = try Store.create(at: layerPath, office: Office(name: "Bench", createdAt: Date()))
            let database = try Database(path: layerPath, mode: .readWrite)
            wrapper.append(
                try measure {
                    try database.transaction {
                        let insert = try database.prepare(
                            """
                            INSERT INTO organisation (id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """
                        )
                        for organisation in organisations {
                            try insert.run(
                                organisation.id,
                                organisation.name,
                                organisation.acronym,
                                organisation.country,
                                organisation.website,
                                organisation.ecosoc,
                                organisation.ecosocYear,
                                organisation.standing,
                                organisation.notes
                            )
                        }
                    }
                }
            )
            let target = try Store.create(at: storePath, office: Office(name: "Bench", createdAt: Date()))
            store.append(try measure { try target.insert(organisations: organisations) })
            let copyPath = folder.appendingPathComponent("copy-\(round).db").path
            _ = try Store.create(at: copyPath, office: Office(name: "Bench", createdAt: Date()))
            sameRows.append(try RawRowCopy.time(from: storePath, into: copyPath).seconds)
        }
        let rawRate = Double(self.count) / raw.min()!
        let wrapperRate = Double(self.count) / wrapper.min()!
        let storeRate = Double(self.count) / store.min()!
        func share(_ rate: Double) -> Int { Int((rate / rawRate * 100).rounded()) }
        report("store: insert \(formatted(Double(self.count))) organisations, one transaction, best of \(self.rounds)")
        report("  raw C API (baseline)                     \(formatted(rawRate)) rows/s")
        report(
            "  store SQLite layer (Database, statements) \(formatted(wrapperRate)) rows/s  (\(share(wrapperRate))% of raw; target ≥ 70%)"
        )
        let sameRowsRate = Double(self.count) / sameRows.min()!
        report(
            "  Store.insert with signed change log       \(formatted(storeRate)) organisations/s  (\(share(storeRate))% of raw)"
        )
        report(
            "  raw C API writing the same rows Store.insert wrote (feed, merge state, record): \(formatted(sameRowsRate)) organisations/s;"
                + " Store.insert is \(Int((storeRate / sameRowsRate * 100).rounded()))% of that"
        )
    }
}
