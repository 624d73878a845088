import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct ConflictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Review and settle values that lost to a concurrent edit at another office.",
        subcommands: [ConflictList.self, ConflictResolve.self]
    )
}

struct ConflictList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open conflicts, oldest first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.database.open()
        let conflicts = try store.conflicts()
        if self.output.json {
            return try Output.json(conflicts.map { $0.json(recordName: try store.recordName($0.record, $0.recordID)) })
        }
        for conflict in conflicts {
            let name = try store.recordName(conflict.record, conflict.recordID)
            Output.text(
                "\(conflict.id.shortID)  \(conflict.record.rawValue) '\(name)' \(conflict.field): kept '\(conflict.winner.value)' over '\(conflict.loser.value)' (\(conflict.rule))"
            )
        }
    }
}

struct ConflictResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a conflict; the decision syncs to every office like any edit.",
        discussion: """
            --keep kept keeps the value shown now, --keep other the value that lost, and any other text is the value \
            to keep (yes/no for flags, an empty string to clear). Keeping the other value of a deleted record restores it.
            Example: signatory conflicts resolve 4be1 --keep other
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The conflict: id or id prefix.") var conflict: String
    @Option(help: "kept, other, or the value to keep.") var keep: String

    func run() throws {
        let store = try self.database.open()
        let conflict = try store.conflict(matching: self.conflict)
        let value: FieldValue
        switch self.keep.lowercased() {
        case "kept", "winner": value = conflict.winner.value
        case "other", "loser": value = conflict.loser.value
        default: value = try Self.parse(self.keep, for: conflict)
        }
        try store.resolve(conflict, keeping: value)
        Output.text("kept '\(value)' for \(conflict.field)")
    }

    /// The typed value as the field holds it; the domain knows each field's type and form.
    static func parse(_ text: String, for conflict: Conflict) throws -> FieldValue {
        do {
            return try conflict.record.typedValue(text, for: conflict.field)
        } catch {
            switch conflict.winner.value {
            case .bool: throw ValidationError("\(error); type --keep yes or --keep no.")
            case .integer: throw ValidationError("\(error); type a whole number, e.g. --keep 2006.")
            case .text, .null: throw ValidationError("\(error).")
            }
        }
    }
}
