import Foundation
import SignatoryDomain

/// A bundle's change line: parsed, its values checked, its hash computed. A change that
/// parses must be JSON (as Foundation reads it) and come back unchanged from its own `jsonLine`.
enum ChangeLineTarget {
    static func run(_ input: [UInt8]) {
        guard let change = Change(jsonBytes: input) else {
            self.runUnapplied(input)
            return
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(input))
        } catch {
            fatalError("a change line that is not JSON was accepted: \(error)")
        }
        do { try change.validateValues() } catch { _ = "\(error)" }
        // Only a format-1 line with erased values has no hash to recompute.
        check(
            change.computedHash.map { $0.utf8.count == 64 }
                ?? change.fields.values.contains { $0.commitment == .erasedFormer },
            "computedHash is not 64 hex digits"
        )
        // `jsonLine` writes both hashes as they are, so the round trip is promised for hex
        // hashes only: an import refuses any other before it stores or forwards the change.
        guard self.isHex(change.previousHash), self.isHex(change.hash) else { return }
        let line = change.jsonLine
        check(Change(jsonBytes: Array(line.utf8)) == change, "the change does not read back from its jsonLine: \(line)")
    }

    /// A line of a kind a later minor added: never also a change, and it reads back from its own line.
    private static func runUnapplied(_ input: [UInt8]) {
        guard let kept = UnappliedChange(jsonBytes: input) else { return }
        do { try kept.validate() } catch { _ = "\(error)" }
        check(kept.computedHash?.utf8.count == 64, "computedHash of a kept change is not 64 hex digits")
        guard self.isHex(kept.previousHash), self.isHex(kept.hash) else { return }
        let line = Array(kept.jsonLine.utf8)
        check(Change(jsonBytes: line) == nil, "a kept change also reads as a change")
        check(UnappliedChange(jsonBytes: line) == kept, "the kept change does not read back from its jsonLine")
    }

    private static func isHex(_ text: String) -> Bool {
        text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
        }
    }
}
