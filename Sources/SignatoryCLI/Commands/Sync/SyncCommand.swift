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
        abstract: "Write the changes other offices are not known to have to a bundle file, encrypted for them.",
        discussion: """
            The bundle holds every change one of the --for offices is not known to have, encrypted (age v1) so that \
            only those offices can read it. --plaintext writes it unencrypted, readable by anyone who gets the file; \
            without --for it then holds every change.
            Example: signatory sync export --out for-bucharest.age --for Bucharest
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The bundle file to write.") var out: String
    @Option(
        name: .customLong("for"),
        help: "An office the bundle is for: its name, id or id prefix. Repeat it for several offices."
    )
    var peers: [String] = []
    @Flag(help: "Write every change held, not only what the --for offices lack.") var all = false
    @Flag(help: "Write the bundle unencrypted: anyone who gets the file can read every contact in it.")
    var plaintext = false

    func validate() throws {
        guard !self.peers.isEmpty || self.plaintext else {
            throw ValidationError(
                "Name the office the bundle is for, e.g. --for Bucharest (repeat --for for several); it is encrypted for them. To write an unencrypted bundle, add --plaintext."
            )
        }
    }

    func run() throws {
        let store = try self.database.open()
        var peers: [ID<Office>] = []
        for reference in self.peers {
            let office = try store.trustedOffice(matching: reference)
            if !peers.contains(office) { peers.append(office) }
        }
        let recipients = self.plaintext ? [] : try peers.map { try store.recipient(of: $0) }
        var exporter = BundleExporter(store: store)
        let progress = TerminalProgress("exporting", unit: "changes")
        exporter.progress = progress.update
        let summary = try exporter.export(to: self.out, for: self.all ? [] : peers, encryptedFor: recipients)
        progress.finish()
        let names = try peers.compactMap { try store.trustedOffice($0)?.name }
        let how = self.plaintext ? "unencrypted" : "encrypted for \(names.joined(separator: ", "))"
        Output.text("wrote \(summary.changes) change(s) from \(summary.offices) office(s) to \(self.out), \(how)")
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
        let protected = try store.protectedIdentities()
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
        for note in try report.setAsideNotes(in: store) { Output.warn(note) }
        if report.openConflicts > 0 { Output.warn("review them with `signatory conflicts list`") }
        if report.duplicatePairs > 0 { Output.warn("review them with `signatory org duplicates`") }
        try LookalikeWarning.warnAfterReceiving(into: store, protectedBefore: protected)
        ErasureWarning.warnIfValuesLinger(store)
    }
}

struct SyncDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print everything offices must agree on after a full exchange, sorted, to compare two offices."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        StandardStreams.text(try self.database.open().canonicalDump())
    }
}
