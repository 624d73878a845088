public import Foundation

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
    /// `standardOutput` or `standardError` names a file (e.g. `/dev/full`) to write instead of
    /// capturing; the result then holds nothing for it.
    public static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        in directory: URL? = nil,
        standardOutput: String? = nil,
        standardError: String? = nil
    ) throws -> CommandResult {
        try self.start(
            arguments,
            environment: environment,
            in: directory,
            standardOutput: standardOutput,
            standardError: standardError
        ).wait()
    }

    /// Starts `signatory` without waiting for it.
    public static func start(
        _ arguments: [String],
        environment: [String: String] = [:],
        in directory: URL? = nil,
        standardOutput: String? = nil,
        standardError: String? = nil
    ) throws -> RunningCommand {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signatory-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Files rather than pipes, so a long output cannot fill a pipe and stall the process.
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = self.url
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["SIGNATORY_DB"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        process.currentDirectoryURL = directory ?? folder
        process.standardInput = FileHandle.nullDevice
        let outputURL = standardOutput.map(URL.init(fileURLWithPath:)) ?? stdoutURL
        let errorURL = standardError.map(URL.init(fileURLWithPath:)) ?? stderrURL
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        return RunningCommand(process: process, folder: folder)
    }
}

/// A `signatory` process that was started and not yet waited for.
public struct RunningCommand {
    let process: Process
    let folder: URL

    /// Waits for the process to end, or kills it after `seconds` (a guard against a hang, not a
    /// timing) and returns `nil`.
    public func wait(killingAfter seconds: TimeInterval) throws -> CommandResult? {
        let deadline = Date().addingTimeInterval(seconds)
        while self.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !self.process.isRunning else {
            kill(self.process.processIdentifier, SIGKILL)
            _ = try self.wait()
            return nil
        }
        return try self.wait()
    }

    /// Waits for the process to end and returns what it printed.
    public func wait() throws -> CommandResult {
        self.process.waitUntilExit()
        defer { removeOwnFiles(in: self.folder) }
        return CommandResult(
            status: self.process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: self.folder.appendingPathComponent("stdout")), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: self.folder.appendingPathComponent("stderr")), as: UTF8.self)
        )
    }
}
