//! Purposes, the arenas that serve them, and what their purpose meetings record. Every change
//! is audited: on the purpose, and on the arena when it joins or leaves one.

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};
use chrono::NaiveDate;

use super::{Result, StoreError, drawn_up, history, time};
pub use puls_domain::purpose::{NoteKind, Purpose, PurposeNote};
use puls_domain::text;

/// Purposes and their meetings. Part of the store interface (see [`crate::Backend`]).
pub trait PurposeStore {
    /// Adds a purpose; returns its id.
    fn add_purpose(&mut self, name: &str, description: &str) -> Result<i64>;

    /// Every purpose, by name.
    fn purposes(&self) -> Result<Vec<Purpose>>;

    fn purpose(&self, id: i64) -> Result<Purpose>;

    /// Puts `arena` under `purpose`, or under none; a drawn-up arena keeps its purpose.
    fn set_purpose(&mut self, arena: i64, purpose: Option<i64>) -> Result<()>;

    /// The arenas under `purpose`, by number.
    fn purpose_arenas(&self, purpose: i64) -> Result<Vec<i64>>;

    /// Records a note, dilemma or decision of a purpose meeting; returns its id.
    fn add_purpose_note(
        &mut self,
        purpose: i64,
        kind: NoteKind,
        on: NaiveDate,
        text: &str,
    ) -> Result<i64>;

    /// What the purpose's meetings recorded, oldest first.
    fn purpose_notes(&self, purpose: i64) -> Result<Vec<PurposeNote>>;
}

fn purpose_exists(conn: &dyn Db, id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM purposes WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    found.map(|_| ()).ok_or(StoreError::PurposeNotFound(id))
}

impl<S: SqlStore> PurposeStore for S {
    fn add_purpose(&mut self, name: &str, description: &str) -> Result<i64> {
        let name = text::one_line(name.trim()).into_owned();
        if name.is_empty() {
            return Err(StoreError::NameMissing);
        }
        self.write(|tx, stamp| {
            tx.execute(
                "INSERT INTO purposes (name, description, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    name,
                    text::multi_line(description.trim()),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "purpose", id, "create", &name)?;
            Ok(id)
        })
    }

    fn purposes(&self) -> Result<Vec<Purpose>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT id, name, description, version FROM purposes ORDER BY name, id",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(Purpose {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                version: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn purpose(&self, id: i64) -> Result<Purpose> {
        self.db()
            .query_row(
                "SELECT id, name, description, version FROM purposes WHERE id = ?1",
                [id],
                |r| {
                    Ok(Purpose {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        description: r.get(2)?,
                        version: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::PurposeNotFound(id))
    }

    fn set_purpose(&mut self, arena: i64, purpose: Option<i64>) -> Result<()> {
        self.write(|tx, stamp| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM arenas WHERE id = ?1)",
                [arena],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(StoreError::ArenaNotFound(arena));
            }
            drawn_up::ensure_open(tx, arena)?;
            tx.execute("DELETE FROM purpose_arenas WHERE arena_id = ?1", [arena])?;
            let detail = match purpose {
                Some(id) => {
                    purpose_exists(tx, id)?;
                    tx.execute(
                        "INSERT INTO purpose_arenas (arena_id, purpose_id) VALUES (?1, ?2)",
                        params![arena, id],
                    )?;
                    // The history names the purpose, as a reader of it knows it.
                    tx.query_row("SELECT name FROM purposes WHERE id = ?1", [id], |r| {
                        r.get::<_, String>(0)
                    })?
                }
                None => "no purpose".to_owned(),
            };
            history::record(tx, stamp, "arena", arena, "purpose", &detail)
        })
    }

    fn purpose_arenas(&self, purpose: i64) -> Result<Vec<i64>> {
        purpose_exists(self.db(), purpose)?;
        let mut stmt = self.db().prepare_cached(
            "SELECT arena_id FROM purpose_arenas WHERE purpose_id = ?1 ORDER BY arena_id",
        )?;
        let rows = stmt.query_map([purpose], |r| r.get(0))?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn add_purpose_note(
        &mut self,
        purpose: i64,
        kind: NoteKind,
        on: NaiveDate,
        note: &str,
    ) -> Result<i64> {
        let note = text::multi_line(note.trim()).into_owned();
        if note.is_empty() {
            return Err(StoreError::NoteMissing);
        }
        self.write(|tx, stamp| {
            purpose_exists(tx, purpose)?;
            tx.execute(
                "INSERT INTO purpose_notes (purpose_id, kind, on_date, text, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    purpose,
                    kind.code(),
                    time::date_to_text(Some(on)),
                    note,
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "purpose", purpose, kind.code(), &note)?;
            Ok(id)
        })
    }

    fn purpose_notes(&self, purpose: i64) -> Result<Vec<PurposeNote>> {
        purpose_exists(self.db(), purpose)?;
        let mut stmt = self.db().prepare_cached(
            "SELECT id, kind, on_date, text, updated_by FROM purpose_notes
             WHERE purpose_id = ?1 ORDER BY on_date, id",
        )?;
        let rows = stmt.query_map([purpose], |r| {
            let kind: String = r.get(1)?;
            Ok(PurposeNote {
                id: r.get(0)?,
                kind: NoteKind::from_code(&kind).unwrap_or(NoteKind::Note),
                on: time::date_from_text(r.get(2)?).unwrap_or_default(),
                text: r.get(3)?,
                by: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }
}
