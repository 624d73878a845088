/// Where a campaign stands.
public enum CampaignStatus: String, Choice {
    case planning
    case active
    case closed

    public static let fieldName = "campaign status"
}

/// Where an organisation stands towards a statement.
public enum SignatureStatus: String, Choice {
    case invited
    case pledged
    case signed
    case declined
    case withdrawn

    public static let fieldName = "signature status"

    /// Statuses that commit the organisation to a wording, so the signature records it.
    public var commitsToText: Bool { self == .signed || self == .pledged }
}

/// Who recorded a signature.
public enum SignatureSource: String, Choice {
    case coordinator
    case `import`
    case office

    public static let fieldName = "signature source"
}
