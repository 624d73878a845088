import SignatoryStore

/// Said after a command that applied an erasure, when another program kept the database's
/// write-ahead log from being emptied.
enum ErasureWarning {
    static func warnIfValuesLinger(_ store: Store) {
        guard store.erasedValuesMayLinger else { return }
        Output.warn(
            "another program is reading this database, so the erased person's values are still in its files; once it stops, run `signatory contact list` to remove them"
        )
    }
}
