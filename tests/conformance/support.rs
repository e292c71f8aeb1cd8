//! What the moved tests of tests/store.rs, tests/citizen.rs and tests/knowledge.rs share: their
//! signal, edit and clock, and a count of the history that asks the store, not SQLite.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use puls::domain::clock::ManualClock;
use puls::store::prelude::*;
use puls::store::{ArenaEdit, NewSignal};

use crate::Fixture;
use crate::app::now;

/// A new database holding the demo municipality, filled by `maja` at [`now`].
pub fn demo_db<F: Fixture>() -> F {
    let db = F::new();
    let clock = Arc::new(ManualClock::new(now()));
    let mut store = db.session_on("maja", clock.clone());
    puls::demo::fill_store(&mut store, &clock, now()).unwrap();
    db
}

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// A signal titled `title` in the LF mission, with a need.
pub fn signal(title: &str) -> NewSignal {
    NewSignal {
        title: title.into(),
        need: "A need that takes several units".into(),
        mission: "LF".into(),
        signalled_by: "Per Holm".into(),
        manager: String::new(),
        target_date: None,
    }
}

/// An edit that makes an arena ready to be commissioned, coordinated by `coordinator`.
pub fn commissionable(title: &str, coordinator: &str) -> ArenaEdit {
    ArenaEdit {
        title: title.into(),
        need: "need".into(),
        mission: "LF".into(),
        coordinator: Some(coordinator.into()),
        mandate: "Work within three months".into(),
        target_date: NaiveDate::from_ymd_opt(2027, 1, 31),
        participating: vec![],
    }
}

/// Every row of the history, of every entity.
pub fn audit_count(store: &impl Backend) -> usize {
    store.history(None, None, usize::MAX).unwrap().len()
}
