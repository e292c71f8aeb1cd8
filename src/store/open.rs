//! Opening a database: checked before anything is written to it.
//!
//! A file puls refuses (not SQLite, from a newer puls, read-only, open to anyone) is left exactly
//! as it was: its schema version is read before the journal mode is set or a migration runs.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use rusqlite_migration::Migrations;

use super::files::{self, StoreOptions, Warning};
use super::{MIGRATIONS, Result, StoreError};

/// A connection to `path` with puls's settings and the latest schema, and what the user should
/// know about the file.
pub(super) fn connect(path: &Path, options: &StoreOptions) -> Result<(Connection, Vec<Warning>)> {
    let group = options.group.as_deref().map(files::group).transpose()?;
    let warnings = files::prepare(path, group)?;
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
    if version < MIGRATIONS.len() {
        migrate(&mut conn, path)?;
    }
    // Any read opens the WAL: the -wal and -shm files exist from here on while we are open.
    schema_version(&conn, path)?;
    files::follow_database(path)?;
    Ok((conn, warnings))
}

/// Opens a file that exists, never creating one.
pub(super) fn existing(path: &Path) -> Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))
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
