//! The subject-access extract (GDPR art. 15): everything held about one case reference,
//! restricted records included, for an administrator; every restricted record read is logged.

use crate::prelude::*;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::retention::{self, Anonymised};
use super::transfer::{ArenaRecord, record_of};
use super::{
    AuditRow, DrawnUpRecord, ReadLogRow, Result, Store, StoreError, access, drawn_up, history,
    restricted,
};
use puls_domain::privacy;

/// The restricted record as the extract shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestrictedPart {
    pub name: String,
    pub contact: String,
    pub note: String,
}

/// One arena that holds the case reference: as its recipient, in its text, in a version drawn
/// up when it closed, or in its history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectArena {
    pub id: i64,
    pub record: ArenaRecord,
    pub restricted: Option<RestrictedPart>,
    /// What the retention decision has anonymised in it, so the extract says so.
    pub anonymised: Anonymised,
    /// Every version drawn up when it closed, oldest first, as retention left it.
    pub drawn_up: Vec<DrawnUpRecord>,
    /// Every change to the arena, oldest first.
    pub audit: Vec<AuditRow>,
    /// Every opening of its restricted record, this extract's included.
    pub read_log: Vec<ReadLogRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectExtract {
    pub case_reference: String,
    pub written_at: DateTime<Utc>,
    pub written_by: String,
    pub arenas: Vec<SubjectArena>,
}

/// The arenas that hold `case_ref` anywhere, in number order: as the recipient or in the text
/// of the arena (title, need, mandate, decline reason) or its contacts, in a drawn-up version, or
/// in its history. SQLite narrows the
/// rows to those containing it; [`privacy::mentions`] keeps those naming it whole.
fn arenas_of(conn: &Connection, case_ref: &str) -> Result<Vec<i64>> {
    // SQLite's lower() folds ASCII only: the reference goes through it too, so a non-ASCII
    // letter is compared as written on both sides.
    let wanted = case_ref.trim();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, texts FROM (
             SELECT id, recipient || char(10) || title || char(10) || need || char(10) || mandate
                    || char(10) || coalesce(decline_reason, '') AS texts
               FROM arenas)
          WHERE instr(lower(texts), lower(?1)) > 0
         UNION ALL
         SELECT arena_id, summary FROM contacts WHERE instr(lower(summary), lower(?1)) > 0
         UNION ALL
         SELECT arena_id, record FROM drawn_up WHERE instr(lower(record), lower(?1)) > 0
         UNION ALL
         SELECT entity_id, detail FROM audit
          WHERE entity = 'arena' AND instr(lower(detail), lower(?1)) > 0",
    )?;
    let rows = stmt
        .query_map([wanted], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut ids: Vec<i64> = rows
        .into_iter()
        .filter(|(_, text)| privacy::mentions(text, case_ref))
        .map(|(id, _)| id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    // A history row outlives a deleted signal: only arenas still held are extracted.
    let mut held = Vec::with_capacity(ids.len());
    for id in ids {
        if conn
            .prepare_cached("SELECT 1 FROM arenas WHERE id = ?1")?
            .exists([id])?
        {
            held.push(id);
        }
    }
    Ok(held)
}

/// Subject-access extracts. Part of the store interface (see [`crate::Backend`]).
pub trait ExtractStore {
    /// Everything held about `case_ref`. Only an administrator may write one; each restricted
    /// record it holds gets a read-log row ("extract") in the same transaction.
    fn subject_extract(&mut self, case_ref: &str) -> Result<SubjectExtract>;
}

impl ExtractStore for Store {
    fn subject_extract(&mut self, case_ref: &str) -> Result<SubjectExtract> {
        let today = self.today();
        self.write(|tx, stamp| {
            if !access::roles_of(tx, stamp.who)?.contains(&puls_domain::access::Role::Administrator)
            {
                return Err(StoreError::NotAdministrator(stamp.who.to_owned()));
            }
            let mut arenas = Vec::new();
            for id in arenas_of(tx, case_ref)? {
                let record = restricted::read(tx, id)?;
                if record.is_some() {
                    restricted::log_read(tx, stamp, id, "extract")?;
                }
                let restricted = record.map(|r| RestrictedPart {
                    name: r.name,
                    contact: r.contact,
                    note: r.note,
                });
                let record = record_of(tx, id, today)?;
                let drawn_up: Vec<DrawnUpRecord> = drawn_up::versions_of(tx, id)?
                    .into_iter()
                    .map(|(_, version)| version)
                    .collect();
                arenas.push(SubjectArena {
                    id,
                    anonymised: retention::anonymised(&record, restricted.as_ref(), &drawn_up),
                    record,
                    restricted,
                    drawn_up,
                    audit: history::arena_rows(tx, id)?,
                    read_log: restricted::read_log_of(tx, id)?,
                });
            }
            Ok(SubjectExtract {
                case_reference: case_ref.trim().to_owned(),
                written_at: stamp.at,
                written_by: stamp.who.to_owned(),
                arenas,
            })
        })
    }
}
