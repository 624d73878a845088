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
        case .general: return "NGO in General Consultative Status with the United Nations ECOSOC"
        case .special: return "NGO with special United Nations Consultative Status"
        case .roster: return "NGO on the Roster of the United Nations ECOSOC"
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
