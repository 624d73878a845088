import ArgumentParser
import Foundation
import Logging
import SignatoryHub

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run this database as the coalition's hub: offices push and pull over HTTP, tools read /v1.",
        discussion: """
            Enrol each office first with `signatory hub enroll CARD`. Prints "listening on URL" once ready; --port 0
            picks a free port. SIGTERM or Ctrl-C stops taking requests and finishes those in flight. A hub other
            offices reach over a network serves HTTPS: give --tls-cert and --tls-key (PEM files).
            Example: signatory serve --db hub.db --host 0.0.0.0 --port 8443 --tls-cert hub.crt --tls-key hub.key
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The TCP port; 0 picks a free one.") var port = 8080
    @Option(name: .customLong("max-body-mb"), help: "The largest request body accepted, in MiB.") var maxBodyMB = 64
    @Option(help: "The most changes one pull page carries.") var pageLimit = 5_000
    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("The hub's certificate chain (PEM), its own certificate first.", valueName: "file")
    )
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The hub's private key (PEM).", valueName: "file"))
    var tlsKey: String?

    func validate() throws {
        // Brackets, as a URL writes an IPv6 address: one pair around the whole of one, or none.
        let bracketed = self.host.hasPrefix("[") && self.host.hasSuffix("]") && self.host.count > 2
        let inner = bracketed ? self.host.dropFirst().dropLast() : Substring(self.host)
        guard !inner.contains("["), !inner.contains("]"), !bracketed || inner.contains(":") else {
            throw ValidationError(
                "--host takes a host name or an address, an IPv6 one bare or in one pair of brackets: e.g. --host 0.0.0.0, --host ::1 or --host [::1]."
            )
        }
        guard (0...65_535).contains(self.port) else {
            throw ValidationError("--port takes 0 to 65535, e.g. --port 8080.")
        }
        guard (1...4_096).contains(self.maxBodyMB) else {
            throw ValidationError("--max-body-mb takes 1 to 4096, e.g. --max-body-mb 64.")
        }
        guard (1...1_000_000).contains(self.pageLimit) else {
            throw ValidationError("--page-limit takes 1 to 1000000, e.g. --page-limit 5000.")
        }
        guard (self.tlsCertificate == nil) == (self.tlsKey == nil) else {
            throw ValidationError("HTTPS needs both files: --tls-cert hub.crt --tls-key hub.key.")
        }
    }

    func run() async throws {
        var logger = Logger(label: "signatory.hub")
        logger.logLevel = .info
        let hub = try HubServer(
            configuration: HubConfiguration(
                host: self.host,
                port: self.port,
                databasePath: try self.database.resolvedPath,
                maximumBodyBytes: self.maxBodyMB << 20,
                pageLimit: self.pageLimit,
                tls: self.tlsCertificate.flatMap { certificate in
                    self.tlsKey.map { HubConfiguration.TLSFiles(certificateChain: certificate, privateKey: $0) }
                }
            ),
            logger: logger
        )
        if self.tlsCertificate == nil && !["127.0.0.1", "localhost", "::1", "[::1]"].contains(self.host.lowercased()) {
            Output.warn(
                "warning: serving plain HTTP on \(self.host): every contact an office syncs crosses the network in the clear; give --tls-cert and --tls-key to serve HTTPS"
            )
        }
        try await ListenFailure.explained(host: self.host, port: self.port) {
            try await hub.run { url in
                // The hub serves on when nothing can read its standard output.
                try? StandardStreams.write(Array("listening on \(url)\n".utf8))
            }
        }
    }
}
