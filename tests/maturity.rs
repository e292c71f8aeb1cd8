//! Partnering maturity in the store: seven dimensions rated 1 to 6 with a note, a baseline and
//! later ratings, versions, conflicts, audit rows, the lock on a drawn-up arena, and the key
//! figures across arenas.

#[path = "shared/app.rs"]
pub mod app;

use chrono::NaiveDate;
use puls::domain::arena::Stage;
use puls::domain::maturity::{Dimension, Occasion, Score};
use puls::store::prelude::*;
use puls::store::{RatingEdit, StoreError};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A rating with `levels` in dimension order, each noted.
fn rating(occasion: Occasion, on: NaiveDate, levels: [u8; 7]) -> RatingEdit {
    RatingEdit {
        on,
        occasion,
        partner: String::new(),
        scores: Dimension::ALL
            .iter()
            .zip(levels)
            .map(|(d, level)| Score {
                dimension: *d,
                level,
                note: format!("{} at {level}", d.code()),
            })
            .collect(),
    }
}

fn arena_in(store: &puls::store::Store, stage: Stage) -> i64 {
    store
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.stage == stage)
        .unwrap()
        .id
}

#[test]
fn ratings_keep_levels_notes_and_order_with_an_audit_row_each() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Commissioned);
    store
        .add_rating(arena, &rating(Occasion::Check, day(11, 20), [3; 7]))
        .unwrap();
    store
        .add_rating(
            arena,
            &rating(Occasion::Baseline, day(10, 1), [2, 1, 2, 2, 3, 1, 2]),
        )
        .unwrap();
    let ratings = store.ratings(arena).unwrap();
    assert_eq!(ratings.len(), 2);
    assert_eq!(ratings[0].occasion, Occasion::Baseline, "oldest first");
    assert_eq!(ratings[0].level(Dimension::Governance), Some(3));
    assert_eq!(ratings[0].scores[1].note, "resources at 1");
    let audit: Vec<String> = store
        .arena_history(arena, 10)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "maturity")
        .map(|r| r.detail)
        .collect();
    assert_eq!(audit[1], "check 2026-11-20: 3 3 3 3 3 3 3");
    assert_eq!(audit[0], "baseline 2026-10-01: 2 1 2 2 3 1 2");
}

#[test]
fn a_level_outside_1_to_6_or_a_missing_dimension_writes_nothing() {
    let (_dir, mut store) = app::demo_store();
    let arena = arena_in(&store, Stage::Commissioned);
    let refused = store
        .add_rating(
            arena,
            &rating(Occasion::Check, day(11, 20), [3, 3, 7, 3, 3, 3, 3]),
        )
        .unwrap_err();
    assert!(matches!(refused, StoreError::MaturityLevel(ref d) if d == "activities"));
    let mut short = rating(Occasion::Check, day(11, 20), [3; 7]);
    short.scores.pop();
    assert!(store.add_rating(arena, &short).is_err());
    assert!(store.ratings(arena).unwrap().is_empty());
}

#[test]
fn an_edit_over_an_unseen_change_is_refused_with_who() {
    let (dir, mut maja) = app::demo_store();
    let arena = arena_in(&maja, Stage::Commissioned);
    let id = maja
        .add_rating(arena, &rating(Occasion::Baseline, day(11, 1), [2; 7]))
        .unwrap();
    let mut olle = app::open(&dir.path().join("demo.db"), "olle");
    olle.edit_rating(id, 1, &rating(Occasion::Baseline, day(11, 1), [3; 7]))
        .unwrap();
    let refused = maja
        .edit_rating(id, 1, &rating(Occasion::Baseline, day(11, 1), [4; 7]))
        .unwrap_err();
    assert!(matches!(refused, StoreError::Changed { ref who, .. } if who == "olle"));
    let kept = &maja.ratings(arena).unwrap()[0];
    assert_eq!((kept.level(Dimension::Goals), kept.version), (Some(3), 2));
}

#[test]
fn a_drawn_up_arena_takes_no_rating() {
    let (_dir, mut store) = app::demo_store();
    let closed = arena_in(&store, Stage::Closed);
    let before = store.ratings(closed).unwrap();
    let refused = store
        .add_rating(closed, &rating(Occasion::Check, day(11, 20), [4; 7]))
        .unwrap_err();
    assert!(matches!(refused, StoreError::DrawnUp { .. }), "{refused:?}");
    assert_eq!(store.ratings(closed).unwrap(), before);
}

#[test]
fn the_figures_count_latest_levels_and_the_change_from_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    let mut store = app::open(&path, "maja");
    let one = store.create_signal(&app::signal("One")).unwrap().id;
    let two = store.create_signal(&app::signal("Two")).unwrap().id;
    store
        .add_rating(
            one,
            &rating(Occasion::Baseline, day(6, 1), [1, 2, 2, 2, 2, 2, 2]),
        )
        .unwrap();
    store
        .add_rating(
            one,
            &rating(Occasion::Returning, day(11, 1), [4, 2, 2, 2, 2, 2, 2]),
        )
        .unwrap();
    store
        .add_rating(
            two,
            &rating(Occasion::Baseline, day(9, 1), [5, 2, 2, 2, 2, 2, 2]),
        )
        .unwrap();
    let figures = store.maturity_figures().unwrap();
    assert_eq!(figures.arenas, 2);
    let goals = &figures.dimensions[0];
    assert_eq!(goals.at_level, [0, 0, 0, 1, 1, 0]);
    assert_eq!(goals.mean_change, Some(3.0));
}

#[test]
fn migration_14_keeps_every_rating_and_its_scores_and_takes_partnerships() {
    // Given a database of the schema before partnerships (migrations 1 to 13), with a rating
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        let folder = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/puls-store/src/migrations"
        );
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|f| f.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_str().unwrap() < "014")
            .collect();
        files.sort();
        assert_eq!(files.len(), 13);
        for file in files {
            conn.execute_batch(&std::fs::read_to_string(file).unwrap())
                .unwrap();
        }
        conn.pragma_update(None, "user_version", 13).unwrap();
        conn.execute_batch(
            "INSERT INTO arenas (title, mission, stage, stage_since, signalled_by, signalled_at,
                                 updated_at, updated_by)
             VALUES ('Summer jobs', 'work', 'commissioned', '2026-06-01', 'maja', 'x', 'x', 'maja');
             INSERT INTO maturity_ratings (arena_id, rated_on, occasion, partner, updated_at, updated_by)
             VALUES (1, '2026-06-01', 'baseline', '', 'x', 'maja');
             INSERT INTO maturity_scores (rating_id, dimension, level, note)
             VALUES (1, 'goals', 2, 'apart'), (1, 'resources', 3, ''), (1, 'activities', 2, ''),
                    (1, 'communications', 1, ''), (1, 'governance', 2, ''),
                    (1, 'processes', 2, ''), (1, 'culture', 3, 'trust');",
        )
        .unwrap();
    }

    // When puls opens it
    let mut store = app::open(&path, "maja");

    // Then the rating keeps its scores, and a partnership can be rated
    let kept = store.ratings(1).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].arena, Some(1));
    assert_eq!(kept[0].scores.len(), 7);
    assert_eq!(kept[0].scores[0].note, "apart");
    assert_eq!(kept[0].level(Dimension::Culture), Some(3));
    let mut partnership = rating(Occasion::Baseline, day(7, 1), [4; 7]);
    partnership.partner = "Fryshuset".into();
    store.add_partner_rating(&partnership).unwrap();
    assert_eq!(store.maturity_figures().unwrap().partnerships, 1);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
}

#[path = "shared/cli.rs"]
pub mod cli;

/// `--level` for each dimension at `levels`, in dimension order.
fn level_args(levels: [u8; 7]) -> Vec<String> {
    Dimension::ALL
        .iter()
        .zip(levels)
        .flat_map(|(d, level)| ["--level".to_owned(), format!("{}={level}", d.code())])
        .collect()
}

#[test]
fn puls_maturity_rates_a_partnership_and_shows_its_change_as_a_chart() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("puls.db").display().to_string();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        cli::run_in(home.path(), &all, env)
    };
    let first = level_args([2, 3, 2, 1, 2, 2, 3]);
    let mut rate = vec!["maturity", "rate", "Fryshuset", "--on", "2026-06-01"];
    rate.extend(first.iter().map(String::as_str));
    let saved = run(&rate, &[]);
    assert!(saved.status.success(), "{saved:?}");
    let mut second = level_args([4, 3, 2, 3, 2, 2, 5]);
    *second.last_mut().unwrap() = "culture=5 we share a room".into();
    let mut rate = vec!["maturity", "rate", "fryshuset", "--on", "2026-11-02"];
    rate.extend(second.iter().map(String::as_str));
    let saved = run(&rate, &[]);
    assert!(saved.status.success(), "{saved:?}");

    let shown = cli::stdout(&run(&["maturity", "show", "FRYSHUSET"], &[]));
    let listed = cli::stdout(&run(&["maturity", "partnerships"], &[]));
    let swedish = cli::stdout(&run(
        &["maturity", "partnerships"],
        &[("LC_ALL", "sv_SE.UTF-8")],
    ));

    assert_eq!(
        shown,
        "Partnering maturity with fryshuset
  A baseline 2026-06-01
  B check 2026-11-02
  Goals          A ##.... 2 B ####.. 4  +2 since baseline
  Resources      A ###... 3 B ###... 3  no change
  Activities     A ##.... 2 B ##.... 2  no change
  Information    A #..... 1 B ###... 3  +2 since baseline
  Governance     A ##.... 2 B ##.... 2  no change
  Processes      A ##.... 2 B ##.... 2  no change
  Culture        A ###... 3 B #####. 5  +2 since baseline
  B Culture: we share a room
"
    );
    assert_eq!(listed, "fryshuset · 2 ratings, latest 2026-11-02\n");
    assert_eq!(swedish, "fryshuset · 2 skattningar, senast 2026-11-02\n");
}

#[test]
fn puls_maturity_refuses_a_missing_dimension_an_unknown_one_and_an_unrated_partner() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("puls.db").display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        cli::run_in(home.path(), &all, &[])
    };
    let missing = run(&["maturity", "rate", "Fryshuset", "--level", "goals=3"]);
    let unknown = run(&["maturity", "rate", "Fryshuset", "--level", "goal=3"]);
    let unrated = run(&["maturity", "show", "Nobody"]);

    for refused in [&missing, &unknown, &unrated] {
        assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    }
    assert!(
        cli::stderr(&missing).contains("every dimension once"),
        "{missing:?}"
    );
    assert!(
        cli::stderr(&unknown).contains("\"goal\" is no dimension"),
        "{unknown:?}"
    );
    assert!(
        cli::stderr(&unrated).contains("No partnership with \"Nobody\" is rated"),
        "{unrated:?}"
    );
    assert!(cli::stdout(&run(&["maturity", "partnerships"])).is_empty());
}

#[test]
fn the_partnerships_are_read_through_the_arenas_index_in_order() {
    let (_dir, path) = app::demo_db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let plan: Vec<String> = conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT id, arena_id, rated_on, occasion, partner, version
               FROM maturity_ratings WHERE arena_id IS NULL ORDER BY rated_on, id",
        )
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        plan,
        ["SEARCH maturity_ratings USING INDEX maturity_by_arena (arena_id=?)"]
    );
}
