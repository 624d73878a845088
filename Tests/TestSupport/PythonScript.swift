import Foundation

/// Runs a short Python 3 script, for checking our output with a reader we did not write.
///
/// ```swift
/// let rows = try PythonScript.run("import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin))))", input: bytes)
/// ```
public enum PythonScript {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func run(_ script: String, input: [UInt8]) throws -> String {
        let folder = try TemporaryDirectory()
        let inputPath = folder.path("input")
        let outputPath = folder.path("output")
        _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input))
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 failed (\(process.terminationStatus)): \(output)")
        }
        return output
    }

    /// Runs a script that prints JSON, and decodes it.
    public static func json(_ script: String, input: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try self.run(script, input: input).utf8))
    }
}
