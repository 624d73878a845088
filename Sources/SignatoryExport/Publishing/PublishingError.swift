import SignatoryDomain

/// Why a statement could not be published as asked; nothing was changed.
public struct PublishingError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case olderWordings([String])
        case tooLarge(kibibytes: Int)
    }

    private let reason: Reason

    /// Some co-signers signed an older wording; publishing needs the coordinator's confirmation.
    static func olderWordings(_ warnings: [String]) -> Self { Self(reason: .olderWordings(warnings)) }
    static func tooLarge(kibibytes: Int) -> Self { Self(reason: .tooLarge(kibibytes: kibibytes)) }

    /// The co-signers on an older wording, one sentence each; empty for other errors.
    public var olderWordings: [String] {
        if case .olderWordings(let warnings) = self.reason { return warnings }
        return []
    }

    public var description: String {
        switch self.reason {
        case .olderWordings(let warnings):
            return (warnings + ["Confirm publishing anyway, or ask them to sign the current wording."])
                .joined(separator: "\n")
        case .tooLarge(let kibibytes):
            return "The record of this publication would take \(kibibytes) KiB, more than the "
                + "\(Publication.maximumBytes >> 20) MiB a change can carry to other offices; nothing was changed."
        }
    }
}
