import Foundation
import TestSupport
import Testing

/// Bundles are what `Schema/bundle.schema.json` says they are, checked by an independent
/// validator (Python's jsonschema).
struct BundleSchemaTests {
    @Test func everyLineOfARealBundleValidates() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        try office.succeed(["statement", "edit", ids.statement, "--body", "A second wording."])
        try office.succeed(["contact", "remove", ids.humenuc, "--yes"])
        // An erasure: a critical change, and earlier changes whose values are left as digests.
        try office.succeed(["contact", "erase", ids.valle, "--reason", "asked to be forgotten", "--yes"])
        let bundle = office.folder.path("bundle.jsonl")
        try office.succeed(["sync", "export", "--plaintext", "--out", bundle])

        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = [
            "python3", packageRoot.appendingPathComponent("Scripts/lib/validate-bundle.py").path, bundle,
        ]
        let errors = Pipe()
        validator.standardError = errors
        validator.standardOutput = FileHandle.nullDevice
        try validator.run()
        validator.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(validator.terminationStatus == 0, "\(message)")
        let text = try String(contentsOfFile: bundle, encoding: .utf8)
        #expect(text.contains(#""critical":true"#) && text.contains(#""digest":""#))

        // And the validator is not a rubber stamp: a tampered line fails it.
        var lines = try String(contentsOfFile: bundle, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"sequence\":1", with: "\"sequence\":\"one\"")
        try (lines.joined(separator: "\n") + "\n").write(toFile: bundle, atomically: true, encoding: .utf8)
        let again = Process()
        again.executableURL = validator.executableURL
        again.arguments = validator.arguments
        again.standardError = FileHandle.nullDevice
        again.standardOutput = FileHandle.nullDevice
        try again.run()
        again.waitUntilExit()
        #expect(again.terminationStatus != 0)
    }
}
