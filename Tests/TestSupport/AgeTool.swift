import Foundation

/// Debian's `age`, the reference implementation our encrypted bundles must agree with.
///
/// ```swift
/// try AgeTool.run(["-d", "-i", "bucharest.key", "-o", "plain.jsonl", "for-bucharest.age"])
/// ```
public enum AgeTool {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `age ARGS`; throws with what it printed when it fails.
    public static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["age"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "age \(arguments.joined(separator: " ")) failed: \(message)")
        }
    }
}
