//! Opening a database: checked before anything is written to it.
//!
//! A file puls refuses (not SQLite, another program's database, from a newer puls, read-only,
//! open to anyone) is left exactly as it was: whose it is and its schema version are read before
//! the journal mode is set or a migration runs.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use rusqlite_migration::Migrations;

use super::files::{self, Group, StoreOptions, Warning};
use super::{MIGRATIONS, Result, StoreError};

/// puls's mark in the database header (`PRAGMA application_id`): "PULS" in ASCII.
pub(super) const APPLICATION_ID: i32 = 0x5055_4C53;

/// The tables every puls database has had since its first version.
const OWN_TABLES: [&str; 3] = ["meta", "arenas", "audit"];

/// Whose a database file is, as its header and tables say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Owner {
    /// puls's mark, or puls's own tables in a file made before the mark (it gets it).
    Puls { marked: bool },
    /// No tables and no schema version: a new file, or one nobody has used.
    Nobody,
    /// Another program's: its mark, or tables that are not puls's.
    Other,
}

/// Whose the database on `conn` is; only reads.
pub(super) fn owner(conn: &Connection, path: &Path) -> Result<Owner> {
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| StoreError::open(path, e))?;
    if id == APPLICATION_ID {
        return Ok(Owner::Puls { marked: true });
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|e| StoreError::open(path, e))?;
    // An empty file with a schema version is no new file: someone's, emptied.
    let version = schema_version(conn, path)?;
    Ok(if id != 0 {
        Owner::Other
    } else if tables.is_empty() && version == 0 {
        Owner::Nobody
    } else if OWN_TABLES.iter().all(|own| tables.iter().any(|t| t == own)) {
        Owner::Puls { marked: false }
    } else {
        Owner::Other
    })
}

/// A connection to `path` with puls's settings and the latest schema, what the user should
/// know about the file, and the team's group for the files written from it.
pub(super) fn connect(
    path: &Path,
    options: &StoreOptions,
) -> Result<(Connection, Vec<Warning>, Option<Group>)> {
    let group = options.group.as_deref().map(files::group).transpose()?;
    let warnings = files::prepare(path, group)?;
    // Whose the file is, asked without a lock or a file made beside it: another program's
    // database is left exactly as it was, its -wal too.
    let owner = owner(&read_only(path)?, path)?;
    if owner == Owner::Other {
        return Err(StoreError::ForeignDatabase(path.to_owned()));
    }
    let mut conn = existing(path)?;
    conn.busy_timeout(options.busy_timeout)?;
    let version = schema_version(&conn, path)?;
    if version > MIGRATIONS.len() {
        return Err(StoreError::TooNew(path.to_owned()));
    }
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnly(path.to_owned()));
    }
    // journal_mode answers with a row, so it is read rather than executed.
    let _mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| StoreError::open(path, e))?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
    if let Some(kib) = options.page_cache_kib {
        // A negative size is in KiB rather than pages.
        conn.pragma_update(None, "cache_size", -i64::from(kib))?;
    }
    if version < MIGRATIONS.len() {
        migrate(&mut conn, path)?;
    }
    if owner != (Owner::Puls { marked: true }) {
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| StoreError::open(path, e))?;
    }
    // Any read opens the WAL: the -wal and -shm files exist from here on while we are open.
    schema_version(&conn, path)?;
    files::follow_database(path)?;
    Ok((conn, warnings, group))
}

/// Opens a file that exists, never creating one.
pub(super) fn existing(path: &Path) -> Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))
}

/// A connection that only reads `path` and leaves no file beside it: through the `-wal` (and
/// `-shm`) of the sessions that have it open or of one that crashed, else as the file stands
/// (`immutable`), since a plain read-only connection to a WAL database with no `-wal` would
/// leave a `-wal` and `-shm` behind.
pub(super) fn read_only(path: &Path) -> Result<Connection> {
    // A -wal may hold every change (a crash, a session open): then only a real read sees them.
    let in_use = files::beside(path, "-wal").exists();
    let uri = format!(
        "file:{}?{}",
        uri_path(path),
        if in_use { "mode=ro" } else { "immutable=1" }
    );
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))
}

/// `path` as the path of a `file:` URI: every byte but letters, digits, `/` and `-._~`
/// percent-encoded, so `?`, `#` and `%` in a name stay in the name.
fn uri_path(path: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::new();
    for &byte in path.as_os_str().as_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

/// The schema version (`PRAGMA user_version`): the first read, where a file that is not SQLite
/// shows itself.
pub(super) fn schema_version(conn: &Connection, path: &Path) -> Result<usize> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| usize::try_from(v).unwrap_or(usize::MAX))
        .map_err(|e| StoreError::open(path, e))
}

/// Brings the schema up to date. Two sessions starting on an old file at once both try: the
/// second waits for the first (an immediate transaction), fails on tables that now exist, and
/// finds the schema current.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    let migrated = Migrations::from_slice(MIGRATIONS).to_latest(conn);
    conn.set_transaction_behavior(TransactionBehavior::Deferred);
    match migrated {
        Ok(()) => Ok(()),
        Err(_) if schema_version(conn, path)? == MIGRATIONS.len() => Ok(()),
        Err(e) => Err(StoreError::migration(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_path_keeps_every_character_of_the_name() {
        assert_eq!(
            uri_path(Path::new("/srv/a b/50%?#x.db")),
            "/srv/a%20b/50%25%3F%23x.db"
        );
        assert_eq!(uri_path(Path::new("arenas.db")), "arenas.db");
    }

    #[test]
    fn a_connection_keeps_the_page_cache_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let cache = |options: &StoreOptions| {
            let (conn, _, _) = connect(&path, options).unwrap();
            conn.query_row("PRAGMA cache_size", [], |r| r.get::<_, i64>(0))
                .unwrap()
        };
        assert_eq!(cache(&StoreOptions::default()), -2000, "SQLite's own");
        let small = StoreOptions {
            page_cache_kib: Some(256),
            ..StoreOptions::default()
        };
        assert_eq!(cache(&small), -256);
    }
}
