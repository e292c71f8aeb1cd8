//! The subject-access extract (GDPR art. 15): everything held about one case reference,
//! restricted records included, for an administrator; every restricted record read is logged.

use crate::prelude::*;
use crate::sql::{Db, Dialect, SqlResult, SqlStore};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::retention::{self, Anonymised};
use super::transfer::{ArenaRecord, record_of};
use super::{
    AuditRow, DrawnUpRecord, ReadLogRow, Result, StoreError, access, drawn_up, history, restricted,
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
    /// Its meetings, newest first, with every answer recorded.
    pub meetings: Vec<MeetingPart>,
    /// Its partnering-maturity ratings, oldest first, with their notes.
    pub ratings: Vec<RatingPart>,
}

/// A meeting as the extract shows it: kinds and questions by their codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingPart {
    pub held_on: chrono::NaiveDate,
    pub kind: String,
    pub led_by: String,
    pub answers: Vec<(String, String)>,
}

/// A maturity rating as the extract shows it: each dimension's code, level and note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingPart {
    pub on: chrono::NaiveDate,
    pub occasion: String,
    pub partner: String,
    pub scores: Vec<(String, u8, String)>,
}

/// Adds each extracted arena's meetings and ratings, and the purpose notes that name the case
/// reference, read after the extract's transaction through the store interface, so both
/// backends give them alike.
pub fn with_meetings<S: ReviewStore + MaturityStore + PurposeStore>(
    store: &S,
    mut extract: SubjectExtract,
) -> Result<SubjectExtract> {
    for arena in &mut extract.arenas {
        arena.meetings = store
            .reviews(arena.id)?
            .into_iter()
            .map(|r| MeetingPart {
                held_on: r.held_on,
                kind: r.kind.code().to_owned(),
                led_by: r.led_by,
                answers: r
                    .answers
                    .into_iter()
                    .filter(|(_, a)| !a.is_empty())
                    .map(|(q, a)| (q.code().to_owned(), a))
                    .collect(),
            })
            .collect();
        arena.ratings = store
            .ratings(arena.id)?
            .into_iter()
            .map(|r| RatingPart {
                on: r.on,
                occasion: r.occasion.code().to_owned(),
                partner: r.partner,
                scores: r
                    .scores
                    .into_iter()
                    .map(|s| (s.dimension.code().to_owned(), s.level, s.note))
                    .collect(),
            })
            .collect();
    }
    for purpose in store.purposes()? {
        for note in store.purpose_notes(purpose.id)? {
            if privacy::mentions(&note.text, &extract.case_reference) {
                extract.purpose_notes.push(PurposeNotePart {
                    purpose: purpose.name.clone(),
                    kind: note.kind.code().to_owned(),
                    on: note.on,
                    text: note.text,
                    by: note.by,
                });
            }
        }
    }
    Ok(extract)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectExtract {
    pub case_reference: String,
    pub written_at: DateTime<Utc>,
    pub written_by: String,
    pub arenas: Vec<SubjectArena>,
    /// Notes, dilemmas and decisions of purpose meetings that name the case reference.
    pub purpose_notes: Vec<PurposeNotePart>,
}

/// A purpose meeting's note as the extract shows it: its purpose by name, its kind by code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurposeNotePart {
    pub purpose: String,
    pub kind: String,
    pub on: chrono::NaiveDate,
    pub text: String,
    pub by: String,
}

/// The arenas that hold `case_ref` anywhere, in number order: as the recipient or in the text
/// of the arena (title, need, mandate, decline reason) or its contacts, in a meeting's answers
/// or a maturity note, in a drawn-up version, or in its history. SQLite narrows the
/// rows to those containing it; [`privacy::mentions`] keeps those naming it whole.
fn arenas_of(conn: &dyn Db, case_ref: &str) -> Result<Vec<i64>> {
    // lower() on both sides (SQLite's folds ASCII only, so a non-ASCII letter is compared as
    // written): the narrowing only; the test that counts is `mentions`.
    let wanted = case_ref.trim();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    // The same question in each dialect's words for a newline and a substring's place.
    let (newline, place, named) = match conn.dialect() {
        Dialect::Sqlite => ("char(10)", "instr", ""),
        Dialect::Postgres => ("chr(10)", "strpos", " AS arena_texts"),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, texts FROM (
             SELECT id, recipient || {newline} || title || {newline} || need || {newline} || mandate
                    || {newline} || coalesce(decline_reason, '') AS texts
               FROM arenas){named}
          WHERE {place}(lower(texts), lower(?1)) > 0
         UNION ALL
         SELECT arena_id, summary FROM contacts WHERE {place}(lower(summary), lower(?1)) > 0
         UNION ALL
         SELECT r.arena_id, r.led_by || {newline} || a.answer
           FROM reviews r JOIN review_answers a ON a.review_id = r.id
          WHERE {place}(lower(r.led_by || {newline} || a.answer), lower(?1)) > 0
         UNION ALL
         SELECT m.arena_id, m.partner || {newline} || s.note
           FROM maturity_ratings m JOIN maturity_scores s ON s.rating_id = m.id
          WHERE m.arena_id IS NOT NULL AND {place}(lower(m.partner || {newline} || s.note), lower(?1)) > 0
         UNION ALL
         SELECT arena_id, record FROM drawn_up WHERE {place}(lower(record), lower(?1)) > 0
         UNION ALL
         SELECT entity_id, detail FROM audit
          WHERE entity = 'arena' AND {place}(lower(detail), lower(?1)) > 0"
    ))?;
    let rows = stmt
        .query_map([wanted], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<SqlResult<Vec<_>>>()?;
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

impl<S: SqlStore + MaturityStore> ExtractStore for S {
    fn subject_extract(&mut self, case_ref: &str) -> Result<SubjectExtract> {
        let today = self.today();
        let extract = self.write(|tx, stamp| {
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
                    meetings: Vec::new(),
                    ratings: Vec::new(),
                });
            }
            Ok(SubjectExtract {
                case_reference: case_ref.trim().to_owned(),
                written_at: stamp.at,
                written_by: stamp.who.to_owned(),
                arenas,
                purpose_notes: Vec::new(),
            })
        })?;
        with_meetings(self, extract)
    }
}
