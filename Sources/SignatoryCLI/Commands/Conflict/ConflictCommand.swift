import ArgumentParser
import Foundation
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
        let offices = try RecentChanges.officeNames(in: store)
        var records: [JSONRecord] = []
        for conflict in conflicts {
            let name = try store.recordName(conflict.record, conflict.recordID)
            let title = try store.statementTitle(of: conflict.record, conflict.recordID)
            if self.output.json {
                records.append(conflict.json(recordName: name, statementTitle: title, officeNames: offices))
                continue
            }
            let subject =
                title.map { "\(conflict.record.rawValue) '\(name)' on '\($0)'" }
                ?? "\(conflict.record.rawValue) '\(name)'"
            Output.text("\(conflict.id.shortID)  \(subject), \(conflict.field) (\(conflict.rule))")
            for (label, version) in [("kept ", conflict.winner), ("other", conflict.loser)] {
                let office = offices[version.timestamp.office] ?? version.timestamp.office.shortID
                Output.text(
                    "          \(label) '\(version.value.readable(field: conflict.field))', written at \(office) on \(version.timestamp.readable)"
                )
            }
        }
        if self.output.json { try Output.json(records) }
    }
}

struct ConflictResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a conflict; the decision syncs to every office like any edit.",
        discussion: """
            --keep kept keeps the value shown now, --keep other the value that lost, and any other text is the value \
            to keep (yes/no for flags, an empty string to clear; a contact, organisation, statement or campaign by id, \
            id prefix or acronym). Keeping the other value of a deleted record restores it.
            Example: signatory conflicts resolve 4be1 --keep other
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The conflict: id or id prefix.") var conflict: String
    @Option(help: "kept, other, or the value to keep.") var keep: String
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let conflict = try store.conflict(matching: self.conflict)
        let value: FieldValue
        switch self.keep.lowercased() {
        case "kept", "winner": value = conflict.winner.value
        case "other", "loser": value = conflict.loser.value
        default: value = try Self.parse(self.keep, for: conflict, in: store)
        }
        let name = try store.recordName(conflict.record, conflict.recordID)
        let deleted = " (deleted)"
        try self.confirmation.confirm(
            "set \(conflict.field) of \(name) to '\(value)' at every office",
            typing: name.hasSuffix(deleted) ? String(name.dropLast(deleted.count)) : name,
            in: store
        )
        try store.resolve(conflict, keeping: value)
        Output.text("kept '\(value)' for \(conflict.field)")
    }

    /// The typed value as the field holds it; the domain knows each field's type and form. A
    /// record is named as anywhere else: by id, id prefix or (an organisation) acronym.
    static func parse(_ text: String, for conflict: Conflict, in store: Store) throws -> FieldValue {
        let reference = text.trimmingCharacters(in: .whitespaces)
        // An organisation deleted elsewhere takes only one of the two versions: the store says so.
        if let kind = conflict.record.referencedKind(by: conflict.field), !reference.isEmpty,
            conflict.rule != Conflict.organisationDeletedRule
        {
            // Either version, typed out, is kept as it is, even when its record no longer shows.
            if let version = [conflict.winner.value, conflict.loser.value].first(where: { $0.text == reference }) {
                return version
            }
            switch kind {
            case .contact: return .text(try store.contact(matching: reference).id.description)
            case .campaign: return .text(try store.campaign(matching: reference).id.description)
            case .statement: return .text(try store.statement(matching: reference).id.description)
            default: return .text(try store.organisation(matching: reference).id.description)
            }
        }
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
