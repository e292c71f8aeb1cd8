//! The store on real SQLite files: schema, changes, audit rows, versions, two sessions at once.

use puls::store::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use puls::domain::arena::{Refusal, Stage};
use puls::domain::clock::FixedClock;
use puls::domain::decision::DecisionProblem;
use puls::store::{ArenaEdit, NewSignal, Store, StoreError};

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
        manager: String::new(),
        target_date: None,
    }
}

fn commissionable(title: &str, coordinator: &str) -> ArenaEdit {
    ArenaEdit {
        title: title.into(),
        need: "need".into(),
        mission: "LF".into(),
        coordinator: Some(coordinator.into()),
        mandate: "Work within three months".into(),
        target_date: NaiveDate::from_ymd_opt(2027, 1, 31),
        participating: vec![],
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
fn a_signal_gets_the_next_number_and_an_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = open(&path, "maja");
    let first = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let second = store.create_signal(&signal("Boy falling behind")).unwrap();
    assert_eq!((first.id, second.id), (1, 2));
    assert_eq!(first.stage, Stage::Signal);
    assert_eq!(first.version, 1);
    let history = store.arena_history(1, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].who.as_str(), history[0].action.as_str()),
        ("maja", "signal")
    );
}

#[test]
fn stored_text_loses_its_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("p.db"), "maja");
    let arena = store
        .create_signal(&signal("Lights\x1b[2J out\x07"))
        .unwrap();
    assert_eq!(arena.title, "Lights[2J out");
}

#[test]
fn commission_records_who_commissioned_and_bumps_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = open(&path, "maja");
    let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let a = store
        .edit_arena(
            a.id,
            a.version,
            &commissionable("Newcomer needs work", "Maja Lindqvist"),
        )
        .unwrap();
    assert_eq!(a.version, 2);
    assert_eq!(a.coordinator.as_deref(), Some("Maja Lindqvist"));
    let a = store
        .commission(a.id, a.version, &app::decision("Maja Lindqvist"))
        .unwrap();
    assert_eq!(a.stage, Stage::Commissioned);
    assert_eq!(
        a.commissioned_by.as_deref(),
        Some("Strategic coordination group")
    );
    assert_eq!(a.version, 3);
    // signal + person added + coordinator appointed + edit + decision + move
    assert_eq!(audit_count(&path), 6);
}

#[test]
fn a_refused_move_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = open(&path, "maja");
    let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let err = store
        .move_arena(a.id, a.version, Stage::Commissioned)
        .err()
        .unwrap();
    assert!(matches!(&err, StoreError::Refused(r) if r == &vec![Refusal::NeedsDecision]));
    let mut lacking = app::decision(" ");
    lacking.mandate.clear();
    let err = store.commission(a.id, a.version, &lacking).err().unwrap();
    assert!(
        matches!(&err, StoreError::DecisionRefused(p) if p == &vec![DecisionProblem::NoCoordinator, DecisionProblem::NoMandate]),
        "{err:?}"
    );
    assert_eq!(store.arena(a.id).unwrap(), a);
    assert_eq!(audit_count(&path), 1);
}

#[test]
fn declining_keeps_the_reason_and_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("p.db"), "maja");
    let a = store
        .create_signal(&signal("A pool at the care home"))
        .unwrap();
    let on = app::now().date_naive();
    assert!(matches!(
        store.decline(a.id, a.version, &app::ssg(), on, "  "),
        Err(StoreError::Refused(r)) if r == vec![Refusal::NoDeclineReason]
    ));
    let d = store
        .decline(
            a.id,
            a.version,
            &app::ssg(),
            on,
            "Facility management handles it",
        )
        .unwrap();
    assert_eq!(d.stage, Stage::Declined);
    assert_eq!(
        d.decline_reason.as_deref(),
        Some("Facility management handles it")
    );
    assert!(store.board_cards(false).unwrap().is_empty());
    assert_eq!(store.board_cards(true).unwrap().len(), 1);
}

#[test]
fn a_second_session_saving_over_an_unseen_change_is_refused_with_who_and_when() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut maja = Store::open(&path, "maja", Arc::new(FixedClock(at(23, 9)))).unwrap();
    let mut jonas = Store::open(&path, "jonas", Arc::new(FixedClock(at(23, 10)))).unwrap();
    let a = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let seen_by_maja = maja.arena(a.id).unwrap();
    jonas
        .edit_arena(
            a.id,
            a.version,
            &commissionable("Jonas's title", "Jonas Ekberg"),
        )
        .unwrap();
    let err = maja
        .edit_arena(
            seen_by_maja.id,
            seen_by_maja.version,
            &commissionable("Maja's title", "Maja Lindqvist"),
        )
        .err()
        .unwrap();
    match err {
        StoreError::Conflict { id, who, at: when } => {
            assert_eq!((id, who.as_str(), when), (a.id, "jonas", at(23, 10)));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(maja.arena(a.id).unwrap().title, "Jonas's title");
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
fn restore_puts_an_arena_back_unless_someone_changed_it_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut maja = open(&path, "maja");
    let mut jonas = open(&path, "jonas");
    let before = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let after = maja
        .edit_arena(
            before.id,
            before.version,
            &commissionable("Renamed", "Maja Lindqvist"),
        )
        .unwrap();
    let restored = maja.restore_arena(after.version, &before).unwrap();
    assert_eq!(
        (restored.title.as_str(), restored.coordinator.as_deref()),
        ("Newcomer needs work", None)
    );
    let later = jonas
        .edit_arena(
            restored.id,
            restored.version,
            &commissionable("Jonas edit", "Jonas Ekberg"),
        )
        .unwrap();
    assert!(matches!(
        maja.restore_arena(restored.version, &after),
        Err(StoreError::Conflict { who, .. }) if who == "jonas"
    ));
    assert_eq!(maja.arena(later.id).unwrap().title, "Jonas edit");
}

#[test]
fn a_removed_signal_number_is_never_given_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("p.db"), "maja");
    let a = store.create_signal(&signal("Oops")).unwrap();
    store.delete_signal(a.id, a.version).unwrap();
    let b = store.create_signal(&signal("Real one")).unwrap();
    assert_eq!(b.id, a.id + 1);
    assert!(matches!(
        store.arena(a.id),
        Err(StoreError::ArenaNotFound(_))
    ));
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
    use puls::domain::roster::{Level, NeedStatus};
    use puls::store::{NewAllocation, PersonEdit};

    fn person(name: &str, capacity: u32, competences: &[(&str, Level)]) -> PersonEdit {
        PersonEdit {
            name: name.into(),
            unit: "Learning & family".into(),
            role: "Social worker".into(),
            contact: String::new(),
            capacity,
            coordinator: false,
            competences: competences
                .iter()
                .map(|(c, l)| ((*c).to_owned(), *l))
                .collect(),
        }
    }

    fn allocate(
        store: &mut Store,
        person: i64,
        arena: i64,
        competence: Option<i64>,
        percent: u32,
        from: u32,
        to: Option<u32>,
    ) {
        store
            .allocate(&NewAllocation {
                person_id: person,
                arena_id: arena,
                competence_id: competence,
                percent,
                from: NaiveDate::from_ymd_opt(2026, 11, from).unwrap(),
                to: to.map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap()),
            })
            .unwrap();
    }

    #[test]
    fn load_counts_only_allocations_running_today() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        store
            .add_competence("Social worker", "Social services")
            .unwrap();
        let karin = store
            .add_person(&person(
                "Karin",
                30,
                &[("Social worker", Level::Experienced)],
            ))
            .unwrap();
        let a = store.create_signal(&signal("One")).unwrap();
        let b = store.create_signal(&signal("Two")).unwrap();
        allocate(&mut store, karin, a.id, None, 20, 1, None);
        allocate(&mut store, karin, b.id, None, 20, 1, Some(30));
        allocate(&mut store, karin, b.id, None, 50, 1, Some(22));
        allocate(&mut store, karin, b.id, None, 50, 24, None);
        let row = store.person(karin).unwrap();
        assert_eq!((row.load.allocated, row.load.capacity), (40, 30));
        assert!(row.load.is_over());
        assert_eq!(row.arenas, vec![(a.id, 20), (b.id, 20)]);
    }

    #[test]
    fn an_allocation_fills_the_first_open_need_and_a_gap_lists_the_arena() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let nurse = store.add_competence("School nurse", "Health").unwrap();
        let nora = store
            .add_person(&person("Nora", 20, &[("School nurse", Level::Experienced)]))
            .unwrap();
        let a = store.create_signal(&signal("Boy falling behind")).unwrap();
        store
            .add_need(a.id, "school NURSE", "health at school")
            .unwrap();
        store
            .add_need(a.id, "School nurse", "a second one")
            .unwrap();
        let gaps = &store.roster_competences().unwrap()[0].gaps;
        assert_eq!(
            gaps,
            &vec![(a.id, a.title.clone()), (a.id, a.title.clone())]
        );
        allocate(&mut store, nora, a.id, Some(nurse), 10, 1, None);
        let needs = store.arena_needs(a.id).unwrap();
        assert_eq!(needs[0].status, NeedStatus::Filled);
        assert_eq!(needs[0].person.as_deref(), Some("Nora"));
        assert_eq!(needs[1].status, NeedStatus::Needed);
        assert_eq!(store.board_cards(false).unwrap()[0].gaps(), 1);
        assert_eq!(store.board_cards(false).unwrap()[0].team, 1);
        assert_eq!(store.arena(a.id).unwrap().team, 1);
    }

    #[test]
    fn candidates_come_best_fit_first_and_inactive_people_never() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let teacher = store
            .add_competence("Special-needs teacher", "Education")
            .unwrap();
        let held = [("Special-needs teacher", Level::Experienced)];
        let busy = store.add_person(&person("Busy Expert", 20, &held)).unwrap();
        store.add_person(&person("Free Expert", 20, &held)).unwrap();
        store
            .add_person(&person(
                "Novice",
                50,
                &[("Special-needs teacher", Level::Aware)],
            ))
            .unwrap();
        let gone = store.add_person(&person("Gone Expert", 50, &held)).unwrap();
        let version = store.person(gone).unwrap().version;
        store.set_person_active(gone, version, false).unwrap();
        let a = store.create_signal(&signal("Boy falling behind")).unwrap();
        let b = store.create_signal(&signal("Other")).unwrap();
        allocate(&mut store, busy, b.id, None, 15, 1, None);
        let names: Vec<String> = store
            .candidates(a.id, teacher)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["Free Expert", "Busy Expert", "Novice"]);
    }

    #[test]
    fn a_person_with_allocations_can_only_be_deactivated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let mut store = open(&path, "maja");
        let karin = store.add_person(&person("Karin", 30, &[])).unwrap();
        let a = store.create_signal(&signal("One")).unwrap();
        allocate(&mut store, karin, a.id, None, 10, 1, None);
        let version = store.person(karin).unwrap().version;
        assert!(matches!(
            store.delete_person(karin, version),
            Err(StoreError::PersonHasAllocations(_))
        ));
        store.set_person_active(karin, version, false).unwrap();
        assert!(!store.person(karin).unwrap().active);
        let lone = store.add_person(&person("Lone", 30, &[])).unwrap();
        store.delete_person(lone, 1).unwrap();
        assert!(matches!(
            store.person(lone),
            Err(StoreError::PersonNotFound(_))
        ));
        let conn = rusqlite::Connection::open(&path).unwrap();
        let actions: Vec<String> = conn
            .prepare("SELECT action FROM audit WHERE entity = 'person' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(actions, ["create", "deactivate", "create", "delete"]);
    }

    #[test]
    fn an_unknown_competence_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let mut store = open(&path, "maja");
        let err = store
            .add_person(&person("Karin", 30, &[("Astronaut", Level::Teaches)]))
            .err()
            .unwrap();
        assert!(
            matches!(err, StoreError::UnknownCompetence(ref c) if c == "Astronaut"),
            "{err:?}"
        );
        assert!(store.roster_people().unwrap().is_empty());
        assert_eq!(audit_count(&path), 0);
    }

    #[test]
    fn releasing_a_member_ends_the_allocation_and_releases_the_need() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let nurse = store.add_competence("School nurse", "Health").unwrap();
        let nora = store
            .add_person(&person("Nora", 20, &[("School nurse", Level::Experienced)]))
            .unwrap();
        let a = store.create_signal(&signal("Boy falling behind")).unwrap();
        store.add_need(a.id, "School nurse", "").unwrap();
        allocate(&mut store, nora, a.id, Some(nurse), 10, 1, None);
        let member = store.arena_team(a.id).unwrap().remove(0);
        store.release(member.allocation_id).unwrap();
        assert!(store.arena_team(a.id).unwrap().is_empty());
        assert_eq!(
            store.arena_needs(a.id).unwrap()[0].status,
            NeedStatus::Released
        );
        assert_eq!(store.person(nora).unwrap().load.allocated, 0);
    }

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
    use puls::domain::puls::{ActivityStatus, Gap, Mark, Step};
    use puls::store::{ActivityEdit, ContactEdit, CriterionEdit, Proactivity};

    fn activity(text: &str) -> ActivityEdit {
        ActivityEdit {
            text: text.into(),
            owner: "Maja".into(),
            due: None,
        }
    }

    #[test]
    fn a_program_is_written_step_by_step_and_summarised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let mut store = open(&path, "maja");
        let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
        let a = store
            .edit_arena(
                a.id,
                a.version,
                &commissionable("Newcomer needs work", "Maja"),
            )
            .unwrap();
        store
            .set_proactivity(
                a.id,
                a.version,
                &Proactivity {
                    recipient: "LF-2026-014".into(),
                    lead: Some("maja".into()),
                    rhythm_days: Some(14),
                },
            )
            .unwrap();
        store
            .add_contact(
                a.id,
                &ContactEdit {
                    on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                    channel: "phone".into(),
                    summary: "Talked about the course".into(),
                    by: "Maja".into(),
                },
            )
            .unwrap();
        let first = store
            .add_activity(a.id, &activity("Book the course"))
            .unwrap();
        store
            .add_activity(a.id, &activity("Find a placement"))
            .unwrap();
        store
            .set_activity_status(first, 1, ActivityStatus::Done, "")
            .unwrap();
        let plan = store.plan(a.id).unwrap();
        assert_eq!(plan.proactivity.lead.as_deref(), Some("Maja"));
        assert_eq!(plan.last_contact(), NaiveDate::from_ymd_opt(2026, 11, 20));
        let summary = plan.summary();
        assert_eq!(summary.mark(Step::Proactivity), Mark::Complete);
        assert_eq!(summary.mark(Step::Service), Mark::Partly { done: 1, of: 2 });
        assert_eq!(summary.gaps(Step::Learning), vec![Gap::NoCriteria]);
        assert_eq!(store.arena(a.id).unwrap().plan, summary);
        assert_eq!(store.board_cards(false).unwrap()[0].plan, summary);
    }

    #[test]
    fn activities_reorder_and_a_blocked_one_keeps_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let a = store.create_signal(&signal("One")).unwrap();
        let first = store.add_activity(a.id, &activity("First")).unwrap();
        store.add_activity(a.id, &activity("Second")).unwrap();
        assert!(store.move_activity(first, false).unwrap());
        assert!(!store.move_activity(first, false).unwrap(), "already last");
        let texts: Vec<String> = store
            .plan(a.id)
            .unwrap()
            .activities
            .into_iter()
            .map(|a| a.text)
            .collect();
        assert_eq!(texts, ["Second", "First"]);
        let version = store.plan(a.id).unwrap().activities[1].version;
        store
            .set_activity_status(
                first,
                version,
                ActivityStatus::Blocked,
                "waiting for a permit",
            )
            .unwrap();
        let blocked = store.plan(a.id).unwrap().activities[1].clone();
        assert_eq!(
            (blocked.status, blocked.blocked_reason.as_str()),
            (ActivityStatus::Blocked, "waiting for a permit")
        );
        store
            .set_activity_status(first, blocked.version, ActivityStatus::Done, "")
            .unwrap();
        assert_eq!(store.plan(a.id).unwrap().activities[1].blocked_reason, "");
    }

    #[test]
    fn a_stale_plan_row_is_refused_with_who_changed_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        let mut maja = open(&path, "maja");
        let mut jonas = open(&path, "jonas");
        let a = maja.create_signal(&signal("One")).unwrap();
        let criterion = CriterionEdit {
            text: "He attends the course".into(),
            measure: "attendance".into(),
            target: "80%".into(),
            result: String::new(),
            no_result_reason: String::new(),
            met: None,
        };
        let id = maja.add_criterion(a.id, &criterion).unwrap();
        let with_result = CriterionEdit {
            result: "85%".into(),
            ..criterion.clone()
        };
        jonas.edit_criterion(id, 1, &with_result).unwrap();
        let err = maja.edit_criterion(id, 1, &criterion).err().unwrap();
        assert!(
            matches!(err, StoreError::Changed { ref who, .. } if who == "jonas"),
            "{err:?}"
        );
        assert_eq!(maja.plan(a.id).unwrap().criteria[0].result, "85%");
        maja.delete_criterion(id, 2).unwrap();
        assert!(matches!(
            jonas.delete_criterion(id, 2),
            Err(StoreError::Removed(_))
        ));
    }

    #[test]
    fn the_lead_must_be_on_the_roster() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let a = store.create_signal(&signal("One")).unwrap();
        let p = Proactivity {
            recipient: "LF-1".into(),
            lead: Some("Nobody".into()),
            rhythm_days: None,
        };
        assert!(matches!(
            store.set_proactivity(a.id, a.version, &p),
            Err(StoreError::UnknownPerson(_))
        ));
        assert_eq!(store.plan(a.id).unwrap().proactivity.recipient, "");
    }

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
            .move_arena(1, arena.version, Stage::Returning)
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
