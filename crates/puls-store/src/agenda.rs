//! The signal's route: from the signaller through their nearest manager onto a body's
//! agenda, where it waits for the meeting that commissions or declines it.

use crate::sql::{SqlResult, SqlStore, params};
use chrono::NaiveDate;
pub use puls_domain::read::AgendaItem;

use super::arenas::{bump, load, load_unchanged};
use super::{Result, StoreError, access, history, time};
use puls_domain::arena::{Arena, Refusal, Stage};
use puls_domain::decision::Body;

/// Signals on their way to a body. Part of the store interface (see [`crate::Backend`]).
pub trait AgendaStore {
    /// Puts a signal on `body`'s agenda for the meeting on `meeting` (moving it from another
    /// body's, if it was on one). The signal's manager may, and whoever may record the body's
    /// decisions; nobody else.
    fn forward(
        &mut self,
        id: i64,
        expected_version: i64,
        body: &Body,
        meeting: NaiveDate,
    ) -> Result<Arena>;

    /// The signals waiting for `body` (a code), by meeting day and number.
    fn agenda(&self, body: &str) -> Result<Vec<AgendaItem>>;
}

impl<S: SqlStore> AgendaStore for S {
    fn forward(
        &mut self,
        id: i64,
        expected_version: i64,
        body: &Body,
        meeting: NaiveDate,
    ) -> Result<Arena> {
        self.write(|tx, stamp| {
            let before = load_unchanged(tx, stamp, id, expected_version)?;
            if before.stage != Stage::Signal {
                return Err(StoreError::Refused(vec![
                    Refusal::OnlySignalsCanBeForwarded {
                        stage: before.stage,
                    },
                ]));
            }
            let manager: Option<String> = match access::person_of(tx, stamp.who)? {
                Some(person) => {
                    tx.query_row("SELECT name FROM people WHERE id = ?1", [person], |r| {
                        r.get(0)
                    })?
                }
                None => None,
            };
            let is_manager = manager.is_some_and(|m| {
                !before.manager.is_empty() && m.eq_ignore_ascii_case(&before.manager)
            });
            if !is_manager && !access::may_record(tx, stamp.who, body)? {
                return Err(StoreError::NotInBody {
                    body: body.code.clone(),
                    who: stamp.who.to_owned(),
                });
            }
            tx.execute(
                "UPDATE arenas SET agenda_body = ?2, agenda_on = ?3 WHERE id = ?1",
                params![id, body.code, time::date_to_text(Some(meeting))],
            )?;
            bump(tx, stamp, id)?;
            let detail = format!("on the {} agenda {meeting}", body.code);
            history::record(tx, stamp, "arena", id, "forward", &detail)?;
            load(tx, stamp, id)
        })
    }

    fn agenda(&self, body: &str) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT id, title, need, mission, signalled_by, signalled_at, manager, agenda_on
             FROM arenas WHERE agenda_body = ?1 AND stage = 'signal'
             ORDER BY agenda_on, id",
        )?;
        let rows = stmt.query_map([body], |r| {
            Ok(AgendaItem {
                id: r.get(0)?,
                title: r.get(1)?,
                need: r.get(2)?,
                mission: r.get(3)?,
                signalled_by: r.get(4)?,
                signalled_at: time::from_text(r.text(5)?),
                manager: r.get(6)?,
                meeting: time::date_from_text(r.get(7)?).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }
}
