import CSQLite
import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

struct SQLiteWrapperTests {
    let folder: TemporaryDirectory
    let database: Database

    init() throws {
        self.folder = try TemporaryDirectory()
        self.database = try Database(path: self.folder.path("w.db"), mode: .create)
        try self.database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, flag INTEGER, day TEXT)")
    }

    @Test func bindsAndReadsEveryType() throws {
        let database = self.database
        let missing: String? = nil
        try database.prepare("INSERT INTO t (id, text, flag, day) VALUES (?, ?, ?, ?)")
            .run(
                1,
                "Liberté, \"égalité\"\n\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}",
                true,
                try CalendarDate("2026-07-30")
            )
        try database.prepare("INSERT INTO t (id, text, flag, day) VALUES (?, ?, ?, ?)").run(2, missing, false, missing)
        let rows = try database.prepare("SELECT text, flag, day FROM t ORDER BY id").rows { row in
            (row.optionalText(0), row.bool(1), row.isNull(2) ? nil : row.text(2))
        }
        #expect(rows[0].0 == "Liberté, \"égalité\"\n\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}")
        #expect(rows[0].1 == true && rows[0].2 == "2026-07-30")
        #expect(rows[1].0 == nil && rows[1].1 == false && rows[1].2 == nil)
    }

    @Test func cachesPreparedStatements() throws {
        let database = self.database
        let first = try database.prepare("SELECT count(*) FROM t")
        #expect(first === (try database.prepare("SELECT count(*) FROM t")))
    }

    @Test func errorsCarrySQLitesCodeAndMessage() throws {
        let database = self.database
        try database.prepare("INSERT INTO t (id) VALUES (?)").run(1)
        do {
            try database.prepare("INSERT INTO t (id) VALUES (?)").run(1)
            Issue.record("a duplicate key must fail")
        } catch let error as SQLiteError {
            #expect(error.primaryCode == SQLITE_CONSTRAINT)
            #expect(error.message.contains("UNIQUE constraint failed: t.id"))
            #expect(error.sql == "INSERT INTO t (id) VALUES (?)")
        }
        #expect(throws: SQLiteError.self) { try database.prepare("SELEC nonsense") }
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        let database = self.database
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.transaction {
                try database.prepare("INSERT INTO t (id) VALUES (?)").run(1)
                try database.transaction { try database.prepare("INSERT INTO t (id) VALUES (?)").run(2) }
                throw Stop()
            }
        }
        #expect(try database.integer("SELECT count(*) FROM t") == 0)
        try database.transaction {
            try database.prepare("INSERT INTO t (id) VALUES (?)").run(3)
            _ = try? database.transaction { () throws -> Void in
                try database.prepare("INSERT INTO t (id) VALUES (?)").run(4)
                throw Stop()
            }
        }
        // The inner savepoint rolled back alone.
        #expect(try database.prepare("SELECT id FROM t").rows { $0.integer(0) } == [3])
    }
}
