import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryHubClient
import SignatoryStore

/// 50 offices, each with 1,000 changes of its own, push to one `signatory serve` hub on loopback
/// at the same time, then pull everything the others pushed; afterwards every office and the hub
/// must hold the same 50,000 changes and the same records.
enum HubBenchmark {
    static let offices = Int(ProcessInfo.processInfo.environment["HUB_BENCH_OFFICES"] ?? "") ?? 50
    static let changesPerOffice = 1_000
    /// Rounds of pushes, each followed by the file import it is compared with: the machine is
    /// shared, and the fastest of five moves less from run to run than the fastest of three.
    static let rounds = 5

    static func run() async throws {
        let bench = try BenchFolder()
        defer { bench.finish() }
        let folder = bench.url
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("signatory").path

        let hubPath = folder.appendingPathComponent("hub.db").path
        let paths = try self.makeOffices(folder: folder, hubPath: hubPath)
        let cards = try paths.map { try Store.open(at: $0).officeCard() }

        // The pushes are timed five times from the same databases, and after each round the same
        // changes are imported as one file, so that both figures see the same moments of a shared
        // machine; the fastest round of each counts.
        let databases = [hubPath] + paths
        try Self.copy(databases, adding: Self.unpushed)
        var server: Process?
        var pushSeconds = Double.infinity
        var readySeconds = Double.infinity
        var pushLatencies: [Double] = []
        var rounds: [Double] = []
        var fileSeconds = Double.infinity
        var bundle: (path: String, changes: Int64)?
        var hubURL = ""
        for round in 0..<Self.rounds {
            if let running = server {
                running.terminate()
                running.waitUntilExit()
                try Self.restore(databases, from: Self.unpushed)
            }
            let (process, url) = try await Self.startHub(executable, database: hubPath, folder: folder)
            server = process
            hubURL = url
            let line = StartingLine(runners: paths.count)
            let (seconds, latencies) = try await self.concurrently(paths) { path in
                let store = try Store.open(at: path)
                let client = try HubClient(url: url, store: store)
                var failure: (any Error)?
                _ = try await client.push { sent, _, _ in
                    if sent == 0 { do { try line.arrive() } catch { failure = error } }
                }
                try await client.shutdown()
                if let failure { throw failure }
            }
            let ended = DispatchTime.now().uptimeNanoseconds
            readySeconds = min(readySeconds, Double(ended - (try require(line.releasedAt))) / 1e9)
            rounds.append(seconds)
            if seconds < pushSeconds { (pushSeconds, pushLatencies) = (seconds, latencies) }
            let file = try bundle ?? Self.exportAll(hubPath, folder: folder)
            bundle = file
            fileSeconds = min(
                fileSeconds,
                try Self.importAsOneFile(file.path, round: round, cards: cards, folder: folder, executable: executable)
            )
        }
        for path in databases {
            BenchFolder.discard(path + Self.unpushed)
            BenchFolder.discard(path + Self.unpushed + "-wal")
        }
        if let bundle { BenchFolder.discard(bundle.path) }
        let hub = try require(server)
        let servedURL = hubURL
        defer { if hub.isRunning { hub.terminate() } }
        // Each office fetches its pages at once with the others; then imports them on its own
        // computer, which the offices here share: each import runs alone and is added to its fetch.
        let fetched = Fetched()
        let (fetchSeconds, fetchLatencies) = try await self.concurrently(paths) { path in
            let store = try Store.open(at: path)
            let client = try HubClient(url: servedURL, store: store)
            let assembler = try await client.fetch()
            try await client.shutdown()
            await fetched.keep(assembler, for: path)
        }
        let peak = Self.peakMemoryMB(of: hub.processIdentifier)
        hub.terminate()
        hub.waitUntilExit()
        var pullLatencies: [Double] = []
        var importSeconds: [Double] = []
        for (index, path) in paths.enumerated() {
            let assembler = try require(await fetched.take(path))
            let store = try Store.open(at: path)
            let seconds = try measure {
                _ = try BundleImporter(store: store).importBundle(from: try assembler.finish())
            }
            importSeconds.append(seconds)
            pullLatencies.append(fetchLatencies[index] + seconds)
        }
        let fileRate = Double(try require(bundle).changes) / fileSeconds

        // Every office and the hub hold all changes and agree on every record.
        let expected = try Store.open(at: hubPath)
        let total = try expected.versionVector().values.reduce(0, +)
        let dump = try expected.canonicalDump()
        var converged = 0
        for path in paths {
            let store = try Store.open(at: path)
            if try store.versionVector().values.reduce(0, +) == total, try store.canonicalDump() == dump {
                converged += 1
            }
        }
        let lost = Int64(self.offices * self.changesPerOffice) - total
        let pushRate = Double(self.offices * self.changesPerOffice) / pushSeconds
        let readyRate = Double(self.offices * self.changesPerOffice) / readySeconds
        report(
            "hub: \(self.offices) offices × \(formatted(Double(self.changesPerOffice))) changes, concurrent on loopback"
        )
        report(
            "  push, fastest of \(Self.rounds) rounds (\(rounds.map { String(format: "%.1f", $0) }.joined(separator: ", ")) s): "
                + "\(String(format: "%.1f", Double(self.offices) / pushSeconds)) pushes/s "
                + "(\(formatted(pushRate)) changes/s, \(Int((pushRate / fileRate * 100).rounded()))% of `sync import` of the same changes as one file, best of \(Self.rounds) rounds between the pushes, \(formatted(fileRate)) changes/s); "
                + "from every office's first page ready, the hub's own: \(formatted(readyRate)) changes/s, \(Int((readyRate / fileRate * 100).rounded()))% (target ≥ 80%); "
                + "latency p50 \(Self.milliseconds(pushLatencies, 0.5)) ms, p99 \(Self.milliseconds(pushLatencies, 0.99)) ms"
        )
        report(
            "  pull of the other \(formatted(Double((self.offices - 1) * self.changesPerOffice))) changes each: "
                + "fetch, all offices at once, in \(String(format: "%.1f", fetchSeconds)) s, latency p50 \(Self.milliseconds(fetchLatencies, 0.5)) ms, p99 \(Self.milliseconds(fetchLatencies, 0.99)) ms; "
                + "import alone p50 \(Self.milliseconds(importSeconds, 0.5)) ms; "
                + "fetch and import p50 \(Self.milliseconds(pullLatencies, 0.5)) ms, p99 \(Self.milliseconds(pullLatencies, 0.99)) ms (target < 15 s, < 30 s)"
        )
        report("  hub peak memory \(peak) MB; converged \(converged) of \(self.offices) offices; changes lost: \(lost)")
        guard converged == self.offices, lost == 0 else { throw BenchFailure("the offices did not converge") }
    }

    /// The offices' databases, each with organisations of its own and trusting the others, all
    /// enrolled at the hub's database made at `hubPath`; closed when this returns.
    private static func makeOffices(folder: URL, hubPath: String) throws -> [String] {
        let hubStore = try Store.create(at: hubPath, office: Office(name: "Hub", createdAt: Date()))
        var paths: [String] = []
        var cards: [OfficeCard] = []
        for index in 0..<self.offices {
            let path = folder.appendingPathComponent("office-\(index).db").path
            let store = try Store.create(at: path, office: Office(name: "Office \(index)", createdAt: Date()))
            // Each office adds organisations of its own, as offices in different countries do
            // (with one acronym shared by all 50 offices, each would look like 49 others: 1.2
            // million duplicate pairs in every database).
            let organisations = RawOrganisationInsert.sample(self.changesPerOffice).map { sample in
                Organisation(
                    name: "\(sample.name) (office \(index))",
                    acronym: sample.acronym.map { "\($0)-\(index)" },
                    country: sample.country,
                    ecosoc: sample.ecosoc
                )
            }
            try store.insert(organisations: organisations)
            paths.append(path)
            cards.append(try store.officeCard())
        }
        for (index, path) in paths.enumerated() {
            let store = try Store.open(at: path)
            try store.transaction {
                for (other, card) in cards.enumerated() where other != index { try store.trust(card) }
            }
            try hubStore.enrol(cards[index], audience: .internal)
        }
        return paths
    }

    /// The suffix of the databases' copies that every round of pushes starts from.
    private static let unpushed = ".unpushed"

    /// Copies each closed database (and its write-ahead log, if one is left) to its name plus `suffix`.
    private static func copy(_ databases: [String], adding suffix: String) throws {
        for path in databases {
            for file in ["", "-wal"] where FileManager.default.fileExists(atPath: path + file) {
                try FileManager.default.copyItem(atPath: path + file, toPath: path + suffix + file)
            }
        }
    }

    /// Puts back the copies made by `copy(_:adding:)`, once nothing has the databases open.
    private static func restore(_ databases: [String], from suffix: String) throws {
        for path in databases {
            for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
            for file in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix + file) {
                try FileManager.default.copyItem(atPath: path + suffix + file, toPath: path + file)
            }
        }
    }

    /// Starts `signatory serve` on a free loopback port; returns it and its URL once it listens.
    private static func startHub(_ executable: String, database: String, folder: URL) async throws -> (Process, String)
    {
        let hub = Process()
        hub.executableURL = URL(fileURLWithPath: executable)
        hub.arguments = ["serve", "--db", database, "--port", "0"]
        let output = folder.appendingPathComponent("hub.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        hub.standardOutput = try FileHandle(forWritingTo: output)
        hub.standardError = FileHandle.nullDevice
        try hub.run()
        var url = ""
        while url.isEmpty {
            try await Task.sleep(nanoseconds: 50_000_000)
            url =
                ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n")
                .first { $0.hasPrefix("listening on ") }.map { String($0.dropFirst(13)) } ?? ""
        }
        return (hub, url)
    }

    /// The bundles fetched by offices pulling at once, until each is imported.
    private actor Fetched {
        private var assemblers: [String: BundleAssembler] = [:]

        func keep(_ assembler: BundleAssembler?, for path: String) {
            self.assemblers[path] = assembler
        }

        func take(_ path: String) -> BundleAssembler? {
            self.assemblers.removeValue(forKey: path)
        }
    }

    /// Every change the hub holds, written as one bundle file in `folder`; returns its path and
    /// how many changes it holds.
    private static func exportAll(_ hubPath: String, folder: URL) throws -> (path: String, changes: Int64) {
        let bundle = folder.appendingPathComponent("all.jsonl").path
        let hub = try Store.open(at: hubPath)
        _ = FileManager.default.createFile(atPath: bundle, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: bundle))
        _ = try BundleExporter(store: hub).write(to: handle, known: [:])
        try handle.close()
        return (bundle, try hub.versionVector().values.reduce(0, +))
    }

    /// The seconds `signatory sync import` takes to import `bundle` into a new database that
    /// trusts the offices: the baseline of the pushes.
    private static func importAsOneFile(
        _ bundle: String,
        round: Int,
        cards: [OfficeCard],
        folder: URL,
        executable: String
    ) throws -> Double {
        let path = folder.appendingPathComponent("file-import-\(round).db").path
        // Closed before the import, so that nothing of it stays open once the file is discarded.
        do {
            let store = try Store.create(at: path, office: Office(name: "File import", createdAt: Date()))
            try store.transaction { for card in cards { try store.trust(card) } }
        }
        defer { BenchFolder.discard(path) }
        return try measure { _ = try SyncBenchmark.runChild(executable, ["sync", "import", bundle, "--db", path]) }
    }

    /// Runs `body` for every item at once, each on a thread of its own (``OfficeExecutor``);
    /// returns the wall time and each item's duration.
    private static func concurrently(
        _ items: [String],
        _ body: @escaping @Sendable (String) async throws -> Void
    ) async throws -> (Double, [Double]) {
        let start = DispatchTime.now().uptimeNanoseconds
        let latencies = try await withThrowingTaskGroup(of: Double.self) { group in
            for item in items {
                group.addTask(executorPreference: OfficeExecutor()) {
                    let begin = DispatchTime.now().uptimeNanoseconds
                    try await body(item)
                    return Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, latencies)
    }

    private static func milliseconds(_ samples: [Double], _ quantile: Double) -> String {
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * quantile).rounded(.up)) - 1)
        return formatted(sorted[max(0, index)] * 1000)
    }

    /// The largest resident set the process has had (`VmHWM`), in MB.
    private static func peakMemoryMB(of pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
