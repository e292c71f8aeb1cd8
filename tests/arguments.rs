//! Every command given extreme values, and the full screen started without a terminal: a clear
//! refusal, never a panic, and nothing written by what was refused.

use std::path::Path;
use std::process::Output;

use rusqlite::Connection;

#[path = "shared/cli.rs"]
pub mod cli;
use cli::{run_in, stderr};

const MAX: &str = "9223372036854775807";

/// A HOME with the demo database in it; returns the database's path as an argument.
fn demo_home(home: &Path) -> String {
    let db = home.join("demo.db");
    let db = db.to_str().unwrap().to_owned();
    let output = run_in(home, &["--demo", "--db", &db, "show", "1"], &[]);
    assert!(output.status.success(), "{output:?}");
    db
}

fn audit_rows(db: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

/// Exits with a code of README's table and says something, never a panic or a backtrace.
fn assert_answered(args: &[&str], output: &Output) {
    let code = output.status.code();
    let said = stderr(output);
    assert!(
        matches!(code, Some(0..=2)),
        "puls {args:?} exited {code:?}: {said}"
    );
    assert!(
        !said.contains("panicked") && !said.contains("RUST_BACKTRACE"),
        "puls {args:?} crashed: {said}"
    );
}

#[test]
fn every_command_answers_extreme_values_without_a_panic() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_home(home.path());
    let long = "x".repeat(100_000);
    let far = [
        "99999999d",
        "9223372036854775807m",
        "36526d",
        "0001-01-01",
        "9999-12-31T23:59",
        "+262142-12-31",
        "-262143-01-01",
    ];
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for since in far {
        cases.push(vec!["history", "--since", since]);
    }
    for day in [
        "0001-01-01",
        "9999-12-31",
        "10000-01-01",
        "+262142-12-31",
        "2026-02-30",
    ] {
        cases.push(vec!["figures", "--from", day]);
        cases.push(vec!["figures", "--to", day]);
        cases.push(vec!["report", "--from", day, "--format", "csv"]);
        cases.push(vec!["report", "--to", day, "--format", "json"]);
    }
    for number in [MAX, "0", "#0", "-1", "18446744073709551616", "1e9"] {
        cases.push(vec!["show", number]);
        cases.push(vec!["export", "arena", number]);
        cases.push(vec!["extract", "public", number]);
        cases.push(vec!["register", number, "KS 2026/1"]);
        cases.push(vec!["history", "--arena", number]);
        cases.push(vec!["standup", "--arena", number]);
    }
    cases.push(vec!["history", "--limit", "18446744073709551615"]);
    cases.push(vec!["history", "--limit", "18446744073709551616"]);
    cases.push(vec!["signal", &long]);
    cases.push(vec!["register", "1", &long]);
    cases.push(vec!["extract", "subject", &long]);
    cases.push(vec!["users", "grant", &long, "member"]);
    for args in cases {
        let mut full = vec!["--db", db.as_str()];
        full.extend(&args);
        let output = run_in(home.path(), &full, &[]);
        assert_answered(&args, &output);
    }
}

#[test]
fn a_retention_rule_of_too_many_days_is_refused_before_anything_runs() {
    // Given a retention decision that reaches back past any date puls can count
    let home = tempfile::tempdir().unwrap();
    let db = demo_home(home.path());
    let config = home.path().join("far.toml");
    std::fs::write(
        &config,
        "[[retention]]\nname = \"far\"\nwhat = \"contacts\"\ndays = 4000000000\n",
    )
    .unwrap();
    let before = audit_rows(&db);

    // When it is run
    let args = [
        "--config",
        config.to_str().unwrap(),
        "--db",
        &db,
        "retention",
        "run",
    ];
    let output = run_in(home.path(), &args, &[]);

    // Then it is refused as a config error, naming the rule, and nothing was written
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(stderr(&output).contains("far"), "{}", stderr(&output));
    assert_eq!(audit_rows(&db), before);
}

#[test]
fn the_full_screen_without_a_terminal_says_so_in_one_line_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_home(home.path());
    let before = audit_rows(&db);
    for args in [
        vec!["--db", db.as_str()],
        vec!["--db", db.as_str(), "standup"],
        vec!["--db", db.as_str(), "standup", "--arena", "1"],
    ] {
        // When puls is asked for the full screen with its output in a pipe
        let output = run_in(home.path(), &args, &[]);

        // Then one line says a terminal is needed, and no escape sequence was written
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        let said = stderr(&output);
        assert_eq!(said.lines().count(), 1, "{args:?}: {said}");
        assert!(said.contains("terminal"), "{args:?}: {said}");
        assert!(
            !said.contains('\x1b') && output.stdout.is_empty(),
            "{args:?}: {output:?}"
        );
    }
    // And no stand-up was counted as held
    assert_eq!(audit_rows(&db), before);
}

#[test]
fn a_stand_up_about_a_missing_arena_says_so_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_home(home.path());
    let before = audit_rows(&db);

    let output = run_in(
        home.path(),
        &["--db", &db, "standup", "--arena", "99999"],
        &[],
    );

    assert_ne!(output.status.code(), Some(0), "{output:?}");
    assert!(stderr(&output).contains("99999"), "{}", stderr(&output));
    assert_eq!(audit_rows(&db), before);
}
