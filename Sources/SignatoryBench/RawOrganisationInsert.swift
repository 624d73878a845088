import CSQLite
import SignatoryDomain
import SignatoryStore

/// The baseline every benchmark compares with: organisation rows bound by hand through
/// SQLite's C API, one prepared statement, one transaction.
enum RawOrganisationInsert {
    static func insert(_ organisations: [Organisation], into path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        defer { sqlite3_close_v2(handle) }
        sqlite3_exec(handle, "PRAGMA foreign_keys = ON", nil, nil, nil)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var statement: OpaquePointer?
        sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil)
        sqlite3_prepare_v2(
            handle,
            """
            INSERT INTO organisation (id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            -1,
            &statement,
            nil
        )
        func text(_ index: Int32, _ value: String?) {
            guard let value else {
                sqlite3_bind_null(statement, index)
                return
            }
            sqlite3_bind_text(statement, index, value, -1, transient)
        }
        for organisation in organisations {
            text(1, organisation.id.description)
            text(2, organisation.name)
            text(3, organisation.acronym)
            text(4, organisation.country?.code)
            text(5, organisation.website?.url)
            text(6, organisation.ecosoc.rawValue)
            if let year = organisation.ecosocYear {
                sqlite3_bind_int64(statement, 7, Int64(year))
            } else {
                sqlite3_bind_null(statement, 7)
            }
            text(8, organisation.standing.rawValue)
            text(9, organisation.notes)
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw SQLiteError(code: sqlite3_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
            }
            sqlite3_reset(statement)
        }
        sqlite3_finalize(statement)
        sqlite3_exec(handle, "COMMIT", nil, nil, nil)
    }

    /// Organisations like a coalition's, all different.
    static func sample(_ count: Int) -> [Organisation] {
        let countries = ["CH", "FR", "RO", "US", "KE", "BR", "IN", "JP"].map { try! CountryCode($0) }
        let categories: [ECOSOCCategory] = [.general, .special, .roster, .none]
        return (0..<count).map { index in
            Organisation(
                name: "Organisation \(index) for Human Rights",
                acronym: "ORG\(index)",
                country: countries[index % countries.count],
                website: nil,
                ecosoc: categories[index % categories.count],
                notes: index % 10 == 0 ? "Signed the 2026 statement" : ""
            )
        }
    }
}
