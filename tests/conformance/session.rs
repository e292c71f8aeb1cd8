//! The first tests of the suite: numbers, conflicts, live refresh, refusals, masking, search.

use chrono::NaiveDate;
use puls::domain::arena::Stage;
use puls::domain::knowledge::EntryKind;
use puls::store::prelude::*;
use puls::store::{ArenaEdit, EntryEdit, EntryFilter, StoreError};

use crate::Fixture;
use crate::app::signal;
use crate::support::at;

fn commissionable(title: &str) -> ArenaEdit {
    ArenaEdit {
        title: title.into(),
        need: "need".into(),
        mission: "LF".into(),
        coordinator: Some("Maja Lindqvist".into()),
        mandate: "Work within three months".into(),
        target_date: NaiveDate::from_ymd_opt(2027, 1, 31),
        participating: vec![],
    }
}

pub fn numbers_signals_in_order_with_an_audit_row_each<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let first = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let second = maja.create_signal(&signal("Boy falling behind")).unwrap();
    assert_eq!((first.id, second.id), (1, 2));
    assert_eq!((first.stage, first.version), (Stage::Signal, 1));
    let history = maja.arena_history(first.id, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].who.as_str(), history[0].action.as_str()),
        ("maja", "signal")
    );
}

pub fn refuses_a_save_over_an_unseen_change_saying_who_and_when<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let mut jonas = db.session("jonas", at(23, 10));
    let arena = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    jonas
        .edit_arena(arena.id, arena.version, &commissionable("Jonas's title"))
        .unwrap();
    let refused = maja
        .edit_arena(arena.id, arena.version, &commissionable("Maja's title"))
        .unwrap_err();
    match refused {
        StoreError::Conflict { id, who, at: when } => {
            assert_eq!((id, who.as_str(), when), (arena.id, "jonas", at(23, 10)));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(maja.arena(arena.id).unwrap().title, "Jonas's title");
}

pub fn hears_of_other_sessions_commits_once_and_never_of_its_own<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let mut jonas = db.session("jonas", at(23, 9));
    assert!(!maja.others_changed().unwrap());
    maja.create_signal(&signal("Her own")).unwrap();
    assert!(!maja.others_changed().unwrap());
    jonas.create_signal(&signal("His")).unwrap();
    assert!(maja.others_changed().unwrap());
    assert!(!maja.others_changed().unwrap());
    assert_eq!(maja.board_cards(false).unwrap().len(), 2);
}

pub fn a_refused_move_changes_nothing<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let arena = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let refused = maja.move_arena(arena.id, arena.version, Stage::Commissioned);
    assert!(
        matches!(refused, Err(StoreError::Refused(_))),
        "{refused:?}"
    );
    let after = maja.arena(arena.id).unwrap();
    assert_eq!((after.stage, after.version), (Stage::Signal, arena.version));
    assert_eq!(maja.arena_history(arena.id, 10).unwrap().len(), 1);
}

pub fn writes_nothing_about_an_arena_that_does_not_exist<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    maja.create_signal(&signal("One arena")).unwrap();
    let before = maja.history(None, None, 100).unwrap().len();
    assert!(maja.start_standup(99_999).is_err());
    assert!(maja.record_personal_data(99_999, "need", "x").is_err());
    assert!(maja.add_need(99_999, "School nurse", "x").is_err());
    assert_eq!(maja.history(None, None, 100).unwrap().len(), before);
}

pub fn masks_personal_numbers_in_every_history_row<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    maja.create_signal(&signal("Called about 850709-9805 today"))
        .unwrap();
    for row in maja.history(None, None, 100).unwrap() {
        assert!(!row.detail.contains("850709"), "{row:?}");
    }
}

pub fn searches_any_text_without_an_error_and_keeps_swedish_letters<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let entry = |title: &str| EntryEdit {
        title: title.into(),
        body: "What the team learned.".into(),
        kind: EntryKind::Lesson,
        tags: Vec::new(),
        competences: Vec::new(),
        arena: None,
    };
    maja.add_entry(&entry("HÄLSA i skolan")).unwrap();
    maja.add_entry(&entry("Halsa is not the word")).unwrap();
    let found = |q: &str| {
        maja.search_entries(q, &EntryFilter::default(), 10)
            .unwrap_or_else(|e| panic!("{q:?}: {e}"))
            .into_iter()
            .map(|hit| hit.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(found("hälsa"), ["HÄLSA i skolan"]);
    for hostile in [
        "\"",
        "*",
        "title:x",
        "a AND -b OR NEAR(",
        "()",
        "'; DROP TABLE entries; --",
    ] {
        found(hostile);
    }
}
