import CSQLite
import SignatoryDomain

extension Store {
    /// Everything two offices must agree on after a full exchange, as sorted JSON lines: the
    /// settled fields of every record (hidden ones too), the record tables, the open conflicts,
    /// the duplicate pairs and the changes of kinds this release cannot apply. Office-local
    /// facts (keys, clock, what peers have) are left out.
    ///
    /// ```sh
    /// diff <(signatory sync dump --db geneva.db) <(signatory sync dump --db bucharest.db)
    /// ```
    public func canonicalDump() throws -> String {
        var lines: [String] = []
        let states = try self.database.prepare("SELECT kind, entity_id FROM entity_state ORDER BY kind, entity_id")
            .rows { EntityRef(try $0.choice(0), $0.text(1)) }
        for ref in states {
            let fields = try self.settledFields(of: ref)
            var line = "record \(ref.kind.rawValue) \(ref.id)"
            for name in fields.keys.sorted() {
                line += " " + name + "="
                JSONText.append(fields[name]!, to: &line)
            }
            lines.append(line)
        }
        for table in [
            "campaign", "organisation", "contact", "contact_erasure", "statement", "statement_text", "signature",
            "duplicate_pair",
        ] {
            lines += try self.dumpRows("SELECT * FROM \(table) ORDER BY 1, 2", prefix: table)
        }
        lines += try self.dumpRows(
            """
            SELECT id, kind, entity_id, field, rule, winner_value, winner_hlc, loser_value, loser_hlc FROM conflict ORDER BY id
            """,
            prefix: "conflict"
        )
        // Changes of kinds this release does not know, byte for byte, so that none is lost on the way.
        lines += try self.dumpRows(
            """
            SELECT u.office, u.sequence, u.kind, u.entity_id, c.line FROM unapplied_change u
            JOIN change_log c USING (office, sequence) ORDER BY 1, 2
            """,
            prefix: "unapplied"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    private func dumpRows(_ sql: String, prefix: String) throws -> [String] {
        let statement = try self.database.prepare(built: sql)
        statement.reset()
        defer { statement.reset() }
        var lines: [String] = []
        while try statement.step() {
            var line = prefix
            for column in 0..<sqlite3_column_count(statement.handle) {
                line += " "
                switch sqlite3_column_type(statement.handle, column) {
                case SQLITE_NULL: line += "null"
                case SQLITE_INTEGER: line += String(sqlite3_column_int64(statement.handle, column))
                default: JSONText.appendString(Row(statement: statement).text(column), to: &line)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
