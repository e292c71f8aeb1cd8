//! The store on real SQLite files: the schema, files refused, the data version, old files
//! migrated, bulk loads. What every backend does is in the conformance suite (tests/conformance/).

use puls::store::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use puls::domain::clock::FixedClock;
use puls::store::{NewSignal, Store, StoreError};

#[path = "shared/app.rs"]
pub mod app;
use app::open;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn signal(title: &str) -> NewSignal {
    NewSignal {
        title: title.into(),
        need: "A need that takes several units".into(),
        mission: "LF".into(),
        signalled_by: "Per Holm".into(),
        manager: String::new(),
        target_date: None,
    }
}

#[test]
fn migrates_an_empty_file_and_opens_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = open(&path, "maja");
    assert!(store.is_empty().unwrap());
    drop(store);
    let again = open(&path, "maja");
    assert!(again.board_cards(true).unwrap().is_empty());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_new_database_is_readable_by_its_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("puls.db");
    open(&path, "maja");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn refuses_a_database_anyone_may_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.db");
    open(&path, "maja");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let err = Store::open(&path, "maja", Arc::new(FixedClock(at(23, 9))))
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::WorldWritable(_)), "{err}");
}

#[test]
fn says_plainly_when_a_file_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(
        &path,
        "these are my notes, not a database, and long enough to look like one at all",
    )
    .unwrap();
    let err = Store::open(&path, "maja", Arc::new(FixedClock(at(23, 9))))
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err:?}");
}

#[test]
fn refuses_a_database_from_a_newer_puls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    open(&path, "maja");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let err = Store::open(&path, "maja", Arc::new(FixedClock(at(23, 9))))
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::TooNew(_)), "{err:?}");
}

#[test]
fn another_sessions_commit_changes_the_data_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let maja = open(&path, "maja");
    let mut jonas = open(&path, "jonas");
    let before = maja.data_version().unwrap();
    jonas.create_signal(&signal("Lights out")).unwrap();
    assert_ne!(maja.data_version().unwrap(), before);
    assert_eq!(maja.board_cards(false).unwrap().len(), 1);
}

mod roster {
    use super::*;

    #[test]
    fn migrating_a_foundation_database_keeps_its_people_and_units() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            let migrations = rusqlite_migration::Migrations::new(vec![rusqlite_migration::M::up(
                include_str!("../crates/puls-store/src/migrations/001_foundation.sql"),
            )]);
            migrations.to_latest(&mut conn).unwrap();
            conn.execute(
                "INSERT INTO people (name, unit, role, created_at, updated_at, updated_by)
                 VALUES ('Maja', 'Learning & family', 'Coordinator', 'x', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        let store = open(&path, "maja");
        let maja = &store.roster_people().unwrap()[0];
        assert_eq!(maja.unit.as_deref(), Some("Learning & family"));
        assert_eq!(maja.role, "Coordinator");
        assert!(maja.active);
    }
}

#[test]
fn a_bulk_load_lands_whole_or_not_at_all() {
    use chrono::TimeZone;
    use puls::store::bulk::{BulkAudit, BulkUnit};
    // Given an empty database
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk.db");
    let mut store = open(&path, "maja");
    let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let unit = |id, name| BulkUnit {
        id,
        name,
        external: false,
        at,
        by: "maja",
    };

    // When a load fails on its second row (the same id twice), nothing of it is kept
    let failed = store.bulk_load(|out| {
        out.unit(&unit(1, "Skola"))?;
        out.unit(&unit(1, "Skola igen"))
    });
    assert!(failed.is_err());
    assert!(store.units().unwrap().is_empty(), "half a load was kept");

    // And a whole load is kept, its history masked like every other row of history
    store
        .bulk_load(|out| {
            out.unit(&unit(1, "Skola"))?;
            out.audit(&BulkAudit {
                at,
                who: "maja",
                entity: "arena",
                entity_id: 1,
                action: "note",
                detail: "called about 850709-9805",
            })
        })
        .unwrap();
    assert_eq!(store.units().unwrap().len(), 1);
    let history = store.history(None, None, 10).unwrap();
    assert_eq!(history.last().unwrap().detail, "called about [masked]");
}
