import ArgumentParser
import Foundation
import Logging
import SignatoryWeb

struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract:
            "Open this office's database in a browser: campaigns, statements, co-signers, imports, sheets, conflicts.",
        discussion: """
            Serves on this machine only (127.0.0.1) and prints an address with a one-time sign-in token; the first \
            browser to open it is signed in, so do not share it. Ctrl-C stops the app. Works offline: the pages \
            need no network.
            Example: signatory ui --db geneva.db --open
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The TCP port; 0 picks a free one.") var port = 0
    @Option(help: "The loopback address to listen on: 127.0.0.1, ::1 or localhost.") var host = "127.0.0.1"
    @Flag(help: "Open the address in the default browser (xdg-open).") var open = false

    func validate() throws {
        guard (0...65_535).contains(self.port) else {
            throw ValidationError("--port takes 0 to 65535, e.g. --port 8181.")
        }
        guard WebConfiguration.isLoopback(self.host) else {
            throw ValidationError(
                "--host takes 127.0.0.1, ::1 or localhost: the app has no TLS, so it serves this machine only."
            )
        }
    }

    func run() async throws {
        var logger = Logger(label: "signatory.ui")
        logger.logLevel = .warning
        let app = try WebApp(
            configuration: WebConfiguration(
                host: self.host,
                port: self.port,
                databasePath: try self.database.resolvedPath
            ),
            logger: logger
        )
        let open = self.open
        try await ListenFailure.explained(host: self.host, port: self.port) {
            try await app.run { url in
                // The app serves on when nothing can read its standard output.
                try? StandardStreams.write(Array("open \(url)\n".utf8))
                if open { Self.openInBrowser(url) }
            }
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        do {
            try process.run()
        } catch {
            StandardStreams.writeError("Could not start a browser (\(error)); open the address above.\n")
        }
    }
}
