import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// A database made whole or not at all: it takes its name only once filled and closed.
struct NewFileTests {
    let folder: TemporaryDirectory
    let path: String
    let office = Office(name: "Geneva coordination", createdAt: Date())

    init() throws {
        self.folder = try TemporaryDirectory()
        self.path = self.folder.path("geneva-2.db")
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: self.folder.url.path).sorted()
    }

    @Test func theNameAppearsOnlyOnceTheDatabaseIsFilledAndClosed() throws {
        let cap = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        let id = try Store.createWhole(at: self.path, office: self.office) { store in
            try store.insert(cap)
            // While it is filled, nothing is at the name: a process stopped now leaves nothing there.
            #expect(!FileManager.default.fileExists(atPath: self.path))
            return store.office.id
        }
        let files = try self.files()
        #expect(files == ["geneva-2.db"], "no temporary file or log is left: \(files)")
        let attributes = try FileManager.default.attributesOfItem(atPath: self.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let store = try Store.open(at: self.path)
        #expect(store.office.id == id)
        #expect(try store.organisation(cap.id)?.name == cap.name)
    }

    @Test func aFailureWhileFillingLeavesNothing() throws {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try Store.createWhole(at: self.path, office: self.office) { store in
                try store.insert(Organisation(name: "CAP Liberté de Conscience"))
                throw Stop()
            }
        }
        let files = try self.files()
        #expect(files.isEmpty, "\(files)")
    }

    /// A journal left by a database deleted by hand would be taken into the new one as SQLite opens it.
    @Test func aJournalLeftBesideTheNameIsRefused() throws {
        try Data("another database's log".utf8).write(to: URL(fileURLWithPath: self.path + "-wal"))
        #expect(throws: FileWriteError.self) {
            try Store.createWhole(at: self.path, office: self.office) { _ in }
        }
        #expect(fileBytes(self.path + "-wal") == Data("another database's log".utf8))
        let files = try self.files()
        #expect(files == ["geneva-2.db-wal"], "\(files)")
    }

    @Test func aFileThatTookTheNameMeanwhileIsKept() throws {
        #expect(throws: FileWriteError.self) {
            try Store.createWhole(at: self.path, office: self.office) { _ in
                try Data("someone else's".utf8).write(to: URL(fileURLWithPath: self.path))
            }
        }
        #expect(fileBytes(self.path) == Data("someone else's".utf8))
        let files = try self.files()
        #expect(files == ["geneva-2.db"], "\(files)")
    }
}
