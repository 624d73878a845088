import Foundation

/// What a run of the `signatory` executable printed and how it exited.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Standard output without the final newline, e.g. the id an add command printed.
    public var output: String { self.stdout.trimmingCharacters(in: .newlines) }
}

/// The built `signatory` executable (`swift build` puts it beside the test bundle; set
/// `SIGNATORY_BIN` to test another build).
public enum SignatoryExecutable {
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["SIGNATORY_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return bundle.deletingLastPathComponent().appendingPathComponent("signatory")
    }()

    /// Runs `signatory` with `arguments` in `directory`, with no standard input.
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files rather than pipes, so a long output cannot fill a pipe and stall the process.
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = self.url
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["SIGNATORY_DB"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        process.currentDirectoryURL = directory ?? folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
        )
    }
}
