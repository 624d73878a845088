public import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every change to a record: when, at which office, and each field's old and new value.",
        discussion: """
            RECORD is any record's id or id prefix (organisations, contacts, campaigns, statements, signatures; \
            removed and merged ones too), a wording's statement id, ':' and hash prefix, or an organisation's acronym \
            (when no organisation has it now, the one that had it before it was removed, merged or renamed). \
            A value an erasure removed shows as (erased).
            Example: signatory history SIRDO
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("The record: id, id prefix or acronym.", valueName: "record")) var record: String
    @Option(help: "The kind of record, when records of two kinds share the id (organisation, contact…).")
    var kind: EntityKind?

    func run() throws {
        let store = try self.database.open()
        let matches = try store.records(matching: self.record).filter { self.kind == nil || $0.kind == self.kind }
        guard let match = matches.first else { throw StoreError.notFound("record", reference: self.record) }
        // A bundle can give a record of another kind the same id: more of the id cannot tell them apart.
        if matches.count > 1, Set(matches.map(\.id)).count == 1 {
            let kinds = matches.map(\.kind.rawValue)
            throw ValidationError(
                "\(self.record) is the id of \(kinds.count) records (\(kinds.joined(separator: ", "))): add "
                    + kinds.map { "--kind \($0)" }.joined(separator: " or ")
            )
        }
        guard matches.count == 1 else {
            throw StoreError.ambiguous(
                "record",
                reference: self.record,
                candidates: matches.map { "\($0.kind.rawValue) \($0.id.shortID)" }
            )
        }
        let entries = try store.history(of: match.kind, match.id)
        let offices = try RecentChanges.officeNames(in: store)
        if self.output.json {
            return try Output.json(entries.map { RecentChanges.json($0, offices: offices) })
        }
        Output.text("\(match.kind.rawValue) \(match.id) '\(try store.recordName(match.kind, match.id))'")
        RecentChanges.print(entries, offices: offices)
    }
}

/// How a record's changes are printed by `history`, and at the end of `org show` and
/// `statement show`.
enum RecentChanges {
    static func officeNames(in store: Store) throws -> [ID<Office>: String] {
        Dictionary(try store.trustedOffices().map { ($0.id, $0.name) }) { first, _ in first }
    }

    /// Each change as a dated line naming its office, then one line per field.
    static func print(_ entries: some Collection<RecordHistory.Entry>, offices: [ID<Office>: String]) {
        for entry in entries {
            let office = offices[entry.office] ?? entry.office.shortID
            Output.text("\(entry.timestamp.readable)  \(office) #\(entry.sequence)")
            // A record's first change sets every field; the empty ones say nothing.
            for edit in entry.edits
            where edit.old != nil || edit.oldNotHeld || !Self.isEmpty(edit.new) || edit.newErased {
                let old =
                    edit.oldErased
                    ? "(erased)" : edit.oldNotHeld ? "(a value not held here)" : Self.shown(edit.old, field: edit.field)
                let new = edit.newErased ? "(erased)" : Self.shown(edit.new, field: edit.field)
                Output.text("    \(edit.field): \(old) -> \(new)")
            }
        }
    }

    private static func isEmpty(_ value: FieldValue) -> Bool {
        value == .null || value == .text("")
    }

    private static func shown(_ value: FieldValue?, field: String) -> String {
        guard let value else { return "(not set)" }
        if Self.isEmpty(value) { return "(empty)" }
        // A statement's text or publication record would drown the list: `--json` has it whole.
        let text = value.readable(field: field)
        guard text.count > 160 else { return "'\(text)'" }
        return "'\(text.prefix(120))…' (\(text.count) characters)"
    }

    /// The last `count` changes under a heading, for the end of a `show` command.
    static func printLast(_ count: Int, of entries: [RecordHistory.Entry], offices: [ID<Office>: String]) {
        guard !entries.isEmpty else { return }
        let shown = entries.suffix(count)
        Output.text("")
        Output.text(
            shown.count == entries.count
                ? "changes:" : "last \(shown.count) of \(entries.count) changes (all: signatory history ID):"
        )
        self.print(shown, offices: offices)
    }

    static func json(_ entry: RecordHistory.Entry, offices: [ID<Office>: String]) -> JSONRecord {
        JSONRecord([
            "at": entry.timestamp.date.iso8601, "hlc": entry.timestamp.text,
            "office": entry.office.description, "officeName": offices[entry.office], "sequence": Int(entry.sequence),
            "fields": entry.edits.map { edit in
                JSONRecord([
                    "field": edit.field, "old": edit.old, "new": edit.new,
                    "oldErased": edit.oldErased, "newErased": edit.newErased, "oldNotHeld": edit.oldNotHeld,
                ])
            },
        ])
    }
}
extension EntityKind: ExpressibleByArgument {}
