public import Foundation

/// A `signatory serve` process on a free loopback port, stopped with SIGTERM when released.
///
/// ```swift
/// let hub = try HubProcess(database: folder.path("hub.db"))
/// print(hub.url)   // http://127.0.0.1:41234
/// ```
public final class HubProcess: @unchecked Sendable {
    // Set once in init; `stop` is called from one test at a time.
    public let url: String
    public let log: URL
    private let process: Process

    public init(database: String, arguments: [String] = []) throws {
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        let output = folder.appendingPathComponent("hub-\(UUID().uuidString).out")
        self.log = folder.appendingPathComponent("hub-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: self.log.path, contents: nil)
        let process = Process()
        process.executableURL = SignatoryExecutable.url
        process.arguments = ["serve", "--db", database, "--port", "0"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: self.log)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while true {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                self.url = String(line.dropFirst("listening on ".count))
                return
            }
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw HubFailure(
                    description: "the hub did not start: \((try? String(contentsOf: self.log, encoding: .utf8)) ?? "")"
                )
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// What the hub has logged so far.
    public var logText: String { (try? String(contentsOf: self.log, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if self.process.isRunning {
            self.process.terminate()
            self.process.waitUntilExit()
        }
        return self.process.terminationStatus
    }

    deinit {
        _ = self.stop()
    }

    public struct HubFailure: Error, CustomStringConvertible {
        public let description: String
    }
}
