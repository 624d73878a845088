import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct StatementStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move a statement to another status: draft, open, closed or published.",
        discussion: """
            Allowed moves: draft → open, open → draft or closed, closed → open or published. Published is final.
            Publishing records the statement as published: its wording, the date (today in UTC unless --date is given), \
            --place and --occasion, and the signatory block line by line; `statement render` prints that record from \
            then on. When co-signers signed an older wording, publishing names them and needs --confirm-older-wordings.
            Example: signatory statement status 5c2e published --place Geneva --occasion "Human Rights Council, 62nd session"
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String
    @Argument(help: "The new status.") var status: String
    @Option(
        help: ArgumentHelp("When publishing: the date of publication (default today, UTC).", valueName: "yyyy-mm-dd")
    )
    var date: String?
    @Option(help: "When publishing: where, e.g. Geneva.") var place: String?
    @Option(help: "When publishing: on which occasion, e.g. \"Human Rights Council, 62nd session\".") var occasion:
        String?
    @Flag(help: "Publish although some co-signers signed an older wording.") var confirmOlderWordings = false

    func validate() throws {
        let publishing = (try? StatementStatus(parsing: self.status)) == .published
        guard publishing || (self.date == nil && self.place == nil && self.occasion == nil) else {
            throw ValidationError(
                "--date, --place and --occasion go with publishing: signatory statement status ID published"
            )
        }
    }

    func run() throws {
        var change = StatementStatusChange(to: try StatementStatus(parsing: self.status))
        change.date = try self.date.map { try CalendarDate($0) }
        change.place = self.place
        change.occasion = self.occasion
        change.confirmOlderWordings = self.confirmOlderWordings
        let store = try self.database.open()
        let statement = try store.statement(matching: self.statement)
        do {
            let (before, after) = try change.apply(to: statement.id, in: store)
            Output.text("\(after.title): \(before.status.rawValue) → \(after.status.rawValue)")
        } catch let error as PublishingError where !error.olderWordings.isEmpty {
            // An error prints as one line, so the co-signers come first, a line each.
            for line in error.olderWordings { Output.warn(line) }
            throw ValidationError(
                "\(error.olderWordings.count) co-signer(s) above signed an older wording; publish anyway with "
                    + "--confirm-older-wordings, or ask them to sign the current wording."
            )
        }
    }
}
