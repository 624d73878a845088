import CSQLite
import Foundation
import SignatoryDomain
import SignatoryStore

/// Inserting 100,000 organisations through `Store.insert(organisations:)` beside the same rows
/// through SQLite's C API with one prepared statement, each in one transaction on a fresh file.
enum StoreBenchmark {
    static let count = Int(ProcessInfo.processInfo.environment["BENCH_COUNT"] ?? "") ?? 100_000
    static let rounds = 3

    static func run() throws {
        let organisations = RawOrganisationInsert.sample(self.count)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var raw: [Double] = []
        var store: [Double] = []
        // Alternate the two so that drift on a shared machine hits both alike; keep the best round.
        for round in 0..<self.rounds {
            let rawPath = folder.appendingPathComponent("raw-\(round).db").path
            let storePath = folder.appendingPathComponent("store-\(round).db").path
            _ = try Store.create(at: rawPath, office: Office(name: "Bench", createdAt: Date()))
            raw.append(try measure { try RawOrganisationInsert.insert(organisations, into: rawPath) })
            let target = try Store.create(at: storePath, office: Office(name: "Bench", createdAt: Date()))
            store.append(try measure { try target.insert(organisations: organisations) })
        }
        let rawRate = Double(self.count) / raw.min()!
        let storeRate = Double(self.count) / store.min()!
        print("store: insert \(formatted(Double(self.count))) organisations, one transaction, best of \(self.rounds)")
        print("  raw C API (baseline)  \(formatted(rawRate)) rows/s")
        print("  Store                 \(formatted(storeRate)) rows/s  (\(Int((storeRate / rawRate * 100).rounded()))% of raw; target ≥ 70%)")
    }
}
