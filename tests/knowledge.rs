//! The knowledge bank's file format and its command line, on real SQLite files. The store's
//! behaviour (entries, search, related entries, the bank imported and exported) is in the
//! conformance suite, tests/conformance/knowledge.rs.

use puls::store::{BankProblemKind, parse_bank};

#[path = "shared/cli.rs"]
pub mod cli;

#[test]
fn a_bank_file_with_one_bad_entry_imports_nothing() {
    let json = r#"{"format": 1, "entries": [
        {"title": "Fine", "kind": "lesson", "tags": ["a"]},
        {"title": "", "kind": "method"},
        {"title": "Fine too", "kind": "recipe"}
    ]}"#;
    let problems = parse_bank(json).unwrap_err();
    assert_eq!(problems.len(), 2);
    assert_eq!(
        (problems[0].entry, &problems[0].kind),
        (Some(2), &BankProblemKind::TitleEmpty)
    );
    assert_eq!(problems[1].entry, Some(3));
    assert!(matches!(problems[1].kind, BankProblemKind::NotAnEntry(_)));
}

#[test]
fn the_cli_exports_the_bank_and_imports_it_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| cli::run_in(dir.path(), args, &[]);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let demo = dir.path().join("demo.db").display().to_string();
    let other = dir.path().join("other.db").display().to_string();
    let json = dir.path().join("bank.json");
    let json_arg = json.display().to_string();
    let export = run(&[
        "--demo", "--db", &demo, "bank", "export", "--format", "json", "--out", &json_arg,
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let md = run(&["--db", &demo, "bank", "export"]);
    assert!(text(&md.stdout).starts_with("# Knowledge bank"));

    let mut bank: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let count = bank["entries"].as_array().map_or(0, Vec::len);
    assert!(count >= 15, "{count}");

    let dry = run(&["--db", &other, "bank", "import", &json_arg, "--dry-run"]);
    let would = format!("Dry run, nothing written. Would be: {count} entries added, 0 already");
    assert!(
        text(&dry.stdout).starts_with(&would),
        "{}",
        text(&dry.stdout)
    );
    let imported = run(&["--db", &other, "bank", "import", &json_arg]);
    let did = format!("Imported: {count} entries added, 0 already in the bank.\n");
    assert!(
        text(&imported.stdout).starts_with(&did),
        "{}",
        text(&imported.stdout)
    );
    let again = run(&["--db", &other, "bank", "import", &json_arg]);
    let none = format!("Imported: 0 entries added, {count} already in the bank.\n");
    assert_eq!(text(&again.stdout), none);

    bank["entries"][1]["title"] = "   ".into();
    bank["entries"][4]["kind"] = "poem".into();
    std::fs::write(&json, bank.to_string()).unwrap();
    let third = dir.path().join("third.db").display().to_string();
    let refused = run(&["--db", &third, "bank", "import", &json_arg]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("bank.json: entry 2: the title is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bank.json: entry 5: not an entry: unknown variant `poem`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nothing imported: fix the 2 problems above"),
        "{stderr}"
    );
    let empty = run(&["--db", &third, "bank", "export", "--format", "json"]);
    let empty: serde_json::Value = serde_json::from_slice(&empty.stdout).unwrap();
    assert_eq!(empty["entries"].as_array().map(Vec::len), Some(0));
}

#[test]
fn the_cli_shares_an_entry_with_the_region_and_stops_sharing_it() {
    // Given the demo's bank on one SQLite file
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| cli::run_in(dir.path(), args, &[]);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let demo = dir.path().join("demo.db").display().to_string();
    assert!(
        run(&["--demo", "--db", &demo, "bank", "export"])
            .status
            .success()
    );

    // When entry 1 is shared, then no longer
    let shared = run(&["--db", &demo, "bank", "share", "1"]);
    let unshared = run(&["--db", &demo, "bank", "unshare", "1"]);
    let missing = run(&["--db", &demo, "bank", "share", "9999"]);

    // Then each says so, and an entry that is not there is a user's mistake (exit 2)
    assert_eq!(
        text(&shared.stdout),
        "Entry 1 is shared with the region: its other municipalities read it.\n",
        "{}",
        text(&shared.stderr)
    );
    assert_eq!(
        text(&unshared.stdout),
        "Entry 1 is this municipality's alone again.\n"
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("entry 9999 does not exist"));
}

#[test]
fn a_region_lives_on_postgresql_not_in_a_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.db").display().to_string();
    let out = cli::run_in(
        dir.path(),
        &["--db", &db, "region", "add-role", "north", "Norrby"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("A region lives on PostgreSQL"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
