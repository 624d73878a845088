#include <sqlite3.h>

/// `sqlite3_config` is variadic, which Swift cannot call: one wrapper per option used.
/// Memory statistics take a global mutex on every allocation SQLite makes.
static inline int signatory_sqlite3_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}

/// `sqlite3_db_config` is variadic too. With `on`, the last connection to close leaves the
/// write-ahead log as it is instead of copying it into the database.
static inline int signatory_sqlite3_db_config_no_checkpoint_on_close(sqlite3 *db, int on) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on, (int *)0);
}
