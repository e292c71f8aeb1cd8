//! puls in Swedish: the board and the help screen as a Swedish coordinator sees them, and the
//! roster's names in Swedish order. Each test sets the language of its own thread only.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use puls::app::App;
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::domain::clock::FixedClock;
use puls::messages::{self, Language};
use puls::store::{PersonEdit, Store};
use puls::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// The demo municipality on screen in `language`, with the config's defaults in it too.
fn demo_in(language: Language, width: u16, height: u16) -> (App, TempDir) {
    messages::set_language(language);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    puls::demo::fill(&path, "maja", now()).unwrap();
    let store = Store::open(&path, "maja", Arc::new(FixedClock(now()))).unwrap();
    let app = App::new(
        store,
        Config::default(),
        Keymap::default_keys(),
        width,
        height,
    )
    .unwrap();
    (app, dir)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::draw(f, app, &Theme::ansi16()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_board_in_swedish_at_80x24() {
    let (app, _dir) = demo_in(Language::Swedish, 80, 24);
    let text = screen(&app, 80, 24);
    for swedish in ["Arenor", "Bemanning 2", "hjälp"] {
        assert!(text.contains(swedish), "no {swedish}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_help_screen_in_swedish_names_every_command_in_swedish() {
    let (mut app, _dir) = demo_in(Language::Swedish, 120, 240);
    app.handle_key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    let text = screen(&app, 120, 240);
    for binding in app.keymap.bindings() {
        let description = messages::command_description(binding.command);
        assert!(text.contains(description), "help lacks {description}");
    }
    assert!(
        text.contains("Tangenter") && text.contains("Överallt"),
        "{text}"
    );

    let (mut app, _dir) = demo_in(Language::Swedish, 120, 40);
    app.handle_key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn the_roster_sorts_names_in_swedish_order_when_swedish() {
    // Given people whose names begin with Swedish letters and their neighbours
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(
        &dir.path().join("r.db"),
        "maja",
        Arc::new(FixedClock(now())),
    )
    .unwrap();
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

    // When the roster is read in Swedish, then å, ä, ö come after z, Ängel after Anders
    messages::set_language(Language::Swedish);
    assert_eq!(
        names(&store),
        ["Anders", "bo", "Zacharias", "Åsa", "Ängel", "Ärla", "Örjan"]
    );

    // And in English the order stays the one puls always had (SQLite's NOCASE)
    messages::set_language(Language::English);
    assert_eq!(
        names(&store),
        ["Anders", "bo", "Zacharias", "Ängel", "Ärla", "Åsa", "Örjan"]
    );
}
