//! Courses colleagues give, alike in every backend: sessions with seats, sign-ups up to the
//! seats and no further, and only a course entry has sessions.

use chrono::NaiveDate;
use puls::domain::knowledge::EntryKind;
use puls::store::prelude::*;
use puls::store::{EntryEdit, PersonEdit, StoreError};

use crate::Fixture;
use crate::app::now;

fn entry(title: &str, kind: EntryKind) -> EntryEdit {
    EntryEdit {
        title: title.into(),
        body: "What it teaches".into(),
        kind,
        ..EntryEdit::default()
    }
}

fn person(name: &str) -> PersonEdit {
    PersonEdit {
        name: name.into(),
        unit: "Learning & family".into(),
        role: "Teacher".into(),
        contact: String::new(),
        capacity: 100,
        coordinator: false,
        competences: Vec::new(),
        manager: String::new(),
    }
}

pub fn a_session_takes_sign_ups_up_to_its_seats_and_refuses_the_next<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let course = maja
        .add_entry(&entry("Motivational interviewing", EntryKind::Course))
        .unwrap();
    for name in ["Ada", "Bo", "Cleo"] {
        maja.add_person(&person(name)).unwrap();
    }
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let session = maja.add_session(course, day, "Room 2", 2).unwrap();

    maja.sign_up(session, "Ada").unwrap();
    maja.sign_up(session, "bo").unwrap();
    let full = maja.sign_up(session, "Cleo");
    let stranger = maja.sign_up(session, "Nobody");

    assert!(
        matches!(full, Err(StoreError::SessionFull(s)) if s == session),
        "{full:?}"
    );
    assert!(
        matches!(stranger, Err(StoreError::UnknownPerson(_))),
        "{stranger:?}"
    );
    let courses = maja.courses().unwrap();
    let held = &courses.iter().find(|c| c.entry == course).unwrap().sessions[0];
    assert_eq!(
        (held.on, held.place.as_str(), held.seats),
        (day, "Room 2", 2)
    );
    assert_eq!(held.signed_up, ["Ada", "Bo"]);
    assert_eq!(held.seats_left(), 0);
}

pub fn withdrawing_frees_the_seat_and_is_refused_for_someone_not_signed_up<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let course = maja
        .add_entry(&entry("Motivational interviewing", EntryKind::Course))
        .unwrap();
    for name in ["Ada", "Bo"] {
        maja.add_person(&person(name)).unwrap();
    }
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let session = maja.add_session(course, day, "Room 2", 1).unwrap();
    maja.sign_up(session, "Ada").unwrap();

    maja.withdraw(session, "ada").unwrap();
    let again = maja.withdraw(session, "Ada");
    maja.sign_up(session, "Bo").unwrap();

    assert!(
        matches!(again, Err(StoreError::NotSignedUp { session: s, .. }) if s == session),
        "{again:?}"
    );
    let courses = maja.courses().unwrap();
    let held = &courses.iter().find(|c| c.entry == course).unwrap().sessions[0];
    assert_eq!(held.signed_up, ["Bo"]);
    let history = maja.history(None, None, 50).unwrap();
    assert!(
        history
            .iter()
            .any(|r| r.action == "withdraw" && r.detail == format!("session {session}: ada")),
        "{history:?}"
    );
}

pub fn only_a_course_entry_gets_sessions_and_a_session_needs_a_seat<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let lesson = maja
        .add_entry(&entry("Ask early", EntryKind::Lesson))
        .unwrap();
    let course = maja
        .add_entry(&entry("Motivational interviewing", EntryKind::Course))
        .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();

    let not_a_course = maja.add_session(lesson, day, "Room 2", 10);
    let no_seats = maja.add_session(course, day, "Room 2", 0);

    assert!(
        matches!(not_a_course, Err(StoreError::NotACourse(e)) if e == lesson),
        "{not_a_course:?}"
    );
    assert!(matches!(no_seats, Err(StoreError::NoSeats)), "{no_seats:?}");
    let courses = maja.courses().unwrap();
    assert!(courses.iter().all(|c| c.sessions.is_empty()), "{courses:?}");
}

pub fn signing_up_twice_is_refused_and_writes_nothing<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let course = maja
        .add_entry(&entry("Motivational interviewing", EntryKind::Course))
        .unwrap();
    maja.add_person(&person("Ada")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let session = maja.add_session(course, day, "Room 2", 3).unwrap();
    maja.sign_up(session, "Ada").unwrap();
    let rows = maja.history(None, None, 50).unwrap().len();

    let again = maja.sign_up(session, "ada");

    assert!(
        matches!(again, Err(StoreError::AlreadySignedUp { session: s, .. }) if s == session),
        "{again:?}"
    );
    let courses = maja.courses().unwrap();
    let held = &courses.iter().find(|c| c.entry == course).unwrap().sessions[0];
    assert_eq!(held.signed_up, ["Ada"]);
    assert_eq!(maja.history(None, None, 50).unwrap().len(), rows);
}

pub fn the_account_signs_up_as_the_roster_person_it_is_linked_to<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    maja.add_person(&person("Maja Lindqvist")).unwrap();
    let before = maja.account_person().unwrap();

    maja.link_account("maja", "Maja Lindqvist").unwrap();

    assert_eq!(before, None);
    assert_eq!(
        maja.account_person().unwrap().as_deref(),
        Some("Maja Lindqvist")
    );
    let other = db.session("olle", now());
    assert_eq!(other.account_person().unwrap(), None);
}
