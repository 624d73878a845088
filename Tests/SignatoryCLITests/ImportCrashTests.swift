import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An import killed with SIGKILL at random points, then run again, ends exactly where an
/// uninterrupted import ends, in a database that passes SQLite's integrity check.
struct ImportCrashTests {
    /// Enough changes that an optimised build's import runs long enough for the kills to land
    /// inside it however fast the machine is that day.
    static let organisations = 30_000

    @Test func anImportKilledAtRandomPointsCompletesWhenRunAgain() throws {
        let folder = try TemporaryDirectory()
        let source = try Store.create(at: folder.path("geneva.db"), office: Office(name: "Geneva", createdAt: Date()))
        try source.insert(
            organisations: (0..<Self.organisations).map { index in
                Organisation(
                    name: "Organisation \(index)",
                    acronym: "O\(index)",
                    country: try? CountryCode(["FR", "RO", "CH"][index % 3])
                )
            }
        )
        let bundle = folder.path("bundle.jsonl")
        _ = try BundleExporter(store: source).export(to: bundle)
        try source.officeCard().write(to: folder.path("geneva.card"))

        let reference = OfficeAtPath(folder.path("reference.db"))
        try reference.run(["init", "--office", "Bucharest"])
        try reference.run(["office", "trust", folder.path("geneva.card")])
        let crashed = OfficeAtPath(folder.path("crashed.db"))
        try FileManager.default.copyItem(atPath: reference.path, toPath: crashed.path)

        let started = Date()
        try reference.run(["sync", "import", bundle])
        let duration = Date().timeIntervalSince(started)

        let seed = SeededRandom.seedFromEnvironment()
        print("ImportCrashTests: SIGNATORY_SEED=\(seed) replays these kill times")
        var random = SeededRandom(seed: seed)
        let total = try reference.changeCount()
        for _ in 0..<4 {
            let process = Process()
            process.executableURL = SignatoryExecutable.url
            process.arguments = ["sync", "import", bundle, "--db", crashed.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Within the first half of a whole import: a run may be faster than the measured one.
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...max(0.1, duration * 0.5), using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Each kill must land mid-import: the signal ended the process, before it committed.
            #expect(
                process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                "seed \(seed)"
            )
            #expect(try crashed.changeCount() < total, "seed \(seed): the import had finished before the kill")
        }
        try crashed.run(["sync", "import", bundle])

        #expect(try crashed.run(["sync", "dump"]) == reference.run(["sync", "dump"]))
        let store = try Store.open(at: crashed.path)
        #expect(try store.database.prepare("PRAGMA integrity_check").firstRow { $0.text(0) } == "ok")
        #expect(try store.organisations().count == Self.organisations)
    }
}

/// A database driven by the executable with `--db`.
struct OfficeAtPath {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    /// How many changes the database holds, counted without the executable.
    func changeCount() throws -> Int64 {
        try Store.open(at: self.path).changeCount()
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try SignatoryExecutable.run(arguments + ["--db", self.path])
        guard result.status == 0 else { throw CommandFailure(arguments: arguments, message: result.stderr) }
        return result.stdout
    }

    struct CommandFailure: Error, CustomStringConvertible {
        let arguments: [String]
        let message: String
        var description: String { "signatory \(self.arguments.joined(separator: " ")) failed: \(self.message)" }
    }
}

extension OfficeCard {
    func write(to path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path))
    }
}
