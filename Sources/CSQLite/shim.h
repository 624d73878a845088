#include <sqlite3.h>

/// `sqlite3_config` is variadic, which Swift cannot call: one wrapper per option used.
/// Memory statistics take a global mutex on every allocation SQLite makes.
static inline int signatory_sqlite3_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}
