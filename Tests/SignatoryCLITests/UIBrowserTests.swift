import Foundation
import TestSupport
import Testing

/// `signatory ui` in a real browser (Debian's chromium through Selenium, which `Scripts/test`
/// installs): a coordinator's day through the pages ends in the same records as the same
/// steps through the CLI.
struct UIBrowserTests {
    @Test(.timeLimit(.minutes(10)))
    func aCoordinatorsDayInTheBrowserEqualsTheSameStepsInTheCLI() throws {
        let folder = try TemporaryDirectory()
        // Screenshots at 1280×800 stay under .build for a reviewer to look at.
        let screenshots = packageRoot.appendingPathComponent(".build/ui-screenshots")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", packageRoot.appendingPathComponent("Tests/Browser/walkthrough.py").path,
            "--signatory", SignatoryExecutable.url.path, "--workdir", folder.url.path, "--screenshots",
            screenshots.path,
        ]
        let log = folder.url.appendingPathComponent("walkthrough.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        try #require(process.terminationStatus == 0, "walkthrough.py failed: \(output)")
        #expect(output.contains("walked through"))

        let throughPages = try Self.normalisedDump(folder.path("ui/geneva.db"))
        let throughCLI = try Self.normalisedDump(folder.path("cli/geneva.db"))
        #expect(throughPages == throughCLI)
        // The negative control: the dumps hold what the steps wrote, the settled conflict included.
        #expect(throughPages.contains { $0.contains("CAP Liberte de Conscience (Paris)") })
        #expect(throughPages.contains { $0.contains("Association des Droits de l'Homme") })
        #expect(!throughPages.contains { $0.hasPrefix("conflict ") })
    }

    /// `sync dump` with ids and times, which differ between two runs of the same steps, blanked
    /// out, in sorted order.
    static func normalisedDump(_ path: String) throws -> [String] {
        let dump = try SignatoryExecutable.run(["sync", "dump", "--db", path])
        try #require(dump.status == 0, "\(dump.stderr)")
        return dump.stdout.split(separator: "\n").map { line in
            String(line)
                .replacingOccurrences(
                    of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    with: "<id>",
                    options: .regularExpression
                )
                .replacingOccurrences(of: "\\b[0-9]{10,}\\b", with: "<time>", options: .regularExpression)
        }
        .sorted()
    }
}
