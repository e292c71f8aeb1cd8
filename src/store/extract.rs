//! The subject-access extract (GDPR art. 15): everything held about one case reference,
//! restricted records included, for an administrator; every restricted record read is logged.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::transfer::{ArenaRecord, record_of};
use super::{AuditRow, ReadLogRow, Result, Store, StoreError, access, history, restricted};

/// The restricted record as the extract shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestrictedPart {
    pub name: String,
    pub contact: String,
    pub note: String,
}

/// One arena whose recipient is the case reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubjectArena {
    pub id: i64,
    pub record: ArenaRecord,
    pub restricted: Option<RestrictedPart>,
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

/// The arenas whose recipient is `case_ref` (trimmed, case ignored), in number order.
fn arenas_of(conn: &Connection, case_ref: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM arenas WHERE trim(recipient) = ?1 COLLATE NOCASE ORDER BY id",
    )?;
    let ids = stmt
        .query_map([case_ref.trim()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

impl Store {
    /// Everything held about `case_ref`. Only an administrator may write one; each restricted
    /// record it holds gets a read-log row ("extract") in the same transaction.
    pub fn subject_extract(&mut self, case_ref: &str) -> Result<SubjectExtract> {
        let today = self.today();
        self.write(|tx, stamp| {
            if !access::roles_of(tx, stamp.who)?
                .contains(&crate::domain::access::Role::Administrator)
            {
                return Err(StoreError::NotAdministrator(stamp.who.to_owned()));
            }
            let mut arenas = Vec::new();
            for id in arenas_of(tx, case_ref)? {
                let record = restricted::read(tx, id)?;
                if record.is_some() {
                    restricted::log_read(tx, stamp, id, "extract")?;
                }
                arenas.push(SubjectArena {
                    id,
                    record: record_of(tx, id, today)?,
                    restricted: record.map(|r| RestrictedPart {
                        name: r.name,
                        contact: r.contact,
                        note: r.note,
                    }),
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
