//! Staffing through line managers on the screen and the command line: find-staff asks the
//! person's line manager, who approves or declines in "Requests to me" or `puls requests`.

use puls::store::prelude::*;

use puls::domain::roster::Level;
use puls::store::{NewAllocation, PersonEdit};

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use app::{Screen, now, open, signal};

/// Find-staff for #2 in the demo, its only holder (Karin Svedberg, whose manager is `per`)
/// asked for the offered share.
fn asked_for_karin(width: u16, height: u16) -> Screen {
    let mut screen = Screen::demo(width, height);
    screen.keys("/#2<enter>a<enter><enter><enter>");
    screen
}

/// The percent of `name`'s week allocated, as the screen's database has it.
fn load_of(screen: &Screen, name: &str) -> u32 {
    let people = screen.other_session("maja").roster_people().unwrap();
    let person = people.iter().find(|p| p.name == name);
    person.unwrap().load.allocated
}

fn karins_load(screen: &Screen) -> u32 {
    load_of(screen, "Karin Svedberg")
}

#[test]
fn find_staff_asks_the_line_manager_and_allocates_nothing() {
    let mut screen = asked_for_karin(80, 24);
    let text = screen.text();
    assert!(
        text.contains("Asked per for 10% of Karin Svedberg's time for arena #2"),
        "{text}"
    );
    insta::assert_snapshot!("find_staff_request_80x24", text);
    assert_eq!(
        karins_load(&screen),
        35,
        "nothing allocated before approval"
    );

    // Find-staff marks the request as waiting for her manager (on a screen wide enough)
    screen.width = 120;
    screen.height = 40;
    screen.app.resize(120, 40);
    screen.keys("a<enter>");
    let text = screen.text();
    assert!(text.contains("asked, waiting for per"), "{text}");
}

#[test]
fn the_coordinator_withdraws_a_waiting_request_in_find_staff() {
    let mut screen = asked_for_karin(120, 40);
    screen.keys("a<enter>w");
    let text = screen.text();
    assert!(
        text.contains("Withdrawn: the request for Karin Svedberg"),
        "{text}"
    );
    assert!(!text.contains("asked, waiting for per"), "{text}");
    assert!(
        screen
            .other_session("per")
            .requests_to_decide(false)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn requests_to_me_lists_the_managers_waiting_requests_at_80x24_and_120x40() {
    let asked = asked_for_karin(80, 24);
    for (width, height) in [(80, 24), (120, 40)] {
        let mut per = Screen::open(&asked.path, "per", width, height);
        per.keys("2<R>");
        let text = per.text();
        assert!(text.contains("Requests to me 1"), "{text}");
        assert!(text.contains("Karin Svedberg 10% · #2"), "{text}");
        insta::assert_snapshot!(format!("requests_to_me_{width}x{height}"), text);
    }
}

#[test]
fn the_manager_approves_with_y_and_the_allocation_is_made() {
    let asked = asked_for_karin(80, 24);
    let mut per = Screen::open(&asked.path, "per", 120, 40);
    per.keys("2<R>y");
    let form = per.text();
    assert!(form.contains("Approve staffing request"), "{form}");
    assert!(
        form.lines()
            .any(|l| l.contains("Share %") && l.contains(" 10 ")),
        "the asked share, prefilled:\n{form}"
    );
    per.keys("<bs><bs>15<c-s>");
    let text = per.text();
    assert!(
        text.contains("Approved: Karin Svedberg 15% for arena #2."),
        "{text}"
    );
    assert!(
        text.contains("No staffing requests wait for you."),
        "{text}"
    );
    assert_eq!(karins_load(&per), 35 + 15);
}

#[test]
fn the_manager_declines_with_x_and_a_reason() {
    let asked = asked_for_karin(80, 24);
    let mut per = Screen::open(&asked.path, "per", 120, 40);
    per.keys("2<R>x<enter>");
    assert!(per.text().contains("A decline needs a reason."));
    per.keys("She is on leave in January<enter>");
    let text = per.text();
    assert!(
        text.contains("Declined: Karin Svedberg for arena #2."),
        "{text}"
    );
    assert_eq!(karins_load(&per), 35);
    let store = per.other_session("maja");
    assert!(store.arena_requests(2).unwrap().is_empty());
}

#[test]
fn someone_else_sees_no_requests_and_cannot_decide_them() {
    let asked = asked_for_karin(80, 24);
    let mut olle = Screen::open(&asked.path, "olle", 120, 40);
    olle.keys("2<R>");
    assert!(olle.text().contains("No staffing requests wait for you."));
    let mut store = olle.other_session("olle");
    let request = store.arena_requests(2).unwrap().remove(0);
    assert!(
        store
            .approve_request(request.id, request.version, &request.asked())
            .is_err()
    );
}

#[test]
fn a_person_without_a_line_manager_is_refused_unless_an_administrator_allocates() {
    // Given #2 needing an employment officer, whose best fit (Emma Strand) works for the
    // employment service: no line manager in the municipality
    let mut screen = Screen::demo(120, 40);
    screen
        .other_session("maja")
        .add_need(2, "Employment officer", "")
        .unwrap();
    screen.app.poll_changes();

    // When maja, no administrator, picks her
    screen.keys("/#2<enter>ajj<enter>");
    assert!(screen.text().contains("▶Emma Strand"), "{}", screen.text());
    screen.keys("<enter><enter>");
    let text = screen.text();
    assert!(text.contains("Emma Strand has no line manager"), "{text}");
    let emma = |s: &Screen| load_of(s, "Emma Strand");
    assert_eq!(emma(&screen), 10, "nothing allocated");

    // Then an administrator allocates her directly, and is told why
    screen
        .other_session("maja")
        .grant("maja", puls::domain::access::Role::Administrator)
        .unwrap();
    screen.keys("<enter>");
    let text = screen.text();
    assert!(
        text.contains("allocated directly, as an administrator may"),
        "{text}"
    );
    assert_eq!(emma(&screen), 20);
}

/// A database where the account running the tests is the line manager of Karin, who is asked
/// for 20% of her week for arena #1.
fn cli_db(manager: &str) -> (tempfile::TempDir, String) {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("r.db");
    let mut store = open(&path, "maja");
    store
        .add_competence("Social worker", "Social services")
        .unwrap();
    let karin = store
        .add_person(&PersonEdit {
            name: "Karin".into(),
            unit: "Learning & family".into(),
            role: "Social worker".into(),
            contact: String::new(),
            capacity: 50,
            coordinator: false,
            competences: vec![("Social worker".into(), Level::Experienced)],
            manager: manager.into(),
        })
        .unwrap();
    let arena = store
        .create_signal(&signal("Work for a young man"))
        .unwrap();
    store
        .request_staff(&NewAllocation {
            person_id: karin,
            arena_id: arena.id,
            competence_id: None,
            percent: 20,
            from: now().date_naive(),
            to: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
        })
        .unwrap();
    let db = path.display().to_string();
    (home, db)
}

#[test]
fn puls_requests_lists_the_waiting_request_and_approve_allocates_it() {
    let (home, db) = cli_db(&cli::os_account());
    let listed = cli::puls_in(home.path(), &["--db", &db, "requests"], &[]);
    assert!(
        listed.contains("1  Karin 20% for arena #1 Work for a young man, from 2026-11-23 until 2027-03-01 · asked by maja"),
        "{listed}"
    );
    let md = cli::puls_in(
        home.path(),
        &["--db", &db, "requests", "--format", "md"],
        &[],
    );
    assert!(md.starts_with("# Requests to me\n"), "{md}");

    let approved = cli::puls_in(
        home.path(),
        &["--db", &db, "requests", "approve", "1", "--share", "30"],
        &[],
    );
    assert_eq!(approved, "Approved: Karin 30% for arena #1.\n");
    let store = open(std::path::Path::new(&db), "x");
    assert_eq!(store.arena_team(1).unwrap()[0].percent, 30);
    let empty = cli::puls_in(home.path(), &["--db", &db, "requests"], &[]);
    assert_eq!(empty, "No staffing requests wait for you.\n");
    let swedish = cli::puls_in(
        home.path(),
        &["--db", &db, "requests"],
        &[("LANG", "sv_SE.UTF-8")],
    );
    assert_eq!(swedish, "Inga bemanningsförfrågningar väntar på dig.\n");
}

#[test]
fn puls_requests_decline_needs_a_reason_and_keeps_it() {
    let (home, db) = cli_db(&cli::os_account());
    let declined = cli::puls_in(
        home.path(),
        &[
            "--db",
            &db,
            "requests",
            "decline",
            "1",
            "--reason",
            "On leave in January",
        ],
        &[],
    );
    assert_eq!(declined, "Declined: Karin for arena #1.\n");
    let store = open(std::path::Path::new(&db), "x");
    assert_eq!(
        store.staffing_request(1).unwrap().reason,
        "On leave in January"
    );
    assert!(store.arena_team(1).unwrap().is_empty());
}

#[test]
fn puls_requests_refuses_someone_who_is_not_the_line_manager() {
    let (home, db) = cli_db("olle");
    let output = cli::run_in(home.path(), &["--db", &db, "requests", "approve", "1"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let said = cli::stderr(&output);
    assert!(said.contains("is not the line manager of Karin"), "{said}");
    let output = cli::run_in(home.path(), &["--db", &db, "requests", "--all"], &[]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[test]
fn the_person_form_sets_the_line_manager() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("2v/Karin<enter>e");
    let form = screen.text();
    assert!(
        form.lines()
            .any(|l| l.contains("Line manager") && l.contains("per")),
        "{form}"
    );
    screen.keys("<tab><tab><tab><tab><tab><tab><tab><bs><bs><bs>olle<c-s>");
    let karin = screen
        .other_session("x")
        .roster_people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Karin Svedberg")
        .unwrap();
    assert_eq!(karin.manager, "olle");
}

#[test]
fn puls_commission_allocates_the_coordinators_own_share() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("c.db");
    open(&path, "maja")
        .create_signal(&signal("Work for a young man"))
        .unwrap();
    let db = path.display().to_string();
    cli::puls_in(
        home.path(),
        &[
            "--db",
            &db,
            "commission",
            "1",
            "--body",
            "SSG",
            "--coordinator",
            "Eva Berg",
            "--mandate",
            "Work within three months",
            "--own-share",
            "30",
            "--date",
            "2026-11-20",
        ],
        &[],
    );
    let team = open(&path, "x").arena_team(1).unwrap();
    assert_eq!((team[0].name.as_str(), team[0].percent), ("Eva Berg", 30));
}

#[test]
fn a_decline_reason_that_looks_like_personal_data_is_shown_once_first() {
    let asked = asked_for_karin(80, 24);
    let mut per = Screen::open(&asked.path, "per", 120, 40);
    per.keys("2<R>xOn leave, 19850709-9805<enter>");
    let text = per.text();
    assert!(text.contains("Looks like personal data"), "{text}");
    assert_eq!(per.other_session("x").arena_requests(2).unwrap().len(), 1);
}

#[test]
fn the_demo_has_a_request_waiting_for_a_line_manager() {
    let screen = Screen::demo(80, 24);
    let waiting = screen
        .other_session("anders")
        .requests_to_decide(false)
        .unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].person.as_str(), waiting[0].arena_title.as_str()),
        ("Ida Sjögren", "Flooded basements in the old mill district")
    );
    assert!(
        screen
            .other_session("maja")
            .requests_to_decide(false)
            .unwrap()
            .is_empty()
    );
}
