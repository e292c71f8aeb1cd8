//! The PULS program of one arena: proactivity, contacts, criteria and activities.
//! Needs (the U step) live with staffing. Every change is audited on the arena's history.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, ToValue, params};
use chrono::NaiveDate;
pub use puls_domain::read::{Plan, PlanActivity, PlanContact, PlanCriterion, Proactivity};
use serde::{Deserialize, Serialize};

use super::access::{self, Place};
use super::knowledge_search::written_entries_of_a;
use super::{Result, Stamp, StoreError, drawn_up, history, restricted, staffing, time};
use puls_domain::puls::{ActivityStatus, PlanSummary};
use puls_domain::read::{DrawnUp, TeamMember};
use puls_domain::roster::NeedStatus;
use puls_domain::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactEdit {
    pub on: NaiveDate,
    pub channel: String,
    pub summary: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionEdit {
    pub text: String,
    pub measure: String,
    pub target: String,
    pub result: String,
    pub no_result_reason: String,
    /// Files from before verdicts existed have none.
    #[serde(default)]
    pub met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEdit {
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
}

/// SQL for an arena's plan summary, in `PlanSummary` field order; the arena is `a`.
pub(super) const SUMMARY_COLUMNS: &str = concat!(
    "(a.recipient <> ''), (a.communication_lead_id IS NOT NULL),
    (a.feedback_days IS NOT NULL),
    (SELECT count(*) FROM needs n WHERE n.arena_id = a.id AND n.status <> 'released'),
    (SELECT count(*) FROM needs n WHERE n.arena_id = a.id AND n.status = 'filled'),
    (SELECT count(*) FROM criteria c WHERE c.arena_id = a.id),
    (SELECT count(*) FROM criteria c WHERE c.arena_id = a.id AND (c.result <> '' OR c.no_result_reason <> '')),
    (SELECT count(*) FROM activities t WHERE t.arena_id = a.id),
    (SELECT count(*) FROM activities t WHERE t.arena_id = a.id AND t.status = 'done'),
    ",
    written_entries_of_a!()
);

/// Reads the ten summary columns starting at `first`.
pub(super) fn summary_from_row(r: &Row, first: usize) -> SqlResult<PlanSummary> {
    Ok(PlanSummary {
        has_recipient: r.get(first)?,
        has_lead: r.get(first + 1)?,
        has_rhythm: r.get(first + 2)?,
        needs_total: r.get(first + 3)?,
        needs_filled: r.get(first + 4)?,
        criteria_total: r.get(first + 5)?,
        criteria_resolved: r.get(first + 6)?,
        activities_total: r.get(first + 7)?,
        activities_done: r.get(first + 8)?,
        entries: r.get(first + 9)?,
    })
}

/// The plan tables whose rows carry a version.
#[derive(Clone, Copy)]
enum Table {
    Contacts,
    Criteria,
    Activities,
    Needs,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Contacts => "contacts",
            Table::Criteria => "criteria",
            Table::Activities => "activities",
            Table::Needs => "needs",
        }
    }

    fn entity(self) -> &'static str {
        match self {
            Table::Contacts => "contact",
            Table::Criteria => "criterion",
            Table::Activities => "activity",
            Table::Needs => "need",
        }
    }
}

/// Checks nobody changed the row since `expected`; returns its arena.
fn unchanged(tx: &dyn Db, table: Table, id: i64, expected: i64) -> Result<i64> {
    let sql = format!(
        "SELECT arena_id, version, updated_by, updated_at FROM {} WHERE id = ?1",
        table.name()
    );
    let (arena, version, who, at): (i64, i64, String, String) = tx
        .query_row(&sql, [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::Removed(format!("{} {id}", table.entity())))?;
    if version != expected {
        return Err(StoreError::Changed {
            what: format!("{} {id}", table.entity()),
            who,
            at: time::from_text(&at),
        });
    }
    drawn_up::ensure_open(tx, arena)?;
    Ok(arena)
}

/// Once the arena is active its criteria are the ones it set out with: a change of a
/// criterion's text, measure or target is marked, and the history keeps the earlier text.
fn changed_after_start(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: i64,
    id: i64,
    c: &CriterionEdit,
) -> Result<()> {
    let (stage, text_was, measure_was, target_was): (String, String, String, String) = tx
        .query_row(
            "SELECT a.stage, c.text, c.measure, c.target FROM criteria c
             JOIN arenas a ON a.id = c.arena_id WHERE c.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    if !matches!(stage.as_str(), "active" | "returning" | "closed") {
        return Ok(());
    }
    let mut changed = Vec::new();
    for (what, was, now) in [
        ("text", &text_was, c.text.trim()),
        ("measure", &measure_was, c.measure.trim()),
        ("target", &target_was, c.target.trim()),
    ] {
        let now = text::one_line(now);
        if *was != now {
            changed.push(format!("{what}: {was} -> {now}"));
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    tx.execute(
        "UPDATE criteria SET changed_after_start = 1 WHERE id = ?1",
        [id],
    )?;
    let detail = format!("changed after start: {}", changed.join("; "));
    history::record(tx, stamp, "arena", arena, "criterion", &detail)
}

fn stamp_row(tx: &dyn Db, stamp: &Stamp, table: Table, id: i64) -> Result<()> {
    let sql = format!(
        "UPDATE {} SET version = version + 1, updated_at = ?2, updated_by = ?3 WHERE id = ?1",
        table.name()
    );
    tx.execute(&sql, params![id, time::to_text(stamp.at), stamp.who])?;
    Ok(())
}

fn delete_row(tx: &dyn Db, stamp: &Stamp, table: Table, id: i64, expected: i64) -> Result<()> {
    let arena = unchanged(tx, table, id, expected)?;
    tx.execute(&format!("DELETE FROM {} WHERE id = ?1", table.name()), [id])?;
    history::record(
        tx,
        stamp,
        "arena",
        arena,
        &format!("delete {}", table.entity()),
        "",
    )
}

/// The arena exists and is not drawn up: its program may be added to.
fn arena_open(tx: &dyn Db, arena: i64) -> Result<()> {
    drawn_up::ensure_open(tx, arena)
}

/// The arena's whole PULS program. Its first statement also asks what a plan shows beside its
/// lists (the written entries, the lock, whether a restricted record exists): on PostgreSQL
/// each question is a round trip, and a board key reads a plan.
pub(super) fn plan_of(conn: &dyn Db, arena: i64) -> Result<Plan> {
    let head = plan_head(conn);
    // None of a plan's questions waits for another's answer: asked together, they cost a
    // database server one round trip instead of five.
    let arena_only: &[&dyn ToValue] = &[&arena];
    conn.together(&plan_questions(&head, arena_only), || {
        read_plan(conn, arena, &head)
    })
}

/// The plan's first statement: the arena's P step, its written entries, whether it has a
/// restricted record, and its lock.
fn plan_head(conn: &dyn Db) -> String {
    format!(
        "SELECT a.version, a.signalled_at, a.recipient, p.name, a.feedback_days,
            {}, {}, {}
         FROM arenas a LEFT JOIN people p ON p.id = a.communication_lead_id {}
         WHERE a.id = ?1",
        written_entries_of_a!(),
        restricted::exists_for_a(conn),
        drawn_up::LOCK_COLUMNS,
        drawn_up::LOCK_JOIN,
    )
}

/// Every question of a plan, `arena_only` its one value.
fn plan_questions<'q>(
    head: &'q str,
    arena_only: &'q [&'q dyn ToValue],
) -> [(&'q str, &'q [&'q dyn ToValue]); 5] {
    [
        (head, arena_only),
        (CONTACTS, arena_only),
        (CRITERIA, arena_only),
        (ACTIVITIES, arena_only),
        (staffing::NEEDS_OF, arena_only),
    ]
}

const CONTACTS: &str = "SELECT id, on_date, channel, summary, by_whom, version FROM contacts
     WHERE arena_id = ?1 ORDER BY on_date, id";

const CRITERIA: &str = "SELECT id, text, measure, target, result, no_result_reason, version, met,
        changed_after_start FROM criteria
     WHERE arena_id = ?1 ORDER BY id";

const ACTIVITIES: &str = "SELECT id, text, owner, due_date, status, blocked_reason, version
     FROM activities WHERE arena_id = ?1 ORDER BY position, id";

/// The plan of `arena`, its first statement `head`.
fn read_plan(conn: &dyn Db, arena: i64, head: &str) -> Result<Plan> {
    let head = conn
        .prepare_cached(head)?
        .query_row([arena], |r| {
            Ok(Head {
                arena_version: r.get(0)?,
                since: time::from_text(r.text(1)?).date_naive(),
                proactivity: Proactivity {
                    recipient: r.get(2)?,
                    lead: r.get(3)?,
                    rhythm_days: r.get(4)?,
                },
                entries: r.get(5)?,
                restricted: r.get(6)?,
                drawn_up: drawn_up::lock_from_row(r, 7)?,
            })
        })
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))?;
    let mut stmt = conn.prepare_cached(CONTACTS)?;
    let contacts = stmt
        .query_map([arena], |r| {
            Ok(PlanContact {
                id: r.get(0)?,
                on: time::date_from_text(r.get(1)?).unwrap_or_default(),
                channel: r.get(2)?,
                summary: r.get(3)?,
                by: r.get(4)?,
                version: r.get(5)?,
            })
        })?
        .collect::<SqlResult<_>>()?;
    let mut stmt = conn.prepare_cached(CRITERIA)?;
    let criteria = stmt
        .query_map([arena], |r| {
            Ok(PlanCriterion {
                id: r.get(0)?,
                text: r.get(1)?,
                measure: r.get(2)?,
                target: r.get(3)?,
                result: r.get(4)?,
                no_result_reason: r.get(5)?,
                version: r.get(6)?,
                met: r.get(7)?,
                changed_after_start: r.get(8)?,
            })
        })?
        .collect::<SqlResult<_>>()?;
    let mut stmt = conn.prepare_cached(ACTIVITIES)?;
    let activities = stmt
        .query_map([arena], |r| {
            Ok(PlanActivity {
                id: r.get(0)?,
                text: r.get(1)?,
                owner: r.get(2)?,
                due: time::date_from_text(r.get(3)?),
                status: ActivityStatus::from_code(r.text(4)?).unwrap_or(ActivityStatus::Todo),
                blocked_reason: r.get(5)?,
                version: r.get(6)?,
            })
        })?
        .collect::<SqlResult<_>>()?;
    Ok(Plan {
        arena,
        arena_version: head.arena_version,
        since: head.since,
        proactivity: head.proactivity,
        contacts,
        needs: staffing::needs_of(conn, arena)?,
        criteria,
        activities,
        entries: head.entries,
        drawn_up: head.drawn_up,
        restricted: head.restricted,
    })
}

/// What a plan shows beside its lists, read in its first statement.
struct Head {
    arena_version: i64,
    since: NaiveDate,
    proactivity: Proactivity,
    entries: u32,
    restricted: bool,
    drawn_up: Option<DrawnUp>,
}

/// An arena's PULS program: proactivity, contacts, needs, criteria, activities. Part of the store interface (see [`crate::Backend`]).
pub trait PlanStore {
    /// The arena's whole PULS program.
    fn plan(&self, arena: i64) -> Result<Plan>;

    /// The arena's PULS program and the people allocated to it now, as following the board's
    /// selection reads them at every step: asked together, one round trip on a database
    /// server instead of two.
    fn plan_and_team(&self, arena: i64) -> Result<(Plan, Vec<TeamMember>)>;

    /// Saves the P step: recipient, communication lead (a person on the roster) and rhythm.
    fn set_proactivity(&mut self, arena: i64, expected_version: i64, p: &Proactivity)
    -> Result<()>;

    fn add_contact(&mut self, arena: i64, c: &ContactEdit) -> Result<i64>;

    fn edit_contact(&mut self, id: i64, expected_version: i64, c: &ContactEdit) -> Result<()>;

    fn delete_contact(&mut self, id: i64, expected_version: i64) -> Result<()>;

    fn add_criterion(&mut self, arena: i64, c: &CriterionEdit) -> Result<i64>;

    fn edit_criterion(&mut self, id: i64, expected_version: i64, c: &CriterionEdit) -> Result<()>;

    fn delete_criterion(&mut self, id: i64, expected_version: i64) -> Result<()>;

    /// Adds an activity at the end of the plan.
    fn add_activity(&mut self, arena: i64, a: &ActivityEdit) -> Result<i64>;

    fn edit_activity(&mut self, id: i64, expected_version: i64, a: &ActivityEdit) -> Result<()>;

    /// Sets an activity's status; blocked needs the reason, which the other statuses clear.
    fn set_activity_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: ActivityStatus,
        reason: &str,
    ) -> Result<()>;

    /// Swaps an activity with its neighbour above (`up`) or below.
    fn move_activity(&mut self, id: i64, up: bool) -> Result<bool>;

    fn delete_activity(&mut self, id: i64, expected_version: i64) -> Result<()>;

    /// Moves a need in the recruitment plan to another status.
    fn set_need_status(&mut self, id: i64, expected_version: i64, status: NeedStatus)
    -> Result<()>;

    /// Writes why the arena needs the competence.
    fn set_need_reason(&mut self, id: i64, expected_version: i64, reason: &str) -> Result<()>;

    fn delete_need(&mut self, id: i64, expected_version: i64) -> Result<()>;
}

impl<S: SqlStore> PlanStore for S {
    fn plan(&self, arena: i64) -> Result<Plan> {
        plan_of(self.db(), arena)
    }

    fn plan_and_team(&self, arena: i64) -> Result<(Plan, Vec<TeamMember>)> {
        let db = self.db();
        let head = plan_head(db);
        let team = staffing::team_question(db);
        let today = time::date_to_text(Some(self.today()));
        let arena_only: &[&dyn ToValue] = &[&arena];
        let on_today: &[&dyn ToValue] = &[&today, &arena];
        let mut questions = plan_questions(&head, arena_only).to_vec();
        questions.push((team.as_str(), on_today));
        db.together(&questions, || {
            Ok((
                read_plan(db, arena, &head)?,
                staffing::team_of(db, arena, today.as_deref())?,
            ))
        })
    }

    fn set_proactivity(
        &mut self,
        arena: i64,
        expected_version: i64,
        p: &Proactivity,
    ) -> Result<()> {
        self.write(|tx, stamp| {
            let (version, who, at): (i64, String, String) = tx
                .query_row(
                    "SELECT version, updated_by, updated_at FROM arenas WHERE id = ?1",
                    [arena],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or(StoreError::ArenaNotFound(arena))?;
            if version != expected_version {
                return Err(StoreError::Conflict {
                    id: arena,
                    who,
                    at: time::from_text(&at),
                });
            }
            drawn_up::ensure_open(tx, arena)?;
            let lead = match p.lead.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                Some(name) => Some(
                    tx.query_row("SELECT id FROM people WHERE name = ?1", [name], |r| {
                        r.get::<_, i64>(0)
                    })
                    .optional()?
                    .ok_or_else(|| StoreError::UnknownPerson(name.to_owned()))?,
                ),
                None => None,
            };
            // Who is communication lead opens the restricted record: not an ordinary edit.
            access::appoint(tx, stamp, arena, Place::CommunicationLead, lead)?;
            tx.execute(
                "UPDATE arenas SET recipient = ?2, feedback_days = ?3, version = version + 1,
                        updated_at = ?4, updated_by = ?5 WHERE id = ?1",
                params![
                    arena,
                    text::one_line(p.recipient.trim()),
                    p.rhythm_days,
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let detail = format!(
                "recipient {}; lead {}; every {} days",
                p.recipient.trim(),
                p.lead.as_deref().unwrap_or("-"),
                p.rhythm_days.map_or("-".to_owned(), |d| d.to_string())
            );
            history::record(tx, stamp, "arena", arena, "proactivity", &detail)
        })
    }

    fn add_contact(&mut self, arena: i64, c: &ContactEdit) -> Result<i64> {
        self.write(|tx, stamp| {
            arena_open(tx, arena)?;
            tx.execute(
                "INSERT INTO contacts (arena_id, on_date, channel, summary, by_whom, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    arena,
                    time::date_to_text(Some(c.on)),
                    text::one_line(c.channel.trim()),
                    text::multi_line(c.summary.trim()),
                    text::one_line(c.by.trim()),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "arena", arena, "contact", &format!("{} {}", c.on, c.channel.trim()))?;
            Ok(id)
        })
    }

    fn edit_contact(&mut self, id: i64, expected_version: i64, c: &ContactEdit) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Contacts, id, expected_version)?;
            tx.execute(
                "UPDATE contacts SET on_date = ?2, channel = ?3, summary = ?4, by_whom = ?5 WHERE id = ?1",
                params![
                    id,
                    time::date_to_text(Some(c.on)),
                    text::one_line(c.channel.trim()),
                    text::multi_line(c.summary.trim()),
                    text::one_line(c.by.trim())
                ],
            )?;
            stamp_row(tx, stamp, Table::Contacts, id)?;
            history::record(tx, stamp, "arena", arena, "contact", &format!("edited {}", c.on))
        })
    }

    fn delete_contact(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| delete_row(tx, stamp, Table::Contacts, id, expected_version))
    }

    fn add_criterion(&mut self, arena: i64, c: &CriterionEdit) -> Result<i64> {
        self.write(|tx, stamp| {
            arena_open(tx, arena)?;
            tx.execute(
                "INSERT INTO criteria (arena_id, text, measure, target, result, no_result_reason, updated_at, updated_by, met)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    arena,
                    text::one_line(c.text.trim()),
                    text::one_line(c.measure.trim()),
                    text::one_line(c.target.trim()),
                    text::multi_line(c.result.trim()),
                    text::multi_line(c.no_result_reason.trim()),
                    time::to_text(stamp.at),
                    stamp.who,
                    c.met
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "arena", arena, "criterion", c.text.trim())?;
            Ok(id)
        })
    }

    fn edit_criterion(&mut self, id: i64, expected_version: i64, c: &CriterionEdit) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Criteria, id, expected_version)?;
            changed_after_start(tx, stamp, arena, id, c)?;
            tx.execute(
                "UPDATE criteria SET text = ?2, measure = ?3, target = ?4, result = ?5, no_result_reason = ?6,
                        met = ?7 WHERE id = ?1",
                params![
                    id,
                    text::one_line(c.text.trim()),
                    text::one_line(c.measure.trim()),
                    text::one_line(c.target.trim()),
                    text::multi_line(c.result.trim()),
                    text::multi_line(c.no_result_reason.trim()),
                    c.met
                ],
            )?;
            stamp_row(tx, stamp, Table::Criteria, id)?;
            history::record(tx, stamp, "arena", arena, "criterion", c.text.trim())
        })
    }

    fn delete_criterion(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| delete_row(tx, stamp, Table::Criteria, id, expected_version))
    }

    fn add_activity(&mut self, arena: i64, a: &ActivityEdit) -> Result<i64> {
        self.write(|tx, stamp| {
            arena_open(tx, arena)?;
            tx.execute(
                "INSERT INTO activities (arena_id, position, text, owner, due_date, updated_at, updated_by)
                 VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM activities WHERE arena_id = ?1),
                         ?2, ?3, ?4, ?5, ?6)",
                params![
                    arena,
                    text::one_line(a.text.trim()),
                    text::one_line(a.owner.trim()),
                    time::date_to_text(a.due),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "arena", arena, "activity", a.text.trim())?;
            Ok(id)
        })
    }

    fn edit_activity(&mut self, id: i64, expected_version: i64, a: &ActivityEdit) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Activities, id, expected_version)?;
            tx.execute(
                "UPDATE activities SET text = ?2, owner = ?3, due_date = ?4 WHERE id = ?1",
                params![
                    id,
                    text::one_line(a.text.trim()),
                    text::one_line(a.owner.trim()),
                    time::date_to_text(a.due)
                ],
            )?;
            stamp_row(tx, stamp, Table::Activities, id)?;
            history::record(tx, stamp, "arena", arena, "activity", a.text.trim())
        })
    }

    fn set_activity_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: ActivityStatus,
        reason: &str,
    ) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Activities, id, expected_version)?;
            let reason = if status == ActivityStatus::Blocked {
                text::one_line(reason.trim()).into_owned()
            } else {
                String::new()
            };
            tx.execute(
                "UPDATE activities SET status = ?2, blocked_reason = ?3 WHERE id = ?1",
                params![id, status.code(), reason],
            )?;
            stamp_row(tx, stamp, Table::Activities, id)?;
            let detail = format!(
                "{}{}",
                status.code(),
                if reason.is_empty() {
                    String::new()
                } else {
                    format!(": {reason}")
                }
            );
            history::record(tx, stamp, "arena", arena, "status", &detail)
        })
    }

    fn move_activity(&mut self, id: i64, up: bool) -> Result<bool> {
        self.write(|tx, stamp| {
            let (arena, position): (i64, i64) = tx
                .query_row(
                    "SELECT arena_id, position FROM activities WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::Removed(format!("activity {id}")))?;
            drawn_up::ensure_open(tx, arena)?;
            let neighbour: Option<(i64, i64)> = tx
                .query_row(
                    if up {
                        "SELECT id, position FROM activities WHERE arena_id = ?1 AND position < ?2
                         ORDER BY position DESC LIMIT 1"
                    } else {
                        "SELECT id, position FROM activities WHERE arena_id = ?1 AND position > ?2
                         ORDER BY position LIMIT 1"
                    },
                    params![arena, position],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((other, other_position)) = neighbour else {
                return Ok(false);
            };
            tx.execute(
                "UPDATE activities SET position = ?2 WHERE id = ?1",
                params![id, other_position],
            )?;
            tx.execute(
                "UPDATE activities SET position = ?2 WHERE id = ?1",
                params![other, position],
            )?;
            stamp_row(tx, stamp, Table::Activities, id)?;
            stamp_row(tx, stamp, Table::Activities, other)?;
            history::record(tx, stamp, "arena", arena, "reorder", "")?;
            Ok(true)
        })
    }

    fn delete_activity(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| delete_row(tx, stamp, Table::Activities, id, expected_version))
    }

    fn set_need_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: NeedStatus,
    ) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Needs, id, expected_version)?;
            tx.execute(
                "UPDATE needs SET status = ?2 WHERE id = ?1",
                params![id, status.code()],
            )?;
            stamp_row(tx, stamp, Table::Needs, id)?;
            history::record(tx, stamp, "arena", arena, "need", status.code())
        })
    }

    fn set_need_reason(&mut self, id: i64, expected_version: i64, reason: &str) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, Table::Needs, id, expected_version)?;
            tx.execute(
                "UPDATE needs SET reason = ?2 WHERE id = ?1",
                params![id, text::one_line(reason.trim())],
            )?;
            stamp_row(tx, stamp, Table::Needs, id)?;
            history::record(tx, stamp, "arena", arena, "need", reason.trim())
        })
    }

    fn delete_need(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| delete_row(tx, stamp, Table::Needs, id, expected_version))
    }
}
