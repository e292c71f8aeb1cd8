//! One arena with its whole PULS program as a record: written out for another database and read
//! back in, all in one transaction.

use puls_store::*;

use crate::db::{Connection, params};
use chrono::NaiveDate;

use super::{
    ActivityEdit, ContactEdit, CriterionEdit, PgStore, Result, StoreError, history, roster, time,
};
use puls_domain::arena::Stage;
use puls_domain::puls::ActivityStatus;
use puls_domain::roster::NeedStatus;
use puls_domain::text::{self};
use puls_domain::{calendar, privacy};

/// What a record's codes mean, once every one of them is known.
struct Checked {
    title: String,
    stage: Stage,
    needs: Vec<NeedStatus>,
    activities: Vec<ActivityStatus>,
}

/// Every problem of `record`, or its title, stage and statuses read. A record from a newer puls
/// is only that: its other fields may mean something this puls cannot know.
fn check(record: &ArenaRecord) -> std::result::Result<Checked, Vec<RecordProblem>> {
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

/// The arena and its program as a record, read through `conn` (inside a transaction too).
pub(super) fn record_of(conn: &Connection, id: i64, today: NaiveDate) -> Result<ArenaRecord> {
    let arena = super::arenas::arena_of(conn, id, today)?;
    let plan = super::plan::plan_of(conn, id)?;
    let registration = super::registration::registration_of(conn, id)?;
    Ok(ArenaRecord {
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
    })
}

impl TransferStore for PgStore {
    fn arena_record(&self, id: i64) -> Result<ArenaRecord> {
        record_of(&self.conn, id, self.today())
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
                 VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $9, $10, $11, $12, $13, $5, $6, $14)",
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
            for c in &record.contacts {
                tx.execute(
                    "INSERT INTO contacts (arena_id, on_date, channel, summary, by_whom, updated_at, updated_by)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
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
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    params![arena, competence, text::one_line(&n.reason), status.code(), now, stamp.who],
                )?;
            }
            for c in &record.criteria {
                tx.execute(
                    "INSERT INTO criteria (arena_id, text, measure, target, result, no_result_reason, updated_at, updated_by, met)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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
