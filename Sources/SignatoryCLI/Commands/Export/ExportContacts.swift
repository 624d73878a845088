public import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct ExportContacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Write a contact sheet of a statement's, a campaign's or all organisations.",
        discussion: """
            Audiences: internal shows everyone; coalition leaves out contacts at risk; public shows only
            organisations that signed with consent to publication, with the names and titles of contacts who
            consented and are not at risk, and never an email address or phone number. The count of contacts
            left out, and why, goes to stderr.
            Example: signatory export contacts --statement 3f2a --format vcard --audience coalition --out sheet.vcf
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The statement whose signing organisations to list: id or id prefix.") var statement: String?
    @Option(help: "The campaign whose statements' signing organisations to list: id or id prefix.") var campaign:
        String?
    @Flag(help: "List every organisation.") var all = false
    @Option(help: "csv, google-csv, outlook-csv, vcard, vcard3, markdown or html.") var format: ContactSheetFormat
    @Option(help: "Who the sheet is for: internal, coalition or public.") var audience: ExportAudience = .coalition
    @Option(help: "The file to write; standard output when left out, - or /dev/stdout.") var out: String?
    @Flag(help: "Start a CSV with a UTF-8 byte order mark, for Excel.") var bom = false

    func validate() throws {
        let scopes = [self.statement != nil, self.campaign != nil, self.all].filter { $0 }.count
        guard scopes == 1 else {
            throw ValidationError("Name exactly one of --statement ID, --campaign ID or --all.")
        }
        guard !self.bom || self.format.isCSV else {
            throw ValidationError("--bom is for the CSV formats: csv, google-csv or outlook-csv.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        let (scope, title) = try ContactSheetScope(statement: self.statement, campaign: self.campaign).resolve(
            in: store,
            for: .internal
        )
        if case .statement(let id) = scope, let statement = try store.statement(id), !self.audience.sees(statement) {
            throw ValidationError(
                "'\(title)' is a draft, which the \(self.audience.rawValue) audience does not see: nothing was written. "
                    + "Export it with --audience coalition, or once it is open."
            )
        }
        var export = ContactSheetExport(scope: scope, format: self.format, audience: self.audience, title: title)
        export.byteOrderMark = self.bom
        let summary: ContactSheetSummary
        if let out = self.out, !Output.isStandardOutput(out) {
            summary = try OutputFile.write(to: out, protecting: store.database.path) { handle in
                var sink = ByteSink(handle)
                return try export.write(from: store, to: &sink)
            }
        } else if isatty(STDOUT_FILENO) == 1 {
            // Input refuses terminal control, but a file another program changed may hold it: on a
            // terminal it is shown, not obeyed. A pipe or a redirect gets the bytes as they are.
            var sink = ByteSink()
            summary = try export.write(from: store, to: &sink)
            let text = TerminalText.neutralised(String(decoding: sink.collected, as: UTF8.self))
            try StandardStreams.write(Array(text.utf8))
        } else {
            var sink = ByteSink { bytes in try StandardStreams.write(bytes) }
            summary = try export.write(from: store, to: &sink)
        }
        Output.warn(summary.description)
    }
}

extension ContactSheetFormat: ExpressibleByArgument {}
extension ExportAudience: ExpressibleByArgument {}
