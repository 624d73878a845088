import ArgumentParser
import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange signed change bundles with other offices, on a file or through a hub.",
        subcommands: [
            SyncExport.self, SyncImport.self, SyncPush.self, SyncPull.self, SyncNow.self, SyncStatusCommand.self,
            SyncDump.self,
        ]
    )
}

struct SyncExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the changes another office is not known to have to a bundle file.",
        discussion:
            "Without --for, every change held is written. Example: signatory sync export --out for-bucharest.jsonl --for Bucharest"
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The bundle file to write.") var out: String
    @Option(name: .customLong("for"), help: "The office the bundle is for: its name, id or id prefix.") var peer:
        String?

    func run() throws {
        let store = try self.database.open()
        let peer = try self.peer.map { try store.trustedOffice(matching: $0) }
        var exporter = BundleExporter(store: store)
        let progress = TerminalProgress("exporting", unit: "changes")
        exporter.progress = progress.update
        let summary = try exporter.export(to: self.out, for: peer)
        progress.finish()
        print("wrote \(summary.changes) change(s) from \(summary.offices) office(s) to \(self.out)")
    }
}

struct SyncImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a bundle from another office: all of it, or nothing when any part fails a check.",
        discussion: "Importing the same bundle again changes nothing. Example: signatory sync import from-geneva.jsonl"
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A bundle written by `signatory sync export`.") var file: String
    @Option(
        name: .customLong("max-skew"),
        help: "Refuse changes dated more than this many seconds ahead of this computer's clock."
    )
    var maxSkew: Int64 = BundleImporter.defaultMaximumSkew

    func validate() throws {
        guard (0...BundleImporter.largestMaximumSkew).contains(self.maxSkew) else {
            throw ValidationError(
                "--max-skew takes a number of seconds from 0 to \(BundleImporter.largestMaximumSkew), e.g. --max-skew 3600."
            )
        }
    }

    func run() throws {
        let store = try self.database.open()
        var importer = BundleImporter(store: store, maximumSkew: self.maxSkew)
        let progress = TerminalProgress("checking and applying", unit: "changes")
        importer.progress = progress.update
        let report: BundleImporter.Report
        do {
            report = try importer.importBundle(at: self.file)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        Output.text(
            "applied \(report.applied) new change(s) from \(report.fromName) (\(report.alreadyKnown) already held); \(report.openConflicts) open conflict(s), \(report.duplicatePairs) possible duplicate organisation pair(s)"
        )
        if report.openConflicts > 0 { Output.warn("review them with `signatory conflicts list`") }
        if report.duplicatePairs > 0 { Output.warn("review them with `signatory org duplicates`") }
    }
}

struct SyncDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print everything offices must agree on after a full exchange, sorted, to compare two offices."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        print(try self.database.open().canonicalDump(), terminator: "")
    }
}
