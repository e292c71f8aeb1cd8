//! Draws the pictures in `screenshots/` from the real program: the demo database at a fixed
//! time, the real keymap and the real drawing code, rendered into a test terminal and written as
//! SVG.
//!
//! ```sh
//! cargo run --example screenshots            # writes screenshots/*.svg
//! cargo run --example screenshots -- /tmp/x  # or into another folder
//! ```

mod svg;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use puls::app::App;
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::domain::clock::FixedClock;
use puls::store::Store;
use puls::ui::Theme;

/// One picture: its file name, the terminal size and the keys pressed before it is taken.
struct Shot {
    name: &'static str,
    width: u16,
    height: u16,
    keys: Vec<KeyEvent>,
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Keys typed as text, one key a character.
fn typed(text: &str) -> Vec<KeyEvent> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

fn shots() -> Vec<Shot> {
    let shot = |name, width, height, keys| Shot {
        name,
        width,
        height,
        keys,
    };
    vec![
        // The board as it opens.
        shot("board", 120, 40, vec![]),
        shot("board-80x24", 80, 24, vec![]),
        // An arena's need, mandate and history.
        shot(
            "detail",
            120,
            40,
            vec![key(KeyCode::Down), key(KeyCode::Enter)],
        ),
        // A signal has no coordinator or mandate yet: the status line says why it cannot move.
        shot("refused-move", 80, 24, vec![key(KeyCode::Char('>'))]),
        // Saving the empty new-signal form shows the validation errors.
        shot(
            "new-signal",
            80,
            24,
            vec![key(KeyCode::Char('n')), ctrl('s')],
        ),
        shot("help", 120, 40, vec![key(KeyCode::Char('?'))]),
        // The roster: everyone with their load, over-allocation in words.
        shot("roster-people", 80, 24, typed("2v")),
        // Each competence with its holders and the arenas missing it.
        shot("roster-competences", 120, 40, typed("2zvv")),
        // Finding staff for arena 2's first gap, best fit first.
        shot("find-staff", 120, 40, {
            let mut keys = typed("/#2");
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Char('a')));
            keys.push(key(KeyCode::Enter));
            keys
        }),
        // The newcomer's PULS program, zoomed.
        shot("plan", 120, 40, {
            let mut keys = typed("/#1");
            keys.push(key(KeyCode::Enter));
            keys.extend(typed("3z"));
            keys
        }),
        // A stand-up about arena 3, its clock running.
        shot("standup", 100, 34, {
            let mut keys = typed("/#3");
            keys.push(key(KeyCode::Enter));
            keys.extend(typed("st"));
            keys
        }),
        // The knowledge bank searched as the user types, the best match first.
        shot("bank", 120, 40, typed("4z/discharge")),
        // The key figures for the management.
        shot(
            "figures",
            120,
            40,
            vec![KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT)],
        ),
        // Arena 3's team and gaps beside the board, following its selection.
        shot("team", 120, 40, {
            let mut keys = typed("/#3");
            keys.push(key(KeyCode::Enter));
            keys
        }),
        shot("too-small", 30, 10, vec![]),
    ]
}

/// The moment every picture is taken, so they come out the same on every run.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("a valid fixed time")
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots"),
    };
    std::fs::create_dir_all(&out)?;
    let tmp = tempfile::tempdir()?;
    for (i, shot) in shots().iter().enumerate() {
        // A fresh demo for each picture, so no picture depends on the keys of another.
        let db = tmp.path().join(format!("demo-{i}.db"));
        let svg = take(&db, shot)?;
        let path = out.join(format!("{}.svg", shot.name));
        std::fs::write(&path, svg)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn take(db: &Path, shot: &Shot) -> Result<String, Box<dyn Error>> {
    let now = now();
    puls::demo::fill(db, "maja", now)?;
    let store = Store::open(db, "maja", Arc::new(FixedClock(now)))?;
    let mut app = App::new(
        store,
        Config::default(),
        Keymap::default_keys(),
        shot.width,
        shot.height,
    )?;
    for key in &shot.keys {
        app.handle_key(*key);
    }
    let mut terminal = Terminal::new(TestBackend::new(shot.width, shot.height))?;
    let theme = Theme::ansi16();
    terminal.draw(|frame| puls::ui::draw(frame, &app, &theme))?;
    Ok(svg::render(terminal.backend().buffer()))
}
