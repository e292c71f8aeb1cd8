//! The bodies' decisions on signals, alike in every backend: a member of the body forwards a
//! signal to its agenda, commissions or declines it; anyone else is refused; an arena keeps the
//! missions taking part besides its own.

use chrono::NaiveDate;
use puls::domain::access::Role;
use puls::domain::arena::Stage;
use puls::store::prelude::*;
use puls::store::{ArenaEdit, PersonEdit, StoreError};

use crate::Fixture;
use crate::app::{decision, now, signal, ssg, titled};

/// A database with one signal, raised by `anna`, and Maja Lindqvist on the roster.
fn guarded<F: Fixture>() -> (F, i64) {
    let db = F::new();
    let mut anna = db.session("anna", now());
    let arena = anna.create_signal(&signal("Newcomer needs work")).unwrap();
    anna.grant("anna", Role::Administrator).unwrap();
    anna.add_person(&PersonEdit {
        name: "Maja Lindqvist".into(),
        unit: String::new(),
        role: String::new(),
        contact: String::new(),
        capacity: 50,
        coordinator: true,
        competences: vec![],
        manager: String::new(),
    })
    .unwrap();
    (db, arena.id)
}

fn ssg_with(members: &[&str]) -> puls::domain::decision::Body {
    puls::domain::decision::Body {
        members: members.iter().map(|m| (*m).to_owned()).collect(),
        ..ssg()
    }
}

pub fn a_member_forwards_and_commissions_and_anyone_else_is_refused<F: Fixture>() {
    let (db, id) = guarded::<F>();
    let mut per = db.session("per", now());
    let mut jonas = db.session("jonas", now());
    let body = ssg_with(&["jonas"]);
    let meeting = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
    let mut decided = decision("Maja Lindqvist");
    decided.body = body.clone();

    let refused_forward = per.forward(id, 1, &body, meeting);
    let forwarded = jonas.forward(id, 1, &body, meeting).unwrap();
    let refused = per.commission(id, forwarded.version, &decided);
    let arena = jonas.commission(id, forwarded.version, &decided).unwrap();

    assert!(
        matches!(refused_forward, Err(StoreError::NotInBody { .. })),
        "{refused_forward:?}"
    );
    assert!(
        matches!(refused, Err(StoreError::NotInBody { .. })),
        "{refused:?}"
    );
    assert_eq!(arena.stage, Stage::Commissioned);
    assert_eq!(arena.coordinator.as_deref(), Some("Maja Lindqvist"));
    let kept = arena.decided.unwrap();
    assert_eq!((kept.body.as_str(), kept.on), ("SSG", Some(decided.on)));
    assert_eq!(jonas.registration(id).unwrap(), "KS 2026/0142");
    assert!(jonas.agenda("SSG").unwrap().is_empty());
}

pub fn a_member_declines_with_the_bodys_reason<F: Fixture>() {
    let (db, id) = guarded::<F>();
    let mut jonas = db.session("jonas", now());
    let on = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();

    let arena = jonas
        .decline(
            id,
            1,
            &ssg_with(&["jonas"]),
            on,
            "Facility management handles it",
        )
        .unwrap();

    assert_eq!(arena.stage, Stage::Declined);
    assert_eq!(
        arena.decline_reason.as_deref(),
        Some("Facility management handles it")
    );
}

pub fn an_arena_keeps_the_missions_taking_part_besides_its_own<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let a = maja.create_signal(&signal("A family stuck")).unwrap();
    let edit = ArenaEdit {
        participating: vec!["HC".into(), "LF".into(), "CD".into()],
        ..titled("A family stuck")
    };

    let after = maja.edit_arena(a.id, a.version, &edit).unwrap();

    assert_eq!(after.participating, ["CD", "HC"]);
    assert_eq!(
        maja.board_cards(false).unwrap()[0].participating,
        ["CD", "HC"]
    );
}
