//! The restricted record of an arena's recipient: name, contact details and a note, kept apart
//! from the arena, opened only by its coordinator and communication lead, every opening logged.
//! Audit rows say that it changed, never what it holds.

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};
use chrono::{DateTime, Utc};

use super::{Result, Stamp, StoreError, access, history, time};
use puls_domain::text;

/// The record as its coordinator or communication lead sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestrictedRecord {
    pub arena: i64,
    pub name: String,
    pub contact: String,
    pub note: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// What a form gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RestrictedEdit {
    pub name: String,
    pub contact: String,
    pub note: String,
}

/// One opening of a restricted record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReadLogRow {
    pub at: DateTime<Utc>,
    pub who: String,
    pub arena: i64,
    /// Why it was read: "open" (the popup), "extract" (a subject-access extract).
    pub what: String,
}

/// SQL for whether arena `a` has a restricted record: everyone may know that much, though
/// PostgreSQL's policy shows the record only to its readers (migration 006), so there a
/// function answers.
pub(super) fn exists_for_a(conn: &dyn Db) -> &'static str {
    conn.pick(
        "EXISTS (SELECT 1 FROM restricted_records r WHERE r.arena_id = a.id)",
        "puls_has_restricted(a.id)",
    )
}

/// Reads the record, unchecked and unlogged: callers check and log first.
pub(super) fn read(conn: &dyn Db, arena: i64) -> Result<Option<RestrictedRecord>> {
    Ok(conn
        .prepare_cached(
            "SELECT name, contact, note, version, updated_at, updated_by FROM restricted_records
             WHERE arena_id = ?1",
        )?
        .query_row([arena], |r| {
            Ok(RestrictedRecord {
                arena,
                name: r.get(0)?,
                contact: r.get(1)?,
                note: r.get(2)?,
                version: r.get(3)?,
                updated_at: time::from_text(r.text(4)?),
                updated_by: r.get(5)?,
            })
        })
        .optional()?)
}

/// Writes a read-log row in the transaction that reads.
pub(super) fn log_read(tx: &dyn Db, stamp: &Stamp, arena: i64, what: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO read_log (at, who, arena_id, what) VALUES (?1, ?2, ?3, ?4)",
        params![time::to_text(stamp.at), stamp.who, arena, what],
    )?;
    Ok(())
}

pub(super) fn read_log_of(conn: &dyn Db, arena: i64) -> Result<Vec<ReadLogRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, who, arena_id, what FROM read_log WHERE arena_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([arena], |r| {
        Ok(ReadLogRow {
            at: time::from_text(r.text(0)?),
            who: r.get(1)?,
            arena: r.get(2)?,
            what: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

fn ensure_may_open(conn: &dyn Db, who: &str, arena: i64) -> Result<()> {
    if access::may_open_restricted(conn, who, arena)? {
        Ok(())
    } else {
        Err(StoreError::Restricted(arena))
    }
}

/// Restricted records and their read log. Part of the store interface (see [`crate::Backend`]).
pub trait RestrictedStore {
    /// Opens the arena's restricted record (`None`: it has none yet), writing a read-log row.
    /// Refused to anyone but the arena's coordinator and communication lead.
    fn open_restricted(&mut self, arena: i64) -> Result<Option<RestrictedRecord>>;

    /// Whether the store's account may open the arena's restricted record.
    fn may_open_restricted(&self, arena: i64) -> Result<bool>;

    /// Saves the record (all fields empty: erases it), unless someone changed it since
    /// `expected_version` (`None`: the caller saw none). The audit row says only that it changed.
    fn save_restricted(
        &mut self,
        arena: i64,
        expected_version: Option<i64>,
        edit: &RestrictedEdit,
    ) -> Result<()>;

    /// Who opened the arena's restricted record, and when, oldest first.
    fn read_log(&self, arena: i64) -> Result<Vec<ReadLogRow>>;
}

impl<S: SqlStore> RestrictedStore for S {
    fn open_restricted(&mut self, arena: i64) -> Result<Option<RestrictedRecord>> {
        self.write(|tx, stamp| {
            ensure_may_open(tx, stamp.who, arena)?;
            log_read(tx, stamp, arena, "open")?;
            read(tx, arena)
        })
    }

    fn may_open_restricted(&self, arena: i64) -> Result<bool> {
        access::may_open_restricted(self.db(), self.who(), arena)
    }

    fn save_restricted(
        &mut self,
        arena: i64,
        expected_version: Option<i64>,
        edit: &RestrictedEdit,
    ) -> Result<()> {
        let name = text::one_line(edit.name.trim()).into_owned();
        let contact = text::multi_line(edit.contact.trim()).into_owned();
        let note = text::multi_line(edit.note.trim()).into_owned();
        self.write(|tx, stamp| {
            ensure_may_open(tx, stamp.who, arena)?;
            let current = read(tx, arena)?;
            if let Some(c) = &current
                && Some(c.version) != expected_version
            {
                return Err(StoreError::Changed {
                    what: format!("the restricted record of #{arena}"),
                    who: c.updated_by.clone(),
                    at: c.updated_at,
                });
            }
            let at = time::to_text(stamp.at);
            let action = if name.is_empty() && contact.is_empty() && note.is_empty() {
                tx.execute("DELETE FROM restricted_records WHERE arena_id = ?1", [arena])?;
                "erased"
            } else {
                tx.execute(
                    "INSERT INTO restricted_records (arena_id, name, contact, note, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (arena_id) DO UPDATE SET name = excluded.name,
                         contact = excluded.contact, note = excluded.note,
                         version = restricted_records.version + 1, updated_at = excluded.updated_at,
                         updated_by = excluded.updated_by",
                    params![arena, name, contact, note, at, stamp.who],
                )?;
                "saved"
            };
            if current.is_none() && action == "erased" {
                return Ok(());
            }
            history::record(tx, stamp, "arena", arena, "restricted", action)
        })
    }

    fn read_log(&self, arena: i64) -> Result<Vec<ReadLogRow>> {
        read_log_of(self.db(), arena)
    }
}
