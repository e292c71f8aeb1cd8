//! The audit log: who changed what, and when. Written in the same transaction as the change.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};

use super::{Result, Stamp, Store, time};

/// One row of history.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub who: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub detail: String,
}

pub(crate) fn record(
    tx: &Transaction,
    stamp: &Stamp,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit (at, who, entity, entity_id, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            time::to_text(stamp.at),
            stamp.who,
            entity,
            entity_id,
            action,
            detail
        ],
    )?;
    Ok(())
}

impl Store {
    /// The newest `limit` history rows of one arena, newest first.
    pub fn arena_history(&self, arena: i64, limit: usize) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, who, entity, entity_id, action, detail FROM audit
             WHERE entity = 'arena' AND entity_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![arena, limit as i64], |r| {
            Ok(AuditRow {
                at: time::from_text(&r.get::<_, String>(0)?),
                who: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                action: r.get(4)?,
                detail: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
