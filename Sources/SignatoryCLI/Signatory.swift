import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport

@main
struct Signatory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatory",
        abstract: "Keep a coalition's campaigns, joint statements, co-signing organisations and their contacts.",
        discussion: """
            The database is the file given by --db, else $SIGNATORY_DB, else ./signatory.db.
            Wherever an id is asked for, an unambiguous prefix of it (at least 4 characters) also works,
            and so does an organisation's acronym.
            """,
        version: SignatoryVersion.current,
        subcommands: [
            InitCommand.self, OrganisationCommand.self, ContactCommand.self, CampaignCommand.self,
            StatementCommand.self, SignCommand.self, SignaturesCommand.self, OfficeCommand.self, SyncCommand.self,
            ConflictCommand.self, HistoryCommand.self, ExportCommand.self, ImportCommand.self, ServeCommand.self,
            HubCommand.self, UICommand.self,
        ]
    )

    /// Mistakes in the command line print the usage; failures while running print one `Error:` line.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try self.parseAsRoot(CommandLineArguments.normalised(try CommandLineArguments.typed().get()))
        } catch let error as CommandLineArguments.ArgumentNotUTF8 {
            StandardStreams.writeError("Error: \(error)\n")
            self.exit(withError: ExitCode.validationFailure)
        } catch {
            self.exitShowing(error)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                var synchronous = command
                try synchronous.run()
            }
            try StandardStreams.flush()
        } catch let error
            where !(error is ValidationError) && String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
        {
            // Help, version and exit requests (`signatory help org` runs ArgumentParser's own command).
            self.exitShowing(error)
        } catch {
            StandardStreams.writeError("Error: \(ErrorAdvice.message(for: error))\n")
            self.exit(withError: ExitCode.failure)
        }
    }

    /// What ArgumentParser would print for `error` (usage, help), with any value the user typed
    /// neutralised for the terminal, and its exit code.
    private static func exitShowing(_ error: any Error) -> Never {
        let code = self.exitCode(for: error)
        // The error's own message, which may quote what was typed, keeps to its one line; the
        // usage and help around it are several.
        let message = self.message(for: error)
        let full = self.fullMessage(for: error)
        // A list of allowed values ("one of the following:" then a line each) reads on the same line.
        let oneLine = message.replacingOccurrences(of: ":\n  - ", with: ": ")
            .replacingOccurrences(of: "\n  - ", with: ", ")
        let text =
            message.isEmpty || code == .success
            ? TerminalText.neutralised(full)
            : full.components(separatedBy: message).map { TerminalText.neutralised($0) }
                .joined(separator: TerminalText.neutralised(oneLine, multiline: false))
        if code == .success {
            if !text.isEmpty { StandardStreams.line(text) }
            do {
                try StandardStreams.flush()
            } catch {
                StandardStreams.writeError("Error: \(error)\n")
                Foundation.exit(ExitCode.failure.rawValue)
            }
        } else {
            StandardStreams.writeError(text + "\n")
        }
        Foundation.exit(code.rawValue)
    }
}
