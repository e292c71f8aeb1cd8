//! Drawn up = locked. When an arena closes, its program, evaluation and knowledge entries become
//! official documents (upprättade): every write to them is refused, and the version as it stood
//! is kept whole in `drawn_up`. Reopening starts a new version; the locked one stays readable.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};
use chrono::{DateTime, Utc};
pub use puls_domain::read::DrawnUp;
use serde::{Deserialize, Serialize};

use super::transfer::{ArenaRecord, record_of};
use super::{Result, Stamp, StoreError, history, time};
use puls_domain::arena::Stage;

/// One knowledge entry as it stood when the arena was drawn up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnUpEntry {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub body: String,
    pub tags: Vec<String>,
    pub author: String,
}

/// A locked version of an arena: its program and evaluation (as `puls export arena` writes
/// them) and its knowledge entries, as they stood at the close.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnUpRecord {
    pub arena_id: i64,
    pub version: i64,
    pub closed_at: DateTime<Utc>,
    pub closed_by: String,
    pub reopened_at: Option<DateTime<Utc>>,
    pub reopened_by: Option<String>,
    pub arena: ArenaRecord,
    pub entries: Vec<DrawnUpEntry>,
}

/// SQL for what the lock of arena `a` is read from, for [`lock_from_row`]: its stage, since
/// when, who changed it last, and (joined by [`LOCK_JOIN`]) its open drawn-up version `d`.
pub(super) const LOCK_COLUMNS: &str =
    "a.stage, a.stage_since, a.updated_by, d.version, d.closed_at, d.closed_by";

/// Joins arena `a`'s open drawn-up version as `d`, while it is closed: the latest one not
/// reopened (the UNIQUE (arena_id, version) index finds it).
pub(super) const LOCK_JOIN: &str =
    "LEFT JOIN drawn_up d ON d.arena_id = a.id AND a.stage = 'closed'
    AND d.version = (SELECT max(o.version) FROM drawn_up o
                     WHERE o.arena_id = a.id AND o.reopened_at IS NULL)";

/// The arena's lock from [`LOCK_COLUMNS`] read at `first`: its open drawn-up version, or for
/// an arena closed before versions were kept, when it entered the stage; `None` while open.
pub(super) fn lock_from_row(r: &Row, first: usize) -> SqlResult<Option<DrawnUp>> {
    if r.text(first)? != Stage::Closed.code() {
        return Ok(None);
    }
    Ok(Some(match r.get::<_, Option<i64>>(first + 3)? {
        Some(version) => DrawnUp {
            version,
            at: time::from_text(r.text(first + 4)?),
            by: r.get(first + 5)?,
        },
        None => DrawnUp {
            version: 0,
            at: time::from_text(r.text(first + 1)?),
            by: r.get(first + 2)?,
        },
    }))
}

/// The arena's lock, if it is closed (see [`lock_from_row`]).
pub(super) fn lock_of(conn: &dyn Db, arena: i64) -> Result<Option<DrawnUp>> {
    conn.prepare_cached(&format!(
        "SELECT {LOCK_COLUMNS} FROM arenas a {LOCK_JOIN} WHERE a.id = ?1"
    ))?
    .query_row([arena], |r| lock_from_row(r, 0))
    .optional()?
    .ok_or(StoreError::ArenaNotFound(arena))
}

/// Refuses a write to the program, evaluation or entries of a drawn-up arena.
pub fn ensure_open(conn: &dyn Db, arena: i64) -> Result<()> {
    match lock_of(conn, arena)? {
        Some(lock) => Err(StoreError::DrawnUp {
            arena,
            at: lock.at,
            by: lock.by,
        }),
        None => Ok(()),
    }
}

/// Keeps what a stage move means for the record: a close draws up a new version, leaving
/// Closed reopens the last one.
pub(super) fn stage_changed(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: i64,
    from: Stage,
    to: Stage,
) -> Result<()> {
    if to == Stage::Closed && from != Stage::Closed {
        draw_up(tx, stamp, arena)?;
    } else if from == Stage::Closed && to != Stage::Closed {
        reopen(tx, stamp, arena)?;
    }
    Ok(())
}

pub(super) fn draw_up(tx: &dyn Db, stamp: &Stamp, arena: i64) -> Result<()> {
    let version: i64 = tx.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM drawn_up WHERE arena_id = ?1",
        [arena],
        |r| r.get(0),
    )?;
    let today = stamp.today();
    let record = DrawnUpRecord {
        arena_id: arena,
        version,
        closed_at: stamp.at,
        closed_by: stamp.who.to_owned(),
        reopened_at: None,
        reopened_by: None,
        arena: record_of(tx, arena, today)?,
        entries: entries_of(tx, arena)?,
    };
    let json = serde_json::to_string(&record).map_err(|e| StoreError::BadRecord(e.to_string()))?;
    tx.execute(
        "INSERT INTO drawn_up (arena_id, version, closed_at, closed_by, record)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![arena, version, time::to_text(stamp.at), stamp.who, json],
    )?;
    history::record(
        tx,
        stamp,
        "arena",
        arena,
        "drawn-up",
        &format!("version {version} locked"),
    )
}

fn reopen(tx: &dyn Db, stamp: &Stamp, arena: i64) -> Result<()> {
    let version: Option<i64> = tx
        .query_row(
            "SELECT max(version) FROM drawn_up WHERE arena_id = ?1 AND reopened_at IS NULL",
            [arena],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    tx.execute(
        "UPDATE drawn_up SET reopened_at = ?2, reopened_by = ?3
         WHERE arena_id = ?1 AND reopened_at IS NULL",
        params![arena, time::to_text(stamp.at), stamp.who],
    )?;
    let detail = match version {
        Some(v) => format!("version {v} kept as drawn up; a new version begins"),
        None => "a new version begins".to_owned(),
    };
    history::record(tx, stamp, "arena", arena, "reopen", &detail)
}

fn entries_of(conn: &dyn Db, arena: i64) -> Result<Vec<DrawnUpEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, kind, body, tags_text, author FROM entries WHERE arena_id = ?1
         ORDER BY id",
    )?;
    let rows = stmt.query_map([arena], |r| {
        Ok(DrawnUpEntry {
            id: r.get(0)?,
            title: r.get(1)?,
            kind: r.get(2)?,
            body: r.get(3)?,
            tags: r
                .get::<_, String>(4)?
                .lines()
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            author: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

/// Drawn-up (locked) versions of closed arenas. Part of the store interface (see [`crate::Backend`]).
pub trait DrawnUpStore {
    /// When and by whom the arena was drawn up, while it is closed; `None` while it is open.
    fn drawn_up(&self, arena: i64) -> Result<Option<DrawnUp>>;

    /// Every locked version of the arena, oldest first, as it stood when it closed (and as the
    /// retention decision left it).
    fn drawn_up_versions(&self, arena: i64) -> Result<Vec<DrawnUpRecord>>;
}

impl<S: SqlStore> DrawnUpStore for S {
    fn drawn_up(&self, arena: i64) -> Result<Option<DrawnUp>> {
        lock_of(self.db(), arena)
    }

    fn drawn_up_versions(&self, arena: i64) -> Result<Vec<DrawnUpRecord>> {
        Ok(versions_of(self.db(), arena)?
            .into_iter()
            .map(|(_, record)| record)
            .collect())
    }
}

/// Every locked version of the arena with its row id, oldest first.
pub(super) fn versions_of(conn: &dyn Db, arena: i64) -> Result<Vec<(i64, DrawnUpRecord)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, record, reopened_at, reopened_by FROM drawn_up WHERE arena_id = ?1
         ORDER BY version",
    )?;
    let rows = stmt.query_map([arena], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut versions = Vec::new();
    for row in rows {
        let (id, json, reopened_at, reopened_by) = row?;
        let mut record: DrawnUpRecord = serde_json::from_str(&json)
            .map_err(|e| StoreError::BadRecord(format!("drawn-up record: {e}")))?;
        record.reopened_at = reopened_at.as_deref().map(time::from_text);
        record.reopened_by = reopened_by;
        versions.push((id, record));
    }
    Ok(versions)
}

/// Writes a locked version back: only the retention decision may, in its own transaction.
pub(super) fn rewrite(tx: &dyn Db, id: i64, record: &DrawnUpRecord) -> Result<()> {
    let json = serde_json::to_string(record).map_err(|e| StoreError::BadRecord(e.to_string()))?;
    tx.execute(
        "UPDATE drawn_up SET record = ?2 WHERE id = ?1",
        params![id, json],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::prelude::*;
    use crate::{NewSignal, Store};
    use puls_domain::clock::FixedClock;

    #[test]
    fn an_arena_closed_before_versions_were_kept_is_locked_since_it_closed() {
        // Given an arena closed with no drawn-up version, as before versions were kept
        let dir = tempfile::tempdir().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut store =
            Store::open(&dir.path().join("d.db"), "maja", Arc::new(FixedClock(at))).unwrap();
        let signal = NewSignal {
            title: "Old".into(),
            need: String::new(),
            mission: "LF".into(),
            signalled_by: "Per".into(),
            manager: String::new(),
            target_date: None,
        };
        let id = store.create_signal(&signal).unwrap().id;
        store
            .conn
            .execute(
                "UPDATE arenas SET stage = 'closed', stage_since = '2020-01-02T03:04:05Z',
                        updated_by = 'jonas' WHERE id = ?1",
                [id],
            )
            .unwrap();

        // When its lock is read alone and with its plan
        let alone = store.drawn_up(id).unwrap();
        let in_plan = store.plan(id).unwrap().drawn_up;

        // Then both say since when it was closed and who changed it last
        let expected = DrawnUp {
            version: 0,
            at: Utc.with_ymd_and_hms(2020, 1, 2, 3, 4, 5).unwrap(),
            by: "jonas".into(),
        };
        assert_eq!(alone, Some(expected.clone()));
        assert_eq!(in_plan, Some(expected));
    }
}
