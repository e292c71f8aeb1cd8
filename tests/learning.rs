//! Collegial learning: the reflection an arena writes when it returns its knowledge, who can
//! teach what when an arena lacks a competence, and the organisation's knowledge capital.

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;

use app::Screen;
use puls::app::form::FieldId;
use puls::app::popup::Popup;
use puls::store::CriterionEdit;
use puls::store::prelude::*;

fn body_of_open_form(screen: &Screen) -> String {
    match &screen.app.popup {
        Some(Popup::Form(form)) => form
            .fields
            .iter()
            .find(|f| f.id == FieldId::Body)
            .map(|f| f.value())
            .unwrap_or_default(),
        _ => panic!("no form open:\n{}", screen.text()),
    }
}

#[test]
fn the_entry_offered_at_returning_asks_the_four_questions_of_reflection() {
    let mut screen = Screen::demo(120, 40);
    // #1 is active; with a result for each criterion, > moves it to Returning knowledge, and
    // the bank offers a first entry.
    let mut store = screen.other_session("olle");
    for c in store.plan(1).unwrap().criteria {
        let edit = CriterionEdit {
            text: c.text.clone(),
            measure: c.measure.clone(),
            target: c.target.clone(),
            result: "Reached".into(),
            no_result_reason: String::new(),
            met: Some(true),
        };
        store.edit_criterion(c.id, c.version, &edit).unwrap();
    }
    screen.app.poll_changes();
    screen.keys("/#1<enter>>");
    let body = body_of_open_form(&screen);
    for question in [
        "What went well?",
        "What could be better?",
        "What do we need?",
        "How can we use each other more?",
    ] {
        assert!(body.contains(question), "{question} missing from:\n{body}");
    }
}

#[test]
fn find_staff_for_a_gap_names_who_can_teach_it_and_the_courses_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        // #1 lacks a trauma counsellor: Farid Karimi teaches it, and has filed a course.
        screen.keys("/#1<enter>a");
        let text = screen.text();
        assert!(text.contains("Can teach it (level 4)"), "{text}");
        assert!(text.contains("Farid Karimi"), "{text}");
        assert!(text.contains("Courses in the bank"), "{text}");
        assert!(text.contains("Trauma-informed first"), "{text}");
        insta::assert_snapshot!(format!("find_staff_learning_{width}x{height}"), text);
    }
}

#[test]
fn the_knowledge_capital_counts_holders_per_level_and_names_what_nobody_teaches() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        screen.keys("<K>");
        // Down the figures until the heading shows, and on until the list of gaps in teaching.
        for wanted in [
            "Knowledge capital: holders at level 1 2 3 4",
            "Nobody can teach",
        ] {
            for _ in 0..60 {
                if screen.text().contains(wanted) {
                    break;
                }
                screen.keys("j");
            }
            assert!(screen.text().contains(wanted), "{}", screen.text());
        }
        let text = screen.text();
        assert!(text.contains("Trauma counsellor        1 0 0 1"), "{text}");
        insta::assert_snapshot!(format!("knowledge_capital_{width}x{height}"), text);
    }
}

#[test]
fn the_knowledge_capital_sums_active_holders_by_level() {
    let (_dir, store) = app::demo_store();
    let capital = store.knowledge_capital().unwrap();
    let trauma = capital
        .iter()
        .find(|c| c.competence == "Trauma counsellor")
        .unwrap();
    assert_eq!(trauma.teachers(), 1);
    let teachers = store
        .learning_for(
            store
                .roster_competences()
                .unwrap()
                .iter()
                .find(|c| c.name == "Trauma counsellor")
                .unwrap()
                .id,
        )
        .unwrap();
    assert_eq!(teachers.teachers, ["Farid Karimi"]);
    assert_eq!(teachers.courses[0].1, "Farid Karimi");
}

#[test]
fn a_course_has_a_teacher_and_sessions_that_fill_up_seat_by_seat() {
    let (_dir, mut store) = app::demo_store();
    let course = store
        .courses()
        .unwrap()
        .into_iter()
        .find(|c| c.title == "Trauma-informed first conversations")
        .unwrap();
    assert_eq!(course.teacher.as_deref(), Some("Farid Karimi"));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
    let session = store.add_session(course.entry, day, "Room 3", 1).unwrap();
    store.sign_up(session, "per holm").unwrap();
    // Signing up twice is refused and keeps one seat; another colleague finds the session full.
    assert!(matches!(
        store.sign_up(session, "Per Holm").unwrap_err(),
        puls::store::StoreError::AlreadySignedUp { session: s, .. } if s == session
    ));
    assert!(matches!(
        store.sign_up(session, "Karin Svedberg").unwrap_err(),
        puls::store::StoreError::SessionFull(s) if s == session
    ));
    let added = store
        .courses()
        .unwrap()
        .into_iter()
        .find(|c| c.entry == course.entry)
        .unwrap()
        .sessions
        .into_iter()
        .find(|s| s.id == session)
        .unwrap();
    assert_eq!(added.signed_up, ["Per Holm"]);
    assert_eq!(added.seats_left(), 0);
    assert!(matches!(
        store.sign_up(session, "Nobody Known").unwrap_err(),
        puls::store::StoreError::UnknownPerson(_)
    ));
}

#[test]
fn only_a_course_entry_takes_a_teacher_or_a_session() {
    let (_dir, mut store) = app::demo_store();
    let lesson = store
        .entries(&Default::default(), 100)
        .unwrap()
        .into_iter()
        .find(|e| e.kind != puls::domain::knowledge::EntryKind::Course)
        .unwrap()
        .id;
    assert!(matches!(
        store.set_teacher(lesson, "Farid Karimi").unwrap_err(),
        puls::store::StoreError::NotACourse(e) if e == lesson
    ));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
    let course = store.courses().unwrap()[0].entry;
    assert!(matches!(
        store.add_session(course, day, "Room", 0).unwrap_err(),
        puls::store::StoreError::NoSeats
    ));
}

#[test]
fn puls_course_lists_teachers_and_seats_and_signs_people_up() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db").display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        cli::run_in(home.path(), &all, &[])
    };
    let list = cli::stdout(&run(&["--demo", "course", "list"]));
    assert!(
        list.contains("Trauma-informed first conversations · Farid Karimi"),
        "{list}"
    );
    assert!(list.contains("10 of 12 seats left"), "{list}");
    let signed = run(&["course", "sign-up", "1", "Emma Strand"]);
    assert!(signed.status.success(), "{signed:?}");
    assert!(cli::stdout(&run(&["course", "list"])).contains("9 of 12 seats left"));
    let refused = run(&["course", "sign-up", "1", "Nobody Known"]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
}

#[test]
fn puls_course_withdraw_frees_the_seat_and_refuses_someone_not_signed_up() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db").display().to_string();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        cli::run_in(home.path(), &all, env)
    };
    let signed = run(&["--demo", "course", "sign-up", "1", "Emma Strand"], &[]);
    assert!(signed.status.success(), "{signed:?}");

    let withdrawn = run(&["course", "withdraw", "1", "Emma Strand"], &[]);
    let again = run(&["course", "withdraw", "1", "Emma Strand"], &[]);
    let swedish = run(
        &["course", "withdraw", "1", "Emma Strand"],
        &[("LC_ALL", "sv_SE.UTF-8")],
    );

    assert_eq!(
        cli::stdout(&withdrawn),
        "Emma Strand is no longer signed up for session 1.\n"
    );
    assert!(cli::stdout(&run(&["course", "list"], &[])).contains("10 of 12 seats left"));
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert!(
        cli::stderr(&again).contains("Emma Strand is not signed up for session 1"),
        "{}",
        cli::stderr(&again)
    );
    assert!(
        cli::stderr(&swedish).contains("Emma Strand är inte anmäld till tillfälle 1"),
        "{}",
        cli::stderr(&swedish)
    );
}

/// A course entry read from the bank lists who gives it and its sessions: when, where, and how
/// many seats are left.
#[test]
fn a_course_read_from_the_bank_lists_its_teacher_and_sessions() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("4/Trauma-informed<enter><enter>");
    let text = screen.text();
    assert!(text.contains("Sessions"), "{text}");
    assert!(text.contains("Given by Farid Karimi"), "{text}");
    assert!(
        text.contains("Town hall, room 3 · 10 of 12 seats left, 2 signed up"),
        "{text}"
    );
    insta::assert_snapshot!("course_reading_120x40", text);
    // An entry that is not a course has no sessions.
    screen.keys("<esc>/discharge<enter><enter>");
    assert!(!screen.text().contains("Sessions"));
}

/// The demo's trauma course with a second session, a week after the first, whose only seat
/// Elin Backman holds; the account `maja` linked to Maja Lindqvist on the roster.
fn trauma_course_with_a_full_session(screen: &Screen) {
    let mut store = screen.other_session("maja");
    let course = store
        .courses()
        .unwrap()
        .into_iter()
        .find(|c| c.title.starts_with("Trauma"))
        .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 16).unwrap();
    let full = store
        .add_session(course.entry, day, "Health centre", 1)
        .unwrap();
    store.sign_up(full, "Elin Backman").unwrap();
    store.link_account("maja", "Maja Lindqvist").unwrap();
}

fn status(screen: &Screen) -> String {
    screen
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// From a course's reading, `s` signs the account's roster person up for the marked session
/// and the seats drop at once; `w` withdraws them and frees the seat.
#[test]
fn signing_up_from_a_course_reading_takes_a_seat_and_withdrawing_frees_it() {
    let mut screen = Screen::demo(120, 40);
    trauma_course_with_a_full_session(&screen);
    screen.keys("4/Trauma-informed<enter><enter>");

    screen.keys("s");
    let signed = screen.text();
    screen.keys("s");
    let twice = status(&screen);
    screen.keys("w");
    let withdrawn = screen.text();
    screen.keys("w");
    let not_on_it = status(&screen);

    assert!(
        signed.contains(
            "▶ 2026-12-09 · Town hall, room 3 · 9 of 12 seats left, 3 signed up · you are signed up"
        ),
        "{signed}"
    );
    assert!(
        signed.contains("You are signed up for 2026-12-09, Town hall, room 3."),
        "{signed}"
    );
    insta::assert_snapshot!("course_signed_up_120x40", signed);
    assert_eq!(
        twice,
        "You are already signed up for 2026-12-09, Town hall, room 3."
    );
    assert!(
        withdrawn.contains("Town hall, room 3 · 10 of 12 seats left, 2 signed up"),
        "{withdrawn}"
    );
    assert!(!withdrawn.contains("you are signed up"), "{withdrawn}");
    assert!(
        withdrawn.contains("You are no longer signed up for 2026-12-09, Town hall, room 3."),
        "{withdrawn}"
    );
    assert_eq!(
        not_on_it,
        "You are not signed up for 2026-12-09, Town hall, room 3: there is nothing to withdraw from."
    );
}

/// `n` marks the next session; a full one refuses the sign-up and says so, its seats as they were.
#[test]
fn a_full_session_refuses_the_sign_up_and_says_why_at_80x24() {
    let mut screen = Screen::demo(80, 24);
    trauma_course_with_a_full_session(&screen);
    screen.keys("4/Trauma-informed<enter><enter>");

    screen.keys("ns");
    let text = screen.text();

    assert!(
        text.contains("▶ 2026-12-16 · Health centre · full, 1 seat"),
        "{text}"
    );
    assert!(
        text.contains("No seat left on 2026-12-16, Health centre: the session is full."),
        "{text}"
    );
    insta::assert_snapshot!("course_session_full_80x24", text);
    // `p` goes back to the first session, which has seats.
    screen.keys("ps");
    let text = screen.text();
    assert!(text.contains("9 of 12 seats left, 3 signed up"), "{text}");
    assert_eq!(
        status(&screen),
        "You are signed up for 2026-12-09, Town hall, room 3."
    );
}

/// An account no administrator has linked to a roster person is told how to be linked.
#[test]
fn an_account_with_no_roster_person_is_told_why_it_cannot_sign_up() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("4/Trauma-informed<enter><enter>s");

    assert_eq!(
        status(&screen),
        "Your account maja is not linked to a person on the roster: an administrator links it with puls users link maja \"NAME\"."
    );
    assert!(screen.text().contains("10 of 12 seats left, 2 signed up"));
}

/// The reading, the mark and the refusal in Swedish.
#[test]
fn a_course_reading_signs_up_in_swedish_at_120x40() {
    puls::messages::set_language(puls::messages::Language::Swedish);
    let mut screen = Screen::demo(120, 40);
    trauma_course_with_a_full_session(&screen);
    screen.keys("4/Traumamedvetna<enter><enter>s");
    let signed = screen.text();
    screen.keys("ns");
    let full = status(&screen);

    assert!(signed.contains("du är anmäld"), "{signed}");
    insta::assert_snapshot!("course_signed_up_swedish_120x40", signed);
    assert_eq!(
        full,
        "Ingen plats kvar 2026-12-16, Health centre: tillfället är fullt."
    );
}

/// Another session's sign-up shows in an open course reading within a poll.
#[test]
fn an_open_course_shows_another_sessions_sign_up() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("4/Trauma-informed<enter><enter>");
    let mut store = screen.other_session("olle");
    let session = store
        .courses()
        .unwrap()
        .into_iter()
        .find(|c| c.title.starts_with("Trauma"))
        .unwrap()
        .sessions[0]
        .id;

    store.sign_up(session, "Emma Strand").unwrap();
    screen.app.poll_changes();

    let text = screen.text();
    assert!(
        text.contains("Town hall, room 3 · 9 of 12 seats left, 3 signed up"),
        "{text}"
    );
}

/// A course with more sessions than a 24-row reading shows scrolls to keep the marked one in
/// view as `n` moves down the list.
#[test]
fn the_course_reading_scrolls_to_the_marked_session_at_80x24() {
    let mut screen = Screen::demo(80, 24);
    let mut store = screen.other_session("maja");
    let course = store
        .courses()
        .unwrap()
        .into_iter()
        .find(|c| c.title.starts_with("Trauma"))
        .unwrap();
    for d in 1..=15 {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        store
            .add_session(course.entry, day, &format!("Room {d}"), 10)
            .unwrap();
    }
    screen.keys("4/Trauma-informed<enter><enter>");
    let first = screen.text();

    screen.keys(&"n".repeat(15));
    let last = screen.text();
    screen.keys("k");
    let by_hand = screen.text();

    assert!(!first.contains("2027-01-15"), "{first}");
    assert!(last.contains("▶ 2027-01-15 · Room 15"), "{last}");
    // A key scrolls one row up from where the mark brought the reading, not from its top.
    assert!(by_hand.contains("2027-01-14 · Room 14"), "{by_hand}");
    assert!(!by_hand.contains("Two afternoons"), "{by_hand}");
}
