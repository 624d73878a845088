/// The category of consultative status that ECOSOC granted an organisation.
public enum ECOSOCCategory: String, Choice {
    case general
    case special
    case roster
    case none

    public static let fieldName = "ECOSOC status"

    /// "NGO with special United Nations Consultative Status", as a signatory block words it;
    /// `nil` for organisations without status.
    public var signatoryLine: String? {
        switch self {
        // One wording for every category, as coalitions' published statements use for special status.
        case .general: return "NGO with general United Nations Consultative Status"
        case .special: return "NGO with special United Nations Consultative Status"
        case .roster: return "NGO with roster United Nations Consultative Status"
        case .none: return nil
        }
    }
}

/// Whether an organisation's consultative status is currently in force.
public enum ConsultativeStanding: String, Choice {
    case active
    case suspended
    case withdrawn

    public static let fieldName = "status state"
}
