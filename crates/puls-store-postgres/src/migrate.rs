//! The schema's numbered migrations, run at open as SQLite's are. The version lives in
//! `puls_schema`; a database of a newer puls is refused before anything is written to it.

use puls_store::StoreError;

use puls_store::sql::{Db, OptionalExtension, params};

use crate::db::Connection;
use crate::{Result, as_path};

/// Every migration, in order; a database's version is how many of them it has.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_schema.sql"),
    include_str!("../migrations/002_account_keys.sql"),
    include_str!("../migrations/003_governance.sql"),
    include_str!("../migrations/004_reviews.sql"),
    include_str!("../migrations/005_staffing_requests.sql"),
    include_str!("../migrations/006_regions.sql"),
    include_str!("../migrations/007_written_entries.sql"),
    include_str!("../migrations/008_search_heading.sql"),
    include_str!("../migrations/009_partnership_maturity.sql"),
    include_str!("../migrations/010_municipality_reads.sql"),
    include_str!("../migrations/011_entries_under_policies.sql"),
    include_str!("../migrations/012_search_by_municipality.sql"),
    include_str!("../migrations/013_team_counts.sql"),
    include_str!("../migrations/014_written_entries_counts.sql"),
    include_str!("../migrations/015_plan_counts.sql"),
    include_str!("../migrations/016_entry_vectors.sql"),
];

/// The key of the advisory lock two sessions starting on an old database take in turn.
const MIGRATION_LOCK: i64 = 0x5055_4C54;

/// The schema version, read without writing: 0 for a database puls has never used.
pub(crate) fn version(conn: &Connection) -> Result<usize> {
    let db: &dyn Db = conn;
    let has_table: bool = db.query_row(
        "SELECT to_regclass('puls_schema') IS NOT NULL",
        params![],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    let version: Option<i64> = db
        .query_row("SELECT version FROM puls_schema", params![], |r| r.get(0))
        .optional()?;
    Ok(version.map_or(0, |v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// Brings the schema up to date: each migration and the new version in one transaction.
pub(crate) fn to_latest(conn: &Connection, url: &str) -> Result<()> {
    let now = version(conn)?;
    if now > MIGRATIONS.len() {
        return Err(StoreError::TooNew(as_path(url)));
    }
    if now == MIGRATIONS.len() {
        return Ok(());
    }
    conn.execute_batch("BEGIN")?;
    let done = migrate(conn, url);
    match done {
        Ok(()) => Ok(conn.execute_batch("COMMIT")?),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn migrate(conn: &Connection, url: &str) -> Result<()> {
    let db: &dyn Db = conn;
    db.query_row(
        "SELECT pg_advisory_xact_lock($1)",
        params![MIGRATION_LOCK],
        |_| Ok(()),
    )?;
    conn.execute_batch("CREATE TABLE IF NOT EXISTS puls_schema (version BIGINT NOT NULL)")?;
    // Another session may have migrated while this one waited for the lock.
    let from = version(conn)?;
    if from > MIGRATIONS.len() {
        return Err(StoreError::TooNew(as_path(url)));
    }
    for sql in &MIGRATIONS[from..] {
        conn.execute_batch(sql).map_err(|e| StoreError::Migration {
            path: as_path(url),
            detail: StoreError::from(e).to_string(),
        })?;
    }
    db.execute("DELETE FROM puls_schema", params![])?;
    db.execute(
        "INSERT INTO puls_schema (version) VALUES ($1)",
        params![MIGRATIONS.len()],
    )?;
    Ok(())
}
