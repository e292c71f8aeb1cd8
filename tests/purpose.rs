//! Purposes: arenas grouped under one, what purpose meetings record against it, and
//! `puls agenda purpose ID`, the purpose meeting's agenda as Markdown.

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;

use chrono::NaiveDate;
use puls::config::Config;
use puls::store::prelude::*;
use puls::store::{NoteKind, StoreError};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

#[test]
fn an_arena_serves_one_purpose_at_a_time_and_the_change_is_audited() {
    let (_dir, mut store) = app::demo_store();
    let first = store.add_purpose("Safe at home", "").unwrap();
    let second = store.add_purpose("Healthy ageing", "").unwrap();
    store.set_purpose(4, Some(first)).unwrap();
    store.set_purpose(4, Some(second)).unwrap();
    assert!(store.purpose_arenas(first).unwrap().is_empty());
    assert_eq!(store.purpose_arenas(second).unwrap(), [4]);
    let audit: Vec<String> = store
        .arena_history(4, 5)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "purpose")
        .map(|r| r.detail)
        .collect();
    assert_eq!(audit, ["Healthy ageing", "Safe at home"]);
    store.set_purpose(4, None).unwrap();
    assert!(store.purpose_arenas(second).unwrap().is_empty());
}

#[test]
fn a_drawn_up_arena_keeps_its_purpose_and_an_unknown_purpose_is_refused() {
    let (_dir, mut store) = app::demo_store();
    let purpose = store.add_purpose("Safe at home", "").unwrap();
    let closed = store
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.stage == puls::domain::arena::Stage::Closed)
        .unwrap()
        .id;
    assert!(matches!(
        store.set_purpose(closed, Some(purpose)).unwrap_err(),
        StoreError::DrawnUp { .. }
    ));
    assert!(matches!(
        store.set_purpose(4, Some(999)).unwrap_err(),
        StoreError::PurposeNotFound(999)
    ));
    assert!(store.purpose_arenas(purpose).unwrap().is_empty());
}

#[test]
fn notes_dilemmas_and_decisions_are_kept_in_date_order_and_audited() {
    let (_dir, mut store) = app::demo_store();
    let purpose = store.add_purpose("Safe at home", "").unwrap();
    store
        .add_purpose_note(
            purpose,
            NoteKind::Decision,
            day(11, 20),
            "One contact person",
        )
        .unwrap();
    store
        .add_purpose_note(purpose, NoteKind::Dilemma, day(11, 2), "Who pays?")
        .unwrap();
    let notes = store.purpose_notes(purpose).unwrap();
    assert_eq!(notes[0].kind, NoteKind::Dilemma);
    assert_eq!(notes[1].text, "One contact person");
    assert_eq!(notes[1].by, "maja");
    assert!(matches!(
        store
            .add_purpose_note(purpose, NoteKind::Note, day(11, 2), "  ")
            .unwrap_err(),
        StoreError::NoteMissing
    ));
    let history = store.history(None, None, 50).unwrap();
    assert!(
        history
            .iter()
            .any(|r| r.entity == "purpose" && r.action == "dilemma")
    );
}

#[test]
fn the_purpose_meetings_agenda_reads_as_a_markdown_document() {
    let (_dir, store) = app::demo_store();
    let purpose = store.purposes().unwrap()[0].id;
    let agenda = puls::cli::purpose_agenda::gather(&store, purpose).unwrap();
    let markdown = puls::export::purpose_agenda_markdown(&agenda, &Config::default());
    assert!(markdown.starts_with("# Purpose meeting: Every young person in school or work"));
    assert!(
        markdown.contains("## Arenas under the purpose (4)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("**Dilemmas raised in reviews:**"),
        "{markdown}"
    );
    assert!(markdown.contains("### Decisions"), "{markdown}");
    insta::assert_snapshot!("purpose_agenda_md", markdown);
}

#[test]
fn puls_agenda_purpose_prints_it_and_refuses_what_it_cannot_read() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db").display().to_string();
    let out = cli::run_in(
        home.path(),
        &["--demo", "--db", &db, "agenda", "purpose", "1"],
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(cli::stdout(&out).starts_with("# Purpose meeting: Every young person"));
    // Another first word names a body, and one there is not says which there are; a missing
    // number says what is needed.
    for (args, said) in [
        (vec!["agenda", "XYZ"], "no body is called \"XYZ\""),
        (vec!["agenda", "purpose"], "a purpose's number is needed"),
        (vec!["agenda", "purpose", "99"], "purpose 99 does not exist"),
    ] {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        let out = cli::run_in(home.path(), &all, &[]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(cli::stderr(&out).contains(said), "{}", cli::stderr(&out));
    }
}

#[test]
fn puls_purpose_records_a_meeting_and_links_arenas() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db").display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend(args);
        cli::run_in(home.path(), &all, &[])
    };
    assert!(run(&["--demo", "figures"]).status.success());
    let added = run(&[
        "purpose",
        "add",
        "Safe at home",
        "--description",
        "Older people",
    ]);
    assert_eq!(cli::stdout(&added).trim(), "Purpose 2 added.");
    assert!(run(&["purpose", "link", "2", "#4", "8"]).status.success());
    let noted = run(&[
        "purpose",
        "note",
        "2",
        "--kind",
        "decision",
        "Home care leads",
    ]);
    assert!(noted.status.success(), "{noted:?}");
    let list = cli::stdout(&run(&["purpose", "list"]));
    assert!(list.contains("Safe at home  (2 arenas)"), "{list}");
    let agenda = cli::stdout(&run(&["agenda", "purpose", "2"]));
    assert!(agenda.contains("- "), "{agenda}");
    assert!(agenda.contains("Home care leads"), "{agenda}");
    // A personal identity number in a note is refused unless allowed.
    let refused = run(&["purpose", "note", "2", "Call 19121212-1212"]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
}
