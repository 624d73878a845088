import ArgumentParser
import Foundation
import SignatoryBundles
import SignatoryExport
import SignatoryHubClient
import SignatoryStore

/// `--hub URL` and how the hub is trusted, shared by the commands that sync through a hub;
/// without `--hub`, the hub that `signatory hub remote set` remembered.
struct HubOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The hub's address, e.g. https://hub.example.org:8443 (default: the one `hub remote set` remembered).",
            valueName: "url"
        )
    )
    var hub: String?
    @Option(
        name: .customLong("hub-ca"),
        help: ArgumentHelp(
            "A PEM file of the certificate authority that vouches for the hub, instead of the system's (a coalition's own).",
            valueName: "file"
        )
    )
    var hubCA: String?
    @Flag(help: "Allow a plain http:// hub on another computer: anyone on the way can read what is synced.")
    var insecure = false

    /// Runs `body` with a client for the hub, closed when `body` returns or throws.
    func withClient<T>(for store: Store, _ body: (HubClient) async throws -> T) async throws -> T {
        guard let address = try self.hub ?? store.rememberedHub() else {
            throw ValidationError(
                "No hub given: add --hub URL, or remember one with `signatory hub remote set URL`."
            )
        }
        let client: HubClient
        do {
            client = try HubClient(
                url: address,
                store: store,
                trust: HubTrust(certificateAuthorityFile: self.hubCA, allowsPlainHTTP: self.insecure)
            )
        } catch let error as HubClientError {
            // The address is quoted back: a line break typed in it must not start a line of its own.
            let message = TerminalText.neutralised(error.description, multiline: false)
            throw ValidationError(
                error.isPlainHTTP ? message + ", or add --insecure to send it in the clear." : message
            )
        }
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

struct SyncPush: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the hub every change it does not hold; it checks them as a file import does.",
        discussion: "Example: signatory sync push --hub https://hub.example.org:8443"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var hub: HubOptions

    func run() async throws {
        let store = try self.database.open()
        let result = try await self.hub.withClient(for: store) { try await SyncPush.push(with: $0) }
        StandardStreams.line(SyncPush.summary(result))
    }
}

extension SyncPush {
    /// Pushes page by page, showing on a terminal how far a long push has got.
    static func push(with client: HubClient) async throws -> HubClient.PushResult {
        let progress = TerminalProgress("pushing", unit: "changes")
        defer { progress.finish() }
        return try await client.push { sent, _, total in progress.update(sent, total) }
    }
}

struct SyncPull: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Fetch every change this office lacks from the hub and apply them, all or nothing.",
        discussion: "Example: signatory sync pull --hub https://hub.example.org:8443"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var hub: HubOptions

    func run() async throws {
        let store = try self.database.open()
        let protected = try store.protectedIdentities()
        try await self.hub.withClient(for: store) { try await SyncPull.pull(with: $0, into: store) }
        try LookalikeWarning.warnAfterReceiving(into: store, protectedBefore: protected)
    }

    static func pull(with client: HubClient, into store: Store) async throws {
        let fetching = TerminalProgress("pulling", unit: "changes")
        let applying = TerminalProgress("checking and applying", unit: "changes")
        let report: BundleImporter.Report?
        do {
            report = try await client.pull(
                progress: { fetching.update($0.done, $0.total) },
                applying: { done, total in
                    fetching.finish()
                    applying.update(done, total)
                }
            )
            fetching.finish()
            applying.finish()
        } catch {
            fetching.finish()
            applying.finish()
            throw error
        }
        for office in try await client.untrustedFeeds() {
            Output.warn(
                "note: the hub also holds changes from office \(office), which this office does not trust; "
                    + "get its card from that office and run `signatory office trust CARD` to receive them"
            )
        }
        guard let report else { return StandardStreams.line("already up to date") }
        StandardStreams.line(
            "pulled \(report.applied) new change(s); \(report.openConflicts) open conflict(s), \(report.duplicatePairs) duplicate pair(s)"
        )
        for note in try report.setAsideNotes(in: store) { Output.warn(note) }
    }
}

struct SyncNow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Push to the hub, then pull from it (even when the push fails).",
        discussion: "Example: signatory sync now --hub https://hub.example.org:8443"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var hub: HubOptions

    func run() async throws {
        let store = try self.database.open()
        let protected = try store.protectedIdentities()
        do {
            try await self.hub.withClient(for: store) { client in
                // What other offices sent (an at-risk flag among it) must still arrive when this
                // office's push cannot go through; the push's failure is reported after the pull.
                let pushFailure: HubClientError?
                do {
                    StandardStreams.line(SyncPush.summary(try await SyncPush.push(with: client)))
                    pushFailure = nil
                } catch let error as HubClientError where error.status != nil {
                    // The hub answered but refused: it can still be pulled from.
                    pushFailure = error
                }
                try await SyncPull.pull(with: client, into: store)
                if let pushFailure { throw pushFailure }
            }
        } catch {
            // What the pull applied before a push refused is kept, and so is its warning.
            try LookalikeWarning.warnAfterReceiving(into: store, protectedBefore: protected)
            throw error
        }
        try LookalikeWarning.warnAfterReceiving(into: store, protectedBefore: protected)
    }
}

extension SyncPush {
    /// "pushed 8 change(s), 8 of them new to the hub"
    static func summary(_ result: HubClient.PushResult) -> String {
        guard result.sent > 0 else { return "pushed 0 change(s): the hub already holds every change this office has" }
        return "pushed \(result.sent) change(s), \(result.applied) of them new to the hub"
    }
}
