//! Writing an arena's PULS program out, as Markdown for people and JSON for another database.

use puls::config::Config;
use puls::domain::text::TitleProblem;
use puls::store::prelude::*;
use puls::store::{ArenaRecord, RecordProblem, StoreError, record_problems};

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use app::demo_store;

#[test]
fn the_first_example_arena_reads_as_a_markdown_program() {
    let (_dir, store) = demo_store();
    let arena = store.arena(1).unwrap();
    let plan = store.plan(1).unwrap();
    let team = store.arena_team(1).unwrap();
    let md = puls::export::arena_markdown(
        &arena,
        &plan,
        &team,
        &Config::default(),
        store.today(),
        None,
    );
    assert!(md.contains("## P — Proactivity ✓"), "{md}");
    assert!(
        md.contains("| Arrange trauma support | Karin Svedberg |"),
        "{md}"
    );
    insta::assert_snapshot!(md);
}

#[test]
fn a_pipe_or_newline_in_a_cell_cannot_break_the_table() {
    let (_dir, mut store) = demo_store();
    let plan = store.plan(1).unwrap();
    let first = &plan.activities[0];
    let edit = puls::store::ActivityEdit {
        text: "Split | the\ntable".into(),
        owner: first.owner.clone(),
        due: first.due,
    };
    store.edit_activity(first.id, first.version, &edit).unwrap();
    let md = puls::export::arena_markdown(
        &store.arena(1).unwrap(),
        &store.plan(1).unwrap(),
        &[],
        &Config::default(),
        store.today(),
        None,
    );
    assert!(md.contains("| Split \\| the table |"), "{md}");
}

#[test]
fn json_round_trips_through_import_into_another_database() {
    let (_dir, store) = demo_store();
    let record = store.arena_record(1).unwrap();
    let json = serde_json::to_string_pretty(&record).unwrap();

    let other = tempfile::tempdir().unwrap();
    let mut target = app::open(&other.path().join("other.db"), "jonas");
    let read: ArenaRecord = serde_json::from_str(&json).unwrap();
    let id = target.import_arena(&read).unwrap();

    assert_eq!(target.arena_record(id).unwrap(), record);
    assert!(
        target
            .roster_competences()
            .unwrap()
            .iter()
            .any(|c| c.name == "Trauma counsellor")
    );
}

#[test]
fn a_record_from_a_newer_puls_or_with_a_bad_stage_is_refused_whole() {
    let (_dir, mut store) = demo_store();
    let before = store.board_cards(true).unwrap().len();
    let mut record = store.arena_record(1).unwrap();
    record.format = 99;
    assert!(matches!(
        store.import_arena(&record),
        Err(StoreError::RecordTooNew(99))
    ));
    record.format = 1;
    record.activities[2].status = "maybe".into();
    assert!(matches!(
        store.import_arena(&record),
        Err(StoreError::BadRecord(_))
    ));
    // A decision dated outside the calendar puls keeps is a problem too, named by its place.
    record.activities[2].status = "done".into();
    let decision = record.decision.as_mut().expect("arena 1 was decided");
    decision.until = chrono::NaiveDate::from_ymd_opt(12000, 1, 1);
    let problems = record_problems(&record);
    assert!(
        matches!(
            problems.as_slice(),
            [RecordProblem::Date {
                place: puls::store::DatePlace::Decision,
                ..
            }]
        ),
        "{problems:?}"
    );
    assert!(store.import_arena(&record).is_err());
    assert_eq!(
        store.board_cards(true).unwrap().len(),
        before,
        "nothing half imported"
    );
}

#[test]
fn a_record_with_an_unknown_need_status_is_refused_whole_not_made_a_need() {
    let (_dir, mut store) = demo_store();
    let before = store.board_cards(true).unwrap().len();
    let mut record = store.arena_record(1).unwrap();
    record.needs[1].status = "open".into();

    let imported = store.import_arena(&record);

    assert!(
        matches!(imported, Err(StoreError::BadRecord(_))),
        "{imported:?}"
    );
    assert_eq!(store.board_cards(true).unwrap().len(), before);
}

#[test]
fn record_problems_lists_every_unknown_code_and_where_it_is() {
    let (_dir, store) = demo_store();
    let mut record = store.arena_record(1).unwrap();
    assert_eq!(record_problems(&record), []);
    record.title = " ".into();
    record.stage = "lost".into();
    record.needs[1].status = "open".into();
    record.activities[2].status = "maybe".into();

    assert_eq!(
        record_problems(&record),
        [
            RecordProblem::Title(TitleProblem::Empty),
            RecordProblem::Stage("lost".into()),
            RecordProblem::NeedStatus {
                need: 2,
                found: "open".into()
            },
            RecordProblem::ActivityStatus {
                activity: 3,
                found: "maybe".into()
            },
        ]
    );
    record.format = 99;
    assert_eq!(record_problems(&record), [RecordProblem::TooNew(99)]);
}

#[test]
fn the_cli_exports_json_that_it_imports_into_another_database() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| cli::run_in(dir.path(), args, &[]);
    let demo = dir.path().join("demo.db").display().to_string();
    let other = dir.path().join("other.db").display().to_string();
    let json = dir.path().join("arena.json").display().to_string();
    assert!(
        run(&[
            "--demo", "--db", &demo, "export", "arena", "#3", "--format", "json", "--out", &json
        ])
        .status
        .success()
    );
    // The demo's need tells of the daughter's eating disorder: health data, allowed on purpose.
    let imported = run(&["--db", &other, "import", &json, "--allow-personal-data"]);
    assert_eq!(
        String::from_utf8_lossy(&imported.stdout),
        "Imported as arena #1.\n"
    );
    let md = run(&["--db", &other, "export", "arena", "1"]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.starts_with("# #1 A family stuck between a plot and a detailed plan"),
        "{md}"
    );
    // A number that names no arena is a wrong argument (issue 19: exit 2, as README says).
    let missing = run(&["--db", &other, "export", "arena", "7"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("arena #7 does not exist"));
}
