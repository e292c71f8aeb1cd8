//! Purposes, the arenas that serve them, and what their purpose meetings record. Every change
//! is audited: on the purpose, and on the arena when it joins or leaves one.

use chrono::NaiveDate;
use puls_store::*;

use crate::db::{Connection, OptionalExtension, Row, SqlResult, params};

use super::{PgStore, Result, StoreError, drawn_up, history, time};
use puls_domain::text;

fn purpose_exists(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM purposes WHERE id = $1", [id], |r| r.get(0))
        .optional()?;
    found.map(|_| ()).ok_or(StoreError::PurposeNotFound(id))
}

fn purpose_row(r: &Row) -> SqlResult<Purpose> {
    Ok(Purpose {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        version: r.get(3)?,
    })
}

impl PurposeStore for PgStore {
    fn add_purpose(&mut self, name: &str, description: &str) -> Result<i64> {
        let name = text::one_line(name.trim()).into_owned();
        if name.is_empty() {
            return Err(StoreError::NameMissing);
        }
        self.write(|tx, stamp| {
            let id: i64 = tx.query_row(
                "INSERT INTO purposes (name, description, updated_at, updated_by)
                 VALUES ($1, $2, $3, $4) RETURNING id",
                params![
                    name,
                    text::multi_line(description.trim()),
                    time::to_text(stamp.at),
                    stamp.who
                ],
                |r| r.get(0),
            )?;
            history::record(tx, stamp, "purpose", id, "create", &name)?;
            Ok(id)
        })
    }

    fn purposes(&self) -> Result<Vec<Purpose>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, description, version FROM purposes ORDER BY name, id",
        )?;
        let rows = stmt.query_map(params![], purpose_row)?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn purpose(&self, id: i64) -> Result<Purpose> {
        self.conn
            .query_row(
                "SELECT id, name, description, version FROM purposes WHERE id = $1",
                [id],
                purpose_row,
            )
            .optional()?
            .ok_or(StoreError::PurposeNotFound(id))
    }

    fn set_purpose(&mut self, arena: i64, purpose: Option<i64>) -> Result<()> {
        self.write(|tx, stamp| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM arenas WHERE id = $1)",
                [arena],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(StoreError::ArenaNotFound(arena));
            }
            drawn_up::ensure_open(tx, arena)?;
            tx.execute("DELETE FROM purpose_arenas WHERE arena_id = $1", [arena])?;
            let detail = match purpose {
                Some(id) => {
                    purpose_exists(tx, id)?;
                    tx.execute(
                        "INSERT INTO purpose_arenas (arena_id, purpose_id) VALUES ($1, $2)",
                        params![arena, id],
                    )?;
                    // The history names the purpose, as a reader of it knows it.
                    tx.query_row("SELECT name FROM purposes WHERE id = $1", [id], |r| {
                        r.get::<_, String>(0)
                    })?
                }
                None => "no purpose".to_owned(),
            };
            history::record(tx, stamp, "arena", arena, "purpose", &detail)
        })
    }

    fn purpose_arenas(&self, purpose: i64) -> Result<Vec<i64>> {
        purpose_exists(&self.conn, purpose)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT arena_id FROM purpose_arenas WHERE purpose_id = $1 ORDER BY arena_id",
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
            let id: i64 = tx.query_row(
                "INSERT INTO purpose_notes (purpose_id, kind, on_date, text, updated_at, updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                params![
                    purpose,
                    kind.code(),
                    time::date_to_text(Some(on)),
                    note,
                    time::to_text(stamp.at),
                    stamp.who
                ],
                |r| r.get(0),
            )?;
            history::record(tx, stamp, "purpose", purpose, kind.code(), &note)?;
            Ok(id)
        })
    }

    fn purpose_notes(&self, purpose: i64) -> Result<Vec<PurposeNote>> {
        purpose_exists(&self.conn, purpose)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, on_date, text, updated_by FROM purpose_notes
             WHERE purpose_id = $1 ORDER BY on_date, id",
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
