import Foundation
import SignatoryBundles

/// A bundle's first line. A header that parses must be written back by `BundleHeader.line`
/// as a line that parses to the same header.
enum BundleHeaderTarget {
    static func run(_ input: [UInt8]) {
        let header: BundleHeader
        do throws(SyncError) {
            header = try BundleHeader.parse(input)
        } catch {
            check(error.isMalformed && !error.description.isEmpty, "a refused header is not reported as malformed")
            return
        }
        do {
            let line = try BundleHeader.line(header)
            let again = try BundleHeader.line(try BundleHeader.parse(line.dropLast()))
            check(again == line, "the header does not read back from its line")
        } catch {
            fatalError("a parsed header cannot be written and read back: \(error)")
        }
    }
}
