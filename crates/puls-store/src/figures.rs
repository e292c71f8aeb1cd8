//! The key figures' reading: every arena with its stage dates, criteria verdicts and knowledge
//! entries, and today's staffing gaps and overload. The figures themselves are computed in
//! `domain::figures`.

use std::collections::HashMap;

use crate::sql::{Db, SqlResult, SqlStore, params};
use chrono::NaiveDate;

use super::history::MASK;
use super::plan::{SUMMARY_COLUMNS, summary_from_row};
use super::{Result, time};
use puls_domain::arena::Stage;
use puls_domain::figures::{self, ArenaLine, Figures};
use puls_domain::privacy;
use puls_domain::roster::Load;
use puls_domain::session::Session;

/// When an arena first became commissioned, last closed and last declined, by the audit log.
#[derive(Debug, Default, Clone, Copy)]
struct StageDates {
    commissioned: Option<NaiveDate>,
    closed: Option<NaiveDate>,
    declined: Option<NaiveDate>,
}

/// A text of the figures, which go to the coordination group (the key figures, the report)
/// rather than to the arena's team: a personal identity number saved on purpose reads `[masked]`.
fn masked(text: String) -> String {
    privacy::masked(&text, &[], MASK)
}

/// A stored time as the session's calendar day, the day "today" is measured in.
fn local_day(session: Session, text: &str) -> NaiveDate {
    session.day(time::from_text(text))
}

/// The stage dates of every arena, in one pass over the arenas' history in `audit_by_entity`
/// order (grouped without sorting). A move's detail reads `stage: signal -> commissioned`.
const STAGE_DATES: &str = "SELECT entity_id,
        min(CASE WHEN action = 'move' AND detail LIKE 'stage: % -> commissioned' THEN at END),
        max(CASE WHEN action = 'move' AND detail LIKE 'stage: % -> closed' THEN at END),
        max(CASE WHEN action = 'decline' THEN at END)
     FROM audit WHERE entity = 'arena' AND action IN ('move', 'decline')
     GROUP BY entity_id";

/// Every arena with its verdict and entry counts and its plan summary (indexes
/// `criteria_by_arena`, `entries_by_arena` and those of the plan summary).
fn lines_select() -> String {
    format!(
        "SELECT a.id, a.title, a.mission, a.stage, a.stage_since, a.signalled_at, p.name,
            a.target_date,
            (SELECT count(*) FROM criteria c WHERE c.arena_id = a.id AND c.met = 1),
            (SELECT count(*) FROM criteria c WHERE c.arena_id = a.id AND c.met = 0),
            (SELECT count(*) FROM criteria c WHERE c.arena_id = a.id AND c.met IS NULL),
            (SELECT count(*) FROM entries e WHERE e.arena_id = a.id),
            {SUMMARY_COLUMNS},
            a.registration
         FROM arenas a LEFT JOIN people p ON p.id = a.coordinator_id ORDER BY a.id"
    )
}

/// Needs nobody fills, in arenas still open, by competence: one scan of the needs, each arena
/// and competence found by its key.
const UNFILLED: &str = "SELECT c.name, count(*) FROM needs n
        JOIN competences c ON c.id = n.competence_id JOIN arenas a ON a.id = n.arena_id
     WHERE n.status IN ('needed', 'requested') AND a.stage NOT IN ('closed', 'declined')
     GROUP BY c.id";

/// People whose allocations running on `?1` exceed their capacity: people in key order (so the
/// grouping needs no sort), each one's allocations through `allocations_by_person`.
const OVER_ALLOCATED: &str = "SELECT p.name, p.capacity, sum(al.percent) AS allocated
     FROM people p CROSS JOIN allocations al ON al.person_id = p.id
     WHERE al.from_date <= ?1 AND (al.to_date IS NULL OR al.to_date >= ?1)
     GROUP BY p.id HAVING allocated > p.capacity";

/// `OVER_ALLOCATED` where a sum of integers is numeric and an alias is no column.
const OVER_ALLOCATED_PG: &str = "SELECT p.name, p.capacity, sum(al.percent)::bigint AS allocated
     FROM people p JOIN allocations al ON al.person_id = p.id
     WHERE al.from_date <= ?1 AND (al.to_date IS NULL OR al.to_date >= ?1)
     GROUP BY p.id HAVING sum(al.percent) > p.capacity";

/// A stage date while the arena is `past` it: the audit log's, or for an arena without the
/// audit row (imported with its stage) when it entered the stage it is `in_it` now.
fn stage_date(
    logged: Option<NaiveDate>,
    past: bool,
    in_it: bool,
    since: NaiveDate,
) -> Option<NaiveDate> {
    if past {
        logged.or(in_it.then_some(since))
    } else {
        None
    }
}

/// Key figures of a period. Part of the store interface (see [`crate::Backend`]).
pub trait FiguresStore {
    /// The key figures of the period `[from, to]` (either open), as of today.
    fn figures(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Figures>;
}

impl<S: SqlStore> FiguresStore for S {
    fn figures(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Figures> {
        let today = self.today();
        Ok(figures::compute(
            arena_lines(self.db(), self.session())?,
            unfilled_by_competence(self.db())?,
            over_allocated(self.db(), today)?,
            from,
            to,
            today,
        ))
    }
}

fn stage_dates(db: &dyn Db, session: Session) -> Result<HashMap<i64, StageDates>> {
    let mut stmt = db.prepare_cached(STAGE_DATES)?;
    let rows = stmt.query_map(params![], |r| {
        let day = |i| {
            r.get::<_, Option<String>>(i)
                .map(|t| t.as_deref().map(|t| local_day(session, t)))
        };
        Ok((
            r.get(0)?,
            StageDates {
                commissioned: day(1)?,
                closed: day(2)?,
                declined: day(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

/// Every arena as the figures see it, in number order.
fn arena_lines(db: &dyn Db, session: Session) -> Result<Vec<ArenaLine>> {
    let dates = stage_dates(db, session)?;
    let mut participating = super::arenas::all_participating(db)?;
    let mut stmt = db.prepare_cached(&lines_select())?;
    let lines = stmt.query_map(params![], |r| {
        let id: i64 = r.get(0)?;
        let stage = Stage::from_code(r.text(3)?).unwrap_or(Stage::Signal);
        let since = local_day(session, r.text(4)?);
        let logged = dates.get(&id).copied().unwrap_or_default();
        let past_signal = !matches!(stage, Stage::Signal | Stage::Declined);
        let (closed, declined) = (stage == Stage::Closed, stage == Stage::Declined);
        let target = time::date_from_text(r.get(7)?);
        Ok(ArenaLine {
            id,
            title: masked(r.get(1)?),
            mission: r.get(2)?,
            participating: participating.remove(&id).unwrap_or_default(),
            stage,
            coordinator: r.get::<_, Option<String>>(6)?.map(masked),
            signalled: local_day(session, r.text(5)?),
            commissioned: stage_date(
                logged.commissioned,
                past_signal,
                stage == Stage::Commissioned,
                since,
            ),
            closed: stage_date(logged.closed, closed, closed, since),
            declined: stage_date(logged.declined, declined, declined, since),
            target,
            // Measured against today by `figures::compute`.
            late: false,
            criteria_met: r.get(8)?,
            criteria_not_met: r.get(9)?,
            criteria_no_result: r.get(10)?,
            entries: r.get(11)?,
            plan: summary_from_row(r, 12)?,
            registration: masked(r.get(22)?),
        })
    })?;
    Ok(lines.collect::<SqlResult<_>>()?)
}

fn unfilled_by_competence(db: &dyn Db) -> Result<Vec<(String, u32)>> {
    let mut stmt = db.prepare_cached(UNFILLED)?;
    let rows = stmt.query_map(params![], |r| Ok((masked(r.get(0)?), r.get(1)?)))?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

fn over_allocated(db: &dyn Db, today: NaiveDate) -> Result<Vec<(String, Load)>> {
    let mut stmt = db.prepare_cached(db.pick(OVER_ALLOCATED, OVER_ALLOCATED_PG))?;
    let rows = stmt.query_map(params![time::date_to_text(Some(today))], |r| {
        Ok((
            masked(r.get(0)?),
            Load {
                capacity: r.get(1)?,
                allocated: r.get(2)?,
            },
        ))
    })?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use crate::query_plan::query_plan;
    use std::sync::Arc;

    use puls_domain::clock::SystemClock;

    use super::*;

    #[test]
    fn figure_queries_read_their_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("f.db"), "maja", Arc::new(SystemClock)).unwrap();
        let dates = query_plan(&store, STAGE_DATES, []);
        assert!(dates.contains("audit_by_entity"), "{dates}");
        assert!(!dates.contains("TEMP B-TREE"), "{dates}");
        let over = query_plan(&store, OVER_ALLOCATED, ["2026-11-23"]);
        assert!(over.contains("allocations_by_person"), "{over}");
        assert!(!over.contains("TEMP B-TREE"), "{over}");
        let lines = query_plan(&store, &lines_select(), []);
        assert!(lines.contains("criteria_by_arena"), "{lines}");
        assert!(lines.contains("entries_by_arena"), "{lines}");
    }
}
