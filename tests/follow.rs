//! The panes that follow the board (team, PULS plan, related entries) in the full screen: they
//! wait while the board is moved and catch up once it rests, and never let a command act on
//! the arena selected before.

use std::time::Duration;

use crossterm::event::Event;
use futures_util::StreamExt;
use puls::app::App;
use tempfile::TempDir;

#[path = "shared/app.rs"]
pub mod app;
use app::key;

fn demo_app() -> (TempDir, App) {
    let (dir, store) = app::demo_store();
    let mut app = app::open_app(store, 120, 40);
    app.follow_when_settled();
    (dir, app)
}

/// The title line of the PULS plan pane, which names the arena it shows.
fn plan_arena(app: &App) -> String {
    let text = app::text(app, 120, 40);
    let rows: Vec<&str> = text.lines().collect();
    let at = rows
        .iter()
        .position(|r| r.contains("┌ PULS plan"))
        .expect("a plan pane beside the board");
    let line = rows[at + 1];
    let start = line.rfind("│#").unwrap_or_else(|| panic!("{line}")) + '│'.len_utf8();
    line[start..].trim_end_matches(['│', ' ']).to_owned()
}

fn selected_card(app: &App) -> String {
    let card = app.board.selected().expect("a selected card");
    format!("#{}", card.id)
}

#[test]
fn the_plan_waits_while_the_board_moves_and_catches_up_when_settled() {
    let (_dir, mut app) = demo_app();
    let before = plan_arena(&app);
    assert!(before.starts_with(&selected_card(&app)), "{before}");

    app.handle_key(key('j'));
    assert!(app.unsettled());
    assert_eq!(plan_arena(&app), before, "the plan has not moved yet");

    assert!(app.settle());
    assert!(plan_arena(&app).starts_with(&selected_card(&app)));
    assert!(!app.unsettled());
    assert!(!app.settle(), "settled once is settled");
}

#[test]
fn a_command_other_than_moving_shows_the_selected_arena_first() {
    let (_dir, mut app) = demo_app();
    app.handle_key(key('j'));
    assert!(app.unsettled());
    // Focusing the plan (and editing there next) must be about the card now selected.
    app.handle_key(key('3'));
    assert!(!app.unsettled());
    assert!(plan_arena(&app).starts_with(&selected_card(&app)));
}

#[tokio::test(start_paused = true)]
async fn the_event_loop_settles_once_after_the_keys_rest_and_then_stays_quiet() {
    let (_dir, mut app) = demo_app();
    let before = plan_arena(&app);
    // Three quick keys, then a minute of nothing.
    let keys = futures_util::stream::iter(
        "jjj"
            .chars()
            .map(|c| Ok::<_, std::io::Error>(Event::Key(key(c)))),
    )
    .chain(futures_util::stream::pending());
    let mut frames = 0;
    let _ = tokio::time::timeout(
        Duration::from_secs(60),
        puls::tui::run_app(&mut app, keys, &mut None, None, |_| {
            frames += 1;
            Ok(())
        }),
    )
    .await;
    // The first frame, one for the three keys (drained together), one when settled.
    assert_eq!(frames, 3);
    assert!(!app.unsettled());
    let after = plan_arena(&app);
    assert_ne!(after, before);
    assert!(after.starts_with(&selected_card(&app)), "{after}");
}
