//! Citizen data on the screen and in every file puls writes: the restricted record opens only
//! for the arena's coordinator and communication lead and nowhere else, and a drawn-up arena
//! refuses edits through the keys.

use puls::store::prelude::*;
use std::path::PathBuf;

use puls::domain::arena::Stage;
use puls::store::{RestrictedEdit, Store};
use tempfile::TempDir;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use app::Screen;

/// A name nobody else in the demo has: if it shows anywhere, the restricted record leaked.
const NAME: &str = "Zarathustra Quintero-Blom";
const PHONE: &str = "070-987 65 43";
const NOTE: &str = "Lives with his cousin Quorvath";

/// The restricted record the tests keep, every field of it something to look for.
fn record() -> RestrictedEdit {
    RestrictedEdit {
        name: NAME.into(),
        contact: PHONE.into(),
        note: NOTE.into(),
    }
}

/// The demo, where the OS account `maja` is Maja Lindqvist (coordinator of arena 1 and of the
/// closed arena 7) and arena 1 keeps a restricted record.
struct Town {
    dir: TempDir,
    path: PathBuf,
}

impl Town {
    fn new() -> Town {
        let (dir, path) = app::demo_db();
        let town = Town { dir, path };
        town.store("admin")
            .link_account("maja", "Maja Lindqvist")
            .unwrap();
        town.store("maja")
            .save_restricted(1, None, &record())
            .unwrap();
        town
    }

    fn store(&self, account: &str) -> Store {
        app::open(&self.path, account)
    }

    fn screen(&self, account: &str, width: u16, height: u16) -> Screen {
        Screen::open(&self.path, account, width, height)
    }
}

fn assert_hidden(what: &str, text: &str) {
    for secret in [NAME, "Quintero", PHONE, NOTE, "Quorvath"] {
        assert!(!text.contains(secret), "{what} shows {secret}:\n{text}");
    }
}

/// Keys from the board (arena 1 selected) to every pane and popup there is.
const EVERY_PANE: &[&str] = &[
    "", "<enter>", "<enter>h", "<H>", "2", "2v", "2vv", "3", "3z", "4", "4v", "4vv", "4<enter>",
    "s", "<K>", "?", "a", "e",
];

#[test]
fn the_restricted_record_is_absent_from_every_pane_at_both_sizes() {
    let town = Town::new();
    for (width, height) in [(80, 24), (120, 40)] {
        for account in ["maja", "jonas"] {
            for keys in EVERY_PANE {
                let mut screen = town.screen(account, width, height);
                screen.keys("/#1<enter>");
                screen.keys(keys);
                assert_hidden(
                    &format!("{account} at {width}x{height} after {keys:?}"),
                    &screen.text(),
                );
            }
        }
    }
}

#[test]
fn the_coordinator_opens_the_restricted_record_from_the_plan_and_the_read_is_logged() {
    let town = Town::new();
    let before = town.store("maja").read_log(1).unwrap().len();
    let mut screen = town.screen("maja", 120, 40);
    screen.keys("/#1<enter>3");
    assert!(
        screen.text().contains("restricted record kept · r to open"),
        "{}",
        screen.text()
    );

    screen.keys("r");

    let text = screen.text();
    assert!(
        text.contains("#1 restricted record (opening is logged)"),
        "{text}"
    );
    assert!(text.contains(NAME) && text.contains(PHONE), "{text}");
    let log = town.store("maja").read_log(1).unwrap();
    assert_eq!(log.len(), before + 1);
    assert_eq!(
        (log[before].who.as_str(), log[before].what.as_str()),
        ("maja", "open")
    );
    assert_hidden(
        "the plan after the record closes",
        screen.keys("<esc>").text().as_str(),
    );
}

#[test]
fn the_coordinator_edits_the_restricted_record_without_a_personal_data_warning() {
    let town = Town::new();
    let mut screen = town.screen("maja", 120, 40);

    screen.keys("/#1<enter>3r<tab><tab>, 19850709-9805<c-s>");

    assert!(
        screen
            .text()
            .contains("The restricted record of #1 is saved."),
        "{}",
        screen.text()
    );
    let record = town.store("maja").open_restricted(1).unwrap().unwrap();
    assert_eq!(record.note, format!("{NOTE}, 19850709-9805"));
}

#[test]
fn another_account_sees_that_a_restricted_record_exists_but_not_its_contents() {
    let town = Town::new();
    let before = town.store("maja").read_log(1).unwrap().len();
    let mut screen = town.screen("jonas", 120, 40);
    screen.keys("/#1<enter>3");

    screen.keys("r");

    let text = screen.text();
    assert!(text.contains("restricted record kept"), "{text}");
    assert!(
        text.contains(
            "Arena #1 has a restricted record; only its coordinator and communication lead"
        ),
        "{text}"
    );
    assert_hidden("jonas's plan", &text);
    assert_eq!(town.store("maja").read_log(1).unwrap().len(), before);
}

#[test]
fn a_closed_arena_shows_who_drew_it_up_and_refuses_edits_through_the_keys() {
    let town = Town::new();
    let store = town.store("maja");
    let closed = store
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.stage == Stage::Closed)
        .unwrap()
        .id;
    let lock = store.drawn_up(closed).unwrap().unwrap();
    let day = lock.at.with_timezone(&chrono::Local).date_naive();
    let mut screen = town.screen("maja", 120, 40);
    screen.keys(&format!("/#{closed}<enter>3"));
    let text = screen.text();
    assert!(
        text.contains(&format!("drawn up {day} by maja · locked")),
        "{text}"
    );

    for keys in ["a", "e", "x", " ", "b", "<K>"] {
        screen.keys(keys);
        let text = screen.text();
        assert!(
            text.contains(&format!("Arena #{closed} was drawn up {day} by maja")),
            "after {keys:?}: {text}"
        );
        assert!(
            !text.contains("Ctrl-S"),
            "no form opened after {keys:?}: {text}"
        );
    }
    assert_eq!(
        town.store("maja").plan(closed).unwrap(),
        store.plan(closed).unwrap(),
        "nothing changed"
    );
}

#[test]
fn the_plan_of_a_drawn_up_arena_with_a_restricted_record_at_80x24() {
    let town = Town::new();
    let closed = 7;
    town.store("maja")
        .save_restricted(
            closed,
            None,
            &RestrictedEdit {
                name: NAME.into(),
                ..RestrictedEdit::default()
            },
        )
        .unwrap();
    let mut screen = town.screen("maja", 80, 24);
    screen.keys(&format!("/#{closed}<enter>3z"));
    insta::assert_snapshot!(screen.text());
}

/// Runs the real puls on the town's database and returns what it printed.
fn puls(town: &Town, args: &[&str]) -> String {
    let db = town.path.to_str().unwrap();
    cli::puls_in(town.dir.path(), &[&["--db", db], args].concat(), &[])
}

#[test]
fn the_restricted_record_is_absent_from_every_export_and_snapshot() {
    let town = Town::new();
    let mut maja = town.store("maja");
    // A closed arena reopened, given a restricted record, and drawn up again: the locked
    // version holds its program, never the record.
    let arena = maja.arena(7).unwrap();
    maja.move_arena(7, arena.version, Stage::Returning).unwrap();
    maja.save_restricted(7, None, &record()).unwrap();
    let arena = maja.arena(7).unwrap();
    maja.move_arena(7, arena.version, Stage::Closed).unwrap();
    let versions = serde_json::to_string(&maja.drawn_up_versions(7).unwrap()).unwrap();
    assert!(versions.contains("Summer jobs"), "the snapshot is there");
    assert_hidden("the drawn-up versions", &versions);

    for id in ["1", "7"] {
        for args in [
            vec!["export", "arena", id],
            vec!["export", "arena", id, "--format", "json"],
            vec!["show", id],
            vec!["history", "--arena", id],
        ] {
            assert_hidden(&format!("{args:?}"), &puls(&town, &args));
        }
    }
    for args in [
        vec!["bank", "export"],
        vec!["bank", "export", "--format", "json"],
        vec!["report"],
        vec!["report", "--format", "csv"],
        vec!["report", "--format", "json"],
        vec!["figures"],
        vec!["history"],
    ] {
        assert_hidden(&format!("{args:?}"), &puls(&town, &args));
    }
}

#[test]
fn a_closed_arena_card_shows_its_registration_number_at_both_sizes() {
    let town = Town::new();
    let mut store = town.store("maja");
    let version = store.arena(7).unwrap().version;
    store.set_registration(7, version, "KS 2026/0142").unwrap();
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = town.screen("maja", width, height);
        screen.keys("/#7<enter>");
        let text = screen.text();
        assert!(text.contains("KS 2026/0142"), "{width}x{height}:\n{text}");
    }
}

#[test]
fn a_member_cannot_make_themselves_lead_or_coordinator_through_the_forms() {
    let town = Town::new();
    town.store("admin")
        .link_account("jonas", "Jonas Ekberg")
        .unwrap();
    let before = town.store("maja").plan(1).unwrap();
    let mut screen = town.screen("jonas", 120, 40);
    screen.keys("/#1<enter>3");

    let bs = "<bs>".repeat(20);
    screen.keys(&format!("e<tab>{bs}Jonas Ekberg<c-s>"));
    let lead = screen.text();
    screen.keys(&format!("<esc><esc>1e<tab><tab><tab>{bs}Jonas Ekberg<c-s>"));
    let coordinator = screen.text();
    screen.keys("<esc><esc>3r");
    let opened = screen.text();

    for (form, text) in [("P line", &lead), ("arena", &coordinator)] {
        assert!(
            text.contains("Refused: only the coordinator of arena #1 or an administrator"),
            "{form}: {text}"
        );
        assert!(
            text.contains("Ctrl-S save"),
            "the {form} form stays open: {text}"
        );
    }
    assert!(
        opened.contains("only its coordinator and communication lead may open it"),
        "{opened}"
    );
    assert_hidden("jonas's plan", &opened);
    let after = town.store("maja");
    assert_eq!(after.plan(1).unwrap().proactivity, before.proactivity);
    assert_eq!(
        after.arena(1).unwrap().coordinator.as_deref(),
        Some("Maja Lindqvist")
    );
}

/// The personal-data rows of the history, and whether any row names `secret`.
fn logged(screen: &Screen, secret: &str) -> (Vec<(String, String)>, bool) {
    let history = app::open(&screen.path, "maja")
        .history(None, None, 10_000)
        .unwrap();
    let leaked = history.iter().any(|r| r.detail.contains(secret));
    let allowed = history
        .into_iter()
        .filter(|r| r.action == "personal-data")
        .map(|r| (r.entity, r.detail))
        .collect();
    (allowed, leaked)
}

#[test]
fn the_competence_form_asks_about_a_personal_number_and_the_history_keeps_only_the_decision() {
    let mut screen = Screen::demo(120, 40);

    screen.keys("2vvnGuardian of 850709 9805<c-s>");
    let warned = screen.text();
    screen.keys("<c-s>");

    assert!(
        warned.contains("Looks like personal data: Name: personal identity number (850709-****)"),
        "{warned}"
    );
    let competences = app::open(&screen.path, "maja")
        .roster_competences()
        .unwrap();
    assert!(
        competences
            .iter()
            .any(|c| c.name == "Guardian of 850709 9805")
    );
    let (allowed, leaked) = logged(&screen, "9805");
    assert_eq!(
        allowed,
        vec![(
            "roster".to_owned(),
            "allowed in Name: personal identity number".to_owned()
        )]
    );
    assert!(!leaked, "the history holds the number");
}

#[test]
fn a_decline_reason_is_screened_like_every_other_text() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("/#4<enter>d");

    screen.keys("Son 121212 1212 has cancer<enter>");
    let warned = screen.text();
    screen.keys("<enter>");

    assert!(
        warned.contains("Looks like personal data: reason: personal identity number (121212-"),
        "{warned}"
    );
    let store = app::open(&screen.path, "maja");
    assert_eq!(store.arena(4).unwrap().stage, Stage::Declined);
    let (allowed, leaked) = logged(&screen, "1212 1212");
    assert_eq!(
        allowed,
        vec![(
            "arena".to_owned(),
            "allowed in reason: personal identity number, health term".to_owned()
        )]
    );
    assert!(!leaked, "the history holds the number");
}

#[test]
fn a_competence_named_after_a_condition_is_not_asked_about() {
    let mut screen = Screen::demo(120, 40);

    screen.keys("2vvnEating disorder nurse<c-s>");

    assert!(screen.text().contains("saved"), "{}", screen.text());
    assert!(logged(&screen, "-").0.is_empty());
}
