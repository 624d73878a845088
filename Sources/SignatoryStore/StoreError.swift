/// A store operation that cannot be done, worded for a coordinator.
///
/// Messages say what is wrong, never which command to type: a caller (the command line, the
/// hub) adds its own advice by ``code``.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case noDatabase(path: String)
        case notADatabase(path: String, detail: String)
        case notInitialised(path: String)
        case alreadyInitialised(path: String)
        case newerSchema(path: String, found: Int, known: Int)
        case upgradeRefused(path: String, schema: Int, migration: String, reason: String)
        case notFound(kind: String, reference: String)
        case ambiguous(kind: String, reference: String, candidates: [String])
        case organisationLeads(statements: Int)
        case organisationHasRecords(contacts: Int, signatures: Int)
        case contactOfAnotherOrganisation(name: String)
        case recordExists(kind: String, id: String)
        case unsignedSuccession(card: String, predecessor: String)
        case trustedWithAnotherKey(office: String)
        case mergeIntoItself
        case alreadyResolved(conflict: String, on: String, kept: String)
        case keepRecordOrDeletion(record: String)
        case keepOneOfTheVersions(field: String, record: String)
        case publicationIsFinal
        case publishedWordingNotHeld(statement: String, wording: String)
        case badEncryptionKey(card: String, detail: String)
        case noEncryptionKey(office: String)
        case erased(contact: String, on: String)
        case unvouchedErasure(office: String, sequence: Int64)
        case unusableBackup(path: String, reason: String)
        case backupOfAnotherOffice(backup: String, backupOffice: String, database: String, office: String)
        case databaseInUse(path: String)
        case succeeded(office: String, path: String)
        case ownOfficeNotRevocable
        case revokedBeforeHeld(office: String, held: Int64, after: Int64)
        case revocationNeedsHash(office: String, held: Int64, after: Int64)
        case revocationHashDiffers(office: String, position: Int64, held: String?)
        case revocationHashOfHeldChange(office: String, position: Int64, heldAt: Int64)
        case replacementBeyondRevocation(
            office: String,
            after: Int64,
            held: Int64,
            differsAt: Int64?,
            fromBackup: Bool
        )
        case decisionsDamaged(path: String)
        case trustRevoked(office: String)
        case successionOfRevoked(card: String, predecessor: String)
        case keyOfRevoked(card: String, revoked: String)
        case enrolmentOfRevoked(office: String)
    }

    /// Which refusal an error is, for callers that add their own advice.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        public static let noDatabase = Code("noDatabase")
        public static let notADatabase = Code("notADatabase")
        public static let notInitialised = Code("notInitialised")
        public static let alreadyInitialised = Code("alreadyInitialised")
        public static let newerSchema = Code("newerSchema")
        /// The file could not be brought up to this release's schema; it was left as it was.
        public static let upgradeRefused = Code("upgradeRefused")
        public static let notFound = Code("notFound")
        public static let ambiguous = Code("ambiguous")
        /// The organisation leads statements and cannot be removed before another leads them.
        public static let organisationLeads = Code("organisationLeads")
        /// The organisation has contacts or signatures that a plain removal would orphan.
        public static let organisationHasRecords = Code("organisationHasRecords")
        public static let contactOfAnotherOrganisation = Code("contactOfAnotherOrganisation")
        public static let recordExists = Code("recordExists")
        public static let unsignedSuccession = Code("unsignedSuccession")
        public static let trustedWithAnotherKey = Code("trustedWithAnotherKey")
        public static let mergeIntoItself = Code("mergeIntoItself")
        /// The conflict was settled at this office before.
        public static let alreadyResolved = Code("alreadyResolved")
        /// A record whose organisation was deleted elsewhere is kept or deleted: no third value.
        public static let keepRecordOrDeletion = Code("keepRecordOrDeletion")
        /// A conflict over what happened (a publication record, the wording a stand signed) keeps one of its versions.
        public static let keepOneOfTheVersions = Code("keepOneOfTheVersions")
        /// The record of a publication is written once, when the statement is published.
        public static let publicationIsFinal = Code("publicationIsFinal")
        /// The wording a statement was published with is not held here, so the statement cannot be shown as published.
        public static let publishedWordingNotHeld = Code("publishedWordingNotHeld")
        /// An office card's encryption key is malformed, unsigned, or differs from the one trusted.
        public static let badEncryptionKey = Code("badEncryptionKey")
        /// A trusted office's card had no encryption key, so nothing can be encrypted for it.
        public static let noEncryptionKey = Code("noEncryptionKey")
        /// The contact was erased: nothing can be written to it again.
        public static let erased = Code("erased")
        /// A received change has erased values, but no erasure of its contact vouches for that.
        public static let unvouchedErasure = Code("unvouchedErasure")
        /// A file given as a backup cannot be read as a Signatory database.
        public static let unusableBackup = Code("unusableBackup")
        /// The office continues in another database (`office recover`); this one takes no more changes.
        public static let succeeded = Code("succeeded")
        /// An office stops trusting others, never itself.
        public static let ownOfficeNotRevocable = Code("ownOfficeNotRevocable")
        /// A revocation would take fewer of an office's changes than are held here already.
        public static let revokedBeforeHeld = Code("revokedBeforeHeld")
        /// A revocation takes changes not held here up to a position without naming that change.
        public static let revocationNeedsHash = Code("revocationNeedsHash")
        /// The hash a revocation gives is not that of the change held at its position.
        public static let revocationHashDiffers = Code("revocationHashDiffers")
        /// The hash a revocation gives for a change not held here is that of a change held at another position.
        public static let revocationHashOfHeldChange = Code("revocationHashOfHeldChange")
        /// The database that would replace this one holds changes of a revoked office that its
        /// revocation here refuses.
        public static let replacementBeyondRevocation = Code("replacementBeyondRevocation")
        public static let decisionsDamaged = Code("decisionsDamaged")
        /// This office stopped trusting the office (`office revoke`): nothing is written for it.
        public static let trustRevoked = Code("trustRevoked")
        /// A card continues an office whose trust was revoked here: its key may have signed for anyone.
        public static let successionOfRevoked = Code("successionOfRevoked")
        /// A card carries the signing or encryption key of an office revoked here, under another id.
        public static let keyOfRevoked = Code("keyOfRevoked")
        /// A hub does not enrol again an office whose trust was revoked there.
        public static let enrolmentOfRevoked = Code("enrolmentOfRevoked")
        /// A backup is restored only over its own office's database.
        public static let backupOfAnotherOffice = Code("backupOfAnotherOffice")
        /// Another process has the database open, so it cannot be replaced.
        public static let databaseInUse = Code("databaseInUse")
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    public static func noDatabase(path: String) -> StoreError { .init(.noDatabase(path: path)) }
    public static func notADatabase(path: String, detail: String) -> StoreError {
        .init(.notADatabase(path: path, detail: detail))
    }
    public static func notInitialised(path: String) -> StoreError { .init(.notInitialised(path: path)) }
    public static func alreadyInitialised(path: String) -> StoreError { .init(.alreadyInitialised(path: path)) }
    public static func newerSchema(path: String, found: Int, known: Int) -> StoreError {
        .init(.newerSchema(path: path, found: found, known: known))
    }
    /// `schema` is the file's, which it keeps; `migration` the one its contents refused
    /// (`0011_checks_without_lists`).
    public static func upgradeRefused(path: String, schema: Int, migration: String, reason: String) -> StoreError {
        .init(.upgradeRefused(path: path, schema: schema, migration: migration, reason: reason))
    }
    public static func notFound(_ kind: String, reference: String) -> StoreError {
        .init(.notFound(kind: kind, reference: reference))
    }
    public static func ambiguous(_ kind: String, reference: String, candidates: [String]) -> StoreError {
        .init(.ambiguous(kind: kind, reference: reference, candidates: candidates))
    }
    public static func organisationLeads(statements: Int) -> StoreError {
        .init(.organisationLeads(statements: statements))
    }
    public static func organisationHasRecords(contacts: Int, signatures: Int) -> StoreError {
        .init(.organisationHasRecords(contacts: contacts, signatures: signatures))
    }
    public static func contactOfAnotherOrganisation(name: String) -> StoreError {
        .init(.contactOfAnotherOrganisation(name: name))
    }
    public static func recordExists(kind: String, id: String) -> StoreError { .init(.recordExists(kind: kind, id: id)) }
    public static func unsignedSuccession(card: String, predecessor: String) -> StoreError {
        .init(.unsignedSuccession(card: card, predecessor: predecessor))
    }
    public static func trustedWithAnotherKey(office: String) -> StoreError {
        .init(.trustedWithAnotherKey(office: office))
    }
    public static let mergeIntoItself = StoreError(.mergeIntoItself)
    /// `record` names the contact, signature or statement (its lead) whose organisation was deleted.
    public static func keepRecordOrDeletion(record: String) -> StoreError {
        .init(.keepRecordOrDeletion(record: record))
    }
    public static func keepOneOfTheVersions(field: String, record: String) -> StoreError {
        .init(.keepOneOfTheVersions(field: field, record: record))
    }
    public static let publicationIsFinal = StoreError(.publicationIsFinal)
    public static func publishedWordingNotHeld(statement: String, wording: String) -> StoreError {
        .init(.publishedWordingNotHeld(statement: statement, wording: wording))
    }
    public static func badEncryptionKey(card: String, detail: String) -> StoreError {
        .init(.badEncryptionKey(card: card, detail: detail))
    }
    public static func noEncryptionKey(office: String) -> StoreError { .init(.noEncryptionKey(office: office)) }
    /// `on` is when the contact was erased (`2026-12-02`).
    public static func erased(contact: String, on date: String) -> StoreError {
        .init(.erased(contact: contact, on: date))
    }
    public static func unvouchedErasure(office: String, sequence: Int64) -> StoreError {
        .init(.unvouchedErasure(office: office, sequence: sequence))
    }
    public static let ownOfficeNotRevocable = StoreError(.ownOfficeNotRevocable)
    public static func revokedBeforeHeld(office: String, held: Int64, after: Int64) -> StoreError {
        .init(.revokedBeforeHeld(office: office, held: held, after: after))
    }
    public static func revocationNeedsHash(office: String, held: Int64, after: Int64) -> StoreError {
        .init(.revocationNeedsHash(office: office, held: held, after: after))
    }
    public static func revocationHashDiffers(office: String, position: Int64, held: String?) -> StoreError {
        .init(.revocationHashDiffers(office: office, position: position, held: held))
    }
    public static func revocationHashOfHeldChange(office: String, position: Int64, heldAt: Int64) -> StoreError {
        .init(.revocationHashOfHeldChange(office: office, position: position, heldAt: heldAt))
    }
    /// `held` is the last position of the office's feed that the replacing database holds: beyond
    /// `after`, or at it with another change than the one the revocation names by its hash.
    /// `differsAt`: instead, a position where its change is not the one the replaced database
    /// holds. `fromBackup`: `office restore`, not `office recover`.
    public static func replacementBeyondRevocation(
        office: String,
        after: Int64,
        held: Int64,
        differsAt: Int64?,
        fromBackup: Bool
    ) -> StoreError {
        .init(
            .replacementBeyondRevocation(
                office: office,
                after: after,
                held: held,
                differsAt: differsAt,
                fromBackup: fromBackup
            )
        )
    }
    /// The database at `path` is damaged where it keeps the offices it revoked or enrolled, so a
    /// database continuing it could not carry them all over.
    public static func decisionsDamaged(path: String) -> StoreError { .init(.decisionsDamaged(path: path)) }
    public static func trustRevoked(office: String) -> StoreError { .init(.trustRevoked(office: office)) }
    public static func successionOfRevoked(card: String, predecessor: String) -> StoreError {
        .init(.successionOfRevoked(card: card, predecessor: predecessor))
    }
    public static func keyOfRevoked(card: String, revoked: String) -> StoreError {
        .init(.keyOfRevoked(card: card, revoked: revoked))
    }
    public static func enrolmentOfRevoked(office: String) -> StoreError { .init(.enrolmentOfRevoked(office: office)) }
    public static func succeeded(office: String, path: String) -> StoreError {
        .init(.succeeded(office: office, path: path))
    }
    public static func unusableBackup(path: String, reason: String) -> StoreError {
        .init(.unusableBackup(path: path, reason: reason))
    }
    /// `backupOffice` and `office` name each office with its id: `Geneva (5f0c…)`.
    public static func backupOfAnotherOffice(
        backup: String,
        backupOffice: String,
        database: String,
        office: String
    ) -> StoreError {
        .init(.backupOfAnotherOffice(backup: backup, backupOffice: backupOffice, database: database, office: office))
    }
    public static func databaseInUse(path: String) -> StoreError { .init(.databaseInUse(path: path)) }
    /// `on` is the date it was settled (`2026-12-02`), `kept` the value then kept.
    public static func alreadyResolved(conflict: String, on date: String, kept: String) -> StoreError {
        .init(.alreadyResolved(conflict: conflict, on: date, kept: kept))
    }

    public var code: Code {
        switch self.base {
        case .noDatabase: return .noDatabase
        case .notADatabase: return .notADatabase
        case .notInitialised: return .notInitialised
        case .alreadyInitialised: return .alreadyInitialised
        case .newerSchema: return .newerSchema
        case .upgradeRefused: return .upgradeRefused
        case .notFound: return .notFound
        case .ambiguous: return .ambiguous
        case .organisationLeads: return .organisationLeads
        case .organisationHasRecords: return .organisationHasRecords
        case .contactOfAnotherOrganisation: return .contactOfAnotherOrganisation
        case .recordExists: return .recordExists
        case .unsignedSuccession: return .unsignedSuccession
        case .trustedWithAnotherKey: return .trustedWithAnotherKey
        case .mergeIntoItself: return .mergeIntoItself
        case .alreadyResolved: return .alreadyResolved
        case .keepRecordOrDeletion: return .keepRecordOrDeletion
        case .keepOneOfTheVersions: return .keepOneOfTheVersions
        case .publicationIsFinal: return .publicationIsFinal
        case .publishedWordingNotHeld: return .publishedWordingNotHeld
        case .badEncryptionKey: return .badEncryptionKey
        case .noEncryptionKey: return .noEncryptionKey
        case .erased: return .erased
        case .unvouchedErasure: return .unvouchedErasure
        case .unusableBackup: return .unusableBackup
        case .succeeded: return .succeeded
        case .ownOfficeNotRevocable: return .ownOfficeNotRevocable
        case .revokedBeforeHeld: return .revokedBeforeHeld
        case .revocationNeedsHash: return .revocationNeedsHash
        case .revocationHashDiffers: return .revocationHashDiffers
        case .revocationHashOfHeldChange: return .revocationHashOfHeldChange
        case .replacementBeyondRevocation: return .replacementBeyondRevocation
        case .decisionsDamaged: return .decisionsDamaged
        case .trustRevoked: return .trustRevoked
        case .successionOfRevoked: return .successionOfRevoked
        case .keyOfRevoked: return .keyOfRevoked
        case .enrolmentOfRevoked: return .enrolmentOfRevoked
        case .backupOfAnotherOffice: return .backupOfAnotherOffice
        case .databaseInUse: return .databaseInUse
        }
    }

    /// Whether the error says a record does not exist (or a reference names several).
    public var isNotFound: Bool { self.code == .notFound || self.code == .ambiguous }

    /// The ids an ambiguous reference could mean; empty for other errors.
    public var candidates: [String] {
        if case .ambiguous(_, _, let candidates) = self.base { return candidates }
        return []
    }

    /// The database that continues this office, for ``Code/succeeded``.
    public var successorPath: String? {
        if case .succeeded(_, let path) = self.base { return path }
        return nil
    }

    /// The kind of record a not-found or ambiguous reference was for ("organisation").
    public var recordKind: String? {
        switch self.base {
        case .notFound(let kind, _), .ambiguous(let kind, _, _): return kind
        default: return nil
        }
    }

    public var description: String {
        switch self.base {
        case .noDatabase(let path):
            return "no database at \(path)"
        case .notADatabase(let path, let detail):
            return "\(path) is not a Signatory database (\(detail))"
        case .notInitialised(let path):
            return "\(path) has no Signatory data yet"
        case .alreadyInitialised(let path):
            return "\(path) already holds data; init makes a new database only"
        case .newerSchema(let path, let found, let known):
            return
                "\(path) was written by a newer Signatory (schema \(found); this one knows up to \(known)); update Signatory"
        case .upgradeRefused(let path, let schema, let migration, let reason):
            return
                "\(path) (schema \(schema)) cannot be upgraded for this release: \(reason) (migration \(migration)); the file was left as it was"
        case .notFound(let kind, let reference):
            // An id prefix is looked up from 4 characters on, so a shorter one matches nothing.
            let shortPrefix = (1...3).contains(reference.count) && reference.allSatisfy { $0.isHexDigit || $0 == "-" }
            return "no \(kind) matches '\(reference)'"
                + (shortPrefix ? " (an id prefix needs at least 4 characters)" : "")
        case .ambiguous(let kind, let reference, let candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
            return "'\(reference)' matches \(candidates.count) \(kind)s (\(shown)\(more)); give more of the id"
        case .organisationLeads(let statements):
            return "this organisation leads \(statements) statement(s); another organisation must lead them first"
        case .organisationHasRecords(let contacts, let signatures):
            return "this organisation has \(contacts) contact(s) and \(signatures) signature(s)"
        case .contactOfAnotherOrganisation(let name):
            return "contact \(name) belongs to another organisation; pick one of this organisation's contacts"
        case .recordExists(let kind, let id):
            return "\(kind) \(id) exists already"
        case .unsignedSuccession(let card, let predecessor):
            return "office card \(card) claims to continue office \(predecessor), whose key did not sign that"
        case .trustedWithAnotherKey(let office):
            return "office \(office) is already trusted with a different key; check the card with its office"
        case .mergeIntoItself:
            return "an organisation cannot be merged into itself; name two different organisations"
        case .alreadyResolved(let conflict, let date, let kept):
            return "conflict \(conflict) was already resolved here on \(date), keeping '\(kept)'"
        case .keepRecordOrDeletion(let record):
            return "\(record) names an organisation deleted at another office: keep the other version, which restores "
                + "the organisation, or the deletion; no other value settles this conflict"
        case .keepOneOfTheVersions(let field, let record):
            return "the \(field) of \(record) records what happened at an office; keep one of the two versions, "
                + "no other value settles this conflict"
        case .publishedWordingNotHeld(let statement, let wording):
            return "\(statement) was published with wording \(wording), which this office does not hold (it was "
                + "recorded by an office whose changes have not reached it), so the statement is not shown as published"
        case .publicationIsFinal:
            return "what was published is recorded once, when the statement is published, and never changes"
        case .badEncryptionKey(let card, let detail):
            return "office card \(card): \(detail)"
        case .noEncryptionKey(let office):
            return
                "office \(office) was trusted from a card without an encryption key, so nothing can be encrypted for it yet"
        case .erased(let contact, let date):
            return "contact \(contact) was erased on \(date): nothing of the person is kept, and an erased person "
                + "cannot be edited or restored"
        case .unvouchedErasure(let office, let sequence):
            return
                "change \(sequence) of office \(office) has values removed, but no erasure of its contact vouches for that"
        case .unusableBackup(let path, let reason):
            return "\(path) cannot be restored: \(reason); nothing was changed"
        case .backupOfAnotherOffice(let backup, let backupOffice, let database, let office):
            return
                "\(backup) is a backup of office \(backupOffice), but \(database) is the database of office \(office); nothing was changed"
        case .databaseInUse(let path):
            return
                "\(path) is open in another process (its -wal or -shm file stays after closing it); nothing was changed"
        case .succeeded(let office, let path):
            return "this office continues as office \(office) in \(path), recovered there after its feed forked: "
                + "this database takes no more changes, not even another office's erasure of a person, "
                + "and nothing was changed; once the new one works, delete this file and its backups"
        case .revokedBeforeHeld(let office, let held, let after):
            return
                "this office holds the changes of \(office) up to its change \(held) already, so it cannot take only "
                + "those up to change \(after): give \(held) or a later position; nothing was changed"
        case .revocationNeedsHash(let office, let held, let after):
            return
                "this office holds the changes of \(office) up to its change \(held) only: to take those up to change "
                + "\(after), name change \(after) by its hash, as an office that holds it shows it, so that no other "
                + "change written with its key can take its place; nothing was changed"
        case .revocationHashDiffers(let office, let position, let held?):
            return
                "change \(position) of \(office) held here has the hash \(held), not the one given: check the hash with "
                + "the office that gave it; nothing was changed"
        case .revocationHashDiffers(let office, let position, nil):
            return "\(office) has no change at position \(position) for a hash to name; nothing was changed"
        case .revocationHashOfHeldChange(let office, let position, let heldAt):
            return
                "the hash given is that of change \(heldAt) of \(office), held here, not of change \(position): no copy "
                + "of its feed could reach change \(position) with it; nothing was changed"
        case .replacementBeyondRevocation(let office, let after, let held, let differsAt, let fromBackup):
            let what: String
            if let differsAt {
                what =
                    "another change \(differsAt) of \(office) than the one \(fromBackup ? "the database it replaces" : "it") "
                    + "held, so its copy cannot lead to change \(after), where the revocation here names the last one "
                    + "taken: whoever holds its key may have written it"
            } else if held == after {
                what =
                    "another change \(after) of \(office) than the one its revocation here names by its hash: whoever "
                    + "holds its key may have written it"
            } else {
                what =
                    "changes of \(office) up to its change \(held), beyond its revocation here after change \(after): "
                    + "whoever holds its key may have written them"
            }
            return fromBackup
                ? "this backup holds \(what), so it was not restored; nothing was changed"
                : "this database holds \(what), so no recovered database was written; nothing was changed"
        case .decisionsDamaged(let path):
            return "\(path) is damaged where it keeps the offices it revoked and, on a hub, those it enrolled: a "
                + "database continuing it could lose some of them, so none was written; nothing was changed"
        case .ownOfficeNotRevocable:
            return "this is the office's own database: an office stops trusting others, never itself; nothing was "
                + "changed (if its key may be in other hands, the other offices revoke it, and it continues under a "
                + "new identity made by office recover)"
        case .successionOfRevoked(let card, let predecessor):
            return "the card of \(card) says it continues \(predecessor), whose trust was revoked here: that office's "
                + "key may be in other hands and vouches for no one; nothing was changed"
        case .keyOfRevoked(let card, let revoked):
            return "the card of \(card) carries the key of \(revoked), whose trust was revoked here: that key may be "
                + "in other hands, under whatever name or id; nothing was changed"
        case .trustRevoked(let office):
            return "office \(office) is no longer trusted here: nothing is written for it, encrypted or not, as its "
                + "key may be in other hands; nothing was written"
        case .enrolmentOfRevoked(let office):
            return
                "office \(office) is no longer trusted here (`office revoke`): its key may be in other hands, so this "
                + "hub does not enrol it again; nothing was changed"
        }
    }
}
