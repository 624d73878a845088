import SignatoryDomain

/// The columns a sign-on form export may have, and the headers each is recognised by.
public enum SignOnField: String, Sendable, CaseIterable {
    case organisation
    case acronym
    case country
    case ecosoc
    case icsoNumber = "icso-number"
    case contactName = "contact-name"
    case title
    case email
    case phone
    case consent

    /// Headers, already folded by ``fold(_:)``, that name this field.
    var headers: Set<String> {
        switch self {
        case .organisation:
            return [
                "organisation", "organization", "organisationname", "organizationname", "org", "orgname", "ngo",
                "nameoforganisation", "nameoforganization", "nameofyourorganisation", "nameofyourorganization",
                "organisme", "organizacion", "nomdelorganisation",
            ]
        case .acronym:
            return [
                "acronym", "acronyme", "abbreviation", "shortname", "sigle", "sigla", "organisationacronym",
                "organizationacronym",
            ]
        case .country:
            return ["country", "countrycode", "pays", "pais", "countryofregistration"]
        case .ecosoc:
            return [
                "ecosoc", "ecosoccategory", "ecosocstatus", "ecosocconsultativestatus", "consultativestatus",
                "unconsultativestatus", "statutconsultatif",
            ]
        case .icsoNumber:
            return [
                "icso", "icsonumber", "icsoid", "icsoprofile", "icsoprofilenumber", "icsoprofileid", "ecosocid",
                "ecosocnumber",
                "numeroicso", "numeroecosoc",
            ]
        case .contactName:
            return [
                "contactname", "contact", "contactperson", "name", "fullname", "nom", "nombre", "nomcomplet",
                "yourname",
            ]
        case .title:
            return ["title", "contacttitle", "position", "role", "jobtitle", "function", "fonction", "titre", "cargo"]
        case .email:
            return ["email", "emailaddress", "mail", "courriel", "contactemail", "correo", "correoelectronico"]
        case .phone:
            return ["phone", "phonenumber", "telephone", "tel", "mobile", "contactphone", "telefono"]
        case .consent:
            return [
                "consent", "consenttopublish", "consenttopublication", "publish", "publication", "agreetopublish",
                "consentement", "consentimiento",
            ]
        }
    }

    /// The field a header names: one of its known headers, else the first field whose tell-tale
    /// word the header contains ("Statut ECOSOC" is ecosoc, "Contact e-mail address" is email).
    static func named(byFolded header: String) -> SignOnField? {
        if let exact = SignOnField.allCases.first(where: { $0.headers.contains(header) }) { return exact }
        let telltales: [(String, SignOnField)] = [
            ("icso", .icsoNumber), ("acronym", .acronym), ("sigle", .acronym), ("ecosoc", .ecosoc),
            ("consultative", .ecosoc), ("email", .email),
            ("courriel", .email), ("phone", .phone), ("telephone", .phone), ("consent", .consent),
            ("country", .country),
            ("pays", .country), ("title", .title), ("position", .title), ("organisation", .organisation),
            ("organization", .organisation), ("name", .contactName), ("nom", .contactName),
        ]
        return telltales.first { header.contains($0.0) }?.1
    }

    /// A header as compared: case, accents, spaces and punctuation ignored ("E-mail " is "email").
    static func fold(_ text: String) -> String { text.comparisonKey }
}
