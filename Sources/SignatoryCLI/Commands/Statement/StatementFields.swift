import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryStore

/// The options that set a statement's fields, shared by `statement add` and `statement edit`.
struct StatementFields: ParsableArguments {
    @Option(help: "The campaign: id or id prefix.") var campaign: String?
    @Option(help: "The statement's title.") var title: String?
    @Option(help: "The statement's text.") var body: String?
    @Option(name: .customLong("body-file"), help: "Read the statement's text from this file.") var bodyFile: String?
    @Option(help: "The language of the text, e.g. en or fr.") var language: String?
    @Option(help: "The lead organisation: id, id prefix or acronym.") var lead: String?

    func validate() throws {
        if self.body != nil && self.bodyFile != nil {
            throw ValidationError("Give the text either with --body or with --body-file, not both.")
        }
        _ = try self.bodyText()
    }

    /// The text from --body or --body-file, if either was given.
    func bodyText() throws -> String? {
        guard let path = self.bodyFile else { return self.body }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the statement text from \(path); check the path.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(path) is not UTF-8 text; save it as UTF-8 and try again.")
        }
        return text
    }

    func apply(to statement: inout JointStatement, store: Store) throws {
        if let campaign = self.campaign { statement.campaignID = try store.campaign(matching: campaign).id }
        if let title = self.title { statement.title = try title.required("statement title") }
        if let body = try self.bodyText() { statement.body = try body.required("statement text") }
        if let language = self.language { statement.language = try LanguageTag(language) }
        if let lead = self.lead {
            statement.leadOrganisationID = try lead.nonBlank.map { try store.organisation(matching: $0).id }
        }
    }

    var isEmpty: Bool {
        [self.campaign, self.title, self.body, self.bodyFile, self.language, self.lead].allSatisfy { $0 == nil }
    }
}
