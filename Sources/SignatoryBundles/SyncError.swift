import SignatoryDomain

/// Why a bundle was refused. Nothing of a refused bundle is applied.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case unreadable(path: String, detail: String)
        case malformed(line: Int, detail: String)
        case unsupportedVersion(String)
        case untrusted(office: String, sequence: Int64)
        case revoked(office: String)
        case revokedHere(office: String, last: Int64)
        case revokedFeedDiffers(office: String, sequence: Int64)
        case badSignature(office: String, sequence: Int64)
        case brokenChain(office: String, sequence: Int64, detail: String)
        case equivocation(office: String, sequence: Int64)
        case unsigned(office: String, sequence: Int64)
        case clockSkew(office: String, sequence: Int64, seconds: Int64, bound: Int64)
        case invalidValue(office: String, sequence: Int64, detail: String)
        case ownFeedForked(sequence: Int64)
        case forkNotShown(peerEnd: Int64, end: Int64)
    }

    private let base: Base

    /// Whether the bundle could not be read at all, as opposed to failing a check.
    public var isMalformed: Bool {
        switch self.base {
        case .unreadable, .malformed, .unsupportedVersion: return true
        default: return false
        }
    }

    private init(_ base: Base) {
        self.base = base
    }

    static func unreadable(_ path: String, _ detail: String) -> SyncError {
        .init(.unreadable(path: path, detail: detail))
    }
    static func malformed(line: Int, _ detail: String) -> SyncError { .init(.malformed(line: line, detail: detail)) }
    static func unsupportedVersion(_ version: String) -> SyncError { .init(.unsupportedVersion(version)) }
    static func revoked(_ office: String) -> SyncError { .init(.revoked(office: office)) }
    static func revokedHere(_ office: String, last: Int64) -> SyncError {
        .init(.revokedHere(office: office, last: last))
    }
    static func revokedFeedDiffers(_ office: String, _ sequence: Int64) -> SyncError {
        .init(.revokedFeedDiffers(office: office, sequence: sequence))
    }
    static func untrusted(_ office: String, _ sequence: Int64) -> SyncError {
        .init(.untrusted(office: office, sequence: sequence))
    }
    static func badSignature(_ office: String, _ sequence: Int64) -> SyncError {
        .init(.badSignature(office: office, sequence: sequence))
    }
    static func brokenChain(_ office: String, _ sequence: Int64, _ detail: String) -> SyncError {
        .init(.brokenChain(office: office, sequence: sequence, detail: detail))
    }
    static func equivocation(_ office: String, _ sequence: Int64) -> SyncError {
        .init(.equivocation(office: office, sequence: sequence))
    }
    static func unsigned(_ office: String, _ sequence: Int64) -> SyncError {
        .init(.unsigned(office: office, sequence: sequence))
    }
    static func clockSkew(_ office: String, _ sequence: Int64, seconds: Int64, bound: Int64) -> SyncError {
        .init(.clockSkew(office: office, sequence: sequence, seconds: seconds, bound: bound))
    }
    static func invalidValue(_ office: String, _ sequence: Int64, _ detail: String) -> SyncError {
        .init(.invalidValue(office: office, sequence: sequence, detail: detail))
    }
    static func ownFeedForked(_ sequence: Int64) -> SyncError { .init(.ownFeedForked(sequence: sequence)) }
    static func forkNotShown(peerEnd: Int64, end: Int64) -> SyncError {
        .init(.forkNotShown(peerEnd: peerEnd, end: end))
    }

    /// Which refusal an error is, for callers that add their own advice.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        public static let unreadable = Code("unreadable")
        public static let malformed = Code("malformed")
        public static let unsupportedVersion = Code("unsupportedVersion")
        /// A change or head comes from an office this office has not trusted.
        public static let untrusted = Code("untrusted")
        public static let revoked = Code("revoked")
        public static let badSignature = Code("badSignature")
        public static let brokenChain = Code("brokenChain")
        public static let equivocation = Code("equivocation")
        public static let unsigned = Code("unsigned")
        /// A change is dated further ahead of this computer's clock than allowed.
        public static let clockSkew = Code("clockSkew")
        public static let invalidValue = Code("invalidValue")
        /// This office's own feed forked: its database was restored after it had sent changes.
        public static let ownFeedForked = Code("ownFeedForked")
        /// A peer's copy of this office's feed given to `office recover` stops before this office's
        /// last change, so it cannot show where the feed forked.
        public static let forkNotShown = Code("forkNotShown")
    }

    public var code: Code {
        switch self.base {
        case .unreadable: return .unreadable
        case .malformed: return .malformed
        case .unsupportedVersion: return .unsupportedVersion
        case .untrusted: return .untrusted
        case .revoked, .revokedHere, .revokedFeedDiffers: return .revoked
        case .badSignature: return .badSignature
        case .brokenChain: return .brokenChain
        case .equivocation: return .equivocation
        case .unsigned: return .unsigned
        case .clockSkew: return .clockSkew
        case .invalidValue: return .invalidValue
        case .ownFeedForked: return .ownFeedForked
        case .forkNotShown: return .forkNotShown
        }
    }

    /// Whether this office's own feed, as the bundle carries it, differs from the local one: the
    /// database was restored from a backup after it had sent changes (see ``FeedRecovery``).
    public var isOwnFeedFork: Bool {
        if case .ownFeedForked = self.base { return true }
        return false
    }

    public var description: String {
        switch self.base {
        case .unreadable(let path, let detail):
            return path.isEmpty ? "cannot read the bundle: \(detail)" : "cannot read the bundle \(path): \(detail)"
        case .malformed(let line, let detail):
            return "the bundle is not a Signatory bundle: line \(line): \(detail); nothing was imported"
        case .unsupportedVersion(let version):
            return
                "the bundle holds changes in format \(version), which this Signatory (\(SignatoryVersion.current), format \(ChangeFormat.current)) cannot read; upgrade Signatory to a release that reads format \(version) or later; nothing was imported"
        case .untrusted(let office, let sequence):
            return "office \(office) is not trusted (change \(sequence)); nothing was imported"
        case .revokedHere(let office, let last):
            return "office \(office) is no longer trusted here (revoked after its change \(last)): a bundle it writes "
                + "is refused, and its later changes that another office relays are set aside; nothing was imported"
        case .revokedFeedDiffers(let office, let sequence):
            return "office \(office) is no longer trusted here, and this bundle carries another change at position "
                + "\(sequence) of its feed than the one its revocation here names by its hash: whoever holds its key may "
                + "have written it after the revocation; nothing was imported"
        case .revoked(let office):
            return
                "office \(office) was revoked at this hub: its changes are no longer taken, relayed by another office or not; nothing was imported"
        case .badSignature(let office, let sequence):
            return
                "the signature of office \(office) over its feed at position \(sequence) does not verify; the bundle may have been altered; nothing was imported"
        case .brokenChain(let office, let sequence, let detail):
            return "the feed of office \(office) is broken at position \(sequence) (\(detail)); nothing was imported"
        case .equivocation(let office, let sequence):
            return
                "office \(office) has two different changes at position \(sequence) of its feed, the one held here and the bundle's: the bundle was altered on its way, or the office wrote both, as an office restored from a backup after it had sent changes does until it runs `office recover`; nothing was imported"
        case .unsigned(let office, let sequence):
            return
                "the feed of office \(office) runs to position \(sequence) without a signed head covering it; nothing was imported"
        case .clockSkew(let office, let sequence, let seconds, let bound):
            return
                "change \(sequence) of office \(office) is dated \(seconds) s ahead of this computer's clock (at most \(bound) s allowed); fix the clock that is wrong, or allow more skew; nothing was imported"
        case .invalidValue(let office, let sequence, let detail):
            return "change \(sequence) of office \(office) holds an invalid value: \(detail); nothing was imported"
        case .ownFeedForked(let sequence):
            return
                "this office's own feed differs from the bundle's copy at position \(sequence): this database was restored from a backup after it had sent changes, and has written others since; nothing was imported"
        case .forkNotShown(let peerEnd, let end):
            let unshown = peerEnd + 1 == end ? "change \(end)" : "changes \(peerEnd + 1) to \(end)"
            return
                "the peer's copy of this office's feed ends at position \(peerEnd) and agrees with this office's, so it "
                + "cannot show whether \(unshown) forked; nothing was written"
        }
    }
}
