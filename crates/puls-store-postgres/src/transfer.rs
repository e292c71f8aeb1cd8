//! One arena with its whole PULS program as a record: written out for another database and read
//! back in, all in one transaction.

use puls_store::*;

use crate::db::{Connection, params};
use chrono::NaiveDate;

use super::{PgStore, Result, StoreError, history, roster, time};
use puls_domain::arena::Stage;
use puls_domain::text::{self};

/// The arena and its program as a record, read through `conn` (inside a transaction too).
pub(super) fn record_of(conn: &Connection, id: i64, today: NaiveDate) -> Result<ArenaRecord> {
    let arena = super::arenas::arena_of(conn, id, today)?;
    let plan = super::plan::plan_of(conn, id)?;
    let registration = super::registration::registration_of(conn, id)?;
    Ok(record_from(arena, plan, registration))
}

impl TransferStore for PgStore {
    fn arena_record(&self, id: i64) -> Result<ArenaRecord> {
        record_of(&self.conn, id, self.today())
    }

    fn import_arena(&mut self, record: &ArenaRecord) -> Result<i64> {
        let checked = check_record(record).map_err(|problems| {
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
            let decision = record.decision.as_ref();
            tx.execute(
                "UPDATE arenas SET manager = $2, decision_body = $3, decision_on = $4, budget = $5,
                     may_ask = $6, authority_until = $7
                 WHERE id = $1",
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
                    "INSERT INTO arena_missions (arena_id, mission) VALUES ($1, $2)
                     ON CONFLICT DO NOTHING",
                    params![arena, text::one_line(mission)],
                )?;
            }
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
