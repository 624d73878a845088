/// Why an encrypted bundle could not be opened. Nothing of it is applied.
public struct EncryptedBundleError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case malformedHeader(detail: String)
        case notForThisOffice
        case damaged(detail: String)
        case noRecipients
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func malformedHeader(_ detail: String) -> EncryptedBundleError { .init(.malformedHeader(detail: detail)) }
    static let notForThisOffice = EncryptedBundleError(.notForThisOffice)
    static func damaged(_ detail: String) -> EncryptedBundleError { .init(.damaged(detail: detail)) }
    static let noRecipients = EncryptedBundleError(.noRecipients)

    /// Whether the file was encrypted for other offices only.
    public var isForAnotherOffice: Bool {
        self.base == .notForThisOffice
    }

    public var description: String {
        switch self.base {
        case .malformedHeader(let detail):
            return "the file starts as an encrypted bundle (age v1) but its header is malformed: \(detail)"
        case .notForThisOffice:
            return
                "the bundle is encrypted for other offices, not for this one; its sender must encrypt it for this office"
        case .damaged(let detail):
            return "the encrypted bundle is damaged or was changed after it was written: \(detail)"
        case .noRecipients:
            return "an encrypted bundle needs at least one office to encrypt it for"
        }
    }
}
