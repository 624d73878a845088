import ArgumentParser
import SignatoryDomain
import SignatoryStore

/// The options that set a contact's fields, shared by `contact add` and `contact edit`.
struct ContactFields: ParsableArguments {
    @Option(name: .customLong("org"), help: "The organisation: id, id prefix or acronym.") var organisation: String?
    @Option(help: "The person's full name, e.g. \"Thierry Valle\".") var name: String?
    @Option(help: "Title or role, e.g. Director.") var title: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Phone number in E.164 form, e.g. +41225550100.") var phone: String?
    @Option(help: "Preferred language, e.g. en, fr or pt-BR.") var language: String?
    @Flag(
        name: .customLong("at-risk"),
        inversion: .prefixedNo,
        help: "The person is at risk (e.g. a human-rights defender) and never appears in shared or public exports."
    )
    var atRisk: Bool?
    @Flag(inversion: .prefixedNo, help: "The person consented to be named in published statements.")
    var consent: Bool?

    /// Applies the given options to `contact`; an empty value clears an optional field.
    func apply(to contact: inout ContactPerson, store: Store) throws {
        if let organisation = self.organisation {
            contact.organisationID = try store.organisation(matching: organisation).id
        }
        if let name = self.name { contact.fullName = try name.required("contact name") }
        FieldParsing.optionalText(self.title).apply(to: &contact.title)
        try FieldParsing.optional(self.email, EmailAddress.init).apply(to: &contact.email)
        try FieldParsing.optional(self.phone, PhoneNumber.init).apply(to: &contact.phone)
        try FieldParsing.optional(self.language, LanguageTag.init).apply(to: &contact.preferredLanguage)
        if let atRisk = self.atRisk { contact.atRisk = atRisk }
        if let consent = self.consent { contact.consentToPublish = consent }
    }

    var isEmpty: Bool {
        [self.organisation, self.name, self.title, self.email, self.phone, self.language].allSatisfy { $0 == nil }
            && self.atRisk == nil && self.consent == nil
    }
}
