//! The process's pool of PostgreSQL connections: sessions that share one connection still hear
//! each other's writes and never their own, and a key that finds every connection in use waits
//! for the busy timeout and then says so. Skipped (saying so) where no server answers, except
//! under `CI=true`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use puls::app::App;
use puls::app::config::Config;
use puls::app::keymap::Keymap;
use puls::domain::clock::FixedClock;
use puls::store::prelude::*;
use puls::store::{StoreError, StoreOptions};
use puls::store_postgres::PgStore;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/postgres.rs"]
pub mod test_server;

use app::{now, press, signal, text};
use test_server::{TestDatabase, available};

const BUSY: Duration = Duration::from_millis(300);

/// A session on a pool of one connection: every session of the test shares it.
fn open(db: &TestDatabase, who: &str) -> PgStore {
    let options = StoreOptions {
        pool_size: 1,
        busy_timeout: BUSY,
        ..StoreOptions::default()
    };
    PgStore::open(&db.url, who, Arc::new(FixedClock(now())), &options).unwrap()
}

#[test]
fn sessions_sharing_one_connection_hear_each_others_writes_and_not_their_own() {
    if !available() {
        return;
    }
    // Given two sessions on a pool of one connection
    let db = TestDatabase::default();
    let mut maja = open(&db, "maja");
    let mut jonas = open(&db, "jonas");

    // When each writes in turn over the same connection
    maja.create_signal(&signal("Hers")).unwrap();
    maja.rest();

    // Then the other hears it, the writer does not
    assert!(jonas.others_changed().unwrap());
    assert!(!maja.others_changed().unwrap());
    jonas.create_signal(&signal("His")).unwrap();
    jonas.rest();
    assert!(maja.others_changed().unwrap());
    assert!(!jonas.others_changed().unwrap());
}

#[test]
fn a_key_while_every_connection_is_in_use_waits_then_says_busy() {
    if !available() {
        return;
    }
    // Given jonas's screen, resting, and maja's session holding the pool's one connection
    let db = TestDatabase::default();
    let mut maja = open(&db, "maja");
    maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let mut screen = App::new(
        open(&db, "jonas"),
        Config::default(),
        Keymap::default_keys(),
        100,
        30,
    )
    .unwrap();
    screen.rest();
    maja.board_cards(false).unwrap();

    // When jonas opens the card
    let pressed = Instant::now();
    press(&mut screen, "<enter>");

    // Then the key waited for the busy timeout, and the screen says the database is busy
    assert!(pressed.elapsed() >= BUSY, "{:?}", pressed.elapsed());
    let shown = text(&screen, 100, 30);
    assert!(
        shown.contains(&StoreError::Busy.to_string()[..40]),
        "{shown}"
    );
    // And once maja's session rests, the key works
    maja.rest();
    screen.rest();
    press(&mut screen, "<esc><enter>");
    assert!(
        text(&screen, 100, 30).contains("Newcomer needs work"),
        "{shown}"
    );
}
