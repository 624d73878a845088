public import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryImport
import SignatoryStore

struct ImportSigners: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signers",
        abstract: "Add co-signing organisations, their contacts and signatures from a sign-on form's CSV export.",
        discussion: """
            Columns are found by their headers, ignoring case and accents: organisation, acronym, country (ISO code
            or name), ECOSOC category, contact name, title, email, phone and consent (yes/no; blank means no).
            An organisation already held is matched by name and country, acronym, or email domain, not duplicated.
            A value that cannot be read in an optional column (country, ECOSOC, iCSO number, email, phone) is left empty
            with a warning, and the row is imported; --strict refuses the row instead. A file without a consent column
            needs --consent yes or --consent no: consent is never assumed.
            The import is one transaction: a file with any bad row changes nothing unless --skip-bad-rows is given.
            --dry-run prints how each header was read and what each row would do.
            Example: signatory import signers --statement 3f2a sign-on.csv --mode fill --map 'Nom de l’ONG=organisation'
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The statement the organisations sign: id or id prefix.") var statement: String
    @Argument(help: "The CSV file exported from the sign-on form.") var file: String
    @Option(
        help:
            "For organisations and contacts already held: skip (leave them), update (replace with the file's values) or fill (set empty fields only)."
    )
    var mode: SignerImport.Mode = .skip
    @Flag(help: "Report what the import would do without writing anything.") var dryRun = false
    @Flag(help: "Import the good rows even when some are rejected.") var skipBadRows = false
    @Flag(help: "Refuse a row for any value that cannot be read, instead of leaving it empty.") var strict = false
    @Option(help: "yes or no: the consent of rows that give none (no consent column, or a blank cell).")
    var consent: String?
    @Option(
        help: ArgumentHelp(
            "A header the form uses for a field, as 'HEADER=FIELD'; repeat for more.",
            valueName: "header=field"
        )
    )
    var map: [String] = []

    func validate() throws {
        _ = try self.fieldMap()
        _ = try self.defaultConsent()
    }

    private func defaultConsent() throws -> Bool? {
        switch self.consent?.lowercased() {
        case nil: return nil
        case "yes": return true
        case "no": return false
        default: throw ValidationError("--consent takes yes or no, e.g. --consent no.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        guard let bytes = FileManager.default.contents(atPath: self.file) else {
            throw ValidationError(
                "Cannot read \(self.file): give the path of the CSV file exported from the sign-on form."
            )
        }
        var signOn = SignerImport(statement: try store.statement(matching: self.statement).id)
        signOn.mode = self.mode
        signOn.dryRun = self.dryRun
        signOn.skipBadRows = self.skipBadRows
        signOn.map = try self.fieldMap()
        signOn.strict = self.strict
        signOn.consent = try self.defaultConsent()
        let progress = TerminalProgress("importing", unit: "rows")
        let report: SignerImportReport
        do {
            report = try signOn.run(csv: Array(bytes), store: store, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        Output.lines(report.lines)
        if report.dryRun && !report.rejected.isEmpty && !self.skipBadRows {
            throw ValidationError(
                "\(report.rejected.count) row(s) would be rejected, so the import would change nothing; fix them, or add --skip-bad-rows to import the rest."
            )
        }
    }

    private func fieldMap() throws -> [String: SignOnField] {
        var map: [String: SignOnField] = [:]
        for pair in self.map {
            guard let equals = pair.lastIndex(of: "="), !pair[..<equals].isEmpty else {
                throw ValidationError("--map takes 'HEADER=FIELD', e.g. --map 'Nom de l’ONG=organisation'.")
            }
            let name = String(pair[pair.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard let field = SignOnField(rawValue: name) else {
                throw ValidationError(
                    "--map names no field '\(name)'; fields are \(SignOnField.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            let header = String(pair[..<equals])
            if let other = map[header], other != field {
                throw ValidationError(
                    "--map names two fields for '\(header)', \(other.rawValue) and \(field.rawValue); give it one."
                )
            }
            map[header] = field
        }
        return map
    }
}

extension SignerImport.Mode: ExpressibleByArgument {}
