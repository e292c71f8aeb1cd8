//! The app in a test, without a terminal: the demo municipality at a fixed time, the plainest
//! signal and edit, keys pressed by name into `App`, and the screen drawn into a `TestBackend`
//! and read back as text.
//!
//! Included with `#[path = "shared/app.rs"] pub mod app;`:
//! `pub`, so that a test file using only part of it is not warned about the rest.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use puls::app::App;
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::domain::clock::FixedClock;
use puls::domain::decision::{Body, Decision};
use puls::store::{ArenaCard, ArenaEdit, Backend, NewSignal, Store};
use puls::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tempfile::TempDir;

/// 2026-11-23 09:00 UTC: the time the demo is filled at and the tests' clocks stand still at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// The demo municipality in `demo.db` of a new temporary folder, filled by `maja` at [`now`].
pub fn demo_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    puls::demo::fill(&path, "maja", now()).unwrap();
    (dir, path)
}

/// A session of `who` on the database at `path`, its clock standing at [`now`].
pub fn open(path: &Path, who: &str) -> Store {
    Store::open(path, who, Arc::new(FixedClock(now()))).unwrap()
}

/// `maja`'s session on a new demo database.
pub fn demo_store() -> (TempDir, Store) {
    let (dir, path) = demo_db();
    let store = open(&path, "maja");
    (dir, store)
}

/// A signal titled `title` in the LF mission, from Per Holm, with no need and no target date.
pub fn signal(title: &str) -> NewSignal {
    NewSignal {
        title: title.into(),
        need: String::new(),
        mission: "LF".into(),
        signalled_by: "Per Holm".into(),
        manager: String::new(),
        target_date: None,
    }
}

/// An edit that gives an arena `title` in the LF mission and empties everything else.
pub fn titled(title: &str) -> ArenaEdit {
    ArenaEdit {
        title: title.into(),
        need: String::new(),
        mission: "LF".into(),
        coordinator: None,
        mandate: String::new(),
        target_date: None,
        participating: vec![],
    }
}

/// The strategic coordination group as the default config names it: no members, so anyone
/// records its decisions on a database nobody administers.
pub fn ssg() -> Body {
    puls::config::default_bodies().remove(0)
}

/// The SSG's decision of 2026-11-20 that `coordinator` coordinates the arena, with a mandate.
pub fn decision(coordinator: &str) -> Decision {
    Decision {
        body: ssg(),
        on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        registration: "KS 2026/0142".into(),
        coordinator: coordinator.into(),
        mandate: "Work within three months".into(),
        budget: "150 000 kr".into(),
        may_ask: "Learning & family, the employment service".into(),
        until: NaiveDate::from_ymd_opt(2027, 3, 1),
        own_share: 0,
    }
}

/// The app on `store` with the default config and keys.
pub fn open_app(store: Store, width: u16, height: u16) -> App {
    App::new(
        store,
        Config::default(),
        Keymap::default_keys(),
        width,
        height,
    )
    .unwrap()
}

/// Presses keys: a character each, and `<name>` for the keys [`special`] names. A `<` with no
/// `>` after it, or doubled (`<<`), is the character itself.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) =
            if c == '<' && rest.contains('>') && rest.len() > 1 && !rest.starts_with("<<") {
                let end = rest.find('>').unwrap();
                (special(&rest[1..end]), end + 1)
            } else {
                (key(c), c.len_utf8())
            };
        app.handle_key(event);
        rest = &rest[len..];
    }
}

/// The key that types `c`.
pub fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The key called `name` between `<` and `>`: `enter`, `esc`, `tab`, `bs`, `space`, the arrows
/// `up`, `down`, `left`, `right`, control keys `c-c`, `c-e`, `c-o`, `c-s`, and the shifted
/// letters `H`, `J`, `K`, `M`, `R`.
pub fn special(name: &str) -> KeyEvent {
    let code = match name {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "right" => KeyCode::Right,
        "left" => KeyCode::Left,
        "tab" => KeyCode::Tab,
        "bs" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "c-c" | "c-e" | "c-o" | "c-s" => {
            let letter = name.chars().last().unwrap();
            return KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
        }
        "H" | "J" | "K" | "M" | "R" => {
            let letter = name.chars().next().unwrap();
            return KeyEvent::new(KeyCode::Char(letter), KeyModifiers::SHIFT);
        }
        other => panic!("no key named {other}"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// `app` drawn in `theme` on a `width` x `height` terminal.
pub fn draw(app: &App, width: u16, height: u16, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// `app` on a `width` x `height` terminal in the 16 ANSI colours, as text.
pub fn text(app: &App, width: u16, height: u16) -> String {
    text_of(&draw(app, width, height, &Theme::ansi16()))
}

/// The cells of `buffer` a row a line, without the blanks at the end of each row.
pub fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An app on a terminal of a fixed size, and the database file it works on.
pub struct Screen {
    pub app: App,
    pub width: u16,
    pub height: u16,
    pub path: PathBuf,
    /// The folder of a database the screen made itself, removed with the screen.
    _dir: Option<TempDir>,
}

impl Screen {
    /// `maja` on a new demo database, with the default config and keys.
    pub fn demo(width: u16, height: u16) -> Screen {
        Screen::demo_with(Config::default(), Keymap::default_keys(), width, height)
    }

    /// `maja` on a new demo database, with `config` and `keymap`.
    pub fn demo_with(config: Config, keymap: Keymap, width: u16, height: u16) -> Screen {
        let (dir, path) = demo_db();
        let app = App::new(open(&path, "maja"), config, keymap, width, height).unwrap();
        Screen::new(app, width, height, path, Some(dir))
    }

    /// `maja` on a new database with nothing in it.
    pub fn empty(width: u16, height: u16) -> Screen {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.db");
        Screen::new(
            open_app(open(&path, "maja"), width, height),
            width,
            height,
            path,
            Some(dir),
        )
    }

    /// `who` on the database at `path`, which the test keeps.
    pub fn open(path: &Path, who: &str, width: u16, height: u16) -> Screen {
        let app = open_app(open(path, who), width, height);
        Screen::new(app, width, height, path.to_owned(), None)
    }

    fn new(app: App, width: u16, height: u16, path: PathBuf, dir: Option<TempDir>) -> Screen {
        Screen {
            app,
            width,
            height,
            path,
            _dir: dir,
        }
    }

    /// Presses keys as [`press`] does.
    pub fn keys(&mut self, keys: &str) -> &mut Self {
        press(&mut self.app, keys);
        self
    }

    pub fn draw_with(&self, theme: &Theme) -> Buffer {
        draw(&self.app, self.width, self.height, theme)
    }

    pub fn text(&self) -> String {
        text(&self.app, self.width, self.height)
    }

    /// Another session on the screen's database, as `who`.
    pub fn other_session(&self, who: &str) -> Store {
        open(&self.path, who)
    }
}

/// The board's cards, each held to count its team's plan as its arena does
/// (`plan::SUMMARY_COLUMNS`, read afresh); `when` says after what, if a card does not.
pub fn cards_counted_as_their_arenas(store: &dyn Backend, when: &str) -> Vec<ArenaCard> {
    let cards = store.board_cards(true).unwrap();
    for card in &cards {
        let arena = store.arena(card.id).unwrap();
        assert_eq!(card.plan, arena.plan, "#{} {when}", card.id);
    }
    cards
}
