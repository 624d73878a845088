import Crypto
public import Foundation

/// An organisation's stand on a statement: at most one per statement and organisation.
///
/// Its id is derived from the two, so two offices that record the same signature offline
/// produce the same id and their records merge.
///
/// ```swift
/// let id = Signature.id(statement: statement.id, organisation: cap.id)
/// ```
public struct Signature: Hashable, Sendable, Identifiable {
    public let id: ID<Signature>
    public let statementID: SignatoryDomain.ID<JointStatement>
    public let organisationID: SignatoryDomain.ID<Organisation>
    /// The person who signed for the organisation.
    public var contactID: SignatoryDomain.ID<ContactPerson>?
    public var status: SignatureStatus
    /// The wording signed or pledged; `nil` while only invited or after declining.
    public var textHash: TextHash?
    /// Whether the organisation agreed to have its name published.
    public var consentToPublish: Bool
    /// When the current status was recorded.
    public var recordedAt: Date
    public var source: SignatureSource

    public init(
        statementID: SignatoryDomain.ID<JointStatement>,
        organisationID: SignatoryDomain.ID<Organisation>,
        contactID: SignatoryDomain.ID<ContactPerson>? = nil,
        status: SignatureStatus,
        textHash: TextHash? = nil,
        consentToPublish: Bool = true,
        recordedAt: Date,
        source: SignatureSource
    ) {
        self.id = Signature.id(statement: statementID, organisation: organisationID)
        self.statementID = statementID
        self.organisationID = organisationID
        self.contactID = contactID
        self.status = status
        self.textHash = textHash
        self.consentToPublish = consentToPublish
        self.recordedAt = recordedAt
        self.source = source
    }

    /// The id every office derives for this statement and organisation: a UUID version 8
    /// (RFC 9562) built from SHA-256.
    public static func id(
        statement: SignatoryDomain.ID<JointStatement>,
        organisation: SignatoryDomain.ID<Organisation>
    ) -> ID<Signature> {
        ID.derived(from: "signatory.signature\u{0}\(statement)\u{0}\(organisation)")
    }

    /// Checks that `status` may be recorded on a statement in `statementStatus`.
    ///
    /// Invitations go out while drafting; pledges and signatures need an open statement;
    /// declining and withdrawing are always possible, even after publication.
    public static func check(_ status: SignatureStatus, on statementStatus: StatementStatus) throws(DomainError) {
        switch status {
        case .declined, .withdrawn:
            return
        case .invited:
            guard statementStatus == .draft || statementStatus == .open else {
                throw .signatureNeedsOpenStatement(status, statement: statementStatus)
            }
        case .pledged, .signed:
            guard statementStatus == .open else {
                throw .signatureNeedsOpenStatement(status, statement: statementStatus)
            }
        }
    }
}
