//! Decisions: a body commissions a signal as an arena, or declines it. Only a member of the
//! body (or an administrator) records one, and never the arena's own coordinator.

use crate::sql::{Db, SqlStore, params};
use chrono::NaiveDate;

use super::arenas::{bump, load, load_unchanged, set_stage};
use super::staffing::{self, NewAllocation};
use super::{Result, Stamp, StoreError, access, drawn_up, history, roster, time};
use puls_domain::arena::{self, Arena, Refusal, Stage};
use puls_domain::decision::{self, Body, Decided, Decision};
use puls_domain::text;

/// Writes the decision columns of an arena as `decided` says (none: cleared).
pub(super) fn write_decided(tx: &dyn Db, id: i64, decided: Option<&Decided>) -> Result<()> {
    let empty = Decided::default();
    let d = decided.unwrap_or(&empty);
    tx.execute(
        "UPDATE arenas SET decision_body = ?2, decision_on = ?3, budget = ?4, may_ask = ?5,
                authority_until = ?6 WHERE id = ?1",
        params![
            id,
            decided.map(|d| d.body.as_str()),
            time::date_to_text(d.on),
            d.budget,
            d.may_ask,
            time::date_to_text(d.until),
        ],
    )?;
    Ok(())
}

/// Refuses unless the acting account may record `body`'s decisions.
fn ensure_member(tx: &dyn Db, stamp: &Stamp, body: &Body) -> Result<()> {
    if access::may_record(tx, stamp.who, body)? {
        Ok(())
    } else {
        Err(StoreError::NotInBody {
            body: body.code.clone(),
            who: stamp.who.to_owned(),
        })
    }
}

/// Refuses when the acting account is the roster person `coordinator`: nobody commissions
/// their own arena.
fn ensure_not_own(tx: &dyn Db, stamp: &Stamp, arena: i64, coordinator: i64) -> Result<()> {
    if access::person_of(tx, stamp.who)? == Some(coordinator) {
        return Err(StoreError::OwnArena {
            arena,
            who: stamp.who.to_owned(),
        });
    }
    Ok(())
}

/// The history's line for a commission, in English like every history row.
fn describe(decision: &Decision) -> String {
    let mut parts = vec![format!(
        "commissioned by {} ({}) on {}",
        decision.body.code, decision.body.name, decision.on
    )];
    let registration = text::one_line(decision.registration.trim());
    if !registration.is_empty() {
        parts.push(format!("registration {registration}"));
    }
    parts.push(format!(
        "coordinator {}",
        text::one_line(decision.coordinator.trim())
    ));
    if !decision.budget.trim().is_empty() {
        parts.push(format!("budget {}", text::one_line(decision.budget.trim())));
    }
    if !decision.may_ask.trim().is_empty() {
        parts.push(format!(
            "may ask {}",
            text::one_line(decision.may_ask.trim())
        ));
    }
    if let Some(until) = decision.until {
        parts.push(format!("until {until}"));
    }
    parts.join("; ")
}

/// Decisions of the bodies on signals. Part of the store interface (see [`crate::Backend`]).
pub trait DecisionStore {
    /// Commissions a signal by `decision`: its coordinator, mandate, registration number and
    /// authorities are written, and the arena moves to Commissioned. Refused unless the acting
    /// account may record the body's decisions, and when it is the coordinator the decision
    /// names.
    fn commission(&mut self, id: i64, expected_version: i64, decision: &Decision) -> Result<Arena>;

    /// Declines a signal by `body`'s decision on `on`, with its reason.
    fn decline(
        &mut self,
        id: i64,
        expected_version: i64,
        body: &Body,
        on: NaiveDate,
        reason: &str,
    ) -> Result<Arena>;
}

impl<S: SqlStore> DecisionStore for S {
    fn commission(&mut self, id: i64, expected_version: i64, decision: &Decision) -> Result<Arena> {
        self.write(|tx, stamp| {
            let before = load_unchanged(tx, stamp, id, expected_version)?;
            if before.stage != Stage::Signal {
                return Err(StoreError::Refused(vec![
                    Refusal::OnlySignalsCanBeCommissioned {
                        stage: before.stage,
                    },
                ]));
            }
            let problems = decision::check(decision, stamp.today());
            if !problems.is_empty() {
                return Err(StoreError::DecisionRefused(problems));
            }
            ensure_member(tx, stamp, &decision.body)?;
            let coordinator = roster::find_or_add_coordinator(
                tx,
                stamp,
                &text::one_line(decision.coordinator.trim()),
            )?;
            ensure_not_own(tx, stamp, id, coordinator)?;
            access::appoint_by_decision(tx, stamp, id, coordinator, &decision.body.code)?;
            // The coordinator's time is staffing like anyone's; the body's decision approves it.
            if decision.own_share > 0 {
                let own = NewAllocation {
                    person_id: coordinator,
                    arena_id: id,
                    competence_id: None,
                    percent: decision.own_share,
                    from: decision.on,
                    to: decision.until,
                };
                staffing::insert_allocation(tx, stamp, &own)?;
            }
            tx.execute(
                "UPDATE arenas SET mandate = ?2, commissioned_by = ?3 WHERE id = ?1",
                params![
                    id,
                    text::multi_line(decision.mandate.trim()),
                    text::one_line(&decision.body.name),
                ],
            )?;
            let registration = text::one_line(decision.registration.trim());
            if !registration.is_empty() {
                tx.execute(
                    "UPDATE arenas SET registration = ?2 WHERE id = ?1",
                    params![id, registration],
                )?;
            }
            let decided = Decided {
                body: decision.body.code.clone(),
                on: Some(decision.on),
                budget: text::one_line(decision.budget.trim()).into_owned(),
                may_ask: text::one_line(decision.may_ask.trim()).into_owned(),
                until: decision.until,
            };
            write_decided(tx, id, Some(&decided))?;
            history::record(tx, stamp, "arena", id, "decision", &describe(decision))?;
            set_stage(tx, stamp, id, Stage::Commissioned)?;
            bump(tx, stamp, id)?;
            let detail = format!(
                "stage: {} -> {}",
                before.stage.code(),
                Stage::Commissioned.code()
            );
            history::record(tx, stamp, "arena", id, "move", &detail)?;
            drawn_up::stage_changed(tx, stamp, id, before.stage, Stage::Commissioned)?;
            load(tx, stamp, id)
        })
    }

    fn decline(
        &mut self,
        id: i64,
        expected_version: i64,
        body: &Body,
        on: NaiveDate,
        reason: &str,
    ) -> Result<Arena> {
        self.write(|tx, stamp| {
            let before = load_unchanged(tx, stamp, id, expected_version)?;
            arena::check_decline(&before, reason).map_err(|r| StoreError::Refused(vec![r]))?;
            if on > stamp.today() {
                return Err(StoreError::DecisionRefused(vec![
                    decision::DecisionProblem::DateAhead,
                ]));
            }
            ensure_member(tx, stamp, body)?;
            set_stage(tx, stamp, id, Stage::Declined)?;
            let reason = text::multi_line(reason.trim());
            tx.execute(
                "UPDATE arenas SET decline_reason = ?2, commissioned_by = ?3 WHERE id = ?1",
                params![id, reason, text::one_line(&body.name)],
            )?;
            let decided = Decided {
                body: body.code.clone(),
                on: Some(on),
                ..Decided::default()
            };
            write_decided(tx, id, Some(&decided))?;
            bump(tx, stamp, id)?;
            let detail = format!(
                "declined by {} ({}) on {on}: {reason}",
                body.code, body.name
            );
            history::record(tx, stamp, "arena", id, "decline", &detail)?;
            load(tx, stamp, id)
        })
    }
}
