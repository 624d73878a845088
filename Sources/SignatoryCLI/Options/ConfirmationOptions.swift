import ArgumentParser
import Foundation
import SignatoryStore

/// `--yes`, taken by every command that destroys or overrides data. On a terminal the command
/// asks the user to type the record's name instead (as `gh repo delete` does); without one,
/// such as in a script, `--yes` is required, so that nothing is destroyed by accident.
struct ConfirmationOptions: ParsableArguments {
    @Flag(name: [.customShort("y"), .long], help: "Do it without asking to type the name.")
    var yes = false

    /// Returns when the user confirmed `what` by typing `name`, or gave `--yes`; throws otherwise,
    /// before anything is written. Nothing is asked when `store` would refuse the change anyway.
    ///
    /// ```swift
    /// try self.confirmation.confirm("remove SIRDO with its contacts and signatures", typing: "SIRDO", in: store)
    /// ```
    func confirm(_ what: String, typing name: String, in store: Store) throws {
        try store.refuseIfSucceeded()
        guard !self.yes else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("This would \(what). Add --yes to confirm it; nothing was changed.")
        }
        Output.prompt("This will \(what).\nType \(name) to confirm: ")
        let typed = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        guard typed == name.trimmingCharacters(in: .whitespaces) else {
            throw ValidationError("What was typed does not match \(name); nothing was changed.")
        }
    }
}
