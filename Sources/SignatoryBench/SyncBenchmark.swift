import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

/// Importing bundles of 100,000 and 1,000,000 changes with the `signatory` executable (rate and
/// peak memory) beside raw inserts of the same rows, and exporting the 100 newest changes from
/// databases of 10,000 and 1,000,000 changes.
enum SyncBenchmark {
    static var sizes: [Int] {
        ProcessInfo.processInfo.environment["SYNC_BENCH_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [
            100_000, 1_000_000,
        ]
    }

    static func run() throws {
        let bench = try BenchFolder()
        defer { bench.finish() }
        let folder = bench.url
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("signatory").path
        report(
            "sync: import through `signatory sync import` (one transaction; lines are read and checked on a second thread) vs raw C inserts of the resulting rows (one thread)"
        )
        for size in self.sizes {
            let organisations = RawOrganisationInsert.sample(size)
            let author = SyntheticOffice(name: "Geneva")
            let bundle = folder.appendingPathComponent("bundle-\(size).jsonl").path
            try author.writeBundle(of: organisations, to: bundle)
            // Best of 3 where a run is short, because the machine is shared; one run of 1,000,000.
            let runs = size <= 100_000 ? 3 : 1
            var seconds = Double.infinity
            var encryptedSeconds = Double.infinity
            var rawSeconds = Double.infinity
            var copySeconds = Double.infinity
            var peak = 0
            var encryptedPeak = 0
            // Every run imports into a copy of one empty database, so the encrypted copy of the
            // bundle (made in this process, as `sync export --for` would) opens in each.
            let template = folder.appendingPathComponent("template-receiver-\(size).db").path
            let recipient = try {
                let store = try Store.create(at: template, office: Office(name: "Bucharest", createdAt: Date()))
                try store.trust(author.card)
                return try store.officeEncryptionKey().recipient
            }()
            let encrypted = bundle + ".age"
            try self.encrypt(bundle, to: encrypted, for: recipient)
            let receiver = folder.appendingPathComponent("receiver-\(size).db").path
            let encryptedReceiver = folder.appendingPathComponent("receiver-encrypted-\(size).db").path
            for run in 0..<runs {
                for path in [receiver, encryptedReceiver] {
                    unlink(path)
                    try FileManager.default.copyItem(atPath: template, toPath: path)
                }
                var runPeak = 0
                seconds = min(
                    seconds,
                    try measure {
                        runPeak = try self.runChild(executable, ["sync", "import", bundle, "--db", receiver])
                    }
                )
                peak = max(peak, runPeak)
                encryptedSeconds = min(
                    encryptedSeconds,
                    try measure {
                        runPeak = try self.runChild(
                            executable,
                            ["sync", "import", encrypted, "--db", encryptedReceiver]
                        )
                    }
                )
                encryptedPeak = max(encryptedPeak, runPeak)
                let rawPath = folder.appendingPathComponent("raw-\(size)-\(run).db").path
                _ = try Store.create(at: rawPath, office: Office(name: "Raw", createdAt: Date()))
                rawSeconds = min(
                    rawSeconds,
                    try measure { try RawOrganisationInsert.insert(organisations, into: rawPath) }
                )
                let copyPath = folder.appendingPathComponent("copy-\(size)-\(run).db").path
                _ = try Store.create(at: copyPath, office: Office(name: "Copy", createdAt: Date()))
                copySeconds = min(copySeconds, try RawRowCopy.time(from: receiver, into: copyPath).seconds)
                unlink(rawPath)
                unlink(copyPath)
            }
            let rate = Double(size) / seconds
            let rawRate = Double(size) / rawSeconds
            let copyRate = Double(size) / copySeconds
            func share(_ baseline: Double) -> Int { Int((rate / baseline * 100).rounded()) }
            report(
                "  \(formatted(Double(size))) changes (best of \(runs)): import \(formatted(rate)) changes/s, peak memory \(peak) MB (target < 300 MB)"
            )
            report(
                "    raw C API writing the same resulting rows (feed, merge state, records): \(formatted(copyRate)) changes/s; import is \(share(copyRate))% of that (target ≥ 40%)"
            )
            report(
                "    raw C API writing only the organisation rows: \(formatted(rawRate)) rows/s; import is \(share(rawRate))% of that"
            )
            let encryptedRate = Double(size) / encryptedSeconds
            report(
                "    the same bundle encrypted for the importing office (age v1): \(formatted(encryptedRate)) changes/s, \(Int((encryptedRate / rate * 100).rounded()))% of the plain import (target ≥ 90%); peak memory \(encryptedPeak) MB, \(encryptedPeak - peak >= 0 ? "+" : "")\(encryptedPeak - peak) MB beside the plain import (target < 16 MB)"
            )
            try self.compareExports(from: receiver, changes: size, author: author.name, runs: runs, folder: folder)
            BenchFolder.discard(encryptedReceiver)
            BenchFolder.discard(encrypted)
            if let script = PeerComparison.script {
                let records = folder.appendingPathComponent("records-\(size).jsonl").path
                try PeerComparison.writeRecords(organisations, to: records)
                let template = folder.appendingPathComponent("template-\(size).db").path
                _ = try self.runChild(executable, ["init", "--office", "Peers", "--db", template])
                let peers = try PeerComparison.measure(
                    script: script,
                    template: template,
                    records: records,
                    rounds: runs
                )
                PeerComparison.printComparison(
                    importRate: rate,
                    rowCopyRate: copyRate,
                    peers: peers,
                    records: size,
                    rounds: runs
                )
            } else {
                report("    peers skipped: set SIGNATORY_PEERS to ../shared/bench/peers.py (Scripts/bench does)")
            }
            if size == self.sizes.min() {
                try self.importIntoLoadedDatabase(
                    bundle,
                    changes: size,
                    card: author.card,
                    emptyTemplate: template,
                    runs: runs,
                    folder: folder
                )
            }
            BenchFolder.discard(template)
        }
        try self.exportBenchmark(folder: folder)
        try EraseBenchmark.run()
    }

    /// Encrypts the file at `path` for `recipient`, streaming, as `sync export --for` does.
    static func encrypt(_ path: String, to target: String, for recipient: AgeRecipient) throws {
        var encryptor = try AgeEncryptor(recipients: [recipient])
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        try output.write(contentsOf: encryptor.header)
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try encryptor.encrypt(Array(chunk)) { try output.write(contentsOf: $0) }
        }
        try encryptor.finish { try output.write(contentsOf: $0) }
        try output.close()
    }

    /// `sync export --all` of every change held, encrypted for an office and unencrypted, by
    /// the executable: time and peak memory.
    static func compareExports(from database: String, changes: Int, author: String, runs: Int, folder: URL) throws {
        let out = folder.appendingPathComponent("export-\(changes)").path
        var plain = (seconds: Double.infinity, peak: 0)
        var encrypted = (seconds: Double.infinity, peak: 0)
        for _ in 0..<runs {
            for encrypting in [false, true] {
                var peak = 0
                let arguments =
                    ["sync", "export", "--all", "--for", author, "--out", out, "--db", database]
                    + (encrypting ? [] : ["--plaintext"])
                let seconds = try measure { peak = try self.runChild(self.executable, arguments) }
                if encrypting {
                    encrypted = (min(encrypted.seconds, seconds), max(encrypted.peak, peak))
                } else {
                    plain = (min(plain.seconds, seconds), max(plain.peak, peak))
                }
                unlink(out)
            }
        }
        report(
            "    `sync export --all` of those \(formatted(Double(changes))) changes: plain \(formatted(Double(changes) / plain.seconds)) changes/s, \(plain.peak) MB; encrypted \(formatted(Double(changes) / encrypted.seconds)) changes/s (\(Int((plain.seconds / encrypted.seconds * 100).rounded()))%), \(encrypted.peak) MB (\(encrypted.peak - plain.peak >= 0 ? "+" : "")\(encrypted.peak - plain.peak) MB; target < 16 MB)"
        )
    }

    /// The same bundle imported into a database that already holds 100,000 signatures on one
    /// statement and 1,000 merged organisations: what an office a year into a campaign pays,
    /// beside the plain import into a copy of `emptyTemplate`, interleaved with it, so both meet
    /// the same load on this shared machine. Then one `org merge` there of two organisations that
    /// signed that statement, beside one of two that signed nothing.
    static func importIntoLoadedDatabase(
        _ bundle: String,
        changes: Int,
        card: OfficeCard,
        emptyTemplate: String,
        runs: Int,
        folder: URL
    ) throws {
        let loaded = folder.appendingPathComponent("loaded.db").path
        var pairs: LoadedPairs!
        let setup = try measure { pairs = try self.populateLoaded(loaded, trusting: card) }
        var seconds = Double.infinity
        var plainSeconds = Double.infinity
        var merges = (signers: Double.infinity, others: Double.infinity)
        let receiver = folder.appendingPathComponent("loaded-receiver.db").path
        let plainReceiver = folder.appendingPathComponent("plain-receiver.db").path
        for run in 0..<runs {
            for (source, copy) in [(loaded, receiver), (emptyTemplate, plainReceiver)] {
                unlink(copy)
                try FileManager.default.copyItem(atPath: source, toPath: copy)
            }
            // The copy of the loaded database is hundreds of megabytes: written out before either
            // import is timed, so neither pays for the other's copy.
            sync()
            func importInto(_ path: String) throws -> Double {
                try measure { _ = try self.runChild(self.executable, ["sync", "import", bundle, "--db", path]) }
            }
            if run % 2 == 0 {
                seconds = min(seconds, try importInto(receiver))
                plainSeconds = min(plainSeconds, try importInto(plainReceiver))
            } else {
                plainSeconds = min(plainSeconds, try importInto(plainReceiver))
                seconds = min(seconds, try importInto(receiver))
            }
            func merge(_ pair: (String, String)) throws -> Double {
                try measure {
                    _ = try self.runChild(
                        self.executable,
                        ["org", "merge", pair.0, "--into", pair.1, "--yes", "--db", receiver]
                    )
                }
            }
            merges.others = min(merges.others, try merge(pairs.signedNothing))
            merges.signers = min(merges.signers, try merge(pairs.signedTheStatement))
        }
        BenchFolder.discard(receiver)
        BenchFolder.discard(plainReceiver)
        BenchFolder.discard(loaded)
        let rate = Double(changes) / seconds
        let plainRate = Double(changes) / plainSeconds
        report(
            "    into a database holding 100,000 signatures on one statement and 1,000 organisations merged after signing it "
                + "(built in \(Int(setup)) s): \(formatted(rate)) changes/s, \(Int((rate / plainRate * 100).rounded()))% of "
                + "the plain import interleaved with it (\(formatted(plainRate))/s; target ≥ 90%)"
        )
        report(
            "    `org merge` there, whole process: of two organisations that signed that statement \(milliseconds(merges.signers)), "
                + "of two that signed nothing \(milliseconds(merges.others)) (same run): \(String(format: "%.2fx", merges.signers / merges.others)) (target: no cliff)"
        )
    }

    private static func milliseconds(_ seconds: Double) -> String {
        "\(Int((seconds * 1_000).rounded())) ms"
    }

    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("signatory")
            .path
    }

    /// Two organisations to merge in the loaded database, by id.
    struct LoadedPairs {
        let signedTheStatement: (String, String)
        let signedNothing: (String, String)
    }

    /// A database with one statement signed by 100,000 organisations, 1,000 of which were then
    /// merged into other signers, trusting `card`; closed (its journal folded in) on return, ready to copy.
    private static func populateLoaded(_ path: String, trusting card: OfficeCard) throws -> LoadedPairs {
        let store = try Store.create(at: path, office: Office(name: "Bucharest", createdAt: Date()))
        try store.trust(card)
        let campaign = Campaign(name: "A year of campaigning", status: .active)
        var statement = JointStatement(
            campaignID: campaign.id,
            title: "Joint statement",
            body: "We ask states to act.",
            language: try LanguageTag("en")
        )
        let organisations = (0..<101_000).map {
            Organisation(name: "Held Organisation \($0)", acronym: "HO\($0)", ecosoc: $0 % 3 == 0 ? .special : .none)
        }
        try store.transaction {
            try store.findingDuplicatesOnce {
                try store.insert(campaign)
                try store.insert(statement)
                statement.status = .open
                try store.update(statement)
                try store.insert(organisations: organisations)
                for organisation in organisations[1_000...] {
                    try store.record(.signed, by: organisation.id, on: statement, source: .import)
                }
                for index in 0..<1_000 {
                    try store.mergeOrganisation(organisations[1_000 + index].id, into: organisations[2_000 + index].id)
                }
            }
        }
        let id = { (index: Int) in organisations[index].id.description }
        return LoadedPairs(signedTheStatement: (id(50_000), id(50_001)), signedNothing: (id(0), id(1)))
    }

    /// The 100 newest changes for a peer that has all the others, at two history sizes.
    static func exportBenchmark(folder: URL) throws {
        var timings: [(Int, Double)] = []
        for size in [10_000, self.sizes.max() ?? 1_000_000] {
            let path = folder.appendingPathComponent("receiver-\(size).db").path
            if !FileManager.default.fileExists(atPath: path) {
                let author = SyntheticOffice(name: "Geneva")
                let bundle = folder.appendingPathComponent("bundle-\(size).jsonl").path
                try author.writeBundle(of: RawOrganisationInsert.sample(size), to: bundle)
                let store = try Store.create(at: path, office: Office(name: "Bucharest", createdAt: Date()))
                try store.trust(author.card)
                _ = try BundleImporter(store: store).importBundle(at: bundle)
            }
            let store = try Store.open(at: path)
            let peer = ID<Office>()
            let author = try require(store.trustedOffices().first { $0.id != store.office.id })
            try store.transaction { try store.learn(that: peer, has: [author.id: Int64(size - 100)]) }
            let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
            var runs: [Double] = []
            for _ in 0..<201 {
                runs.append(
                    try measure {
                        _ = try BundleExporter(store: store).write(to: sink, known: try store.knowledge(of: peer))
                    }
                )
            }
            timings.append((size, runs.sorted()[runs.count / 2]))
        }
        let (small, large) = (timings[0], timings[1])
        report(
            "  export of the 100 newest changes (median of 201): \(String(format: "%.2f", small.1 * 1000)) ms at \(formatted(Double(small.0))) changes, \(String(format: "%.2f", large.1 * 1000)) ms at \(formatted(Double(large.0))) changes (\(String(format: "%.2f", large.1 / small.1))x; target ≤ 1.5x)"
        )
    }

    /// Runs the executable under GNU time and returns its peak resident memory in MB.
    ///
    /// GNU time forks a small process, so the figure is the import's own: a child forked from
    /// this benchmark would count the benchmark's memory as its own until it execs. What the
    /// child says to its user (e.g. that conflicts were found) is shown only when it fails.
    static func runChild(_ executable: String, _ arguments: [String]) throws -> Int {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "signatory-time-\(UUID().uuidString)"
        ).path
        let report = temporary + ".time"
        let messages = temporary + ".stderr"
        defer {
            unlink(report)
            unlink(messages)
        }
        guard FileManager.default.createFile(atPath: messages, contents: nil),
            let stderr = FileHandle(forWritingAtPath: messages)
        else { throw BenchFailure("cannot create \(messages)") }
        defer { try? stderr.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report, executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOfFile: messages, encoding: .utf8)) ?? ""
            throw BenchFailure("signatory \(arguments.joined(separator: " ")) failed: \(said)")
        }
        let kilobytes =
            try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n").last.flatMap { Int($0) } ?? 0
        return kilobytes / 1024
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw BenchFailure("missing value") }
    return value
}
