import ArgumentParser
import SignatoryDomain

/// The options that set an organisation's fields, shared by `org add` and `org edit`.
struct OrganisationFields: ParsableArguments {
    @Option(help: "The full name, e.g. \"CAP Liberté de Conscience\".") var name: String?
    @Option(help: "The short name, e.g. CAP. Usable wherever an organisation id is asked for.") var acronym: String?
    @Option(help: "ISO 3166-1 alpha-2 country code, e.g. FR.") var country: String?
    @Option(help: "Web address, e.g. https://example.org.") var website: String?
    @Option(help: "ECOSOC consultative status: general, special, roster or none (which clears the year).") var ecosoc:
        String?
    @Option(name: .customLong("ecosoc-year"), help: "The year ECOSOC granted the status.") var ecosocYear: String?
    @Option(help: "Whether the status is in force: active, suspended or withdrawn.") var standing: String?
    @Option(name: .customLong("icso-number"), help: "The number of its profile in the UN iCSO database, e.g. 4281.")
    var icsoNumber: String?
    @Option(help: "Free notes for coordinators.") var notes: String?

    /// Applies the given options to `organisation`; an empty value clears an optional field.
    func apply(to organisation: inout Organisation) throws {
        if let name = self.name { organisation.name = try name.required("organisation name") }
        FieldParsing.optionalText(self.acronym).apply(to: &organisation.acronym)
        try FieldParsing.optional(self.country, CountryCode.init).apply(to: &organisation.country)
        try FieldParsing.optional(self.website, Website.init).apply(to: &organisation.website)
        if let ecosoc = self.ecosoc {
            organisation.ecosoc = try ECOSOCCategory(parsing: ecosoc)
            // A year granted goes with the status, as in a sign-on import.
            if organisation.ecosoc == .none { organisation.ecosocYear = nil }
        }
        try FieldParsing.optional(self.ecosocYear, FieldParsing.year).apply(to: &organisation.ecosocYear)
        if let standing = self.standing { organisation.standing = try ConsultativeStanding(parsing: standing) }
        try FieldParsing.optional(self.icsoNumber, ICSONumber.init).apply(to: &organisation.icsoNumber)
        if let notes = self.notes { organisation.notes = notes }
    }

    var isEmpty: Bool {
        [
            self.name, self.acronym, self.country, self.website, self.ecosoc, self.ecosocYear, self.standing,
            self.icsoNumber, self.notes,
        ]
        .allSatisfy { $0 == nil }
    }
}
