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
        let countries = try ["CH", "FR", "RO", "US", "KE", "BR", "IN", "JP"].map(CountryCode.init)
        let categories: [ECOSOCCategory] = [.general, .special, .roster, .none]
        let organisations = (0..<self.count).map { index in
            Organisation(
                name: "Organisation \(index) for Human Rights", acronym: "ORG\(index)", country: countries[index % countries.count],
                website: nil, ecosoc: categories[index % categories.count], notes: index % 10 == 0 ? "Signed the 2026 statement" : ""
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var raw: [Double] = []
        var store: [Double] = []
        // Alternate the two so that drift on a shared machine hits both alike; keep the best round.
        for round in 0..<self.rounds {
            let rawPath = folder.appendingPathComponent("raw-\(round).db").path
            let storePath = folder.appendingPathComponent("store-\(round).db").path
            let rawStore = try Store.create(at: rawPath, office: Office(name: "Bench", createdAt: Date()))
            let handle = try rawHandle(rawPath)
            raw.append(try measure { try insertRaw(organisations, into: handle) })
            sqlite3_close_v2(handle)
            _ = rawStore
            let target = try Store.create(at: storePath, office: Office(name: "Bench", createdAt: Date()))
            store.append(try measure { try target.insert(organisations: organisations) })
        }
        let rawRate = Double(self.count) / raw.min()!
        let storeRate = Double(self.count) / store.min()!
        print("store: insert \(formatted(Double(self.count))) organisations, one transaction, best of \(self.rounds)")
        print("  raw C API (baseline)  \(formatted(rawRate)) rows/s")
        print("  Store                 \(formatted(storeRate)) rows/s  (\(Int((storeRate / rawRate * 100).rounded()))% of raw; target ≥ 70%)")
    }

    private static func rawHandle(_ path: String) throws -> OpaquePointer {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        sqlite3_exec(handle, "PRAGMA foreign_keys = ON", nil, nil, nil)
        return handle
    }

    /// The baseline: the same columns bound by hand, with no validation.
    private static func insertRaw(_ organisations: [Organisation], into handle: OpaquePointer) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var statement: OpaquePointer?
        sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil)
        sqlite3_prepare_v2(handle, """
            INSERT INTO organisation (id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, -1, &statement, nil)
        func text(_ index: Int32, _ value: String?) {
            guard let value else { sqlite3_bind_null(statement, index); return }
            sqlite3_bind_text(statement, index, value, -1, transient)
        }
        for organisation in organisations {
            text(1, organisation.id.description)
            text(2, organisation.name)
            text(3, organisation.acronym)
            text(4, organisation.country?.code)
            text(5, organisation.website?.url)
            text(6, organisation.ecosoc.rawValue)
            if let year = organisation.ecosocYear { sqlite3_bind_int64(statement, 7, Int64(year)) } else { sqlite3_bind_null(statement, 7) }
            text(8, organisation.standing.rawValue)
            text(9, organisation.notes)
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw SQLiteError(code: sqlite3_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
            }
            sqlite3_reset(statement)
        }
        sqlite3_finalize(statement)
        sqlite3_exec(handle, "COMMIT", nil, nil, nil)
    }
}
