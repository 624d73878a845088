import Foundation
import SignatoryDomain
import SignatoryExport
import Testing

struct ReadableValueTests {
    @Test func aTimeKeptInMillisecondsReadsAsAUTCTime() {
        #expect(FieldValue.integer(1_796_446_092_267).readable(field: "recordedAt") == "2026-12-05 04:48:12 UTC")
        // Other numbers stay numbers.
        #expect(FieldValue.integer(1_796_446_092_267).readable(field: "ecosocYear") == "1796446092267")
        #expect(FieldValue.text("Thierry Valle").readable(field: "fullName") == "Thierry Valle")
        // A synced value can be anything: the extremes print, they do not trap.
        for extreme in [Int64.max, Int64.min] {
            #expect(FieldValue.integer(extreme).readable(field: "recordedAt").hasSuffix("UTC"))
        }
    }
}
