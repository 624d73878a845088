import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

struct ErasureStoreTests {
    /// A reader holding an older snapshot keeps the write-ahead log from being emptied: the store
    /// says so instead of claiming the values are gone, and the next attempt removes them.
    @Test func aReaderThatHoldsTheLogBackIsReported() throws {
        let fixture = try StoreFixture()
        let (cap, _) = try fixture.addCAPAndSIRDO()
        let valle = ContactPerson(organisationID: cap.id, fullName: "Thierry Valle", title: "Director")
        try fixture.store.insert(valle)
        let writer = try Store.open(at: fixture.path, busyTimeoutMilliseconds: 200)
        let reader = try Store.open(at: fixture.path, busyTimeoutMilliseconds: 200)
        try reader.database.execute("BEGIN")
        #expect(try reader.database.integer("SELECT count(*) FROM contact") == 1)

        _ = try writer.eraseContact(valle.id, reason: nil)
        #expect(writer.erasedValuesMayLinger)
        #expect(databaseFilesHold("Thierry Valle", at: fixture.path))

        try reader.database.execute("COMMIT")
        try writer.wipeWriteAheadLog()
        #expect(!writer.erasedValuesMayLinger)
        #expect(!databaseFilesHold("Thierry Valle", at: fixture.path))
    }

    @Test func anErasedContactIsGoneFromEveryQueryButItsTombstone() throws {
        let fixture = try StoreFixture()
        let (cap, _) = try fixture.addCAPAndSIRDO()
        let valle = ContactPerson(organisationID: cap.id, fullName: "Thierry Valle", title: "Director")
        try fixture.store.insert(valle)
        let erasure = try fixture.store.eraseContact(valle.id, reason: "asked to be forgotten")
        #expect(erasure.redactedChanges == 1 && !fixture.store.erasedValuesMayLinger)
        #expect(try fixture.store.contacts().isEmpty)
        let tombstone = try #require(try fixture.store.erasure(of: valle.id))
        #expect(tombstone.reason == "asked to be forgotten" && tombstone.office == fixture.store.office.id)
        for attempt in [
            { _ = try fixture.store.eraseContact(valle.id, reason: nil) },
            { _ = try fixture.store.contact(matching: valle.id.description) },
            { try fixture.store.removeContact(valle.id) },
        ] {
            #expect(throws: StoreError.erased(contact: valle.id.description, on: ContactErasure.day(Date()))) {
                try attempt()
            }
        }
    }
}
