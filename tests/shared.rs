//! Many sessions, one SQLite file: a lock held too long, a writer killed mid-save, a backup taken
//! while others write, and two full screens side by side. Conflicting saves and eight writers at
//! once are in the conformance suite (tests/conformance/), on every backend.

use puls::store::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use puls::domain::clock::FixedClock;
use puls::store::{Store, StoreError, StoreOptions};
use rusqlite::Connection;

#[path = "shared/app.rs"]
pub mod app;
use app::{open, signal};

#[path = "shared/pty.rs"]
pub mod pty;

const BIN: &str = env!("CARGO_BIN_EXE_puls");

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// `PRAGMA integrity_check` and `foreign_key_check` both clean.
fn assert_sound(path: &Path) {
    let conn = Connection::open(path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let dangling = count(&conn, "SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(dangling, 0, "rows point at rows that are not there");
}

#[test]
fn a_write_locked_out_past_the_timeout_is_busy_and_saves_nothing() {
    // Given a session that waits 150 ms for locks, and another connection holding the write lock
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let options = StoreOptions {
        busy_timeout: Duration::from_millis(150),
        ..StoreOptions::default()
    };
    let clock = Arc::new(FixedClock(app::now()));
    let mut maja = Store::open_with(&path, "maja", clock, &options).unwrap();
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('held', 'yes');")
        .unwrap();

    // When maja records a signal
    let start = Instant::now();
    let err = maja.create_signal(&signal("Waits in vain")).unwrap_err();
    let waited = start.elapsed();

    // Then she waited for the lock, is told nothing was saved, and nothing was
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err.to_string().contains("nothing was saved"), "{err}");
    assert!(
        waited >= Duration::from_millis(100),
        "gave up after {waited:?}"
    );
    assert!(waited < Duration::from_secs(3), "waited {waited:?}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(maja.board_cards(true).unwrap().is_empty());
    assert_eq!(count(&holder, "SELECT count(*) FROM audit"), 0);

    // And once the lock is gone, the same session saves
    maja.create_signal(&signal("Saved now")).unwrap();
}

/// A roster file of `count` new people: one import, one transaction.
fn roster_csv(dir: &Path, round: usize, count: usize) -> PathBuf {
    let mut text =
        String::from("name,unit,external,role,contact,capacity,coordinator,competences\n");
    for i in 0..count {
        text.push_str(&format!(
            "Round {round} person {i},Unit {round},no,Role,,20,no,Skill {round}:2\n"
        ));
    }
    let path = dir.join(format!("round-{round}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

fn puls(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .arg("--db")
        .arg(db)
        .env_clear()
        .env("HOME", db.parent().unwrap())
        .env("XDG_CONFIG_HOME", db.parent().unwrap())
        .env("USER", "burst")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn killing_puls_in_a_burst_of_writes_leaves_whole_changes_and_a_sound_file() {
    // Given a database, and how long one import of 1,000 people (one transaction, most of the
    // run) takes here
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("burst.db");
    drop(open(&db, "setup"));
    const PEOPLE: usize = 1000;
    let timed = Instant::now();
    let calibration = roster_csv(dir.path(), 0, PEOPLE);
    let status = puls(&db, &["roster", "import", calibration.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let import_takes = timed.elapsed();

    // When, round after round, an import and two signals run together and the import is
    // killed (SIGKILL) at a point that moves through its whole run
    const ROUNDS: u32 = 10;
    let mut killed = 0;
    for round in 1..=ROUNDS {
        let csv = roster_csv(dir.path(), round as usize, PEOPLE);
        let mut import = puls(&db, &["roster", "import", csv.to_str().unwrap()])
            .spawn()
            .unwrap();
        let signals: Vec<Child> = (0..2)
            .map(|k| {
                puls(&db, &["signal", &format!("Burst {round}-{k}")])
                    .spawn()
                    .unwrap()
            })
            .collect();
        thread::sleep(import_takes * (2 * round - 1) / (2 * ROUNDS));
        if import.try_wait().unwrap().is_none() {
            import.kill().unwrap();
            killed += 1;
        }
        import.wait().unwrap();
        for mut s in signals {
            s.wait().unwrap();
        }
    }

    // Then the file is sound, each import is all in or not at all, and every arena and person
    // has its audit row
    assert!(killed > 0, "no import was still running when killed");
    assert_sound(&db);
    let conn = Connection::open(&db).unwrap();
    let mut lost_whole = 0;
    for round in 1..=ROUNDS {
        let people: i64 = conn
            .query_row(
                "SELECT count(*) FROM people WHERE name LIKE ?1",
                [format!("Round {round} person %")],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            people == 0 || people == PEOPLE as i64,
            "round {round}: {people} people"
        );
        if people == 0 {
            lost_whole += 1;
        }
    }
    eprintln!(
        "one import took {import_takes:?}; {killed} of {ROUNDS} killed, {lost_whole} of them before their commit"
    );
    let arenas_without_audit = count(
        &conn,
        "SELECT count(*) FROM arenas a WHERE NOT EXISTS
           (SELECT 1 FROM audit WHERE entity = 'arena' AND entity_id = a.id AND action = 'signal')",
    );
    assert_eq!(arenas_without_audit, 0);
    let people_without_audit = count(
        &conn,
        "SELECT count(*) FROM people p WHERE NOT EXISTS
           (SELECT 1 FROM audit WHERE entity = 'person' AND entity_id = p.id)",
    );
    assert_eq!(people_without_audit, 0);
    let audit_without_arena = count(
        &conn,
        "SELECT count(*) FROM audit u WHERE entity = 'arena' AND action = 'signal'
           AND NOT EXISTS (SELECT 1 FROM arenas WHERE id = u.entity_id)",
    );
    assert_eq!(audit_without_arena, 0);
}

#[test]
fn a_backup_taken_while_another_session_writes_holds_everything_committed_before_it() {
    // Given a session recording signals as fast as it can
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let copy = dir.path().join("copy.db");
    let admin = open(&db, "admin");
    let committed = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, committed, stop) = (db.clone(), Arc::clone(&committed), Arc::clone(&stop));
        thread::spawn(move || {
            let mut store = open(&db, "writer");
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let arena = store
                    .create_signal(&signal(&format!("Signal {n}")))
                    .unwrap();
                committed.store(arena.id, Ordering::SeqCst);
            }
        })
    };
    while committed.load(Ordering::SeqCst) < 50 {
        thread::yield_now();
    }

    // When the administrator takes a backup in the middle of it
    let before = committed.load(Ordering::SeqCst);
    admin.backup(&copy, false).unwrap();
    let after_backup = committed.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();

    // Then the copy is sound, its owner's alone, and holds every signal committed before the
    // backup began, each with its audit row
    assert_sound(&copy);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let conn = Connection::open(&copy).unwrap();
    let arenas: i64 = conn
        .query_row(
            "SELECT count(*) FROM arenas WHERE id <= ?1",
            [before],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(arenas, before);
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE entity = 'arena' AND entity_id <= ?1",
            [before],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, before);
    let newest = count(&conn, "SELECT coalesce(max(id), 0) FROM arenas");
    assert!(
        newest <= after_backup + 1,
        "the copy holds {newest}, the writer had {after_backup}"
    );
}

#[test]
fn a_card_one_session_moves_shows_on_the_others_screen_within_two_seconds() {
    // Given two coordinators on the demo database, the second looking at Closed
    let sandbox = pty::Sandbox::new();
    let mut first = sandbox.tui(&["--demo"]);
    first.wait_for_board();
    let mut second = sandbox.tui(&[]);
    second.wait_for_board();
    second.press("lllll");
    let shown = second.wait_for(
        |s| pty::column(s, "Closed").is_some_and(|c| c.contains("▶#")),
        pty::DEADLINE,
    );
    let closed_before = pty::column_count(&shown, "Closed").unwrap();
    assert!(
        !pty::column(&shown, "Closed")
            .unwrap()
            .contains("#5 Going home")
    );

    // When the first moves #5 from Returning knowledge to Closed
    first.press("llll");
    first.wait_for_text("▶#5 Going home");
    first.press(">");
    first.wait_for_text("#5 moved to Closed");
    let moved = Instant::now();

    // Then the second shows it closed, with no key pressed, within two seconds
    second.wait_for(
        |s| {
            pty::column_count(s, "Closed") == Some(closed_before + 1)
                && pty::column(s, "Closed").is_some_and(|c| c.contains("#5 Going home"))
        },
        pty::DEADLINE,
    );
    let took = moved.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "the second screen took {took:?}"
    );
}
