//! The audit log: who changed what, and when. Written in the same transaction as the change.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};
use chrono::{DateTime, Utc};
pub use puls_domain::read::AuditRow;

use super::{Result, Stamp, time};
use puls_domain::privacy;

/// What stands in the history for a personal identity number or a health term. The history
/// keeps one language, English, whatever language its writer reads.
pub const MASK: &str = "[masked]";

/// Writes the audit row of the change in progress. Its text is masked here, for every caller:
/// the history is read by everyone on the team, so it never holds a personal identity number or
/// a health term, even one saved on purpose (README: "never the number itself").
pub fn record(
    tx: &dyn Db,
    stamp: &Stamp,
    entity: &str,
    entity_id: i64,
    action: &str,
    detail: &str,
) -> Result<()> {
    let detail = privacy::masked(detail, stamp.health_terms, MASK);
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

/// Every history row of one arena, oldest first: a subject-access extract.
pub(crate) fn arena_rows(conn: &dyn Db, arena: i64) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{AUDIT_SELECT} WHERE entity = 'arena' AND entity_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([arena], audit_row)?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

/// History and audit: who changed what, and stand-ups. Part of the store interface (see [`crate::Backend`]).
pub trait HistoryStore {
    /// The newest `limit` history rows of one arena, newest first.
    fn arena_history(&self, arena: i64, limit: usize) -> Result<Vec<AuditRow>>;

    /// The history from `since` on, of one arena or of everything: the newest `limit` rows,
    /// oldest first. Each case has its own statement and index: an arena's rows through
    /// `audit_by_entity`, a time range through `audit_by_time`.
    fn history(
        &self,
        since: Option<DateTime<Utc>>,
        arena: Option<i64>,
        limit: usize,
    ) -> Result<Vec<AuditRow>>;

    /// Records that a stand-up about the arena starts now, and returns when the previous one
    /// started: "what changed since the last stand-up" is real, per arena and for everyone.
    fn start_standup(&mut self, arena: i64) -> Result<Option<DateTime<Utc>>>;
}

impl<S: SqlStore> HistoryStore for S {
    fn arena_history(&self, arena: i64, limit: usize) -> Result<Vec<AuditRow>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT at, who, entity, entity_id, action, detail FROM audit
             WHERE entity = 'arena' AND entity_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![arena, limit as i64], |r| {
            Ok(AuditRow {
                at: time::from_text(r.text(0)?),
                who: r.get(1)?,
                entity: r.get(2)?,
                entity_id: r.get(3)?,
                action: r.get(4)?,
                detail: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn history(
        &self,
        since: Option<DateTime<Utc>>,
        arena: Option<i64>,
        limit: usize,
    ) -> Result<Vec<AuditRow>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // Every stored time sorts after the empty text.
        let since = since.map(time::to_text).unwrap_or_default();
        let mut rows = match arena {
            Some(id) => self
                .db()
                .prepare_cached(&format!(
                    "{AUDIT_SELECT} WHERE entity = 'arena' AND entity_id = ?1 AND at >= ?2
                     ORDER BY id DESC LIMIT ?3"
                ))?
                .query_map(params![id, since, limit], audit_row)?
                .collect::<SqlResult<Vec<_>>>()?,
            None => self
                .db()
                .prepare_cached(&format!(
                    "{AUDIT_SELECT} WHERE at >= ?1 ORDER BY at DESC, id DESC LIMIT ?2"
                ))?
                .query_map(params![since, limit], audit_row)?
                .collect::<SqlResult<Vec<_>>>()?,
        };
        rows.reverse();
        Ok(rows)
    }

    fn start_standup(&mut self, arena: i64) -> Result<Option<DateTime<Utc>>> {
        self.write(|tx, stamp| {
            super::arenas::exists(tx, arena)?;
            let previous: Option<String> = tx
                .query_row(
                    "SELECT at FROM audit WHERE entity = 'arena' AND entity_id = ?1 AND action = 'standup'
                     ORDER BY id DESC LIMIT 1",
                    [arena],
                    |r| r.get(0),
                )
                .optional()?;
            record(tx, stamp, "arena", arena, "standup", "")?;
            Ok(previous.map(|t| time::from_text(&t)))
        })
    }
}

const AUDIT_SELECT: &str = "SELECT at, who, entity, entity_id, action, detail FROM audit";

fn audit_row(r: &Row) -> SqlResult<AuditRow> {
    Ok(AuditRow {
        at: time::from_text(r.text(0)?),
        who: r.get(1)?,
        entity: r.get(2)?,
        entity_id: r.get(3)?,
        action: r.get(4)?,
        detail: r.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use crate::query_plan::query_plan;
    use std::sync::Arc;

    use puls_domain::clock::SystemClock;

    use super::*;

    #[test]
    fn history_queries_read_their_index_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("h.db"), "maja", Arc::new(SystemClock)).unwrap();
        let arena = query_plan(
            &store,
            &format!(
                "{AUDIT_SELECT} WHERE entity = 'arena' AND entity_id = 1 AND at >= '' \
                 ORDER BY id DESC LIMIT 5"
            ),
            [],
        );
        assert!(arena.contains("audit_by_entity"), "{arena}");
        assert!(!arena.contains("TEMP B-TREE"), "{arena}");
        let since = query_plan(
            &store,
            &format!("{AUDIT_SELECT} WHERE at >= '2026' ORDER BY at DESC, id DESC LIMIT 5"),
            [],
        );
        assert!(since.contains("audit_by_time"), "{since}");
        assert!(!since.contains("TEMP B-TREE"), "{since}");
    }
}
