import Foundation
import SignatoryDomain

/// What a user could pick instead of Signatory's sync, measured on the same records in the same
/// run by `../shared/bench/peers.py`: SQLite's session extension, Yrs, and a plain insert.
///
/// `Scripts/bench` sets `$SIGNATORY_PEERS` to the script when it is there.
enum PeerComparison {
    static var script: String? {
        ProcessInfo.processInfo.environment["SIGNATORY_PEERS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Writes `organisations` as the script reads them: one JSON object a line, keyed by the
    /// `organisation` table's column names, with the values Signatory stores.
    static func writeRecords(_ organisations: [Organisation], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw BenchFailure("cannot write \(path)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer = Data()
        for organisation in organisations {
            let row: [String: Any] = [
                "id": organisation.id.description,
                "name": organisation.name,
                "acronym": organisation.acronym ?? NSNull(),
                "country": organisation.country?.code ?? NSNull(),
                "website": organisation.website?.url ?? NSNull(),
                "ecosoc": organisation.ecosoc.rawValue,
                "ecosoc_year": organisation.ecosocYear ?? NSNull(),
                "standing": organisation.standing.rawValue,
                "icso_number": organisation.icsoNumber?.description ?? NSNull(),
                "notes": organisation.notes,
                "name_key": organisation.comparableName,
            ]
            buffer.append(try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]))
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// Each peer's records per second on `records`, writing into copies of `template`.
    static func measure(script: String, template: String, records: String, rounds: Int) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, "--template", template, "--records", records, "--rounds", String(rounds), "--json",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let figures = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw BenchFailure("\(script) failed; it needs `pip install apsw pycrdt`")
        }
        return figures.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    /// The lines that put Signatory's import rate beside each peer's, and the rate of the raw C
    /// API writing the rows the import keeps (`rowCopyRate`) beside the session extension's: how
    /// close any import that keeps those rows could come.
    static func printComparison(
        importRate: Double,
        rowCopyRate: Double,
        peers: [String: Double],
        records: Int,
        rounds: Int
    ) {
        func line(_ label: String, _ key: String, _ note: String = "") {
            guard let rate = peers[key] else { return }
            let ratio = String(format: "%.2f", importRate / rate)
            report("      \(label): \(formatted(rate)) records/s\(note); import is \(ratio)x of it")
        }
        report(
            "    peers on the same \(formatted(Double(records))) records (../shared/bench/peers.py, best of \(rounds)):"
        )
        line("SQLite session extension, changeset apply", "sqlite-session", " (target: import >= 1.0x)")
        line("Yrs (pycrdt) update apply, in memory", "yrs")
        line("plain insert in one transaction (Python's sqlite3)", "sqlite-insert")
        if let session = peers["sqlite-session"] {
            report(
                "      the raw C API writing the rows the import keeps (feed, merge state, records), above: "
                    + "\(String(format: "%.2f", rowCopyRate / session))x of the session extension, "
                    + "a ceiling for any import that keeps those rows"
            )
        }
    }
}
