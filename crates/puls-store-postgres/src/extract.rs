//! The subject-access extract (GDPR art. 15): everything held about one case reference,
//! restricted records included, for an administrator; every restricted record read is logged.

use puls_store::*;

use crate::db::Connection;

use super::retention;
use super::transfer::record_of;
use super::{DrawnUpRecord, PgStore, Result, StoreError, access, drawn_up, history, restricted};
use puls_domain::privacy;

/// The arenas that hold `case_ref` anywhere, in number order: as the recipient or in the text
/// of the arena (title, need, mandate, decline reason) or its contacts, in a meeting's answers
/// or a maturity note, in a drawn-up version, or in its history. The database narrows the
/// rows to those containing it; [`privacy::mentions`] keeps those naming it whole.
fn arenas_of(conn: &Connection, case_ref: &str) -> Result<Vec<i64>> {
    // lower() on both sides: the narrowing only; the test that counts is `mentions`.
    let wanted = case_ref.trim();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, texts FROM (
             SELECT id, recipient || chr(10) || title || chr(10) || need || chr(10) || mandate
                    || chr(10) || coalesce(decline_reason, '') AS texts
               FROM arenas) AS arena_texts
          WHERE strpos(lower(texts), lower($1)) > 0
         UNION ALL
         SELECT arena_id, summary FROM contacts WHERE strpos(lower(summary), lower($1)) > 0
         UNION ALL
         SELECT r.arena_id, r.led_by || chr(10) || a.answer
           FROM reviews r JOIN review_answers a ON a.review_id = r.id
          WHERE strpos(lower(r.led_by || chr(10) || a.answer), lower($1)) > 0
         UNION ALL
         SELECT m.arena_id, m.partner || chr(10) || s.note
           FROM maturity_ratings m JOIN maturity_scores s ON s.rating_id = m.id
          WHERE m.arena_id IS NOT NULL AND strpos(lower(m.partner || chr(10) || s.note), lower($1)) > 0
         UNION ALL
         SELECT arena_id, record FROM drawn_up WHERE strpos(lower(record), lower($1)) > 0
         UNION ALL
         SELECT entity_id, detail FROM audit
          WHERE entity = 'arena' AND strpos(lower(detail), lower($1)) > 0",
    )?;
    let rows = stmt
        .query_map([wanted], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<crate::db::SqlResult<Vec<_>>>()?;
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
            .prepare_cached("SELECT 1 FROM arenas WHERE id = $1")?
            .exists([id])?
        {
            held.push(id);
        }
    }
    Ok(held)
}

impl ExtractStore for PgStore {
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
