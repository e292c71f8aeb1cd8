//! PostgreSQL's own side of the store and the binary on it: what the conformance suite cannot
//! say through the store interface. A schema of a newer puls refused without a write, a
//! dropped connection opened again, and `--db`, `PULS_DB` and the config's `db` naming a
//! database server, and two full screens on one database. Skipped (saying so) where no server answers, except under `CI=true`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use puls::domain::clock::{FixedClock, ManualClock};
use puls::domain::knowledge::EntryKind;
use puls::store::prelude::*;
use puls::store::{EntryEdit, EntryFilter, StoreError, StoreOptions};
use puls::store_postgres::PgStore;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
#[path = "shared/pty.rs"]
pub mod pty;
#[path = "shared/postgres.rs"]
pub mod test_server;

use app::{now, signal};
use test_server::{TestDatabase, available};

fn open(db: &TestDatabase, who: &str) -> Result<PgStore, StoreError> {
    PgStore::open(
        &db.url,
        who,
        Arc::new(FixedClock(now())),
        &StoreOptions::default(),
    )
}

/// A plain client of the database, as an administrator's `psql` would be.
fn client(db: &TestDatabase) -> postgres::Client {
    postgres::Client::connect(&db.url, postgres::NoTls).unwrap()
}

#[test]
fn a_database_of_a_newer_puls_is_refused_and_nothing_is_written() {
    if !available() {
        return;
    }
    // Given a puls database whose schema a newer puls wrote
    let db = TestDatabase::default();
    open(&db, "maja").unwrap();
    let mut admin = client(&db);
    admin
        .batch_execute("UPDATE puls_schema SET version = 99")
        .unwrap();

    // When puls opens it
    let refused = open(&db, "maja");

    // Then it is refused, and left as it was
    assert!(
        matches!(refused, Err(StoreError::TooNew(_))),
        "{:?}",
        refused.err()
    );
    let version: i64 = admin
        .query_one("SELECT version FROM puls_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(version, 99);
    let audit: i64 = admin
        .query_one("SELECT count(*) FROM audit", &[])
        .unwrap()
        .get(0);
    assert_eq!(audit, 0);
}

/// An arena's written entries are counted (for its plan, and for the board's kept counts of
/// migration 015) from an index of them alone, not by reading every entry's row with its body.
#[test]
fn the_count_of_an_arenas_written_entries_reads_its_own_index() {
    if !available() {
        return;
    }
    let db = TestDatabase::default();
    open(&db, "maja").unwrap();
    let mut admin = client(&db);
    admin.batch_execute("SET enable_seqscan = off").unwrap();
    let plan: Vec<String> = admin
        .query(
            "EXPLAIN SELECT count(*) FROM entries WHERE arena_id = 1 AND written = 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    let plan = plan.join("\n");
    assert!(plan.contains("entries_written_by_arena"), "{plan}");
}

/// A fresh database holding the small demo, and the store that filled it.
fn demo_database() -> (TestDatabase, PgStore) {
    let db = TestDatabase::default();
    let clock = Arc::new(ManualClock::new(now()));
    let mut store =
        PgStore::open(&db.url, "demo", clock.clone(), &StoreOptions::default()).unwrap();
    puls::demo::fill_store(&mut store, &clock, now()).unwrap();
    (db, store)
}

/// What migration 016 (the vectors kept inline) added.
const UNDO_VECTORS: &str = "DROP TABLE entry_vectors; DROP FUNCTION puls_keep_vectors() CASCADE;";

/// `db` as an older puls left it at `version`: `undo` removes what the later migrations added.
fn taken_back(db: &TestDatabase, version: usize, undo: &str) {
    client(db)
        .batch_execute(&format!(
            "{undo} UPDATE puls_schema SET version = {version}"
        ))
        .unwrap();
}

/// A database of the schema before the board's counts were kept (version 14) gets them at its
/// migration, counted from the rows it holds.
#[test]
fn an_older_database_has_its_plan_counts_counted_at_its_migration() {
    if !available() {
        return;
    }
    // Given the demo in a database taken back to the schema before the kept counts
    let (db, store) = demo_database();
    drop(store);
    taken_back(
        &db,
        14,
        &format!(
            "{UNDO_VECTORS} DROP TABLE plan_counts; DROP FUNCTION puls_recount_changed() CASCADE;
             DROP FUNCTION puls_recount(bigint[]);"
        ),
    );

    // When puls opens it
    let store = open(&db, "maja").unwrap();

    // Then every card counts its plan as its arena does, and some have something to count
    let cards = app::cards_counted_as_their_arenas(&store, "after the migration");
    assert!(cards.iter().any(|c| c.plan.activities_total > 0));
    assert!(cards.iter().any(|c| c.plan.needs_total > 0));
    assert!(cards.iter().any(|c| c.plan.entries > 0));
}

/// A database of the schema before the search kept its vectors inline (version 15) gets them
/// at its migration, one for each entry it holds, and its searches rank as before.
#[test]
fn an_older_database_has_its_entries_vectors_copied_at_its_migration() {
    if !available() {
        return;
    }
    // Given the demo in a database taken back to the schema before the kept vectors, and
    // what a search found there
    let (db, store) = demo_database();
    let found = |store: &PgStore| -> Vec<i64> {
        let hits = store
            .search_entries("the", &EntryFilter::default(), 50)
            .unwrap();
        hits.iter().map(|h| h.id).collect()
    };
    let before = found(&store);
    drop(store);
    taken_back(&db, 15, UNDO_VECTORS);

    // When puls opens it
    let store = open(&db, "maja").unwrap();

    // Then every entry has its vector again, and the search finds and ranks what it did
    let counted = |sql: &str| -> i64 { client(&db).query_one(sql, &[]).unwrap().get(0) };
    let entries = counted("SELECT count(*) FROM entries");
    assert!(entries > 0);
    assert_eq!(counted("SELECT count(*) FROM entry_vectors"), entries);
    assert!(before.len() > 3, "{before:?}");
    assert_eq!(found(&store), before);
}

/// The server drops every connection to `db` but the one asking, as an administrator may.
fn drop_other_connections(db: &TestDatabase) {
    client(db)
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .unwrap();
}

#[test]
fn a_dropped_connection_is_opened_again_and_counts_as_a_change() {
    if !available() {
        return;
    }
    // Given maja's session, whose connection the server drops
    let db = TestDatabase::default();
    let mut maja = open(&db, "maja").unwrap();
    maja.create_signal(&signal("Before the drop")).unwrap();
    drop_other_connections(&db);

    // When the live refresh asks whether anything changed
    let changed = maja.others_changed().unwrap();

    // Then the answer is yes (what it missed is unknown), and the session works again
    assert!(changed);
    maja.create_signal(&signal("After the drop")).unwrap();
    assert_eq!(maja.board_cards(false).unwrap().len(), 2);
    assert!(!maja.others_changed().unwrap());
}

#[test]
fn a_write_right_after_the_server_drops_the_connection_lands_on_another() {
    if !available() {
        return;
    }
    // Given maja's session holding a connection the server has just dropped, before anyone
    // asked whether anything changed
    let db = TestDatabase::default();
    let mut maja = open(&db, "maja").unwrap();
    maja.create_signal(&signal("Before the drop")).unwrap();
    maja.board_cards(false).unwrap();
    drop_other_connections(&db);

    // When she writes at once
    let written = maja.create_signal(&signal("Right after the drop"));

    // Then the write lands, on another connection: nothing was begun on the dropped one
    assert!(written.is_ok(), "{written:?}");
    assert_eq!(maja.board_cards(false).unwrap().len(), 2);
}

#[test]
fn db_puls_db_and_the_config_name_a_database_server() {
    if !available() {
        return;
    }
    let db = TestDatabase::default();
    let home = tempfile::tempdir().unwrap();

    // --db
    let recorded = cli::puls_in(
        home.path(),
        &["--db", &db.url, "signal", "Newcomer needs work"],
        &[],
    );
    assert!(recorded.contains("#1"), "{recorded}");

    // PULS_DB
    let shown = cli::puls_in(home.path(), &["show", "1"], &[("PULS_DB", &db.url)]);
    assert!(shown.contains("Newcomer needs work"), "{shown}");

    // db = "..." in the config
    let config = home.path().join("config.toml");
    std::fs::write(&config, format!("db = \"{}\"\n", db.url)).unwrap();
    let config = config.display().to_string();
    let history = cli::puls_in(home.path(), &["--config", &config, "history"], &[]);
    assert!(history.contains("Newcomer needs work"), "{history}");
    assert!(
        !home.path().join("data/puls/puls.db").exists(),
        "a SQLite file was made"
    );
}

#[test]
fn backup_on_a_database_server_prints_the_pg_dump_command_and_restore_refuses() {
    if !available() {
        return;
    }
    let db = TestDatabase::default();
    let home = tempfile::tempdir().unwrap();
    cli::puls_in(home.path(), &["--db", &db.url, "signal", "One"], &[]);

    let said = cli::puls_in(
        home.path(),
        &["--db", &db.url, "backup", "region.dump"],
        &[],
    );

    assert!(
        said.contains(&format!(
            "pg_dump --format=custom --file=region.dump {}",
            db.url
        )),
        "{said}"
    );
    assert!(!home.path().join("region.dump").exists());
    for command in ["check", "restore"] {
        let args: Vec<&str> = match command {
            "check" => vec!["--db", &db.url, "check"],
            _ => vec!["--db", &db.url, "restore", "region.dump"],
        };
        let refused = cli::run_in(home.path(), &args, &[]);
        assert_eq!(refused.status.code(), Some(2), "{refused:?}");
        let stderr = String::from_utf8(refused.stderr).unwrap();
        assert!(stderr.contains("pg_restore"), "{stderr}");
    }
}

#[test]
fn a_card_one_session_moves_shows_on_the_others_screen_within_two_seconds() {
    if !available() {
        return;
    }
    // Given two coordinators on the demo in one PostgreSQL database, the second looking at Closed
    let db = TestDatabase::default();
    let sandbox = pty::Sandbox::new().with_env("PULS_DB", &db.url);
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

#[test]
fn migrate_copies_a_sqlite_database_whole_and_only_into_an_empty_one() {
    if !available() {
        return;
    }
    // Given the demo in a SQLite file, whose last signal was removed (its number used up)
    let (_dir, file) = app::demo_db();
    let mut sqlite = app::open(&file, "maja");
    let gone = sqlite
        .create_signal(&signal("Recorded by mistake"))
        .unwrap();
    sqlite.delete_signal(gone.id, gone.version).unwrap();
    // and a partnership with an outside partner was rated, of no arena
    sqlite
        .add_partner_rating(&puls::store::RatingEdit {
            on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            occasion: puls::domain::maturity::Occasion::Baseline,
            partner: "Fryshuset".into(),
            scores: puls::domain::maturity::Dimension::ALL
                .into_iter()
                .map(|dimension| puls::domain::maturity::Score {
                    dimension,
                    level: 3,
                    note: "apart".into(),
                })
                .collect(),
        })
        .unwrap();
    let db = TestDatabase::default();
    let home = tempfile::tempdir().unwrap();
    let file_arg = file.display().to_string();

    // When it is migrated into an empty PostgreSQL database
    let said = cli::puls_in(
        home.path(),
        &["migrate", "--from", &file_arg, "--to", &db.url],
        &[],
    );

    // Then everything is there, history and drawn-up versions too, and numbers go on
    assert!(said.contains("counted on both sides"), "{said}");
    let mut copy = open(&db, "maja").unwrap();
    assert_eq!(
        copy.board_cards(true).unwrap(),
        sqlite.board_cards(true).unwrap()
    );
    assert_eq!(
        copy.history(None, None, usize::MAX).unwrap(),
        sqlite.history(None, None, usize::MAX).unwrap()
    );
    for card in sqlite.board_cards(true).unwrap() {
        assert_eq!(
            copy.drawn_up_versions(card.id).unwrap(),
            sqlite.drawn_up_versions(card.id).unwrap()
        );
        assert_eq!(copy.plan(card.id).unwrap(), sqlite.plan(card.id).unwrap());
    }
    assert_eq!(copy.bank_record().unwrap(), sqlite.bank_record().unwrap());
    assert_eq!(
        copy.partner_ratings("Fryshuset").unwrap(),
        sqlite.partner_ratings("Fryshuset").unwrap()
    );
    assert_eq!(
        copy.maturity_figures().unwrap(),
        sqlite.maturity_figures().unwrap()
    );
    let next = copy.create_signal(&signal("The next one")).unwrap();
    assert_eq!(next.id, gone.id + 1, "a removed number came back");

    // And a second copy into it is refused, changing nothing
    let again = cli::run_in(
        home.path(),
        &["migrate", "--from", &file_arg, "--to", &db.url],
        &[],
    );
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert_eq!(copy.board_cards(true).unwrap().len(), next.id as usize - 1);
}

/// A common word is ranked among the newest entries that hold it, never among all of them, and
/// an older entry with the word in its title still comes first.
#[test]
fn a_common_word_ranks_a_bounded_few_and_an_old_title_match_still_leads() {
    if !available() {
        return;
    }
    // Given an old entry titled with a word, an old one that says it five times in its body,
    // then 520 newer ones that say it once (more than the 500 body matches a search ranks)
    let db = TestDatabase::default();
    let mut maja = open(&db, "maja").unwrap();
    let entry = |title: &str, body: &str| EntryEdit {
        title: title.to_owned(),
        body: body.to_owned(),
        kind: EntryKind::Lesson,
        tags: Vec::new(),
        competences: Vec::new(),
        arena: None,
    };
    let titled = maja
        .add_entry(&entry(
            "Samordningen kring skolstarten",
            "Vad vi lärde oss.",
        ))
        .unwrap();
    let repeated = maja
        .add_entry(&entry(
            "Ett gammalt möte",
            "samordningen samordningen samordningen samordningen samordningen",
        ))
        .unwrap();
    for n in 0..520 {
        maja.add_entry(&entry(
            &format!("Möte {n}"),
            "Om samordningen mellan förvaltningarna.",
        ))
        .unwrap();
    }

    // When the word is searched
    let hits = maja
        .search_entries("samordningen", &EntryFilter::default(), 10)
        .unwrap();

    // Then the title match leads and ten are shown; the old body match, which ranking all 522
    // would put second, was not among those ranked
    assert_eq!(hits.len(), 10);
    assert_eq!(hits[0].id, titled, "{:?}", hits[0].title);
    assert!(hits.iter().all(|h| h.id != repeated));

    // And a rarer question that matches fewer is ranked whole
    let hits = maja
        .search_entries("samordningen gammalt", &EntryFilter::default(), 10)
        .unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [repeated]);
}
