import ArgumentParser
import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryExport
import SignatoryHubClient
import SignatoryImport
import SignatoryStore

/// What the command line says about a failure: the error's own words, plus what to type
/// where the error cannot know (it may have come from the store or the network).
enum ErrorAdvice {
    static func message(for error: any Error) -> String {
        // A message may quote a path, a value or a hub's answer: nothing in it acts on the terminal,
        // and a line break or carriage return in a quoted name cannot start or overwrite a line
        // ("Error: …") of its own. Only an import's refused rows take a line each.
        if let error = error as? SignerImportError, error.report != nil {
            return (error.lines + ["Fix them, or add --skip-bad-rows to import the rest."])
                .map { TerminalText.neutralised($0, multiline: false) }.joined(separator: "\n")
        }
        return TerminalText.neutralised(self.advice(for: error), multiline: false)
    }

    private static func advice(for error: any Error) -> String {
        switch error {
        case let error as ValidationError:
            return error.message
        case let error as DomainError where error == .reasonForRepeatedErasure:
            return "\(error): run the command again without --reason"
        case let error as StoreError:
            return self.advice(for: error)
        case let error as SyncError:
            return self.advice(for: error)
        case let error as EncryptedBundleError where error.isForAnotherOffice:
            return
                "\(error): at the sending office, `signatory sync export --for THIS-OFFICE --out FILE` (this office's name is in `signatory office card`)"
        case let error as HubClientError where error.isOwnFeedFork:
            return
                "\(error); to continue, get a full bundle from an office that synced with the hub (`signatory sync export --all --for THIS-OFFICE --out FILE` there) and run `signatory office recover --from FILE --out NEW.db` with this command's --db"
        case let error as HubClientError where !error.contactsErasedOnlyInRefusedFeeds.isEmpty:
            let commands = error.contactsErasedOnlyInRefusedFeeds.map { "`signatory contact erase \($0) --again`" }
            return
                "\(error); to send them now, run \(commands.joined(separator: ", ")), then sync push again, each with this command's --db"
        case let error as HubClientError where error.status == 413:
            return
                "\(error); a single change, another office's feed, or the changes that must travel with an erasure, is larger than this hub accepts: ask the hub's operator to start it with a larger --max-body-mb"
        case let error as SignerImportError:
            if let field = error.missingField { return "\(error); name it with --map 'HEADER=\(field)'" }
            if let field = error.ambiguousField {
                // Columns the user mapped to one field need one --map fewer, not another.
                return error.fromMap
                    ? "\(error): keep one --map for \(field)" : "\(error): name it with --map 'HEADER=\(field)'"
            }
            if let header = error.unclearConsentHeader {
                return "\(error): if a yes in it means the signer may be named, add --map '\(header)=consent'; "
                    + "if not, turn its answers round in the spreadsheet and name the column \"Consent to publish\""
            }
            if let (header, field) = error.namingQuestionReadAsField {
                return "\(error): if it holds the \(field), add --map '\(header)=\(field)'; if it asks whether the "
                    + "signer may be named, add --map '\(header)=consent'"
            }
            if let header = error.riskAskedUnclearly {
                return "\(error): if a yes in it means the signer is at risk, add --map '\(header)=at-risk'; if it "
                    + "means they are safe, turn its answers round in the spreadsheet and name the column \"At risk\""
            }
            if error.lacksConsent {
                return
                    "\(error): add --consent yes or --consent no, or --map 'HEADER=consent' for the column that says it"
            }
            return String(describing: error)
        case let error as SQLiteError where error.isBusy:
            return
                "the database is busy: another signatory command or a hub is writing to it; wait a moment and run the command again"
        case let error as SQLiteError where error.isConstraintViolation:
            return "the database refused the change (\(error.message)); nothing was written"
        case let error as SQLiteError:
            return "the database could not do this (\(error.message)); nothing was written"
        default:
            return String(describing: error)
        }
    }

    /// How an office whose key may be in other hands goes on, said wherever such a key is refused.
    private static let continuesUnderNewKeys =
        "continues only under new keys (`signatory office recover` there, or a new database made by `signatory init`)"

    private static func advice(for error: StoreError) -> String {
        switch error.code {
        case .noDatabase: return "\(error); create one with `signatory init --office NAME` or pass --db PATH"
        case .notInitialised: return "\(error); run `signatory init --office NAME` first"
        case .alreadyInitialised: return "\(error); choose another path with --db"
        case .upgradeRefused:
            return
                "\(error). Go on with the release that wrote it, or undo what another program changed in the file (`sqlite3 FILE .schema` shows its tables and indexes, `sqlite3 FILE 'PRAGMA foreign_key_check'` its rows that refer to nothing) and run the command again"
        case .organisationLeads: return "\(error): name another lead with `signatory statement edit ID --lead ORG`"
        case .organisationHasRecords: return "\(error); add --force to remove them too"
        case .keepRecordOrDeletion: return "\(error): type --keep other to restore it, or --keep kept to let it go"
        case .keepOneOfTheVersions: return "\(error): type --keep kept or --keep other"
        case .notFound where error.recordKind == Store.trustedOfficeKind:
            return "\(error); list them with `signatory office list`"
        case .unvouchedErasure:
            return
                "\(error); nothing was imported: the bundle was altered on its way, or its erasure is still to come from another office, or is in the feed of an office this one does not trust (ask the office that erased the person for `signatory office card`, run `signatory office trust CARD`, then run the command again), or is among the later changes of an office revoked here, which are set aside (then the office that sent the bundle erases the person as its own with `signatory contact erase ID --again` and sends it again)"
        case .succeeded:
            return
                "\(error); use --db \(error.successorPath.map(ShellWord.path) ?? "THE-NEW-FILE") from now on (or set SIGNATORY_DB to it)"
        case .keyOfRevoked:
            return "\(error); an office that was revoked \(Self.continuesUnderNewKeys), whose card you check with it"
        case .enrolmentOfRevoked:
            return "\(error); that office \(Self.continuesUnderNewKeys): enroll its new card, checked with it"
        case .successionOfRevoked:
            return "\(error); if that office itself gave you this card and its fingerprint matches what they read "
                + "you from `office card` (in person or by phone), trust it with `signatory office trust CARD --yes` "
                + "(on a hub, then enroll it with `signatory hub enroll CARD`)"
        case .revocationNeedsHash:
            return "\(error). Give it with --hash: `signatory sync status` at an office whose copy of that feed ends "
                + "at that change prints it on the feed's line, after \"has hash\""
        case .databaseInUse:
            return "\(error): stop `signatory ui` and `signatory serve` on it, then run the command again"
        case .backupOfAnotherOffice:
            return "\(error); to open that office's backup, restore it to a new file with --db NEW.db"
        case .decisionsDamaged:
            return
                "\(error). Restore this office's latest backup over it first (`signatory office restore --from BACKUP`), "
                + "revoke again any office it revoked since, as the restore says, then recover"
        case .noEncryptionKey:
            return
                "\(error): ask that office for `signatory office card` and run `signatory office trust CARD`, or export with --plaintext"
        default: return String(describing: error)
        }
    }

    private static func advice(for error: SyncError) -> String {
        switch error.code {
        case .untrusted: return "\(error); add its card with `signatory office trust CARD` first"
        case .clockSkew: return "\(error); to allow more, pass --max-skew SECONDS"
        case .ownFeedForked:
            return
                "\(error); to continue, run `signatory office recover --from FULL-BUNDLE --out NEW.db` with this command's --db and a full bundle from a peer"
        case .forkNotShown:
            // Following `sync import` here would send the forked changes to this peer as well.
            return
                "\(error). If an office or the hub refuses this office's changes (\"two different changes at position N\"), "
                + "recover with a full bundle from that office (`signatory sync export --all --for THIS-OFFICE --out FILE` "
                + "there, THIS-OFFICE being the id `signatory office card` shows here)"
        default: return String(describing: error)
        }
    }
}
