//! Arenas: numbers, versions and conflicts, moves, declines and undo (moved from tests/store.rs).

use puls::domain::arena::{Refusal, Stage};
use puls::domain::decision::DecisionProblem;
use puls::store::StoreError;
use puls::store::prelude::*;

use crate::Fixture;
use crate::app::now;
use crate::support::{at, audit_count, commissionable, signal};

pub fn a_signal_gets_the_next_number_and_an_audit_row<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let first = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let second = store.create_signal(&signal("Boy falling behind")).unwrap();
    assert_eq!((first.id, second.id), (1, 2));
    assert_eq!(first.stage, Stage::Signal);
    assert_eq!(first.version, 1);
    let history = store.arena_history(1, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].who.as_str(), history[0].action.as_str()),
        ("maja", "signal")
    );
}

pub fn stored_text_loses_its_control_characters<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let arena = store
        .create_signal(&signal("Lights\x1b[2J out\x07"))
        .unwrap();
    assert_eq!(arena.title, "Lights[2J out");
}

pub fn commission_records_who_commissioned_and_bumps_the_version<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let a = store
        .edit_arena(
            a.id,
            a.version,
            &commissionable("Newcomer needs work", "Maja Lindqvist"),
        )
        .unwrap();
    assert_eq!(a.version, 2);
    assert_eq!(a.coordinator.as_deref(), Some("Maja Lindqvist"));
    let a = store
        .commission(a.id, a.version, &crate::app::decision("Maja Lindqvist"))
        .unwrap();
    assert_eq!(a.stage, Stage::Commissioned);
    assert_eq!(
        a.commissioned_by.as_deref(),
        Some("Strategic coordination group")
    );
    assert_eq!(a.version, 3);
    // signal + person added + coordinator appointed + edit + decision + move
    assert_eq!(audit_count(&store), 6);
}

pub fn a_refused_move_changes_nothing<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let err = store
        .move_arena(a.id, a.version, Stage::Commissioned)
        .err()
        .unwrap();
    assert!(matches!(&err, StoreError::Refused(r) if r == &vec![Refusal::NeedsDecision]));
    let mut lacking = crate::app::decision(" ");
    lacking.mandate.clear();
    let err = store.commission(a.id, a.version, &lacking).err().unwrap();
    assert!(
        matches!(&err, StoreError::DecisionRefused(p) if p == &vec![DecisionProblem::NoCoordinator, DecisionProblem::NoMandate]),
        "{err:?}"
    );
    assert_eq!(store.arena(a.id).unwrap(), a);
    assert_eq!(audit_count(&store), 1);
}

pub fn declining_keeps_the_reason_and_needs_one<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store
        .create_signal(&signal("A pool at the care home"))
        .unwrap();
    let on = crate::app::now().date_naive();
    assert!(matches!(
        store.decline(a.id, a.version, &crate::app::ssg(), on, "  "),
        Err(StoreError::Refused(r)) if r == vec![Refusal::NoDeclineReason]
    ));
    let d = store
        .decline(
            a.id,
            a.version,
            &crate::app::ssg(),
            on,
            "Facility management handles it",
        )
        .unwrap();
    assert_eq!(d.stage, Stage::Declined);
    assert_eq!(
        d.decline_reason.as_deref(),
        Some("Facility management handles it")
    );
    assert!(store.board_cards(false).unwrap().is_empty());
    assert_eq!(store.board_cards(true).unwrap().len(), 1);
}

pub fn a_second_session_saving_over_an_unseen_change_is_refused_with_who_and_when<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let mut jonas = db.session("jonas", at(23, 10));
    let a = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let seen_by_maja = maja.arena(a.id).unwrap();
    jonas
        .edit_arena(
            a.id,
            a.version,
            &commissionable("Jonas's title", "Jonas Ekberg"),
        )
        .unwrap();
    let err = maja
        .edit_arena(
            seen_by_maja.id,
            seen_by_maja.version,
            &commissionable("Maja's title", "Maja Lindqvist"),
        )
        .err()
        .unwrap();
    match err {
        StoreError::Conflict { id, who, at: when } => {
            assert_eq!((id, who.as_str(), when), (a.id, "jonas", at(23, 10)));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(maja.arena(a.id).unwrap().title, "Jonas's title");
}

pub fn restore_puts_an_arena_back_unless_someone_changed_it_since<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let before = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let after = maja
        .edit_arena(
            before.id,
            before.version,
            &commissionable("Renamed", "Maja Lindqvist"),
        )
        .unwrap();
    let restored = maja.restore_arena(after.version, &before).unwrap();
    assert_eq!(
        (restored.title.as_str(), restored.coordinator.as_deref()),
        ("Newcomer needs work", None)
    );
    let later = jonas
        .edit_arena(
            restored.id,
            restored.version,
            &commissionable("Jonas edit", "Jonas Ekberg"),
        )
        .unwrap();
    assert!(matches!(
        maja.restore_arena(restored.version, &after),
        Err(StoreError::Conflict { who, .. }) if who == "jonas"
    ));
    assert_eq!(maja.arena(later.id).unwrap().title, "Jonas edit");
}

pub fn a_removed_signal_number_is_never_given_again<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("Oops")).unwrap();
    store.delete_signal(a.id, a.version).unwrap();
    let b = store.create_signal(&signal("Real one")).unwrap();
    assert_eq!(b.id, a.id + 1);
    assert!(matches!(
        store.arena(a.id),
        Err(StoreError::ArenaNotFound(_))
    ));
}
