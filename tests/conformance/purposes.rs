//! Purposes and their meetings' notes, alike in every backend.

use chrono::NaiveDate;
use puls::domain::purpose::NoteKind;
use puls::store::StoreError;
use puls::store::prelude::*;

use crate::Fixture;
use crate::app::{now, signal};

pub fn arenas_go_under_a_purpose_whose_meetings_keep_their_notes_in_order<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let purpose = maja
        .add_purpose("Every child in school", "No child left at home")
        .unwrap();
    let first = maja.create_signal(&signal("Siblings absent")).unwrap().id;
    let second = maja.create_signal(&signal("Bus too early")).unwrap().id;
    let outside = maja.create_signal(&signal("Flooded cellar")).unwrap().id;
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();

    maja.set_purpose(second, Some(purpose)).unwrap();
    maja.set_purpose(first, Some(purpose)).unwrap();
    maja.set_purpose(outside, Some(purpose)).unwrap();
    maja.set_purpose(outside, None).unwrap();
    maja.add_purpose_note(purpose, NoteKind::Decision, day(20), "Visit a review")
        .unwrap();
    maja.add_purpose_note(purpose, NoteKind::Dilemma, day(10), "Who pays the bus")
        .unwrap();
    let empty = maja.add_purpose_note(purpose, NoteKind::Note, day(21), "  ");
    let nowhere = maja.set_purpose(999, Some(purpose));

    assert_eq!(maja.purpose_arenas(purpose).unwrap(), [first, second]);
    let notes: Vec<(NoteKind, NaiveDate, String, String)> = maja
        .purpose_notes(purpose)
        .unwrap()
        .into_iter()
        .map(|n| (n.kind, n.on, n.text, n.by))
        .collect();
    assert_eq!(
        notes,
        [
            (
                NoteKind::Dilemma,
                day(10),
                "Who pays the bus".into(),
                "maja".into()
            ),
            (
                NoteKind::Decision,
                day(20),
                "Visit a review".into(),
                "maja".into()
            ),
        ]
    );
    assert!(matches!(empty, Err(StoreError::NoteMissing)), "{empty:?}");
    assert!(
        matches!(nowhere, Err(StoreError::ArenaNotFound(999))),
        "{nowhere:?}"
    );
    let purposes = maja.purposes().unwrap();
    assert_eq!(purposes.len(), 1);
    assert_eq!(purposes[0].name, "Every child in school");
}

pub fn a_purpose_needs_a_name<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());

    let refused = maja.add_purpose("  ", "No name");

    assert!(
        matches!(refused, Err(StoreError::NameMissing)),
        "{refused:?}"
    );
    assert!(maja.purposes().unwrap().is_empty());
}
