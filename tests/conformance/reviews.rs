//! An arena's meetings and partnering-maturity ratings, alike in every backend: recorded,
//! edited in place with an audit row, refused over an unseen change or on a drawn-up arena,
//! and the problem statement kept as iterations.

use chrono::NaiveDate;
use puls::domain::maturity::{Dimension, Occasion, Score};
use puls::domain::review::{Light, Question, ReviewKind};
use puls::store::prelude::*;
use puls::store::{RatingEdit, ReviewEdit, StoreError};

use crate::Fixture;
use crate::app::{now, signal};
use crate::support::demo_db;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn sponsor(on: NaiveDate, statement: &str, surprise: &str) -> ReviewEdit {
    ReviewEdit {
        kind: ReviewKind::Sponsor,
        held_on: on,
        led_by: "Eva Lindqvist".into(),
        answers: vec![
            (Question::ProblemStatement, statement.into()),
            (Question::Surprise, surprise.into()),
        ],
        light: Some(Light::Amber),
    }
}

fn rating(level: u8, note: &str) -> RatingEdit {
    RatingEdit {
        on: day(20),
        occasion: Occasion::Baseline,
        partner: String::new(),
        scores: Dimension::ALL
            .into_iter()
            .map(|dimension| Score {
                dimension,
                level,
                note: note.into(),
            })
            .collect(),
    }
}

/// Fails unless a row of the arena's history says `detail`.
fn assert_in_history(store: &impl Backend, arena: i64, detail: &str) {
    let details: Vec<String> = store
        .arena_history(arena, 50)
        .unwrap()
        .into_iter()
        .map(|r| r.detail)
        .collect();
    assert!(details.iter().any(|d| d == detail), "{details:?}");
}

pub fn a_meeting_is_edited_in_place_with_its_version_and_an_audit_row<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let arena = maja
        .create_signal(&signal("Newcomer needs work"))
        .unwrap()
        .id;
    let id = maja
        .add_review(arena, &sponsor(day(20), "Work first", "His network"))
        .unwrap();
    let before = maja.reviews(arena).unwrap().remove(0);

    maja.edit_review(
        id,
        before.version,
        &sponsor(day(20), "Work first", "  His own network  "),
    )
    .unwrap();

    let after = maja.reviews(arena).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, id);
    assert_eq!(after[0].version, before.version + 1);
    assert_eq!(after[0].answer(Question::Surprise), "His own network");
    assert_eq!(after[0].light, Some(Light::Amber));
    assert_in_history(&maja, arena, "edited sponsor 2026-11-20 amber");
}

pub fn the_problem_statement_gets_an_iteration_only_when_it_changes<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let arena = maja
        .create_signal(&signal("Newcomer needs work"))
        .unwrap()
        .id;

    for (on, statement) in [(10, "A permit"), (15, "A permit"), (20, "Staying well")] {
        maja.add_review(arena, &sponsor(day(on), statement, "x"))
            .unwrap();
    }

    let statements = maja.problem_statements(arena).unwrap();
    let seen: Vec<(u32, &str, NaiveDate)> = statements
        .iter()
        .map(|s| (s.number, s.text.as_str(), s.on))
        .collect();
    assert_eq!(
        seen,
        [(1, "A permit", day(10)), (2, "Staying well", day(20))]
    );
}

pub fn a_meeting_or_rating_saved_over_an_unseen_edit_is_refused_with_who<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let arena = maja
        .create_signal(&signal("Newcomer needs work"))
        .unwrap()
        .id;
    let review = maja
        .add_review(arena, &sponsor(day(20), "Work first", "x"))
        .unwrap();
    let rated = maja.add_rating(arena, &rating(2, "apart")).unwrap();
    let seen_review = jonas.reviews(arena).unwrap()[0].version;
    let seen_rating = jonas.ratings(arena).unwrap()[0].version;

    maja.edit_review(
        review,
        seen_review,
        &sponsor(day(20), "Work first", "maja's"),
    )
    .unwrap();
    maja.edit_rating(rated, seen_rating, &rating(3, "maja's"))
        .unwrap();
    let review_err = jonas
        .edit_review(
            review,
            seen_review,
            &sponsor(day(20), "Work first", "jonas's"),
        )
        .unwrap_err();
    let rating_err = jonas
        .edit_rating(rated, seen_rating, &rating(4, "jonas's"))
        .unwrap_err();

    for err in [review_err, rating_err] {
        assert!(
            matches!(err, StoreError::Changed { ref who, .. } if who == "maja"),
            "{err:?}"
        );
    }
    assert_eq!(
        jonas.reviews(arena).unwrap()[0].answer(Question::Surprise),
        "maja's"
    );
    assert_eq!(jonas.ratings(arena).unwrap()[0].scores[0].level, 3);
}

pub fn a_rating_is_edited_in_place_and_a_level_outside_1_to_6_is_refused<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let arena = maja
        .create_signal(&signal("Newcomer needs work"))
        .unwrap()
        .id;
    let id = maja.add_rating(arena, &rating(2, "apart")).unwrap();
    let version = maja.ratings(arena).unwrap()[0].version;

    maja.edit_rating(id, version, &rating(4, "one budget"))
        .unwrap();
    let refused = maja.add_rating(arena, &rating(7, "too high"));

    assert!(
        matches!(refused, Err(StoreError::MaturityLevel(_))),
        "{refused:?}"
    );
    let ratings = maja.ratings(arena).unwrap();
    assert_eq!(ratings.len(), 1);
    assert_eq!(ratings[0].version, version + 1);
    assert_eq!(ratings[0].scores[6].note, "one budget");
    assert_in_history(&maja, arena, "edited baseline 2026-11-20: 4 4 4 4 4 4 4");
}

pub fn a_drawn_up_arena_refuses_new_and_edited_meetings_and_ratings<F: Fixture>() {
    let db: F = demo_db();
    let mut maja = db.session("maja", now());
    let closed = maja
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.title.starts_with("Summer jobs"))
        .unwrap()
        .id;
    let review = maja.reviews(closed).unwrap().remove(0);
    let rated = maja.ratings(closed).unwrap().remove(0);

    let results = [
        maja.add_review(closed, &sponsor(day(20), "x", "y"))
            .map(|_| ()),
        maja.edit_review(review.id, review.version, &sponsor(day(20), "x", "y")),
        maja.add_rating(closed, &rating(3, "x")).map(|_| ()),
        maja.edit_rating(rated.id, rated.version, &rating(3, "x")),
    ];

    for result in results {
        assert!(
            matches!(result, Err(StoreError::DrawnUp { arena, .. }) if arena == closed),
            "{result:?}"
        );
    }
    assert_eq!(maja.reviews(closed).unwrap()[0], review);
}
