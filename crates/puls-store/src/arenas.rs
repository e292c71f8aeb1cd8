//! Arenas: the board's cards, and every change to an arena with its audit row.

use crate::sql::{
    Db, Dialect, OptionalExtension, Question, Row, SqlResult, SqlStore, ToValue, params,
};
use chrono::NaiveDate;
pub use puls_domain::read::ArenaCard;

use std::collections::HashMap;

use super::access::{self, Place};
use super::plan::{SUMMARY_COLUMNS, summary_from_row};
use super::{Result, Stamp, StoreError, decisions, drawn_up, history, roster, time};
use puls_domain::arena::{self, Arena, Stage};
use puls_domain::decision::Decided;
use puls_domain::puls::PlanSummary;
use puls_domain::text;

/// A signal as an employee raises it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSignal {
    pub title: String,
    pub need: String,
    pub mission: String,
    pub signalled_by: String,
    /// The signaller's nearest manager, who takes it on (empty: not named).
    pub manager: String,
    pub target_date: Option<NaiveDate>,
}

/// The fields a coordinator edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ArenaEdit {
    pub title: String,
    pub need: String,
    pub mission: String,
    pub coordinator: Option<String>,
    pub mandate: String,
    pub target_date: Option<NaiveDate>,
    /// The missions taking part besides the lead one, by code.
    pub participating: Vec<String>,
}

/// An arena, its team size and its plan summary; `?2` is today.
fn arena_select() -> String {
    format!(
        "SELECT a.id, a.title, a.need, a.mission, a.stage, a.stage_since,
            a.signalled_by, a.signalled_at, p.name, a.mandate, a.commissioned_by, a.target_date,
            a.decline_reason, a.version, a.updated_at, a.updated_by,
            a.decision_body, a.decision_on, a.budget, a.may_ask, a.authority_until,
            a.manager, a.agenda_body, a.agenda_on,
            (SELECT count(DISTINCT al.person_id) FROM allocations al WHERE al.arena_id = a.id
              AND al.from_date <= ?2 AND (al.to_date IS NULL OR al.to_date >= ?2)),
            {SUMMARY_COLUMNS}
         FROM arenas a LEFT JOIN people p ON p.id = a.coordinator_id WHERE a.id = ?1"
    )
}

fn stage_of(code: &str) -> Stage {
    // The CHECK constraint keeps other codes out; Signal is the harmless reading if one slips in.
    Stage::from_code(code).unwrap_or(Stage::Signal)
}

fn arena_from_row(r: &Row) -> SqlResult<Arena> {
    Ok(Arena {
        id: r.get(0)?,
        title: r.get(1)?,
        need: r.get(2)?,
        mission: r.get(3)?,
        stage: stage_of(r.text(4)?),
        stage_since: time::from_text(r.text(5)?),
        signalled_by: r.get(6)?,
        signalled_at: time::from_text(r.text(7)?),
        coordinator: r.get(8)?,
        mandate: r.get(9)?,
        commissioned_by: r.get(10)?,
        target_date: time::date_from_text(r.get(11)?),
        decline_reason: r.get(12)?,
        decided: decided_from_row(r, 16)?,
        participating: Vec::new(),
        manager: r.get(21)?,
        agenda: r
            .get::<_, Option<String>>(22)?
            .zip(time::date_from_text(r.get(23)?)),
        team: r.get(24)?,
        plan: summary_from_row(r, 25)?,
        version: r.get(13)?,
        updated_at: time::from_text(r.text(14)?),
        updated_by: r.get(15)?,
    })
}

/// The decision columns from `at` on: body, day, budget, whom it may ask, until when.
fn decided_from_row(r: &Row, at: usize) -> SqlResult<Option<Decided>> {
    let Some(body) = r.get::<_, Option<String>>(at)? else {
        return Ok(None);
    };
    Ok(Some(Decided {
        body,
        on: time::date_from_text(r.get(at + 1)?),
        budget: r.get(at + 2)?,
        may_ask: r.get(at + 3)?,
        until: time::date_from_text(r.get(at + 4)?),
    }))
}

/// One arena in full, its team counted on `today`.
pub(super) fn arena_of(conn: &dyn Db, id: i64, today: NaiveDate) -> Result<Arena> {
    let mut arena = conn
        .query_row(
            &arena_select(),
            params![id, time::date_to_text(Some(today))],
            arena_from_row,
        )
        .optional()?
        .ok_or(StoreError::ArenaNotFound(id))?;
    arena.participating = participating_of(conn, id)?;
    Ok(arena)
}

/// Refuses a write about an arena that does not exist, before it writes anything: for the
/// writes whose only row is their audit row (a stand-up, a personal-data decision).
pub(super) fn exists(conn: &dyn Db, id: i64) -> Result<()> {
    conn.query_row("SELECT 1 FROM arenas WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(id))
}

pub(super) fn load(tx: &dyn Db, stamp: &Stamp, id: i64) -> Result<Arena> {
    let mut arena = tx
        .query_row(
            &arena_select(),
            params![id, today_text(stamp)],
            arena_from_row,
        )
        .optional()?
        .ok_or(StoreError::ArenaNotFound(id))?;
    arena.participating = participating_of(tx, id)?;
    Ok(arena)
}

fn today_text(stamp: &Stamp) -> Option<String> {
    time::date_to_text(Some(stamp.today()))
}

/// Loads the arena and checks nobody changed it since the caller read `expected_version`.
pub(super) fn load_unchanged(
    tx: &dyn Db,
    stamp: &Stamp,
    id: i64,
    expected_version: i64,
) -> Result<Arena> {
    let arena = load(tx, stamp, id)?;
    if arena.version != expected_version {
        return Err(StoreError::Conflict {
            id,
            who: arena.updated_by,
            at: arena.updated_at,
        });
    }
    Ok(arena)
}

pub(super) fn bump(tx: &dyn Db, stamp: &Stamp, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE arenas SET version = version + 1, updated_at = ?2, updated_by = ?3 WHERE id = ?1",
        params![id, time::to_text(stamp.at), stamp.who],
    )?;
    Ok(())
}

pub(super) fn set_stage(tx: &dyn Db, stamp: &Stamp, id: i64, to: Stage) -> Result<()> {
    tx.execute(
        "UPDATE arenas SET stage = ?2, stage_since = ?3 WHERE id = ?1",
        params![id, to.code(), time::to_text(stamp.at)],
    )?;
    Ok(())
}

/// A readable line of what an edit changed, for the history.
fn describe_edit(before: &Arena, after: &ArenaEdit) -> String {
    let mut changed = Vec::new();
    if before.title != after.title {
        changed.push(format!("title: {} -> {}", before.title, after.title));
    }
    if before.need != after.need {
        changed.push("need".to_owned());
    }
    if before.mission != after.mission {
        changed.push(format!("mission: {} -> {}", before.mission, after.mission));
    }
    if before.coordinator != after.coordinator {
        changed.push(format!(
            "coordinator: {} -> {}",
            before.coordinator.as_deref().unwrap_or("-"),
            after.coordinator.as_deref().unwrap_or("-")
        ));
    }
    if before.mandate != after.mandate {
        changed.push("mandate".to_owned());
    }
    let now_taking_part = participating(after);
    if before.participating != now_taking_part {
        changed.push(format!(
            "participating: {} -> {}",
            dash_list(&before.participating),
            dash_list(&now_taking_part)
        ));
    }
    if before.target_date != after.target_date {
        changed.push(format!(
            "target: {} -> {}",
            time::date_to_text(before.target_date).unwrap_or_else(|| "-".into()),
            time::date_to_text(after.target_date).unwrap_or_else(|| "-".into())
        ));
    }
    if changed.is_empty() {
        "no change".to_owned()
    } else {
        changed.join("; ")
    }
}

fn dash_list(codes: &[String]) -> String {
    if codes.is_empty() {
        "-".to_owned()
    } else {
        codes.join(", ")
    }
}

/// The missions taking part in arena `id`, besides its lead mission, in code order.
pub(super) fn participating_of(conn: &dyn Db, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT mission FROM arena_missions WHERE arena_id = ?1 ORDER BY mission",
    )?;
    let codes = stmt.query_map([id], |r| r.get(0))?;
    Ok(codes.collect::<SqlResult<_>>()?)
}

/// Every arena's participating missions, for the board and the figures: one scan.
/// Every arena's participating missions, in order.
const PARTICIPATING: &str =
    "SELECT arena_id, mission FROM arena_missions ORDER BY arena_id, mission";

pub(super) fn all_participating(conn: &dyn Db) -> Result<HashMap<i64, Vec<String>>> {
    let mut stmt = conn.prepare_cached(PARTICIPATING)?;
    let mut all: HashMap<i64, Vec<String>> = HashMap::new();
    stmt.for_each(params![], |row| {
        all.entry(row.get(0)?).or_default().push(row.get(1)?);
        Ok(())
    })?;
    Ok(all)
}

/// The participating missions an edit names, as stored: one line each, in code order, each
/// once, never the lead mission.
fn participating(edit: &ArenaEdit) -> Vec<String> {
    let mut codes: Vec<String> = edit
        .participating
        .iter()
        .map(|c| text::one_line(c.trim()).into_owned())
        .filter(|c| !c.is_empty() && *c != edit.mission)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn write_participating(tx: &dyn Db, id: i64, edit: &ArenaEdit) -> Result<()> {
    tx.execute("DELETE FROM arena_missions WHERE arena_id = ?1", [id])?;
    for code in participating(edit) {
        tx.execute(
            "INSERT INTO arena_missions (arena_id, mission) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            params![id, code],
        )?;
    }
    Ok(())
}

fn write_fields(tx: &dyn Db, stamp: &Stamp, id: i64, edit: &ArenaEdit) -> Result<()> {
    write_participating(tx, id, edit)?;
    let coordinator = match edit.coordinator.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => Some(roster::find_or_add_coordinator(
            tx,
            stamp,
            &text::one_line(name),
        )?),
        _ => None,
    };
    tx.execute(
        "UPDATE arenas SET title = ?2, need = ?3, mission = ?4, mandate = ?5, target_date = ?6
         WHERE id = ?1",
        params![
            id,
            text::one_line(edit.title.trim()),
            text::multi_line(&edit.need),
            edit.mission,
            text::multi_line(&edit.mandate),
            time::date_to_text(edit.target_date),
        ],
    )?;
    // Who coordinates opens the restricted record: a change is not an ordinary edit.
    access::appoint(tx, stamp, id, Place::Coordinator, coordinator)
}

/// One arena's team size and plan counts, as the board shows them.
#[derive(Default)]
struct Counted {
    team: u32,
    plan: PlanSummary,
}

/// Every arena's team (people allocated on `today`) and plan counts, counted by the database:
/// a row per arena from each table, not a row per allocation, need, criterion, activity and
/// entry (50,000 rows at 2,000 arenas, each a cost on PostgreSQL). One statement joining the
/// five counts to the arenas took SQLite twice as long as the five on their own. PostgreSQL
/// reads the plans' counts it keeps (see [`plan_counts`]).
/// The counts are the ones `plan::SUMMARY_COLUMNS` gives for a single arena; the tests hold the
/// two to the same answer.
fn board_counts(conn: &dyn Db, today: &str) -> Result<HashMap<i64, Counted>> {
    let mut counts: HashMap<i64, Counted> = HashMap::new();
    let mut stmt = conn.prepare_cached(TEAM_COUNTS)?;
    stmt.for_each([today], |row| {
        counts.entry(row.get(0)?).or_default().team = row.get(1)?;
        Ok(())
    })?;
    for (sql, add) in plan_counts(conn) {
        let mut stmt = conn.prepare_cached(sql)?;
        stmt.for_each(params![], |row| {
            let arena: i64 = row.get(0)?;
            add(&mut counts.entry(arena).or_default().plan, row)
        })?;
    }
    Ok(counts)
}

/// Each arena's team on `?1`: the people allocated, each once. SQLite reads it from the
/// `allocations_team` index alone, already in arena order (migration 015).
const TEAM_COUNTS: &str = "SELECT arena_id, count(DISTINCT person_id) FROM allocations
     WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1) GROUP BY arena_id";

/// A count of a plan's lists by arena: the statement (the arena first, then its counts) and
/// what it adds to the arena's summary.
type PlanCount = (&'static str, fn(&mut PlanSummary, &Row) -> SqlResult<()>);

/// The board's plan counts: on SQLite an aggregate of each counted table; on PostgreSQL the
/// counts the database keeps in `plan_counts` as the tables change (its migration 015), one
/// row per arena, under the same policies as the arenas.
fn plan_counts(conn: &dyn Db) -> &'static [PlanCount] {
    match conn.dialect() {
        Dialect::Sqlite => &COUNTED_BY_TABLE,
        Dialect::Postgres => &KEPT_COUNTS,
    }
}

static COUNTED_BY_TABLE: [PlanCount; 4] = [
    (
        "SELECT arena_id, count(*), count(*) FILTER (WHERE status = 'filled') FROM needs
         WHERE status <> 'released' GROUP BY arena_id",
        |p, r| {
            p.needs_total = r.get(1)?;
            p.needs_filled = r.get(2)?;
            Ok(())
        },
    ),
    (
        "SELECT arena_id, count(*), count(*) FILTER (WHERE result <> '' OR no_result_reason <> '')
         FROM criteria GROUP BY arena_id",
        |p, r| {
            p.criteria_total = r.get(1)?;
            p.criteria_resolved = r.get(2)?;
            Ok(())
        },
    ),
    (
        "SELECT arena_id, count(*), count(*) FILTER (WHERE status = 'done') FROM activities
         GROUP BY arena_id",
        |p, r| {
            p.activities_total = r.get(1)?;
            p.activities_done = r.get(2)?;
            Ok(())
        },
    ),
    (
        "SELECT arena_id, count(*) FROM entries WHERE arena_id IS NOT NULL AND written = 1
         GROUP BY arena_id",
        |p, r| {
            p.entries = r.get(1)?;
            Ok(())
        },
    ),
];

static KEPT_COUNTS: [PlanCount; 1] = [(
    "SELECT arena_id, needs_total, needs_filled, criteria_total, criteria_resolved,
        activities_total, activities_done, entries FROM plan_counts",
    |p, r| {
        p.needs_total = r.get(1)?;
        p.needs_filled = r.get(2)?;
        p.criteria_total = r.get(3)?;
        p.criteria_resolved = r.get(4)?;
        p.activities_total = r.get(5)?;
        p.activities_done = r.get(6)?;
        p.entries = r.get(7)?;
        Ok(())
    },
)];

/// The board's questions, on `today` and for `declined` signals too or not.
pub(crate) struct BoardQuestions<'q> {
    pub team: Question<'q>,
    pub cards: Question<'q>,
    pub participating: Question<'q>,
    /// The plan counts, one question or several (see [`plan_counts`]).
    pub plans: Vec<Question<'q>>,
}

pub(crate) fn board_questions<'q>(
    db: &dyn Db,
    on_today: &'q [&'q dyn ToValue],
    declined: &'q [&'q dyn ToValue],
) -> BoardQuestions<'q> {
    let none: &[&dyn ToValue] = &[];
    BoardQuestions {
        team: (TEAM_COUNTS, on_today),
        cards: (CARDS, declined),
        participating: (PARTICIPATING, none),
        plans: plan_counts(db)
            .iter()
            .map(|(sql, _)| (*sql, none))
            .collect(),
    }
}

/// The board's cards (`?1`: declined signals too), with what they show of the arena's row.
const CARDS: &str =
    "SELECT a.id, a.title, a.mission, a.stage, a.stage_since, p.name, a.target_date,
        (a.recipient <> ''), (a.communication_lead_id IS NOT NULL),
        (a.feedback_days IS NOT NULL), a.registration, a.decision_body, a.decision_on
     FROM arenas a LEFT JOIN people p ON p.id = a.coordinator_id
     WHERE ?1 OR a.stage <> 'declined' ORDER BY a.id";

/// Arenas: the board, signals, stages, edits and their undo. Part of the store interface (see [`crate::Backend`]).
pub trait ArenaStore {
    /// Every arena the board shows, in number order. Declined signals only when asked for.
    ///
    /// Teams and plans are counted in one aggregate of each table (`board_counts`; on
    /// PostgreSQL the plans' counts are kept as the tables change), not by a dozen subqueries
    /// per arena: at 2,000 arenas those took 60 ms of every reload.
    fn board_cards(&self, include_declined: bool) -> Result<Vec<ArenaCard>>;

    /// One arena in full.
    fn arena(&self, id: i64) -> Result<Arena>;

    /// Records a signal; it gets the next arena number.
    fn create_signal(&mut self, signal: &NewSignal) -> Result<Arena>;

    /// Saves a coordinator's edit, unless someone else changed the arena first.
    fn edit_arena(&mut self, id: i64, expected_version: i64, edit: &ArenaEdit) -> Result<Arena>;

    /// Moves an arena to another stage, if the rules allow it. A signal is commissioned, or
    /// declined, only by a body's decision (see [`crate::DecisionStore`]).
    fn move_arena(&mut self, id: i64, expected_version: i64, to: Stage) -> Result<Arena>;

    /// Puts an arena back as it was (undo), unless someone changed it after `expected_version`.
    fn restore_arena(&mut self, expected_version: i64, before: &Arena) -> Result<Arena>;

    /// Removes a signal just recorded (undo of a new signal), unless someone changed it since.
    fn delete_signal(&mut self, id: i64, expected_version: i64) -> Result<()>;
}

impl<S: SqlStore> ArenaStore for S {
    fn board_cards(&self, include_declined: bool) -> Result<Vec<ArenaCard>> {
        let db = self.db();
        let today = time::date_to_text(Some(self.today())).unwrap_or_default();
        // None of the board's questions waits for another's answer: a database server is
        // asked them all at once, on two connections it answers side by side.
        let on_today: &[&dyn ToValue] = &[&today];
        let declined: &[&dyn ToValue] = &[&include_declined];
        let b = board_questions(db, on_today, declined);
        // Halves that cost a server about the same, measured on the large demo: the cards
        // against the team and the plans' counts.
        let one: Vec<Question<'_>> = [b.team, b.participating]
            .into_iter()
            .chain(b.plans)
            .collect();
        let other = [b.cards];
        db.side_by_side(&one, &other, || {
            let mut counts = board_counts(db, &today)?;
            let mut participating = all_participating(db)?;
            let cards = db.query_map(CARDS, params![include_declined], |r| {
                let id: i64 = r.get(0)?;
                let counted = counts.remove(&id).unwrap_or_default();
                Ok(ArenaCard {
                    id,
                    title: r.get(1)?,
                    mission: r.get(2)?,
                    stage: stage_of(r.text(3)?),
                    stage_since: time::from_text(r.text(4)?),
                    coordinator: r.get(5)?,
                    target_date: time::date_from_text(r.get(6)?),
                    team: counted.team,
                    plan: PlanSummary {
                        has_recipient: r.get(7)?,
                        has_lead: r.get(8)?,
                        has_rhythm: r.get(9)?,
                        ..counted.plan
                    },
                    registration: r.get(10)?,
                    decision: r
                        .get::<_, Option<String>>(11)?
                        .zip(time::date_from_text(r.get(12)?)),
                    participating: participating.remove(&id).unwrap_or_default(),
                })
            })?;
            Ok(cards)
        })
    }

    fn arena(&self, id: i64) -> Result<Arena> {
        arena_of(self.db(), id, self.today())
    }

    fn create_signal(&mut self, signal: &NewSignal) -> Result<Arena> {
        self.write(|tx, stamp| {
            let now = time::to_text(stamp.at);
            tx.execute(
                "INSERT INTO arenas (title, need, mission, stage, stage_since, signalled_by,
                     signalled_at, target_date, updated_at, updated_by, manager)
                 VALUES (?1, ?2, ?3, 'signal', ?4, ?5, ?4, ?6, ?4, ?7, ?8)",
                params![
                    text::one_line(signal.title.trim()),
                    text::multi_line(&signal.need),
                    signal.mission,
                    now,
                    text::one_line(signal.signalled_by.trim()),
                    time::date_to_text(signal.target_date),
                    stamp.who,
                    text::one_line(signal.manager.trim()),
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "arena", id, "signal", &signal.title)?;
            load(tx, stamp, id)
        })
    }

    fn edit_arena(&mut self, id: i64, expected_version: i64, edit: &ArenaEdit) -> Result<Arena> {
        self.write(|tx, stamp| {
            let before = load_unchanged(tx, stamp, id, expected_version)?;
            drawn_up::ensure_open(tx, id)?;
            write_fields(tx, stamp, id, edit)?;
            bump(tx, stamp, id)?;
            history::record(
                tx,
                stamp,
                "arena",
                id,
                "edit",
                &describe_edit(&before, edit),
            )?;
            load(tx, stamp, id)
        })
    }

    fn move_arena(&mut self, id: i64, expected_version: i64, to: Stage) -> Result<Arena> {
        self.write(|tx, stamp| {
            let before = load_unchanged(tx, stamp, id, expected_version)?;
            let refused = arena::check_move(&before, to, stamp.rules);
            if !refused.is_empty() || to == Stage::Declined {
                return Err(StoreError::Refused(refused));
            }
            set_stage(tx, stamp, id, to)?;
            // A declined signal taken back waits for a new decision.
            if before.stage == Stage::Declined {
                tx.execute(
                    "UPDATE arenas SET decline_reason = NULL, commissioned_by = NULL,
                            decision_body = NULL, decision_on = NULL WHERE id = ?1",
                    [id],
                )?;
            }
            bump(tx, stamp, id)?;
            let detail = format!("stage: {} -> {}", before.stage.code(), to.code());
            history::record(tx, stamp, "arena", id, "move", &detail)?;
            drawn_up::stage_changed(tx, stamp, id, before.stage, to)?;
            load(tx, stamp, id)
        })
    }

    fn restore_arena(&mut self, expected_version: i64, before: &Arena) -> Result<Arena> {
        self.write(|tx, stamp| {
            let id = before.id;
            let current = load_unchanged(tx, stamp, id, expected_version)?;
            if current.stage == Stage::Closed && before.stage == Stage::Closed {
                drawn_up::ensure_open(tx, id)?;
            }
            let fields = ArenaEdit {
                title: before.title.clone(),
                need: before.need.clone(),
                mission: before.mission.clone(),
                coordinator: before.coordinator.clone(),
                mandate: before.mandate.clone(),
                target_date: before.target_date,
                participating: before.participating.clone(),
            };
            write_fields(tx, stamp, id, &fields)?;
            tx.execute(
                "UPDATE arenas SET stage = ?2, stage_since = ?3, commissioned_by = ?4,
                        decline_reason = ?5 WHERE id = ?1",
                params![
                    id,
                    before.stage.code(),
                    time::to_text(before.stage_since),
                    before.commissioned_by,
                    before.decline_reason,
                ],
            )?;
            decisions::write_decided(tx, id, before.decided.as_ref())?;
            bump(tx, stamp, id)?;
            let mut detail = describe_edit(&current, &fields);
            if current.stage != before.stage {
                detail = format!(
                    "stage: {} -> {}; {detail}",
                    current.stage.code(),
                    before.stage.code()
                );
            }
            history::record(tx, stamp, "arena", id, "undo", &detail)?;
            drawn_up::stage_changed(tx, stamp, id, current.stage, before.stage)?;
            load(tx, stamp, id)
        })
    }

    fn delete_signal(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = load_unchanged(tx, stamp, id, expected_version)?;
            tx.execute("DELETE FROM arenas WHERE id = ?1", [id])?;
            history::record(
                tx,
                stamp,
                "arena",
                id,
                "undo",
                &format!("removed signal: {}", arena.title),
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use puls_domain::clock::SystemClock;

    use super::*;
    use crate::Store;
    use crate::query_plan::query_plan;

    #[test]
    fn the_boards_team_needs_and_activities_are_counted_from_their_indexes_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("b.db"), "maja", Arc::new(SystemClock)).unwrap();
        let [needs, _, activities, _] = &COUNTED_BY_TABLE;
        for (steps, index) in [
            (
                query_plan(&store, TEAM_COUNTS, ["2026-12-06"]),
                "allocations_team",
            ),
            (query_plan(&store, needs.0, []), "needs_by_arena_status"),
            (
                query_plan(&store, activities.0, []),
                "activities_by_arena_status",
            ),
        ] {
            assert!(
                steps.contains(&format!("COVERING INDEX {index}")),
                "{steps}"
            );
            assert!(!steps.contains("TEMP B-TREE FOR GROUP BY"), "{steps}");
        }
    }
}
