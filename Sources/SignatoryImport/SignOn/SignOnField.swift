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
    /// Whether the contact is at risk: any answer but a plain "no" marks them so.
    case atRisk = "at-risk"

    /// Headers, already folded by ``fold(_:)``, that name this field.
    var headers: Set<String> {
        switch self {
        case .organisation:
            return [
                "organisation", "organization", "organisationname", "organizationname", "org", "orgname", "ngo",
                "nameoforganisation", "nameoforganization", "nameofyourorganisation", "nameofyourorganization",
                "organisme", "organizacion", "nomdelorganisation", "nomdelong", "nombredelaorganizacion",
                "nombredelaong", "nombredelaentidad", "entidad", "organizacao", "nomedaorganizacao", "nomedaong",
            ]
        case .acronym:
            return [
                "acronym", "acronyme", "abbreviation", "shortname", "sigle", "sigla", "siglas", "acronimo",
                "organisationacronym", "organizationacronym",
            ]
        case .country:
            return ["country", "countrycode", "pays", "pais", "countryofregistration", "paisdelaorganizacion"]
        case .ecosoc:
            return [
                "ecosoc", "ecosoccategory", "ecosocstatus", "ecosocconsultativestatus", "consultativestatus",
                "unconsultativestatus", "statutconsultatif", "statutecosoc", "estatusconsultivo", "estatutoconsultivo",
                "estatutoecosoc", "estatusecosoc",
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
                "yourname", "nomducontact", "personnedecontact", "nomdelapersonnedecontact", "nombredelcontacto",
                "personadecontacto", "nombredelapersonadecontacto", "contacto", "nomedocontato", "pessoadecontato",
                "nomedapessoadecontato", "contato", "nome",
            ]
        case .title:
            return [
                "title", "contacttitle", "position", "role", "jobtitle", "function", "fonction", "titre", "cargo",
                "puesto",
                "funcao",
            ]
        case .email:
            return [
                "email", "emailaddress", "mail", "courriel", "contactemail", "correo", "correoelectronico",
                "adressecourriel", "adresseelectronique", "enderecodeemail", "emaildocontato", "emaildelcontacto",
            ]
        case .phone:
            return [
                "phone", "phonenumber", "telephone", "tel", "mobile", "contactphone", "telefono", "telefone",
                "numerodetelephone", "numerodetelefono", "numerodetelefone", "celular",
            ]
        case .consent:
            return [
                "consent", "consenttopublish", "consenttopublication", "publish", "publication", "agreetopublish",
                "consentement", "consentimiento", "consentimento", "autorisation", "autorizacion", "autorizacao",
            ]
        case .atRisk:
            return ["atrisk", "risk", "areyouatrisk", "contactatrisk", "enriesgo", "enrisque", "emrisco", "endanger"]
        }
    }

    /// The field a header names: one of its whole known headers (in English, French, Spanish or
    /// Portuguese), else the first field whose tell-tale word the header contains ("Statut ECOSOC"
    /// is ecosoc, "Contact e-mail address" is email). Organisation words come before the words
    /// for a name, so "Nombre de la organización" is the organisation, not a person's name, and
    /// words about publishing before both ("May we publish your name" asks for consent). Words of
    /// risk, danger and safety come first: a column that may say a signer is at risk is read as that.
    static func named(byFolded header: String) -> SignOnField? {
        if let exact = SignOnField.allCases.first(where: { $0.headers.contains(header) }) { return exact }
        if Self.riskWords.contains(where: header.contains) { return .atRisk }
        let telltales: [(String, SignOnField)] = [
            ("icso", .icsoNumber), ("acronym", .acronym), ("sigle", .acronym), ("sigla", .acronym),
            ("ecosoc", .ecosoc), ("consultative", .ecosoc), ("consultatif", .ecosoc), ("consultivo", .ecosoc),
            ("email", .email), ("courriel", .email), ("correo", .email), ("phone", .phone), ("telephone", .phone),
            ("telefon", .phone), ("consent", .consent), ("publish", .consent), ("publier", .consent),
            ("publicar", .consent), ("publication", .consent), ("publicacion", .consent), ("publicacao", .consent),
            ("autoris", .consent), ("autoriz", .consent), ("country", .country), ("pays", .country),
            ("pais", .country), ("title", .title), ("position", .title), ("cargo", .title),
            ("organisation", .organisation), ("organization", .organisation), ("organizacion", .organisation),
            ("organizacao", .organisation), ("entidad", .organisation), ("contact", .contactName),
            ("contato", .contactName), ("name", .contactName), ("nom", .contactName),
        ]
        return telltales.first { header.contains($0.0) }?.1
    }

    /// Parts of words that speak of a signer's risk or safety, in the languages headers are read
    /// in. A column asking about safety ("Are you safe?") is found too, and refused unless mapped:
    /// its "yes" may mean either (``ConsentHeader/asksRiskUnclearly(_:)``).
    private static let riskWords = [
        "risk", "riesgo", "risque", "risco", "danger", "peligro", "perigo", "threat", "menace", "amenaza", "ameaca",
        "reprisal", "represail", "represalia", "retaliat", "retaliac", "sensitiv", "sensib", "sensiv", "persecut",
        "harass", "surveil", "vulnerab", "intimidat", "safe", "secur", "segur",
    ]

    /// A header as compared: case, accents, spaces and punctuation ignored ("E-mail " is "email").
    static func fold(_ text: String) -> String { text.comparisonKey }
}
