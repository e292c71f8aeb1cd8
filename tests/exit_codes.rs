//! README's exit-code table, command by command: a wrong argument or file exits 2, a database
//! that cannot be used exits 1, and either way stderr says why in one clear line (after one line
//! per problem when a file has several).

use std::path::Path;
use std::process::Output;

#[path = "shared/cli.rs"]
pub mod cli;

use cli::{run_in, stderr, stdout};

/// How stderr must read.
#[derive(Debug, Clone, Copy)]
enum Says {
    /// One line, `puls: ...`, holding this text.
    Line(&'static str),
    /// One line per problem of the file, `FILE: ...`, each holding one of these texts in
    /// order, then `puls: nothing imported...`.
    Problems(&'static [&'static str]),
    /// clap's own message about the command line, holding this text.
    Clap(&'static str),
}

/// A private HOME with the demo in `arenas.db`.
fn demo_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let demo = puls(home.path(), &["demo"]);
    assert!(demo.status.success(), "{demo:?}");
    home
}

/// puls on the demo's database in `home`, unless `args` names its own.
fn puls(home: &Path, args: &[&str]) -> Output {
    let db = home.join("arenas.db");
    let mut all = Vec::new();
    if args.first() != Some(&"--db") {
        all.extend(["--db", db.to_str().unwrap()]);
    }
    all.extend_from_slice(args);
    run_in(home, &all, &[])
}

/// Every change in the history: what a refused import must leave as it was.
fn history(home: &Path) -> String {
    stdout(&puls(home, &["history"]))
}

/// An arena file as `puls export` writes it, with `change` made to it.
fn arena_file(home: &Path, change: impl Fn(&mut serde_json::Value)) -> String {
    let out = puls(home, &["export", "arena", "1", "--format", "json"]);
    let mut record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    change(&mut record);
    let path = home.join("changed.json");
    std::fs::write(&path, record.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn file(home: &Path, name: &str, content: &str) -> String {
    let path = home.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

fn check(home: &Path, args: &[&str], code: i32, says: Says) {
    let output = puls(home, args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {err}");
    assert_eq!(stdout(&output), "", "{args:?}");
    let lines: Vec<&str> = err.lines().collect();
    match says {
        Says::Line(text) => {
            assert_eq!(lines.len(), 1, "{args:?}: {err}");
            assert!(lines[0].starts_with("puls: "), "{args:?}: {err}");
            assert!(lines[0].contains(text), "{args:?}: {err}");
        }
        Says::Problems(texts) => {
            assert_eq!(lines.len(), texts.len() + 1, "{args:?}: {err}");
            for (line, text) in lines.iter().zip(texts) {
                assert!(line.contains(".json: ") || line.contains(".csv:"), "{line}");
                assert!(line.contains(text), "{args:?}: {line}");
            }
            assert!(
                lines[texts.len()].starts_with("puls: nothing imported"),
                "{err}"
            );
        }
        Says::Clap(text) => {
            assert!(lines[0].starts_with("error: "), "{args:?}: {err}");
            assert!(lines[0].contains(text), "{args:?}: {err}");
        }
    }
}

#[test]
fn every_refusal_exits_with_its_code_and_says_why_in_one_line() {
    let home = demo_home();
    let home = home.path();
    let bad_status = arena_file(home, |r| {
        r["needs"][1]["status"] = "open".into();
        r["activities"][2]["status"] = "maybe".into();
    });
    let bad_status = bad_status.as_str();
    let not_json = file(home, "not.json", "{ not json");
    let bad_csv = file(home, "people.csv", "name,unit\nÅsa,LF\n");
    let exists = file(home, "exists.db", "");
    let garbage = file(home, "garbage.db", "not a database at all, only text");
    let missing = home.join("missing.json").to_str().unwrap().to_owned();

    let cases: Vec<(Vec<&str>, i32, Says)> = vec![
        (
            vec!["show", "999"],
            2,
            Says::Line("arena #999 does not exist"),
        ),
        (vec!["export", "arena", "999"], 2, Says::Line("#999")),
        (vec!["register", "999", "KS 1"], 2, Says::Line("#999")),
        (vec!["extract", "public", "999"], 2, Says::Line("#999")),
        (vec!["extract", "public", "1"], 2, Says::Line("#1")),
        (
            vec!["users", "grant", "karin", "flyer"],
            2,
            Says::Line("flyer"),
        ),
        (
            vec!["users", "link", "karin", "Nobody Known"],
            2,
            Says::Line(""),
        ),
        (vec!["signal", " "], 2, Says::Line("title")),
        (
            vec!["signal", "A need", "--mission", "ZZ"],
            2,
            Says::Line("ZZ"),
        ),
        (
            vec!["figures", "--from", "2026-02-01", "--to", "2026-01-01"],
            2,
            Says::Line(""),
        ),
        (vec!["import", &missing], 2, Says::Line("missing.json")),
        (vec!["import", &not_json], 2, Says::Line("not.json")),
        (
            vec!["import", bad_status, "--allow-personal-data"],
            2,
            Says::Problems(&["need 2: status \"open\"", "activity 3: status \"maybe\""]),
        ),
        (
            vec!["roster", "import", &missing],
            2,
            Says::Line("missing.json"),
        ),
        (
            vec!["roster", "import", &bad_csv],
            2,
            Says::Problems(&["people.csv:1:"]),
        ),
        (
            vec!["bank", "import", &missing],
            2,
            Says::Line("missing.json"),
        ),
        (
            vec!["bank", "import", &not_json],
            2,
            Says::Problems(&["not.json: "]),
        ),
        (vec!["backup", &exists], 2, Says::Line("--force")),
        (
            vec!["export", "arena", "1", "--out", "/nonexistent/folder/a.md"],
            2,
            Says::Line("/nonexistent/folder/a.md"),
        ),
        (vec!["show", "twelve"], 2, Says::Clap("twelve")),
        (
            vec!["history", "--since", "yesterday"],
            2,
            Says::Clap("yesterday"),
        ),
        (vec!["fly"], 2, Says::Clap("fly")),
        (
            vec!["--db", &garbage, "show", "1"],
            1,
            Says::Line("not a puls database"),
        ),
    ];
    for (args, code, says) in cases {
        check(home, &args, code, says);
    }
}

/// What is changed in an arena file, and what the refusal says about it.
type Change = (
    &'static str,
    fn(&mut serde_json::Value),
    &'static [&'static str],
);

#[test]
fn an_arena_file_is_refused_whole_for_each_unknown_code_with_its_place() {
    let home = demo_home();
    let home = home.path();
    let cases: Vec<Change> = vec![
        (
            "need status",
            |r| r["needs"][0]["status"] = "open".into(),
            &["need 1: status \"open\" is not one of: needed, requested, filled, released"],
        ),
        (
            "activity status",
            |r| r["activities"][0]["status"] = "maybe".into(),
            &["activity 1: status \"maybe\" is not one of: todo, doing, blocked, done"],
        ),
        ("stage", |r| r["stage"] = "lost".into(), &["stage \"lost\""]),
        (
            "mission",
            |r| r["mission"] = "ZZ".into(),
            &["unknown mission \"ZZ\"; choose one of: LF"],
        ),
        (
            "participating mission",
            |r| r["participating"] = serde_json::json!(["YY"]),
            &["unknown mission \"YY\"; choose one of: LF"],
        ),
        ("title", |r| r["title"] = " ".into(), &["A title is needed"]),
        (
            "format",
            |r| r["format"] = 99.into(),
            &["newer puls (format 99)"],
        ),
    ];
    let before = history(home);
    for (what, change, says) in cases {
        let path = arena_file(home, change);
        let args = ["import", path.as_str(), "--allow-personal-data"];
        check(home, &args, 2, Says::Problems(says));
        assert_eq!(history(home), before, "{what}: something was written");
    }
}

#[test]
fn an_arena_file_may_name_its_mission_by_code_or_name_in_any_case() {
    let home = demo_home();
    let home = home.path();
    let path = arena_file(home, |r| r["mission"] = "health & care".into());
    let imported = puls(home, &["import", &path, "--allow-personal-data"]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let id: String = stdout(&imported)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let shown = stdout(&puls(home, &["show", &id]));
    assert!(shown.contains("Mission: Health & care"), "{shown}");
}
