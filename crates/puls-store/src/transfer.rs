//! One arena with its whole PULS program as a record: written out for another database and read
//! back in, all in one transaction.

use crate::sql::{Db, SqlStore, params};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActivityEdit, ContactEdit, CriterionEdit, Result, StoreError, history, roster, time};
use puls_domain::arena::{Arena, Stage};
use puls_domain::puls::ActivityStatus;
use puls_domain::read::Plan;
use puls_domain::roster::NeedStatus;
use puls_domain::text::{self, TitleProblem};
use puls_domain::{calendar, privacy};

/// The version of the record format; a newer one is refused rather than half read.
pub const RECORD_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArenaRecord {
    pub format: u32,
    pub title: String,
    pub need: String,
    pub mission: String,
    pub stage: String,
    pub coordinator: Option<String>,
    pub mandate: String,
    pub commissioned_by: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub recipient: String,
    pub communication_lead: Option<String>,
    pub rhythm_days: Option<u32>,
    pub contacts: Vec<ContactEdit>,
    pub needs: Vec<NeedRecord>,
    pub criteria: Vec<CriterionEdit>,
    pub activities: Vec<ActivityRecord>,
    /// The registration number (diarienummer); empty in files from before it existed.
    #[serde(default)]
    pub registration: String,
    /// The signaller's nearest manager, who took the signal on.
    #[serde(default)]
    pub manager: String,
    /// The missions that take part besides the lead mission.
    #[serde(default)]
    pub participating: Vec<String>,
    /// The body's decision that commissioned or declined it; none in files from before.
    #[serde(default)]
    pub decision: Option<DecisionRecord>,
}

/// A body's decision on the arena, as a record carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The body's code in the config's `[[bodies]]`.
    pub body: String,
    pub on: Option<NaiveDate>,
    pub budget: String,
    pub may_ask: String,
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRecord {
    pub competence: String,
    pub reason: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRecord {
    #[serde(flatten)]
    pub activity: ActivityEdit,
    pub status: String,
    pub blocked_reason: String,
}

/// One thing wrong with an arena file, found before anything is written. Needs and activities
/// count from 1, as a person reads the file. (The mission is the config's to judge.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    TooNew(u32),
    Title(TitleProblem),
    Stage(String),
    NeedStatus {
        need: usize,
        found: String,
    },
    ActivityStatus {
        activity: usize,
        found: String,
    },
    /// A need (counting from 1) without a competence.
    NeedCompetence {
        need: usize,
    },
    /// A date outside the years puls keeps (`calendar::YEARS`).
    Date {
        place: DatePlace,
        date: NaiveDate,
    },
    /// A registration number longer than `privacy::REGISTRATION_MAX_CHARS`.
    Registration {
        chars: usize,
    },
}

/// Where a date of an arena file stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePlace {
    Target,
    /// A contact, counting from 1.
    Contact(usize),
    /// An activity's due date, counting from 1.
    Activity(usize),
    /// The day of the body's decision, or the day its authorities end.
    Decision,
}

/// What a record's codes mean, once every one of them is known: what a store writes.
pub struct Checked {
    pub title: String,
    pub stage: Stage,
    pub needs: Vec<NeedStatus>,
    pub activities: Vec<ActivityStatus>,
}

/// Every problem of `record`, or its title, stage and statuses read. A record from a newer puls
/// is only that: its other fields may mean something this puls cannot know.
pub fn check(record: &ArenaRecord) -> std::result::Result<Checked, Vec<RecordProblem>> {
    if record.format > RECORD_FORMAT {
        return Err(vec![RecordProblem::TooNew(record.format)]);
    }
    let mut problems = Vec::new();
    let title = text::title(&record.title)
        .map_err(|p| problems.push(RecordProblem::Title(p)))
        .ok();
    let stage = Stage::from_code(&record.stage);
    if stage.is_none() {
        problems.push(RecordProblem::Stage(record.stage.clone()));
    }
    let needs = statuses(
        record.needs.iter().map(|n| n.status.as_str()),
        NeedStatus::from_code,
        |need, found| RecordProblem::NeedStatus { need, found },
        &mut problems,
    );
    let activities = statuses(
        record.activities.iter().map(|a| a.status.as_str()),
        ActivityStatus::from_code,
        |activity, found| RecordProblem::ActivityStatus { activity, found },
        &mut problems,
    );
    for (i, need) in record.needs.iter().enumerate() {
        if need.competence.trim().is_empty() {
            problems.push(RecordProblem::NeedCompetence { need: i + 1 });
        }
    }
    let dates = record
        .target_date
        .map(|d| (DatePlace::Target, d))
        .into_iter()
        .chain(
            record
                .contacts
                .iter()
                .enumerate()
                .map(|(i, c)| (DatePlace::Contact(i + 1), c.on)),
        )
        .chain(
            record
                .activities
                .iter()
                .enumerate()
                .filter_map(|(i, a)| a.activity.due.map(|d| (DatePlace::Activity(i + 1), d))),
        )
        .chain(
            record
                .decision
                .iter()
                .flat_map(|d| [d.on, d.until])
                .flatten()
                .map(|d| (DatePlace::Decision, d)),
        );
    for (place, date) in dates {
        if !calendar::in_range(date) {
            problems.push(RecordProblem::Date { place, date });
        }
    }
    let chars = record.registration.chars().count();
    if chars > privacy::REGISTRATION_MAX_CHARS {
        problems.push(RecordProblem::Registration { chars });
    }
    match (title, stage) {
        (Some(title), Some(stage)) if problems.is_empty() => Ok(Checked {
            title,
            stage,
            needs,
            activities,
        }),
        _ => Err(problems),
    }
}

/// Each code read by `from_code`; one that is not known is a problem, made by `problem` from
/// its place (counting from 1) and the code.
fn statuses<'a, S>(
    codes: impl Iterator<Item = &'a str>,
    from_code: fn(&str) -> Option<S>,
    problem: fn(usize, String) -> RecordProblem,
    problems: &mut Vec<RecordProblem>,
) -> Vec<S> {
    let mut read = Vec::new();
    for (i, code) in codes.enumerate() {
        match from_code(code) {
            Some(status) => read.push(status),
            None => problems.push(problem(i + 1, code.to_owned())),
        }
    }
    read
}

/// Every problem `Store::import_arena` would refuse `record` for.
pub fn record_problems(record: &ArenaRecord) -> Vec<RecordProblem> {
    check(record).err().unwrap_or_default()
}

impl From<RecordProblem> for StoreError {
    fn from(problem: RecordProblem) -> Self {
        match problem {
            RecordProblem::TooNew(format) => StoreError::RecordTooNew(format),
            RecordProblem::Title(_) => StoreError::BadRecord("title".to_owned()),
            RecordProblem::Stage(found) => StoreError::BadRecord(format!("stage {found}")),
            RecordProblem::NeedStatus { need, found } => {
                StoreError::BadRecord(format!("need {need} status {found}"))
            }
            RecordProblem::ActivityStatus { activity, found } => {
                StoreError::BadRecord(format!("activity {activity} status {found}"))
            }
            RecordProblem::NeedCompetence { need } => {
                StoreError::BadRecord(format!("need {need} competence"))
            }
            RecordProblem::Date { date, .. } => StoreError::BadRecord(format!("date {date}")),
            RecordProblem::Registration { chars } => {
                StoreError::BadRecord(format!("registration of {chars} characters"))
            }
        }
    }
}

/// The arena and its program as a record, read through `conn` (inside a transaction too).
pub(super) fn record_of(conn: &dyn Db, id: i64, today: NaiveDate) -> Result<ArenaRecord> {
    let arena = super::arenas::arena_of(conn, id, today)?;
    let plan = super::plan::plan_of(conn, id)?;
    let registration = super::registration::registration_of(conn, id)?;
    Ok(record_from(arena, plan, registration))
}

/// The record of an arena, its program and its registration number: the same from any store.
pub fn record_from(arena: Arena, plan: Plan, registration: String) -> ArenaRecord {
    ArenaRecord {
        format: RECORD_FORMAT,
        title: arena.title,
        need: arena.need,
        mission: arena.mission,
        stage: arena.stage.code().to_owned(),
        coordinator: arena.coordinator,
        mandate: arena.mandate,
        commissioned_by: arena.commissioned_by,
        target_date: arena.target_date,
        recipient: plan.proactivity.recipient,
        communication_lead: plan.proactivity.lead,
        rhythm_days: plan.proactivity.rhythm_days,
        contacts: plan
            .contacts
            .into_iter()
            .map(|c| ContactEdit {
                on: c.on,
                channel: c.channel,
                summary: c.summary,
                by: c.by,
            })
            .collect(),
        needs: plan
            .needs
            .into_iter()
            .map(|n| NeedRecord {
                competence: n.competence,
                reason: n.reason,
                status: n.status.code().to_owned(),
            })
            .collect(),
        criteria: plan
            .criteria
            .into_iter()
            .map(|c| CriterionEdit {
                text: c.text,
                measure: c.measure,
                target: c.target,
                result: c.result,
                no_result_reason: c.no_result_reason,
                met: c.met,
            })
            .collect(),
        activities: plan
            .activities
            .into_iter()
            .map(|a| ActivityRecord {
                activity: ActivityEdit {
                    text: a.text,
                    owner: a.owner,
                    due: a.due,
                },
                status: a.status.code().to_owned(),
                blocked_reason: a.blocked_reason,
            })
            .collect(),
        registration,
        manager: arena.manager,
        participating: arena.participating,
        decision: arena.decided.map(|d| DecisionRecord {
            body: d.body,
            on: d.on,
            budget: d.budget,
            may_ask: d.may_ask,
            until: d.until,
        }),
    }
}

/// An arena as a record, out of one database and into another. Part of the store interface (see [`crate::Backend`]).
pub trait TransferStore {
    /// The arena and its program as a record.
    fn arena_record(&self, id: i64) -> Result<ArenaRecord>;

    /// Adds the record as a new arena with the next number; people and competences it names are
    /// found by name or added. All of it lands, or none: a record with any problem of
    /// [`record_problems`] is refused whole, for its first.
    fn import_arena(&mut self, record: &ArenaRecord) -> Result<i64>;
}

impl<S: SqlStore> TransferStore for S {
    fn arena_record(&self, id: i64) -> Result<ArenaRecord> {
        record_of(self.db(), id, self.today())
    }

    fn import_arena(&mut self, record: &ArenaRecord) -> Result<i64> {
        let checked = check(record).map_err(|problems| {
            problems.into_iter().next().map_or_else(
                || StoreError::BadRecord("record".to_owned()),
                StoreError::from,
            )
        })?;
        let Checked {
            title,
            stage,
            needs,
            activities,
        } = checked;
        self.write(|tx, stamp| {
            let now = time::to_text(stamp.at);
            let person = |name: &Option<String>| -> Result<Option<i64>> {
                match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                    Some(n) => Ok(Some(roster::find_or_add_coordinator(tx, stamp, &text::one_line(n))?)),
                    None => Ok(None),
                }
            };
            let coordinator = person(&record.coordinator)?;
            let lead = person(&record.communication_lead)?;
            tx.execute(
                "INSERT INTO arenas (title, need, mission, stage, stage_since, signalled_by, signalled_at,
                     coordinator_id, mandate, commissioned_by, target_date, recipient, communication_lead_id,
                     feedback_days, updated_at, updated_by, registration)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?5, ?6, ?14)",
                params![
                    title,
                    text::multi_line(&record.need),
                    record.mission,
                    stage.code(),
                    now,
                    stamp.who,
                    coordinator,
                    text::multi_line(&record.mandate),
                    record.commissioned_by,
                    time::date_to_text(record.target_date),
                    text::one_line(&record.recipient),
                    lead,
                    record.rhythm_days,
                    text::one_line(record.registration.trim()),
                ],
            )?;
            let arena = tx.last_insert_rowid();
            let decision = record.decision.as_ref();
            tx.execute(
                "UPDATE arenas SET manager = ?2, decision_body = ?3, decision_on = ?4, budget = ?5,
                     may_ask = ?6, authority_until = ?7
                 WHERE id = ?1",
                params![
                    arena,
                    text::one_line(&record.manager),
                    decision.map(|d| text::one_line(&d.body)),
                    time::date_to_text(decision.and_then(|d| d.on)),
                    decision.map_or_else(String::new, |d| text::one_line(&d.budget).into_owned()),
                    decision.map_or_else(String::new, |d| text::one_line(&d.may_ask).into_owned()),
                    time::date_to_text(decision.and_then(|d| d.until)),
                ],
            )?;
            for mission in &record.participating {
                tx.execute(
                    "INSERT INTO arena_missions (arena_id, mission) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                    params![arena, text::one_line(mission)],
                )?;
            }
            for c in &record.contacts {
                tx.execute(
                    "INSERT INTO contacts (arena_id, on_date, channel, summary, by_whom, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        arena,
                        time::date_to_text(Some(c.on)),
                        text::one_line(&c.channel),
                        text::multi_line(&c.summary),
                        text::one_line(&c.by),
                        now,
                        stamp.who
                    ],
                )?;
            }
            for (n, status) in record.needs.iter().zip(&needs) {
                let competence = match roster::competence_id_by_name(tx, &n.competence)? {
                    Some(id) => id,
                    None => roster::insert_competence(tx, stamp, &n.competence, "")?,
                };
                tx.execute(
                    "INSERT INTO needs (arena_id, competence_id, reason, status, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![arena, competence, text::one_line(&n.reason), status.code(), now, stamp.who],
                )?;
            }
            for c in &record.criteria {
                tx.execute(
                    "INSERT INTO criteria (arena_id, text, measure, target, result, no_result_reason, updated_at, updated_by, met)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        arena,
                        text::one_line(&c.text),
                        text::one_line(&c.measure),
                        text::one_line(&c.target),
                        text::multi_line(&c.result),
                        text::multi_line(&c.no_result_reason),
                        now,
                        stamp.who,
                        c.met
                    ],
                )?;
            }
            for (position, (a, status)) in record.activities.iter().zip(&activities).enumerate() {
                tx.execute(
                    "INSERT INTO activities (arena_id, position, text, owner, due_date, status, blocked_reason,
                         updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        arena,
                        position as i64 + 1,
                        text::one_line(&a.activity.text),
                        text::one_line(&a.activity.owner),
                        time::date_to_text(a.activity.due),
                        status.code(),
                        text::one_line(&a.blocked_reason),
                        now,
                        stamp.who
                    ],
                )?;
            }
            history::record(tx, stamp, "arena", arena, "import", &record.title)?;
            if stage == Stage::Closed {
                super::drawn_up::draw_up(tx, stamp, arena)?;
            }
            Ok(arena)
        })
    }
}
