//! Meetings of an arena on screen: the review form opened from the detail, the meetings in the
//! detail, a case discussion filed in the bank with one key, and the next meeting due or late
//! in the stand-up and on the board, on the tests' fixed clock (2026-11-23).

#[path = "shared/app.rs"]
pub mod app;

use std::sync::Arc;

use app::{Screen, open, open_app, press, text};
use chrono::{Duration, NaiveDate};
use puls::app::App;
use puls::domain::clock::{Clock, ManualClock};
use puls::domain::maturity::{Dimension, Occasion, Score};
use puls::domain::review::{Light, Question, ReviewKind, ReviewRhythm};
use puls::store::prelude::*;
use puls::store::{RatingEdit, ReviewEdit, Store};
use tempfile::TempDir;

/// The arena the stand-up of maja starts with: #3, active.
const ARENA: i64 = 3;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn review(kind: ReviewKind, on: NaiveDate, answers: &[(Question, &str)]) -> ReviewEdit {
    ReviewEdit {
        kind,
        held_on: on,
        led_by: "Eva Lindqvist".into(),
        answers: answers.iter().map(|(q, a)| (*q, (*a).to_owned())).collect(),
        light: (kind == ReviewKind::Sponsor).then_some(Light::Amber),
    }
}

/// The detail of arena #3 open on `screen`.
fn open_detail(screen: &mut Screen) {
    screen.keys(&format!("/#{ARENA}<enter><enter>"));
}

/// Scrolls the open detail down to its meetings, which come last.
fn to_meetings(screen: &mut Screen) {
    screen.keys(&"j".repeat(24));
}

#[test]
fn the_review_form_asks_the_sponsors_six_questions_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        open_detail(&mut screen);
        screen.keys("r");
        let text = screen.text();
        assert!(text.contains("#3 New meeting"), "{text}");
        assert!(text.contains("Sponsor review"), "{text}");
        assert!(text.contains("Problem now"), "{text}");
        assert!(text.contains("Members"), "{text}");
        assert!(text.contains("Light"), "{text}");
        insta::assert_snapshot!(format!("review_form_{width}x{height}"), text);
    }
}

#[test]
fn a_saved_sponsor_review_shows_in_the_detail_with_its_light_and_statement() {
    let mut screen = Screen::demo(120, 40);
    open_detail(&mut screen);
    // Kind, date and who led it are filled in; the first question is three tabs down.
    screen.keys("r<tab><tab><tab>Work first, Swedish beside it<tab>His own network<tab>");
    // Down to the light past four more answers, then amber.
    screen.keys("<tab><tab><tab><tab><right><right><c-s>");
    assert!(
        screen.text().contains("Sponsor review of #3 saved."),
        "{}",
        screen.text()
    );
    to_meetings(&mut screen);
    let text = screen.text();
    assert!(text.contains("Meetings ("), "{text}");
    assert!(
        text.contains("2026-11-23 Sponsor review · maja · Light: amber"),
        "{text}"
    );
    assert!(
        text.contains("Problem statement v3 since 2026-11-23: Work first, Swedish beside it"),
        "{text}"
    );
    assert!(text.contains("Surprise: His own network"), "{text}");
    // The iteration before stays in sight, so the change shows.
    assert!(
        text.contains("v2 since 2026-11-13: The family needs to stay well"),
        "{text}"
    );
    insta::assert_snapshot!("detail_with_a_sponsor_review_120x40", text);
    // And the history says so.
    screen.keys("h");
    assert!(
        screen.text().contains("sponsor 2026-11-23 amber"),
        "{}",
        screen.text()
    );
}

#[test]
fn choosing_the_citizen_review_asks_what_was_shown_and_challenged() {
    let mut screen = Screen::demo(80, 24);
    open_detail(&mut screen);
    screen.keys("r<right>");
    let text = screen.text();
    assert!(text.contains("Citizen review"), "{text}");
    assert!(text.contains("Shown"), "{text}");
    assert!(text.contains("Challenged"), "{text}");
    assert!(!text.contains("Problem now"), "{text}");
}

#[test]
fn a_meeting_with_no_answer_is_refused_and_keeps_the_form() {
    let mut screen = Screen::demo(80, 24);
    open_detail(&mut screen);
    screen.keys("r<c-s>");
    let text = screen.text();
    assert!(text.contains("This cannot be empty."), "{text}");
    assert!(text.contains("#3 New meeting"), "{text}");
}

#[test]
fn one_key_files_a_case_discussion_in_the_bank() {
    let mut screen = Screen::demo(120, 40);
    screen
        .other_session("olle")
        .add_review(
            ARENA,
            &review(
                ReviewKind::Case,
                day(20),
                &[
                    (
                        Question::CaseQuestion,
                        "How to plan around a permit that waits for years",
                    ),
                    (
                        Question::Learned,
                        "Plan the family's year, not the permit's",
                    ),
                ],
            ),
        )
        .unwrap();
    screen.app.poll_changes();
    open_detail(&mut screen);
    screen.keys("b");
    assert!(
        screen.text().contains("in the bank as entry"),
        "{}",
        screen.text()
    );
    to_meetings(&mut screen);
    let text = screen.text();
    // The newest case discussion went: olle's.
    assert!(
        text.contains("2026-11-20 Case discussion · Eva Lindqvist · in the bank: entry"),
        "{text}"
    );
    insta::assert_snapshot!("detail_with_a_filed_case_discussion_120x40", text);
    // The demo's older one goes next; then nothing is left to file.
    screen.keys("bb");
    let text = screen.text();
    assert!(
        text.contains("No case discussion of this arena is waiting"),
        "{text}"
    );
}

#[test]
fn the_stand_up_says_which_meeting_is_due_and_which_is_late() {
    let (_dir, path) = app::demo_db();
    let mut store = open(&path, "maja");
    // Monthly sponsor reviews: 11-20 makes the next due 12-20. Citizens every 14 days: 11-08
    // made the next due 11-22, a day before the tests' today.
    store
        .add_review(
            ARENA,
            &review(ReviewKind::Sponsor, day(20), &[(Question::TeamOkay, "Yes")]),
        )
        .unwrap();
    store
        .add_review(
            ARENA,
            &review(
                ReviewKind::Citizen,
                day(8),
                &[(Question::Shown, "The plan")],
            ),
        )
        .unwrap();
    store
        .add_review(
            ARENA,
            &review(
                ReviewKind::Case,
                day(22),
                &[(Question::Learned, "Ask early")],
            ),
        )
        .unwrap();
    let mut app = open_app(store, 80, 24);
    app.open_standup(Some(ARENA));
    let text = text(&app, 80, 24);
    assert!(
        text.contains("Meetings: sponsor 12-20 · citizens LATE 11-22 · case 01-03"),
        "{text}"
    );
    press(&mut app, "<esc>");
    // The board's title counts it in words (a narrow card has no room for them): this one and
    // the demo's young man's arena, which has held none.
    let board = app::text(&app, 80, 24);
    assert!(board.contains("2 meetings late"), "{board}");
}

#[test]
fn a_meeting_held_in_time_leaves_the_board_card_quiet() {
    let (_dir, path) = app::demo_db();
    let mut store = open(&path, "maja");
    for (kind, question) in [
        (ReviewKind::Sponsor, Question::TeamOkay),
        (ReviewKind::Citizen, Question::Shown),
        (ReviewKind::Case, Question::Learned),
    ] {
        store
            .add_review(ARENA, &review(kind, day(23), &[(question, "Yes")]))
            .unwrap();
    }
    let app = open_app(store, 120, 40);
    assert!(app.reviews_due(ARENA).iter().all(|d| !d.late));
}

#[test]
fn enter_opens_the_selected_meeting_with_its_answers_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        open_detail(&mut screen);
        // The newest meeting is selected; n selects the next, the demo's case discussion.
        screen.keys("n<enter>");
        let text = screen.text();
        assert!(text.contains("#3 Edit meeting"), "{text}");
        assert!(text.contains("Case discussion"), "{text}");
        assert!(
            text.contains("Two coordinators and the planning officer."),
            "{text}"
        );
        insta::assert_snapshot!(format!("review_edit_form_{width}x{height}"), text);
    }
}

#[test]
fn the_detail_marks_the_meeting_that_enter_opens() {
    let mut screen = Screen::demo(120, 40);
    open_detail(&mut screen);
    screen.keys("n");
    to_meetings(&mut screen);
    let text = screen.text();
    assert!(text.contains("▶ 2026-11-08 Case discussion"), "{text}");
    assert!(text.contains("  2026-11-13 Sponsor review"), "{text}");
}

#[test]
fn an_edited_meeting_is_saved_in_place_and_the_history_says_edited() {
    let mut screen = Screen::demo(120, 40);
    open_detail(&mut screen);
    // Four tabs down from the kind: the surprise.
    screen.keys("<enter><tab><tab><tab><tab> And the school is far.<c-s>");
    assert!(
        screen.text().contains("Sponsor review of #3 saved."),
        "{}",
        screen.text()
    );
    to_meetings(&mut screen);
    let text = screen.text();
    assert!(text.contains("Meetings (4)"), "{text}");
    assert!(
        text.contains(
            "Surprise: The permit is the smallest of their problems. And the school is far."
        ),
        "{text}"
    );
    screen.keys("h");
    assert!(
        screen.text().contains("edited sponsor 2026-11-13 red"),
        "{}",
        screen.text()
    );
}

#[test]
fn a_meeting_someone_else_saved_first_keeps_the_form_and_says_who() {
    let mut screen = Screen::demo(120, 40);
    open_detail(&mut screen);
    screen.keys("<enter><tab><tab><tab><tab> Mine.");
    let mut olle = screen.other_session("olle");
    let newest = olle.reviews(ARENA).unwrap().remove(0);
    let mut theirs = review(
        ReviewKind::Sponsor,
        newest.held_on,
        &[(Question::Surprise, "Theirs.")],
    );
    theirs.led_by = newest.led_by.clone();
    olle.edit_review(newest.id, newest.version, &theirs)
        .unwrap();
    screen.keys("<c-s>");
    let text = screen.text();
    assert!(text.contains("#3 Edit meeting"), "{text}");
    assert!(text.contains("olle"), "{text}");
    assert!(text.contains("smallest of their problems. Mine."), "{text}");
}

#[test]
fn a_drawn_up_arena_refuses_to_open_its_meetings() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("/Summer jobs<enter><enter><enter>");
    let text = screen.text();
    assert!(text.contains("was drawn up"), "{text}");
    assert!(!text.contains("Edit meeting"), "{text}");
}

#[test]
fn in_swedish_the_meeting_opens_as_redigera_mote() {
    puls::messages::set_language(puls::messages::Language::Swedish);
    let mut screen = Screen::demo(80, 24);
    open_detail(&mut screen);
    screen.keys("<enter>");
    let text = screen.text();
    assert!(text.contains("#3 Redigera möte"), "{text}");
    assert!(text.contains("Sponsorgenomgång"), "{text}");
}

/// Arena #3 with eight citizen reviews more, one a day from 1 November, each with two answers,
/// and a baseline maturity rating: more records than a 24-row detail shows.
fn many_meetings(screen: &Screen) {
    let mut store = screen.other_session("maja");
    for d in 1..=8 {
        let answers = [
            (Question::Shown, "The plan for the autumn"),
            (Question::Feedback, "More evening hours, please"),
        ];
        store
            .add_review(ARENA, &review(ReviewKind::Citizen, day(d), &answers))
            .unwrap();
    }
    let scores = Dimension::ALL
        .iter()
        .map(|d| Score {
            dimension: *d,
            level: 2,
            note: String::new(),
        })
        .collect();
    let baseline = RatingEdit {
        on: day(20),
        occasion: Occasion::Baseline,
        partner: "Building permits".into(),
        scores,
    };
    store.add_rating(ARENA, &baseline).unwrap();
}

/// `n` and `p` scroll the detail to keep the marked meeting or rating on screen.
#[test]
fn the_detail_scrolls_to_the_marked_meeting_at_80x24() {
    let mut screen = Screen::demo(80, 24);
    many_meetings(&screen);
    open_detail(&mut screen);
    let first = screen.text();

    screen.keys(&"n".repeat(9));
    let far = screen.text();
    screen.keys("k");
    let scrolled_by_hand = screen.text();
    screen.keys(&"p".repeat(9));
    let back = screen.text();

    assert!(!first.contains("▶ 2026-11-02 Citizen review"), "{first}");
    assert!(far.contains("▶ 2026-11-02 Citizen review"), "{far}");
    insta::assert_snapshot!("detail_scrolled_to_mark_80x24", far);
    // A key scrolls from where the mark brought the detail, not from its top.
    assert!(
        scrolled_by_hand.contains("▶ 2026-11-02 Citizen review"),
        "{scrolled_by_hand}"
    );
    let marked = back.lines().find(|l| l.contains('▶')).unwrap_or_default();
    assert!(marked.contains("Sponsor review"), "{back}");
    // The last record is the arena's maturity rating, below every meeting.
    screen.keys(&"n".repeat(20));
    let last = screen.text();
    let marked = last.lines().find(|l| l.contains('▶')).unwrap_or_default();
    assert!(marked.contains("Building permits"), "{last}");
}

/// The board pane's title line on `app` at 120x40.
fn board_title(app: &App) -> String {
    let text = text(app, 120, 40);
    let line = text
        .lines()
        .find(|l| l.starts_with("┌ Arenas"))
        .unwrap_or_default();
    line.split('─').next().unwrap_or_default().trim().to_owned()
}

/// `maja` on a new demo database, on a clock the test moves.
fn app_on_a_clock() -> (TempDir, Arc<ManualClock>, App) {
    let (dir, path) = app::demo_db();
    let clock = Arc::new(ManualClock::new(app::now()));
    let store = Store::open(&path, "maja", Arc::clone(&clock) as Arc<dyn Clock>).unwrap();
    (dir, clock, open_app(store, 120, 40))
}

#[test]
fn the_boards_late_counts_follow_the_clock_with_the_cards_unchanged() {
    // Given a screen left open on the board
    let (_dir, clock, mut app) = app_on_a_clock();
    assert_eq!(board_title(&app), "┌ Arenas 2 LATE 2 meetings late");

    // When a month passes with nothing changed, then a key is pressed
    clock.set(app::now() + Duration::days(30));
    let before_a_key = board_title(&app);
    press(&mut app, "j");

    // Then the title counts what is late that day, before the key and after it
    assert_eq!(before_a_key, "┌ Arenas 4 LATE 7 meetings late");
    assert_eq!(board_title(&app), "┌ Arenas 4 LATE 7 meetings late");
    clock.set(app::now());
    press(&mut app, "k");
    assert_eq!(board_title(&app), "┌ Arenas 2 LATE 2 meetings late");
}

#[test]
fn a_meeting_another_session_records_leaves_the_boards_late_meetings() {
    // Given the board counting arena #3's meetings late
    let mut screen = Screen::demo(120, 40);
    assert_eq!(board_title(&screen.app), "┌ Arenas 2 LATE 2 meetings late");

    // When another session records all three kinds held today
    let mut other = screen.other_session("erik");
    for (kind, question) in [
        (ReviewKind::Sponsor, Question::TeamOkay),
        (ReviewKind::Citizen, Question::Shown),
        (ReviewKind::Case, Question::Learned),
    ] {
        other
            .add_review(ARENA, &review(kind, day(23), &[(question, "Yes")]))
            .unwrap();
    }
    screen.app.poll_changes();

    // Then one arena's meetings are late, no longer two
    assert_eq!(board_title(&screen.app), "┌ Arenas 2 LATE 1 meeting late");
}

#[test]
fn the_boards_late_meetings_follow_the_rhythm() {
    // Given the board counting two arenas' meetings late
    let mut screen = Screen::demo(120, 40);

    // When the rhythm expects no meetings
    screen.app.config.review_rhythm = ReviewRhythm {
        sponsor_days: 0,
        citizen_days: 0,
        case_days: 0,
    };
    let before_a_key = board_title(&screen.app);
    screen.keys("j");

    // Then none is late
    assert_eq!(before_a_key, "┌ Arenas 2 LATE");
    assert_eq!(board_title(&screen.app), "┌ Arenas 2 LATE");
}
