import Foundation
import SignatoryDomain

@testable import SignatoryStore

/// What an office on a synthetic format 2.1 writes that this release cannot: a contact field,
/// `pronouns`, and records of a new kind, `meeting`. The office is this release writing 2.1
/// lines, as the next release would.
extension Store {
    static let laterMinor = ChangeFormat(major: 2, minor: 1)

    /// Sets a contact's pronouns, a field of format 2.1.
    func setPronouns(_ text: String, of contact: ID<ContactPerson>) throws {
        let ref = EntityRef(.contact, contact.description)
        try self.transaction {
            let state = try self.loadState(of: ref)
            try self.refuseIfErased(ref, state)
            let bases = state?.fields["pronouns"]?.heads.map(\.timestamp) ?? []
            try self.appendLocalChange(
                ref,
                ["pronouns": FieldAssignment(value: .text(text), bases: bases)],
                state: state,
                format: Store.laterMinor,
                now: nil
            )
        }
    }

    /// Records a meeting, a record kind of format 2.1, kept here unapplied.
    @discardableResult
    func recordMeeting(_ id: String, title: String) throws -> UnappliedChange {
        try self.transaction {
            let end = try self.localFeedEnd ?? self.feedEnd(of: self.office.id)
            let change = UnappliedChange(
                format: Store.laterMinor,
                office: self.office.id,
                sequence: end.sequence + 1,
                timestamp: try self.tick(),
                kind: "meeting",
                entityID: id,
                fields: ["title": .salted(.text(title))],
                previousHash: end.hash
            )
            try self.keepUnapplied(change, line: change.jsonLine)
            self.localFeedEnd = (change.sequence, change.hash)
            return change
        }
    }
}
