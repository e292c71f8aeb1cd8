//! An arena's meetings in the store: sponsor reviews with their problem statement kept as
//! versions, citizen reviews, case discussions filed in the bank; versions, conflicts, audit
//! rows, and the lock on a drawn-up arena.

#[path = "shared/app.rs"]
pub mod app;

use chrono::NaiveDate;
use puls::domain::arena::Stage;
use puls::domain::review::{Light, Question, ReviewKind, ReviewRhythm};
use puls::store::prelude::*;
use puls::store::{ReviewEdit, StoreError};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn sponsor(on: NaiveDate, statement: &str, light: Light) -> ReviewEdit {
    ReviewEdit {
        kind: ReviewKind::Sponsor,
        held_on: on,
        led_by: "Eva Lindqvist".into(),
        answers: vec![
            (Question::ProblemStatement, statement.into()),
            (Question::TeamOkay, "Tired but fine".into()),
        ],
        light: Some(light),
    }
}

fn case(question: &str, learned: &str) -> ReviewEdit {
    ReviewEdit {
        kind: ReviewKind::Case,
        held_on: day(11, 20),
        led_by: "Maja".into(),
        answers: vec![
            (Question::CaseQuestion, question.into()),
            (
                Question::Participants,
                "Two coordinators, a school nurse".into(),
            ),
            (Question::Learned, learned.into()),
        ],
        light: None,
    }
}

/// The first arena of the demo in `stage`.
fn arena_in(store: &puls::store::Store, stage: Stage) -> i64 {
    store
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.stage == stage)
        .unwrap()
        .id
}

fn audit_rows(store: &puls::store::Store, arena: i64) -> Vec<String> {
    store
        .arena_history(arena, 50)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "review")
        .map(|r| r.detail)
        .collect()
}

#[test]
fn a_sponsor_review_keeps_its_answers_light_and_an_audit_row() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Active);
    let before = audit_rows(&store, arena).len();
    let id = store
        .add_review(
            arena,
            &sponsor(day(11, 2), "Work first, language beside it", Light::Amber),
        )
        .unwrap();
    let review = store
        .reviews(arena)
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(review.kind, ReviewKind::Sponsor);
    assert_eq!(review.light, Some(Light::Amber));
    assert_eq!(review.answer(Question::TeamOkay), "Tired but fine");
    assert_eq!(review.answer(Question::Surprise), "");
    assert_eq!(
        review.answers.len(),
        6,
        "every question of the kind, answered or not"
    );
    assert_eq!(review.version, 1);
    let rows = audit_rows(&store, arena);
    assert_eq!(rows.len(), before + 1);
    assert_eq!(rows[0], "sponsor 2026-11-02 amber");
}

#[test]
fn the_problem_statement_gets_a_new_version_only_when_it_changes() {
    let (_dir, mut store) = app::demo_store();
    // The demo's commissioned arena has held no meeting yet.
    let arena = arena_in(&store, Stage::Commissioned);
    store
        .add_review(arena, &sponsor(day(9, 1), "He needs work", Light::Green))
        .unwrap();
    store
        .add_review(arena, &sponsor(day(10, 1), "He needs work", Light::Green))
        .unwrap();
    let id = store
        .add_review(
            arena,
            &sponsor(day(11, 1), "He needs a network first", Light::Amber),
        )
        .unwrap();
    let versions = store.problem_statements(arena).unwrap();
    let texts: Vec<(u32, &str)> = versions
        .iter()
        .map(|v| (v.number, v.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [(1, "He needs work"), (2, "He needs a network first")]
    );
    assert_eq!(versions[1].on, day(11, 1));
    // Editing the latest review to a new wording adds a third; the earlier ones stay.
    store
        .edit_review(
            id,
            1,
            &sponsor(day(11, 1), "A network, then work", Light::Amber),
        )
        .unwrap();
    assert_eq!(store.problem_statements(arena).unwrap().len(), 3);
    assert_eq!(
        store.problem_statements(arena).unwrap()[0].text,
        "He needs work"
    );
}

#[test]
fn a_second_session_editing_an_unseen_change_is_refused_with_who() {
    let (dir, mut maja) = app::demo_store();
    let arena = arena_in(&maja, Stage::Active);
    let id = maja
        .add_review(arena, &sponsor(day(11, 2), "First", Light::Green))
        .unwrap();
    let mut olle = app::open(&dir.path().join("demo.db"), "olle");
    olle.edit_review(id, 1, &sponsor(day(11, 2), "Olle's", Light::Red))
        .unwrap();
    let refused = maja
        .edit_review(id, 1, &sponsor(day(11, 2), "Maja's", Light::Green))
        .unwrap_err();
    match refused {
        StoreError::Changed { who, .. } => assert_eq!(who, "olle"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    let review = maja
        .reviews(arena)
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(review.answer(Question::ProblemStatement), "Olle's");
    assert_eq!(review.light, Some(Light::Red));
    assert_eq!(review.version, 2);
}

#[test]
fn a_drawn_up_arena_takes_no_new_meeting_and_keeps_its_old_ones() {
    let (_dir, mut store) = app::demo_store();
    let closed = arena_in(&store, Stage::Closed);
    let before = store.reviews(closed).unwrap();
    let statements = store.problem_statements(closed).unwrap();
    let refused = store
        .add_review(closed, &sponsor(day(11, 2), "Late", Light::Green))
        .unwrap_err();
    assert!(matches!(refused, StoreError::DrawnUp { .. }), "{refused:?}");
    assert_eq!(store.reviews(closed).unwrap(), before);
    assert_eq!(store.problem_statements(closed).unwrap(), statements);
}

#[test]
fn a_meeting_of_an_arena_that_does_not_exist_is_refused() {
    let (_dir, mut store) = app::demo_store();
    let refused = store.add_review(9999, &case("Q", "L")).unwrap_err();
    assert!(matches!(refused, StoreError::ArenaNotFound(9999)));
}

#[test]
fn a_case_discussion_becomes_a_knowledge_entry_of_its_arena_once() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Active);
    let id = store
        .add_review(
            arena,
            &case(
                "How do we reach a father who avoids meetings?",
                "Meet where he already goes",
            ),
        )
        .unwrap();
    let entry = store.file_review(id, 1).unwrap();
    let filed = store.entry(entry).unwrap();
    assert_eq!(filed.title, "How do we reach a father who avoids meetings?");
    assert!(filed.body.contains("Meet where he already goes"));
    assert_eq!(filed.arena, Some(arena));
    let review = store
        .reviews(arena)
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(review.entry, Some(entry));
    assert_eq!(review.version, 2);
    let again = store.file_review(id, 2).unwrap_err();
    assert!(matches!(again, StoreError::ReviewFiled { entry: e, .. } if e == entry));
}

#[test]
fn only_a_case_discussion_goes_to_the_bank() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Active);
    let id = store
        .add_review(arena, &sponsor(day(11, 2), "S", Light::Green))
        .unwrap();
    assert!(matches!(
        store.file_review(id, 1).unwrap_err(),
        StoreError::NotACaseDiscussion(_)
    ));
}

#[test]
fn review_dates_name_the_latest_of_each_kind_for_arenas_at_work() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Active);
    store
        .add_review(arena, &sponsor(day(11, 21), "A", Light::Green))
        .unwrap();
    store
        .add_review(arena, &sponsor(day(11, 22), "B", Light::Green))
        .unwrap();
    let dates = store.review_dates().unwrap();
    let ours = dates.iter().find(|d| d.arena == arena).unwrap();
    assert_eq!(ours.sponsor, Some(day(11, 22)));
    assert!(
        dates
            .iter()
            .all(|d| matches!(d.stage, Stage::Staffing | Stage::Active | Stage::Returning))
    );
    // On the tests' fixed day (2026-11-23), a monthly sponsor review from 11-22 is due 12-22.
    let due = ours.due(&ReviewRhythm::default(), store.today());
    let sponsor = due.iter().find(|d| d.kind == ReviewKind::Sponsor).unwrap();
    assert_eq!((sponsor.on, sponsor.late), (day(12, 22), false));
}
