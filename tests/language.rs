//! puls in Swedish: the board and the help screen as a Swedish coordinator sees them, and the
//! roster's names in Swedish order. Each test sets the language of its own thread only.

use puls::domain::session::Session;
use puls::messages::{self, Language};
use puls::store::prelude::*;
use puls::store::{PersonEdit, Store};

#[path = "shared/app.rs"]
pub mod app;
use app::Screen;

/// The demo municipality on screen in `language`, with the config's defaults in it too.
fn demo_in(language: Language, width: u16, height: u16) -> Screen {
    messages::set_language(language);
    Screen::demo(width, height)
}

#[test]
fn the_board_in_swedish_at_80x24() {
    let screen = demo_in(Language::Swedish, 80, 24);
    let text = screen.text();
    for swedish in ["Arenor", "Bemanning 2", "hjälp"] {
        assert!(text.contains(swedish), "no {swedish}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_help_screen_in_swedish_names_every_command_in_swedish() {
    let mut screen = demo_in(Language::Swedish, 120, 240);
    let text = screen.keys("?").text();
    for binding in screen.app.keymap.bindings() {
        let description = messages::command_description(binding.command);
        assert!(text.contains(description), "help lacks {description}");
    }
    assert!(
        text.contains("Tangenter") && text.contains("Överallt"),
        "{text}"
    );

    let mut screen = demo_in(Language::Swedish, 120, 40);
    insta::assert_snapshot!(screen.keys("?").text());
}

#[test]
fn the_roster_sorts_names_in_swedish_order_when_swedish() {
    // Given people whose names begin with Swedish letters and their neighbours
    let dir = tempfile::tempdir().unwrap();
    let mut store = app::open(&dir.path().join("r.db"), "maja");
    for name in ["Örjan", "Ängel", "Zacharias", "Åsa", "Anders", "Ärla", "bo"] {
        store
            .add_person(&PersonEdit {
                name: name.to_owned(),
                unit: String::new(),
                role: String::new(),
                contact: String::new(),
                capacity: 20,
                coordinator: false,
                competences: Vec::new(),
                manager: String::new(),
            })
            .unwrap();
    }
    let names = |store: &Store| -> Vec<String> {
        store
            .roster_people()
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect()
    };

    // When the roster is read for a Swedish session, then å, ä, ö come after z, Ängel after
    // Anders, whatever language the thread speaks
    store.set_session(Session {
        language: Language::Swedish,
        ..Session::default()
    });
    assert_eq!(
        names(&store),
        ["Anders", "bo", "Zacharias", "Åsa", "Ängel", "Ärla", "Örjan"]
    );

    // And in English the order stays the one puls always had (SQLite's NOCASE)
    store.set_session(Session::default());
    assert_eq!(
        names(&store),
        ["Anders", "bo", "Zacharias", "Ängel", "Ärla", "Åsa", "Örjan"]
    );
}

#[path = "shared/cli.rs"]
pub mod cli;

#[test]
fn the_demo_is_written_in_the_language_asked_for_or_the_sessions() {
    let home = tempfile::tempdir().unwrap();
    let show = |db: &str, env: &[(&str, &str)]| {
        let output = cli::run_in(home.path(), &["--db", db, "show", "4"], env);
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let sv = home.path().join("sv.db");
    let sv = sv.to_str().unwrap();
    let output = cli::run_in(home.path(), &["--db", sv, "demo", "--language", "sv"], &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(show(sv, &[]).contains("Änkling ensam hemma som tackar nej till hemtjänst"));

    let by_locale = home.path().join("locale.db");
    let by_locale = by_locale.to_str().unwrap();
    let swedish = [("LANG", "sv_SE.UTF-8")];
    let output = cli::run_in(home.path(), &["--db", by_locale, "demo"], &swedish);
    assert!(output.status.success(), "{output:?}");
    assert!(show(by_locale, &[]).contains("Änkling ensam hemma"));

    let en = home.path().join("en.db");
    let en = en.to_str().unwrap();
    let output = cli::run_in(
        home.path(),
        &["--db", en, "demo", "--language", "en"],
        &swedish,
    );
    assert!(output.status.success(), "{output:?}");
    assert!(show(en, &[]).contains("Widower alone at home"));
}
