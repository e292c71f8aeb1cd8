//! Staffing an arena: its needs, the people allocated to it, and the best candidates for a need.

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};
use chrono::NaiveDate;
pub use puls_domain::read::{NeedRow, TeamMember};

use super::{Result, Stamp, StoreError, history, time};
use puls_domain::roster::{self, Candidate, Level, Load, NeedStatus};
use puls_domain::text;

#[derive(Debug, Clone, PartialEq)]
pub struct NewAllocation {
    pub person_id: i64,
    pub arena_id: i64,
    pub competence_id: Option<i64>,
    pub percent: u32,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// SQL for one person's current load; `?1` is today.
const LOAD_OF_P: &str =
    "(SELECT CAST(coalesce(sum(a.percent), 0) AS bigint) FROM allocations a WHERE a.person_id = p.id
     AND a.from_date <= ?1 AND (a.to_date IS NULL OR a.to_date >= ?1))";

/// The people allocated to an arena on `?1` (today), `?2` the arena, with their whole load.
pub(super) fn team_question(conn: &dyn Db) -> String {
    format!(
        "SELECT al.id, p.id, p.name, c.name, al.percent, al.from_date, al.to_date, p.capacity, {LOAD_OF_P}
         FROM allocations al JOIN people p ON p.id = al.person_id
         LEFT JOIN competences c ON c.id = al.competence_id
         WHERE al.arena_id = ?2 AND al.from_date <= ?1 AND (al.to_date IS NULL OR al.to_date >= ?1)
         ORDER BY p.name {}",
        conn.pick("COLLATE NOCASE", "")
    )
}

/// The arena's team on `today` (see [`team_question`]).
pub(super) fn team_of(conn: &dyn Db, arena: i64, today: Option<&str>) -> Result<Vec<TeamMember>> {
    let mut stmt = conn.prepare_cached(&team_question(conn))?;
    let team = stmt.query_map(params![today, arena], |r| {
        Ok(TeamMember {
            allocation_id: r.get(0)?,
            person_id: r.get(1)?,
            name: r.get(2)?,
            competence: r.get(3)?,
            percent: r.get(4)?,
            from: time::date_from_text(r.get(5)?).unwrap_or_default(),
            to: time::date_from_text(r.get(6)?),
            load: Load {
                capacity: r.get(7)?,
                allocated: r.get(8)?,
            },
        })
    })?;
    Ok(team.collect::<SqlResult<_>>()?)
}

/// An allocation running today: who, where, how much of their week.
pub(super) struct Current {
    pub person: i64,
    pub arena: i64,
    pub percent: u32,
}

/// `FROM .. WHERE ..` of the allocations running on `?1`. SQLite reads them in one scan of the
/// table: through an index, a row lookup each, it takes twice as long for most of the table.
pub(super) fn running_on_1(conn: &dyn Db) -> &'static str {
    conn.pick(
        "FROM allocations NOT INDEXED WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1)",
        "FROM allocations WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1)",
    )
}

/// Every allocation running on `today`, in one scan of the table. The roster counts loads
/// from these: a lookup per person or arena costs ten times more.
pub(super) fn current_allocations(conn: &dyn Db, today: &str) -> Result<Vec<Current>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT person_id, arena_id, percent {}",
        running_on_1(conn)
    ))?;
    let rows = stmt.query_map([today], |r| {
        Ok(Current {
            person: r.get(0)?,
            arena: r.get(1)?,
            percent: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

/// The arena exists and is not drawn up: its recruitment plan may change.
fn arena_open(tx: &dyn Db, id: i64) -> Result<()> {
    super::drawn_up::ensure_open(tx, id)
}

fn bump_arena(tx: &dyn Db, stamp: &Stamp, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE arenas SET version = version + 1, updated_at = ?2, updated_by = ?3 WHERE id = ?1",
        params![id, time::to_text(stamp.at), stamp.who],
    )?;
    Ok(())
}

/// An arena's needs (`?1`), in the order they were added.
pub(super) const NEEDS_OF: &str = "SELECT n.id, n.competence_id, c.name, n.reason, n.status, p.name, n.version
     FROM needs n JOIN competences c ON c.id = n.competence_id LEFT JOIN people p ON p.id = n.person_id
     WHERE n.arena_id = ?1 ORDER BY n.id";

/// The arena's needs in the order they were added.
pub(super) fn needs_of(conn: &dyn Db, arena: i64) -> Result<Vec<NeedRow>> {
    let mut stmt = conn.prepare_cached(NEEDS_OF)?;
    let needs = stmt.query_map([arena], |r| {
        Ok(NeedRow {
            id: r.get(0)?,
            competence_id: r.get(1)?,
            competence: r.get(2)?,
            reason: r.get(3)?,
            status: NeedStatus::from_code(r.text(4)?).unwrap_or(NeedStatus::Needed),
            person: r.get(5)?,
            version: r.get(6)?,
        })
    })?;
    Ok(needs.collect::<SqlResult<_>>()?)
}

/// Writes an allocation of a person to an arena and fills the arena's first open need for its
/// competence: a direct allocation, or a staffing request's approval.
pub(super) fn insert_allocation(
    tx: &dyn Db,
    stamp: &Stamp,
    allocation: &NewAllocation,
) -> Result<i64> {
    arena_open(tx, allocation.arena_id)?;
    let name: String = tx
        .query_row(
            "SELECT name FROM people WHERE id = ?1",
            [allocation.person_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::PersonNotFound(allocation.person_id))?;
    let now = time::to_text(stamp.at);
    tx.execute(
        "INSERT INTO allocations (person_id, arena_id, competence_id, percent, from_date, to_date,
             updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            allocation.person_id,
            allocation.arena_id,
            allocation.competence_id,
            allocation.percent,
            time::date_to_text(Some(allocation.from)),
            time::date_to_text(allocation.to),
            now,
            stamp.who
        ],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(competence) = allocation.competence_id {
        tx.execute(
            "UPDATE needs SET status = 'filled', person_id = ?3, version = version + 1,
                    updated_at = ?4, updated_by = ?5
             WHERE id = (SELECT id FROM needs WHERE arena_id = ?1 AND competence_id = ?2
                         AND status IN ('needed', 'requested') ORDER BY id LIMIT 1)",
            params![
                allocation.arena_id,
                competence,
                allocation.person_id,
                now,
                stamp.who
            ],
        )?;
    }
    bump_arena(tx, stamp, allocation.arena_id)?;
    let detail = format!("{name}, {}%", allocation.percent);
    history::record(tx, stamp, "arena", allocation.arena_id, "allocate", &detail)?;
    Ok(id)
}

/// Staffing: needs, allocations and an arena's team. Part of the store interface (see [`crate::Backend`]).
pub trait StaffingStore {
    /// The arena's needs in the order they were added.
    fn arena_needs(&self, arena: i64) -> Result<Vec<NeedRow>>;

    /// Adds a needed competence, named, to an arena's recruitment plan.
    fn add_need(&mut self, arena: i64, competence: &str, reason: &str) -> Result<i64>;

    /// The people allocated to an arena now, with their whole load.
    fn arena_team(&self, arena: i64) -> Result<Vec<TeamMember>>;

    /// Active people who hold `competence`, best fit for `arena` first.
    fn candidates(&self, arena: i64, competence: i64) -> Result<Vec<Candidate>>;

    /// Allocates a person to an arena; the arena's first open need for that competence is filled.
    fn allocate(&mut self, allocation: &NewAllocation) -> Result<i64>;

    /// Ends an allocation yesterday, so it no longer counts from today; its need is released.
    fn release(&mut self, allocation: i64) -> Result<()>;
}

impl<S: SqlStore> StaffingStore for S {
    fn arena_needs(&self, arena: i64) -> Result<Vec<NeedRow>> {
        needs_of(self.db(), arena)
    }

    fn add_need(&mut self, arena: i64, competence: &str, reason: &str) -> Result<i64> {
        self.write(|tx, stamp| {
            arena_open(tx, arena)?;
            let competence_id: i64 = tx
                .query_row(
                    "SELECT id FROM competences WHERE name = ?1",
                    [competence.trim()],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::UnknownCompetence(competence.trim().to_owned()))?;
            tx.execute(
                "INSERT INTO needs (arena_id, competence_id, reason, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    arena,
                    competence_id,
                    text::multi_line(reason),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            bump_arena(tx, stamp, arena)?;
            history::record(tx, stamp, "arena", arena, "need", competence.trim())?;
            Ok(id)
        })
    }

    fn arena_team(&self, arena: i64) -> Result<Vec<TeamMember>> {
        let today = time::date_to_text(Some(self.today()));
        team_of(self.db(), arena, today.as_deref())
    }

    fn candidates(&self, arena: i64, competence: i64) -> Result<Vec<Candidate>> {
        let today = time::date_to_text(Some(self.today()));
        let mut stmt = self.db().prepare_cached(&format!(
            "SELECT p.id, p.name, h.level, p.capacity, {LOAD_OF_P},
                    EXISTS (SELECT 1 FROM allocations t WHERE t.person_id = p.id AND t.arena_id = ?2
                            AND t.from_date <= ?1 AND (t.to_date IS NULL OR t.to_date >= ?1)),
                    (SELECT CAST(coalesce(sum(q.percent), 0) AS bigint) FROM staffing_requests q
                     WHERE q.person_id = p.id AND q.status = 'pending')
             FROM holdings h JOIN people p ON p.id = h.person_id
             WHERE h.competence_id = ?3 AND p.active = 1"
        ))?;
        let rows = stmt.query_map(params![today, arena, competence], |r| {
            Ok(Candidate {
                person_id: r.get(0)?,
                name: r.get(1)?,
                level: Level::from_number(r.get(2)?).unwrap_or(Level::Aware),
                load: Load {
                    capacity: r.get(3)?,
                    allocated: r.get(4)?,
                },
                in_team: r.get(5)?,
                asked: r.get(6)?,
            })
        })?;
        let mut candidates = rows.collect::<SqlResult<Vec<_>>>()?;
        roster::rank(&mut candidates);
        Ok(candidates)
    }

    fn allocate(&mut self, allocation: &NewAllocation) -> Result<i64> {
        self.write(|tx, stamp| insert_allocation(tx, stamp, allocation))
    }

    fn release(&mut self, allocation: i64) -> Result<()> {
        let yesterday = self.today().pred_opt().unwrap_or_default();
        self.write(|tx, stamp| {
            let (person, arena, competence, name): (i64, i64, Option<i64>, String) = tx
                .query_row(
                    "SELECT al.person_id, al.arena_id, al.competence_id, p.name
                     FROM allocations al JOIN people p ON p.id = al.person_id WHERE al.id = ?1",
                    [allocation],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::AllocationNotFound(allocation))?;
            tx.execute(
                "UPDATE allocations SET to_date = ?2, version = version + 1, updated_at = ?3, updated_by = ?4
                 WHERE id = ?1",
                params![allocation, time::date_to_text(Some(yesterday)), time::to_text(stamp.at), stamp.who],
            )?;
            // A person leaves a closed arena too, but its drawn-up recruitment plan stays as
            // it was closed.
            if super::drawn_up::lock_of(tx, arena)?.is_none() {
                tx.execute(
                    "UPDATE needs SET status = 'released', version = version + 1 WHERE arena_id = ?1
                     AND person_id = ?2 AND competence_id IS NOT DISTINCT FROM ?3 AND status = 'filled'",
                    params![arena, person, competence],
                )?;
            }
            bump_arena(tx, stamp, arena)?;
            history::record(tx, stamp, "arena", arena, "release", &name)
        })
    }
}
