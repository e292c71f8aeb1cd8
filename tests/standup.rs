//! Stand-up mode: the round, "since the last stand-up", and a clock that is the only thing that
//! redraws on its own.

use puls::store::prelude::*;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::Event;
use puls::domain::clock::{Clock, FixedClock};
use puls::store::{ContactEdit, Store};

#[path = "shared/app.rs"]
pub mod app;
use app::{demo_db, now, open, open_app, press, text};

/// "now" follows tokio's clock, so a paused runtime moves the stand-up clock without sleeping.
struct TokioClock {
    base: DateTime<Utc>,
    start: tokio::time::Instant,
}

impl Clock for TokioClock {
    fn now(&self) -> DateTime<Utc> {
        self.base + chrono::Duration::from_std(self.start.elapsed()).unwrap()
    }
}

#[test]
fn a_stand_up_goes_through_the_coordinators_open_arenas_at_80x24_and_120x40() {
    let (_dir, path) = demo_db();
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = open_app(open(&path, "maja"), width, height);
        app.open_standup(Some(3));
        let first = text(&app, width, height);
        assert!(first.contains("arena 1 of 2"), "{first}");
        assert!(first.contains("#3 A family stuck"), "{first}");
        assert!(first.contains("Blocked (1)"), "{first}");
        assert!(
            first.contains("Still missing: Water and streets engineer"),
            "{first}"
        );
        assert!(first.contains("Ask: "), "{first}");
        insta::assert_snapshot!(format!("standup_{width}x{height}"), first);
        press(&mut app, "n");
        assert!(text(&app, width, height).contains("#9 Flooded basements"));
    }
}

#[test]
fn since_last_counts_only_what_happened_after_the_last_stand_up_began() {
    let (_dir, path) = demo_db();
    let mut app = open_app(open(&path, "maja"), 120, 40);
    app.open_standup(Some(1));
    assert!(text(&app, 120, 40).contains("First stand-up for this arena"));
    press(&mut app, "q");

    let later = now() + chrono::Duration::minutes(5);
    let mut jonas = Store::open(&path, "jonas", Arc::new(FixedClock(later))).unwrap();
    let contact = ContactEdit {
        on: later.date_naive(),
        channel: "phone".into(),
        summary: "Asked about the placement".into(),
        by: "Per Holm".into(),
    };
    jonas.add_contact(1, &contact).unwrap();
    app.poll_changes();

    app.open_standup(Some(1));
    let screen = text(&app, 120, 40);
    assert!(screen.contains(": 1 changes"), "{screen}");
    assert!(screen.contains("jonas contact"), "{screen}");
    assert!(
        !screen.contains("staffing -> active"),
        "older rows are not news:\n{screen}"
    );
}

#[test]
fn quick_actions_finish_an_activity_without_leaving_the_stand_up() {
    let (_dir, path) = demo_db();
    let mut app = open_app(open(&path, "maja"), 120, 40);
    app.open_standup(Some(1));
    for _ in 0..4 {
        press(&mut app, "j");
    }
    press(&mut app, " ");
    let screen = text(&app, 120, 40);
    assert!(screen.contains("S4/6"), "{screen}");
    assert!(
        screen.contains("Stand-up · arena 1 of 1"),
        "still in the stand-up:\n{screen}"
    );
}

#[tokio::test(start_paused = true)]
async fn the_clock_redraws_each_second_while_it_runs_and_nothing_else_does() {
    let (_dir, path) = demo_db();
    let clock = Arc::new(TokioClock {
        base: now(),
        start: tokio::time::Instant::now(),
    });
    let mut app = open_app(Store::open(&path, "maja", clock).unwrap(), 120, 40);

    // An idle board: one first frame, then nothing for a minute.
    let mut frames = 0;
    let events = futures_util::stream::pending::<Result<Event, std::io::Error>>();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        puls::tui::run_app(&mut app, events, &mut None, None, |_| {
            frames += 1;
            Ok(())
        }),
    )
    .await;
    assert_eq!(frames, 1, "an idle board draws once");

    // A two-minute clock: one frame a second while it runs, then quiet again.
    app.open_standup(Some(3));
    press(&mut app, "t");
    let mut frames = 0;
    let events = futures_util::stream::pending::<Result<Event, std::io::Error>>();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(300),
        puls::tui::run_app(&mut app, events, &mut None, None, |_| {
            frames += 1;
            Ok(())
        }),
    )
    .await;
    assert!(
        (119..=122).contains(&frames),
        "{frames} frames for a 120 s clock"
    );
    assert!(!app.animating());
    assert!(text(&app, 120, 40).contains("⏱ TIME"));
}
