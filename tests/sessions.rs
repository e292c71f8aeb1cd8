//! One process, many screens: two sessions on one database, each in its own language and time
//! zone, worked on by whichever thread of a multi-threaded runtime is free.

use puls::store::prelude::*;
use std::sync::Arc;

use chrono_tz::Tz;
use puls::app::App;
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::domain::clock::FixedClock;
use puls::domain::language::Language;
use puls::store::Store;

#[path = "shared/app.rs"]
pub mod app;
use app::{demo_db, now, press, text};

fn session_app(path: &std::path::Path, who: &str, language: Language, zone: Tz) -> App {
    let store = Store::open(path, who, Arc::new(FixedClock(now()))).unwrap();
    let config = Config {
        language: Some(language),
        time_zone: Some(zone),
        ..Config::default()
    };
    App::new(store, config, Keymap::default_keys(), 120, 40).unwrap()
}

/// The moment of the selected arena's latest change, as a screen in `zone` writes it.
fn latest_change_in(app: &App, path: &std::path::Path, zone: Tz) -> String {
    let id = app.board.selected().unwrap().id;
    let store = Store::open(path, "reader", Arc::new(FixedClock(now()))).unwrap();
    let rows = store.history(None, Some(id), 100).unwrap();
    let at = rows.last().unwrap().at;
    at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string()
}

#[test]
fn two_sessions_speak_their_own_language_and_tell_their_own_time_on_any_thread() {
    // Given Maja in Stockholm, in Swedish, and Per in New York, in English, on one database
    let (_dir, path) = demo_db();
    let maja = session_app(&path, "maja", Language::Swedish, Tz::Europe__Stockholm);
    let per = session_app(&path, "per", Language::English, Tz::America__New_York);
    let in_stockholm = latest_change_in(&maja, &path, Tz::Europe__Stockholm);
    let in_new_york = latest_change_in(&per, &path, Tz::America__New_York);
    assert_ne!(in_stockholm, in_new_york);

    // When both open an arena's history, many times over, interleaved on four worker threads
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .build()
        .unwrap();
    let screens = runtime.block_on(async move {
        let work = |mut app: App| {
            tokio::spawn(async move {
                let mut screens = Vec::new();
                for _ in 0..20 {
                    press(&mut app, "<H>");
                    screens.push(text(&app, 120, 40));
                    press(&mut app, "<esc>");
                    tokio::task::yield_now().await;
                }
                screens
            })
        };
        let (maja, per) = (work(maja), work(per));
        (maja.await.unwrap(), per.await.unwrap())
    });

    // Then every screen of Maja's is Swedish with Stockholm's time, every one of Per's English
    // with New York's, whichever thread drew it
    let (majas, pers) = screens;
    for screen in &majas {
        assert!(screen.contains("Historik"), "{screen}");
        assert!(
            screen.contains(&in_stockholm),
            "{in_stockholm} missing:\n{screen}"
        );
        assert!(!screen.contains(&in_new_york), "{screen}");
    }
    for screen in &pers {
        assert!(screen.contains("History"), "{screen}");
        assert!(
            screen.contains(&in_new_york),
            "{in_new_york} missing:\n{screen}"
        );
        assert!(!screen.contains(&in_stockholm), "{screen}");
    }
}

#[test]
fn the_app_is_a_value_that_moves_between_threads() {
    fn sendable<T: Send>() {}
    sendable::<App>();
}
