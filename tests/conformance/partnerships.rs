//! Partnering maturity of a partnership with an outside partner, of no arena, alike in every
//! backend: rated and edited with an audit row of its own, refused over an unseen change or
//! without a partner's name, listed by name, and counted in the key figures.

use chrono::NaiveDate;
use puls::domain::maturity::{Dimension, Occasion, Score};
use puls::store::prelude::*;
use puls::store::{RatingEdit, StoreError};

use crate::Fixture;
use crate::app::{now, signal};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn rating(partner: &str, on: NaiveDate, occasion: Occasion, level: u8) -> RatingEdit {
    RatingEdit {
        on,
        occasion,
        partner: partner.into(),
        scores: Dimension::ALL
            .into_iter()
            .map(|dimension| Score {
                dimension,
                level,
                note: format!("level {level}"),
            })
            .collect(),
    }
}

/// The details of the audit rows about partnership rating `id`, in any order.
fn partnership_history(store: &impl Backend, id: i64) -> Vec<String> {
    store
        .history(None, None, 50)
        .unwrap()
        .into_iter()
        .filter(|r| r.entity == "partnership" && r.entity_id == id)
        .map(|r| r.detail)
        .collect()
}

pub fn a_partnership_is_rated_and_edited_with_an_audit_row_of_its_own<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());

    let id = maja
        .add_partner_rating(&rating(" Fryshuset ", day(2), Occasion::Baseline, 2))
        .unwrap();
    let version = maja.partner_ratings("fryshuset").unwrap()[0].version;
    maja.edit_rating(
        id,
        version,
        &rating("Fryshuset", day(2), Occasion::Baseline, 3),
    )
    .unwrap();

    let ratings = maja.partner_ratings("FRYSHUSET").unwrap();
    assert_eq!(ratings.len(), 1);
    assert_eq!(ratings[0].arena, None);
    assert_eq!(ratings[0].partner, "Fryshuset");
    assert_eq!(ratings[0].version, version + 1);
    assert_eq!(ratings[0].scores[6].level, 3);
    let mut history = partnership_history(&maja, id);
    history.sort();
    assert_eq!(
        history,
        [
            "Fryshuset: baseline 2026-11-02: 2 2 2 2 2 2 2",
            "edited Fryshuset: baseline 2026-11-02: 3 3 3 3 3 3 3",
        ]
    );
    db.assert_sound();
}

pub fn a_partnership_rating_saved_over_an_unseen_edit_is_refused_with_who<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let id = maja
        .add_partner_rating(&rating("Fryshuset", day(2), Occasion::Baseline, 2))
        .unwrap();
    let seen = jonas.partner_ratings("Fryshuset").unwrap()[0].version;

    maja.edit_rating(
        id,
        seen,
        &rating("Fryshuset", day(2), Occasion::Baseline, 4),
    )
    .unwrap();
    let err = jonas
        .edit_rating(
            id,
            seen,
            &rating("Fryshuset", day(2), Occasion::Baseline, 5),
        )
        .unwrap_err();

    assert!(
        matches!(err, StoreError::Changed { ref who, .. } if who == "maja"),
        "{err:?}"
    );
    assert_eq!(
        jonas.partner_ratings("Fryshuset").unwrap()[0].scores[0].level,
        4
    );
}

pub fn a_partnership_rating_needs_a_partner_and_writes_nothing_without_one<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let id = maja
        .add_partner_rating(&rating("Fryshuset", day(2), Occasion::Baseline, 2))
        .unwrap();

    let added = maja.add_partner_rating(&rating("  ", day(3), Occasion::Check, 3));
    let edited = maja.edit_rating(id, 1, &rating("", day(3), Occasion::Check, 3));

    for result in [added.map(|_| ()), edited] {
        assert!(
            matches!(result, Err(StoreError::PartnerMissing)),
            "{result:?}"
        );
    }
    let partnerships = maja.partnerships().unwrap();
    assert_eq!(partnerships.len(), 1);
    assert_eq!(partnerships[0].ratings, 1);
}

pub fn partnerships_are_listed_by_name_and_counted_in_the_key_figures<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let arena = maja
        .create_signal(&signal("Newcomer needs work"))
        .unwrap()
        .id;
    maja.add_rating(arena, &rating("", day(1), Occasion::Baseline, 2))
        .unwrap();
    maja.add_partner_rating(&rating("Röda Korset", day(1), Occasion::Baseline, 5))
        .unwrap();
    maja.add_partner_rating(&rating("fryshuset", day(2), Occasion::Baseline, 1))
        .unwrap();
    maja.add_partner_rating(&rating("Fryshuset", day(9), Occasion::Check, 4))
        .unwrap();

    let listed: Vec<(String, u32, NaiveDate)> = maja
        .partnerships()
        .unwrap()
        .into_iter()
        .map(|p| (p.partner, p.ratings, p.latest))
        .collect();
    let figures = maja.maturity_figures().unwrap();

    assert_eq!(
        listed,
        [
            ("Fryshuset".to_owned(), 2, day(9)),
            ("Röda Korset".to_owned(), 1, day(1)),
        ]
    );
    assert_eq!((figures.arenas, figures.partnerships), (1, 2));
    // The arena at 2, Röda Korset at 5 and Fryshuset at 4, up 3 from its baseline.
    assert_eq!(figures.dimensions[0].at_level, [0, 1, 0, 1, 1, 0]);
    assert_eq!(figures.dimensions[0].mean_change, Some(3.0));
    assert!(
        maja.ratings(arena)
            .unwrap()
            .iter()
            .all(|r| r.arena == Some(arena))
    );
}
