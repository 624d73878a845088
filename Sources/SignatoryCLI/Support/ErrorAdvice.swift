import ArgumentParser
import SignatoryStore
import SignatoryBundles

/// What the command line says about a failure: the error's own words, plus what to type
/// where the error cannot know (it may have come from the store or the network).
enum ErrorAdvice {
    static func message(for error: any Error) -> String {
        // A message may quote a path, a value or a hub's answer: nothing in it acts on the terminal.
        TerminalText.neutralised(self.advice(for: error))
    }

    private static func advice(for error: any Error) -> String {
        switch error {
        case let error as ValidationError:
            return error.message
        case let error as SyncError where error.isOwnFeedFork:
            return "\(error); to continue, run `signatory office recover --from FULL-BUNDLE --out NEW.db` with a full bundle from a peer"
        case let error as SQLiteError where error.isBusy:
            return "the database is busy: another signatory command or a hub is writing to it; wait a moment and run the command again"
        case let error as SQLiteError where error.isConstraintViolation:
            return "the database refused the change (\(error.message)); nothing was written"
        case let error as SQLiteError:
            return "the database could not do this (\(error.message)); nothing was written"
        default:
            return String(describing: error)
        }
    }
}
