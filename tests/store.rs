//! The store on real SQLite files: schema, changes, audit rows, versions, two sessions at once.

use puls::store::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use puls::domain::arena::Stage;
use puls::domain::clock::FixedClock;
use puls::store::{NewSignal, Store, StoreError};

#[path = "shared/app.rs"]
pub mod app;
use app::{demo_db, open};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn signal(title: &str) -> NewSignal {
    NewSignal {
        title: title.into(),
        need: "A need that takes several units".into(),
        mission: "LF".into(),
        signalled_by: "Per Holm".into(),
        target_date: None,
    }
}

fn audit_count(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
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

#[test]
fn the_demo_fills_every_stage_and_every_mission() {
    let (_dir, path) = demo_db();
    let store = open(&path, "maja");
    let cards = store.board_cards(true).unwrap();
    assert!(cards.len() >= 13, "{}", cards.len());
    for stage in Stage::FLOW.into_iter().chain([Stage::Declined]) {
        assert!(
            cards.iter().any(|c| c.stage == stage),
            "no arena in {stage:?}"
        );
    }
    for mission in ["LF", "HC", "CD"] {
        assert!(
            cards.iter().any(|c| c.mission == mission),
            "no arena in {mission}"
        );
    }
    assert_eq!(
        store.meta(puls::demo::DEMO_MARK).unwrap().as_deref(),
        Some("1")
    );
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

mod plan {
    use super::*;
    use puls::domain::arena::Stage;
    use puls::domain::puls::Gap;

    #[test]
    fn returning_is_refused_until_every_criterion_has_a_result_or_reason() {
        let (_dir, path) = demo_db();
        let mut store = open(&path, "maja");
        let active = store
            .board_cards(false)
            .unwrap()
            .into_iter()
            .find(|c| c.id == 1)
            .unwrap();
        assert_eq!(active.stage, Stage::Active);
        let arena = store.arena(1).unwrap();
        let err = store
            .move_arena(1, arena.version, Stage::Returning, "SSG")
            .err()
            .unwrap();
        assert!(
            matches!(&err, StoreError::Refused(r) if r == &vec![puls::domain::arena::Refusal::Plan(Gap::CriteriaWithoutResult(3))]),
            "{err:?}"
        );
    }
}

#[test]
fn a_write_about_an_arena_that_does_not_exist_writes_nothing() {
    use puls::store::{ActivityEdit, ContactEdit, CriterionEdit};
    // Given the demo, and a number no arena has
    let (_dir, path) = demo_db();
    let mut store = open(&path, "maja");
    let missing = 99_999;
    let before = audit_count(&path);

    // When every write that names an arena is asked about that number
    let contact = ContactEdit {
        on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        channel: "phone".into(),
        summary: "Spoke with the family".into(),
        by: "maja".into(),
    };
    let criterion = CriterionEdit {
        text: "Attendance".into(),
        measure: "days".into(),
        target: "90%".into(),
        result: String::new(),
        no_result_reason: String::new(),
        met: None,
    };
    let activity = ActivityEdit {
        text: "Meet the school".into(),
        owner: "maja".into(),
        due: None,
    };
    let attempts: Vec<(&str, bool)> = vec![
        ("start_standup", store.start_standup(missing).is_err()),
        (
            "record_personal_data",
            store
                .record_personal_data(missing, "need", "personal identity number")
                .is_err(),
        ),
        (
            "add_need",
            store.add_need(missing, "School nurse", "x").is_err(),
        ),
        ("add_contact", store.add_contact(missing, &contact).is_err()),
        (
            "add_criterion",
            store.add_criterion(missing, &criterion).is_err(),
        ),
        (
            "add_activity",
            store.add_activity(missing, &activity).is_err(),
        ),
        ("open_restricted", store.open_restricted(missing).is_err()),
    ];

    // Then each is refused, and not one row of history was written
    for (write, refused) in attempts {
        assert!(refused, "{write} accepted arena #{missing}");
    }
    assert_eq!(audit_count(&path), before);
}

#[test]
fn a_refused_stand_up_leaves_since_last_as_it_was() {
    // Given an arena whose stand-up was held once
    let (_dir, path) = demo_db();
    let mut store = open(&path, "maja");
    let id = store.board_cards(false).unwrap()[0].id;
    let first = store.start_standup(id).unwrap();

    // When a stand-up about a missing arena is refused
    assert!(matches!(
        store.start_standup(99_999),
        Err(StoreError::ArenaNotFound(99_999))
    ));

    // Then the next stand-up about the arena still counts from the one held
    let since = store.start_standup(id).unwrap();
    assert!(
        since.is_some(),
        "the held stand-up was forgotten ({first:?})"
    );
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
