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
        let next = try StatementStatus(parsing: self.status)
        let store = try self.database.open()
        var statement = try store.statement(matching: self.statement)
        let previous = statement.status
        statement.status = try statement.status.transition(to: next)
        if next == .published, previous != .published {
            statement.publication = try self.record(of: statement, in: store)
        }
        try store.update(statement)
        Output.text("\(statement.title): \(previous.rawValue) → \(next.rawValue)")
    }

    /// The record of publishing `statement` now, once the coordinator has seen what needs confirming.
    private func record(of statement: JointStatement, in store: Store) throws -> Publication {
        let block = try SignatoryBlock(statement: statement, store: store)
        if !block.warnings.isEmpty, !self.confirmOlderWordings {
            throw ValidationError(
                (block.warnings + [
                    "Publish anyway with --confirm-older-wordings, or ask them to sign the current wording."
                ])
                .joined(separator: "\n")
            )
        }
        let date = try self.date.map { try CalendarDate($0) } ?? CalendarDate(utc: Date())
        if let place = self.place { try PlainText.check(place, field: "place") }
        if let occasion = self.occasion { try PlainText.check(occasion, field: "occasion") }
        let record = block.publication(on: date, place: self.place?.nonBlank, occasion: self.occasion?.nonBlank)
        try record.validate()
        guard record.jsonText.utf8.count <= Publication.maximumBytes else {
            throw ValidationError(
                "The record of this publication would take \(record.jsonText.utf8.count / 1024) KiB, more than the "
                    + "\(Publication.maximumBytes >> 20) MiB a change can carry to other offices; nothing was changed."
            )
        }
        return record
    }
}
