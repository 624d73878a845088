import Crypto
import Foundation

/// The statement an office signs about its feed: "my feed is `sequence` long and ends in `hash`".
public struct FeedHead: Hashable, Sendable, Codable {
    public let office: ID<Office>
    public let sequence: Int64
    public let hash: String
    public let signature: String

    public init(office: ID<Office>, sequence: Int64, hash: String, signature: String) {
        self.office = office
        self.sequence = sequence
        self.hash = hash
        self.signature = signature
    }

    /// The exact text that is signed.
    public static func message(office: ID<Office>, sequence: Int64, hash: String) -> String {
        "signatory-feed-head-1\n\(office)\n\(sequence)\n\(hash)"
    }
}
