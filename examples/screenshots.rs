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
use puls::domain::language::{self, Language};
use puls::store::Store;
use puls::store::prelude::*;
use puls::ui::Theme;

/// One picture: its file name, the terminal size, the keys pressed before it is taken, and
/// how the screen is set up.
struct Shot {
    name: &'static str,
    width: u16,
    height: u16,
    keys: Vec<KeyEvent>,
    look: Look,
}

/// The language and screen settings of a picture, and whose screen it is; English on ansi16,
/// as maja, unless it says otherwise.
#[derive(Default, Clone, Copy)]
struct Look {
    swedish: bool,
    mono: bool,
    ascii: bool,
    plain: bool,
    /// Another account than maja's.
    account: Option<&'static str>,
    /// The roster person the account is linked to, who signs up for courses.
    person: Option<&'static str>,
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
        look: Look::default(),
    };
    let with = |look, shot: Shot| Shot { look, ..shot };
    let swedish = Look {
        swedish: true,
        ..Look::default()
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
        // Arena 3's detail scrolled to its meetings: the problem statement's iterations,
        // the sponsor's light and the citizens' feedback (issue 18).
        shot("reviews", 120, 40, {
            let mut keys = typed("/#3");
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Enter));
            keys.extend(typed(&"j".repeat(24)));
            keys
        }),
        // The form a sponsor review is recorded in: the six checking questions and the light.
        shot("review-form", 80, 24, {
            let mut keys = typed("/#3");
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Char('r')));
            keys
        }),
        // Arena 5's partnering maturity: baseline and Returning, seven dimensions.
        shot("maturity", 120, 40, {
            let mut keys = typed("/#5");
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Char('m')));
            keys
        }),
        with(
            Look {
                ascii: true,
                ..Look::default()
            },
            shot("maturity-ascii", 80, 24, {
                let mut keys = typed("/#5");
                keys.push(key(KeyCode::Enter));
                keys.push(key(KeyCode::Enter));
                keys.push(key(KeyCode::Char('m')));
                keys
            }),
        ),
        // Finding staff for arena 1's trauma counsellor: who can teach it, and the course.
        shot("find-staff-learning", 120, 40, {
            let mut keys = typed("/#1");
            keys.push(key(KeyCode::Enter));
            keys.push(key(KeyCode::Char('a')));
            keys
        }),
        // A course read from the bank, maja (Maja Lindqvist) signed up for its marked session.
        with(
            Look {
                person: Some("Maja Lindqvist"),
                ..Look::default()
            },
            shot("course-signup", 120, 40, {
                let mut keys = typed("4/Trauma-informed");
                keys.push(key(KeyCode::Enter));
                keys.push(key(KeyCode::Enter));
                keys.push(key(KeyCode::Char('s')));
                keys
            }),
        ),
        // The key figures scrolled to partnering maturity and the knowledge capital.
        shot("figures-learning", 120, 40, {
            let mut keys = vec![KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT)];
            keys.extend(typed(&"j".repeat(12)));
            keys
        }),
        // A partnership with an outside partner rated over time, opened from the key figures.
        shot("partnership", 120, 40, {
            let mut keys = vec![KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT)];
            keys.push(key(KeyCode::Char('m')));
            keys
        }),
        // Anders, the environment inspector's line manager, with a request waiting for him.
        with(
            Look {
                account: Some("anders"),
                ..Look::default()
            },
            shot(
                "requests",
                120,
                40,
                vec![
                    key(KeyCode::Char('2')),
                    KeyEvent::new(KeyCode::Char('R'), KeyModifiers::SHIFT),
                ],
            ),
        ),
        shot("too-small", 30, 10, vec![]),
        // The same board in Swedish, as LANG=sv_SE.UTF-8 or `language = "sv"` shows it.
        with(swedish, shot("board-sv", 120, 40, vec![])),
        with(
            swedish,
            shot("plan-sv", 120, 40, {
                let mut keys = typed("/#1");
                keys.push(key(KeyCode::Enter));
                keys.extend(typed("3z"));
                keys
            }),
        ),
        // A closed arena's program: drawn up, locked, its restricted record kept apart.
        shot("plan-drawn-up", 120, 40, typed("lllll3z")),
        // The command palette finding "zoom" from two letters.
        shot("palette", 80, 24, typed(":zo")),
        // No colour (NO_COLOR), ASCII only (--ascii), and plain mode for screen readers.
        with(
            Look {
                mono: true,
                ..Look::default()
            },
            shot("board-mono", 80, 24, vec![]),
        ),
        with(
            Look {
                ascii: true,
                ..Look::default()
            },
            shot("board-ascii", 80, 24, vec![]),
        ),
        with(
            Look {
                plain: true,
                ..Look::default()
            },
            shot("board-plain", 80, 24, typed("j")),
        ),
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
        let language = if shot.look.swedish {
            Language::Swedish
        } else {
            Language::English
        };
        let svg = language::with(language, || take(&db, shot))?;
        let path = out.join(format!("{}.svg", shot.name));
        std::fs::write(&path, svg)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn take(db: &Path, shot: &Shot) -> Result<String, Box<dyn Error>> {
    let now = now();
    puls::demo::fill(db, "maja", now)?;
    let account = shot.look.account.unwrap_or("maja");
    let mut store = Store::open(db, account, Arc::new(FixedClock(now)))?;
    if let Some(person) = shot.look.person {
        store.link_account(account, person)?;
    }
    let config = Config {
        ascii: shot.look.ascii,
        plain: shot.look.plain,
        ..Config::default()
    };
    let mut app = App::new(
        store,
        config,
        Keymap::default_keys(),
        shot.width,
        shot.height,
    )?;
    for key in &shot.keys {
        app.handle_key(*key);
    }
    let mut terminal = Terminal::new(TestBackend::new(shot.width, shot.height))?;
    let theme = if shot.look.mono {
        Theme::mono()
    } else {
        Theme::ansi16()
    };
    terminal.draw(|frame| puls::ui::draw(frame, &app, &theme))?;
    Ok(svg::render(terminal.backend().buffer()))
}
