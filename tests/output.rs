//! Nothing a command prints drives the terminal: hostile text planted in every text column of
//! the database (as another program could write it), in the config and in the arguments reaches
//! stdout, stderr and `--out` files without a control character or a bidirectional override,
//! whatever the command.

use std::path::{Path, PathBuf};
use std::process::Output;

use rusqlite::Connection;

#[path = "shared/cli.rs"]
pub mod cli;

use cli::{os_account, run_in, stderr, stdout};

/// An OSC 52 clipboard write, a screen clear, a bell, a C1 CSI, DEL, NEL, a right-to-left
/// override and an isolate.
const HOSTILE: &str = "\x1b]52;c;aGk=\x07\x1b[2J\u{9b}31m\u{7f}\u{85}\u{202e}\u{2066}zz";
const COLUMNS: &str = "name,unit,external,role,contact,capacity,coordinator,competences";
/// What is left of it once made safe.
const VISIBLE: &str = "]52;c;aGk=[2J31mzz";
/// The same in TOML, where a control is written as its escape.
const HOSTILE_TOML: &str = r"\u001b]52;c;aGk=\u0007\u001b[2J\u009b31m\u007f\u0085\u202e\u2066zz";

/// A character that must not reach a terminal; line breaks and tabs may.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_safe(what: &str, text: &str) {
    let found: Vec<char> = text.chars().filter(|c| unsafe_char(*c)).collect();
    assert!(found.is_empty(), "{what}: {found:?} in {text:?}");
}

/// Columns whose text puls reads as a code, a date or a time, or as a JSON record: another
/// program's text there makes the row unreadable, not printable. Tables of the search index and
/// SQLite's own are not text anyone types.
fn coded(table: &str, column: &str) -> bool {
    column == "at"
        || column.ends_with("_at")
        || column.ends_with("_date")
        || matches!(
            (table, column),
            ("arenas", "stage" | "stage_since" | "mission")
                | ("needs" | "activities" | "staffing_requests", "status")
                | ("entries", "kind")
                | ("account_roles", "role")
                | ("drawn_up", "record")
                | ("accounts", "name")
        )
        || table == "meta"
        || table.starts_with("sqlite_")
        || table.starts_with("entries_fts")
}

/// Every (table, column) declared TEXT.
fn text_columns(conn: &Connection) -> Vec<(String, String)> {
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap();
    let tables: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut columns = Vec::new();
    for table in tables {
        let mut info = conn
            .prepare(&format!(
                "SELECT name, type FROM pragma_table_info('{table}')"
            ))
            .unwrap();
        let rows = info
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap();
        for (column, kind) in rows.map(Result::unwrap) {
            if kind.eq_ignore_ascii_case("TEXT") {
                columns.push((table.clone(), column));
            }
        }
    }
    columns
}

struct Site {
    home: tempfile::TempDir,
}

impl Site {
    fn db(&self) -> PathBuf {
        self.home.path().join("arenas.db")
    }

    fn config(&self) -> PathBuf {
        self.home.path().join("hostile.toml")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    fn puls(&self, args: &[&str]) -> Output {
        let (db, config) = (self.db(), self.config());
        let mut all = vec![
            "--db",
            db.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ];
        all.extend_from_slice(args);
        run_in(self.home.path(), &all, &[("LANG", "en_US.UTF-8")])
    }

    /// Runs `args`, insists it succeeds, and checks both streams; returns stdout.
    fn safe_run(&self, args: &[&str]) -> String {
        let output = self.puls(args);
        assert_safe(&format!("stderr of {args:?}"), &stderr(&output));
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let out = stdout(&output);
        assert_safe(&format!("stdout of {args:?}"), &out);
        out
    }

    /// Runs `args`, expects it to be refused, and checks both streams.
    fn safe_refusal(&self, args: &[&str]) {
        let output = self.puls(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert_safe(&format!("stdout of {args:?}"), &stdout(&output));
        let err = stderr(&output);
        assert_safe(&format!("stderr of {args:?}"), &err);
        // (clap drops a whole escape sequence it echoes, not only its ESC.)
        assert!(err.contains("zz"), "{args:?} does not echo: {err}");
    }
}

/// The demo under a config whose missions and commissioning body are hostile, the account
/// running the tests its administrator, and hostile text in every text column.
fn hostile_site() -> Site {
    let site = Site {
        home: tempfile::tempdir().unwrap(),
    };
    let mut config = format!(
        "[[bodies]]\ncode = \"SSG\"\nname = \"Group{HOSTILE_TOML}\"\nkind = \"coordination-group\"\n\
         [[retention]]\nname = \"rule{HOSTILE_TOML}\"\nwhat = \"contacts\"\ndays = 1\n"
    );
    for code in ["LF", "HC", "CD", "SS", "Q\\u001b[1m"] {
        config.push_str(&format!(
            "[[missions]]\ncode = \"{code}\"\nname = \"Mission {code}{HOSTILE_TOML}\"\n"
        ));
    }
    std::fs::write(site.config(), config).unwrap();
    site.safe_run(&["demo"]);
    let me = os_account();
    site.safe_run(&["users", "grant", &me, "administrator"]);
    plant(&site.db());
    site
}

/// Writes HOSTILE into every text column that is not coded, as another program could; every
/// table gets at least one row, so a new column cannot be left out.
fn plant(db: &Path) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(
        "INSERT INTO restricted_records (arena_id, name, contact, note, version, updated_at, updated_by)
             VALUES (1, 'Name', 'Contact', 'Note', 1, '2026-11-20T09:00:00Z', 'maja');
         INSERT INTO read_log (at, who, arena_id, what) VALUES ('2026-11-20T09:00:00Z', 'maja', 1, 'record');
         INSERT INTO staffing_requests (person_id, arena_id, percent, from_date, asked_by, asked_at,
                                        updated_at, updated_by)
             VALUES (1, 1, 10, '2026-11-20', 'maja', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z', 'maja');
         UPDATE arenas SET mission = mission || char(27) || '[5m' WHERE id = 4;",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO accounts (name) VALUES (?1)",
        [format!("intruder{HOSTILE}")],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO account_keys
         (account_id, public_key, fingerprint, kind, bits, comment, added_at, added_by)
         VALUES (last_insert_rowid(), 'ssh-ed25519 AAAA', 'SHA256:x', 'ED25519', 256, 'c',
                 '2026-11-20T09:00:00Z', 'maja')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO account_roles (account_id, role, granted_at, granted_by)
         VALUES ((SELECT max(id) FROM accounts), 'member', '2026-11-20T09:00:00Z', 'maja')",
        [],
    )
    .unwrap();
    let mut planted = Vec::new();
    for (table, column) in text_columns(&conn) {
        if coded(&table, &column) {
            continue;
        }
        let changed = conn
            .execute(
                &format!("UPDATE \"{table}\" SET \"{column}\" = coalesce(\"{column}\", '') || ?1"),
                [HOSTILE],
            )
            .unwrap();
        assert!(changed > 0, "{table}.{column} has no row to plant in");
        planted.push(format!("{table}.{column}"));
    }
    for path in [
        "$.arena.title",
        "$.arena.need",
        "$.arena.mandate",
        "$.closed_by",
    ] {
        conn.execute(
            "UPDATE drawn_up SET record = json_set(record, ?1, json_extract(record, ?1) || ?2)",
            (path, HOSTILE),
        )
        .unwrap();
    }
    for column in [
        "arenas.title",
        "audit.detail",
        "people.name",
        "entries.body",
    ] {
        assert!(planted.iter().any(|p| p == column), "{planted:?}");
    }
}

/// The arena the first drawn-up version belongs to, and its recipient as now stored.
fn drawn_up_arena(db: &Path) -> (i64, String) {
    let conn = Connection::open(db).unwrap();
    let arena: i64 = conn
        .query_row("SELECT min(arena_id) FROM drawn_up", [], |r| r.get(0))
        .unwrap();
    let recipient = conn
        .query_row("SELECT recipient FROM arenas WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    (arena, recipient)
}

#[test]
fn every_command_prints_hostile_text_without_a_control_character() {
    let site = hostile_site();
    let (closed, case_ref) = drawn_up_arena(&site.db());
    let closed = closed.to_string();

    let printed = [
        vec!["show", "1"],
        vec!["show", "4"],
        vec!["show", &closed],
        vec!["export", "arena", "1"],
        vec!["roster", "export"],
        vec!["users", "list"],
        vec!["users", "key", "list"],
        vec!["history"],
        vec!["figures"],
        vec!["report"],
        vec!["report", "--format", "csv"],
        vec!["bank", "export"],
        vec!["extract", "subject", &case_ref],
        vec!["extract", "public", &closed],
        vec!["retention", "run", "--dry-run"],
        vec!["requests", "--all"],
    ];
    for args in &printed {
        let out = site.safe_run(args);
        assert!(
            out.contains(VISIBLE),
            "{args:?} printed no planted text: {out}"
        );
    }
    site.safe_run(&["check"]);
    site.safe_run(&["config"]);
}

#[test]
fn json_keeps_hostile_text_whole_but_escaped() {
    let site = hostile_site();
    let (closed, case_ref) = drawn_up_arena(&site.db());
    let closed = closed.to_string();
    for args in [
        vec!["export", "arena", "1", "--format", "json"],
        vec!["report", "--format", "json"],
        vec!["bank", "export", "--format", "json"],
        vec!["extract", "subject", &case_ref, "--format", "json"],
        vec!["extract", "public", &closed, "--format", "json"],
    ] {
        let out = site.safe_run(&args);
        assert!(
            out.contains(r"\u009b31m\u007f\u0085\u202e\u2066zz"),
            "{args:?}: {out}"
        );
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(holds(&value, HOSTILE), "{args:?}: {value}");
    }
}

/// Whether a string anywhere in `value` ends with `tail`.
fn holds(value: &serde_json::Value, tail: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s.ends_with(tail),
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, tail)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, tail)),
        _ => false,
    }
}

#[test]
fn a_file_written_with_out_holds_what_the_terminal_would_show() {
    let site = hostile_site();
    let (closed, _) = drawn_up_arena(&site.db());
    let closed = closed.to_string();
    // (`extract subject` is left out: each one logs its reads, so the next one holds more.)
    for (n, args) in [
        vec!["export", "arena", "1"],
        vec!["export", "arena", "1", "--format", "json"],
        vec!["report", "--format", "csv"],
        vec!["bank", "export"],
        vec!["extract", "public", &closed],
    ]
    .into_iter()
    .enumerate()
    {
        let out = site.safe_run(&args);
        let file = site.file(&format!("out-{n}"));
        let mut with_out = args.clone();
        with_out.extend(["--out", file.to_str().unwrap()]);
        site.safe_run(&with_out);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), out, "{args:?}");
    }
}

#[test]
fn what_an_import_reads_back_is_printed_safe_too() {
    let site = hostile_site();
    let arena = site.file("arena.json");
    let bank = site.file("bank.json");
    let roster = site.file("roster.csv");
    std::fs::write(
        &roster,
        format!(
            "{}\nNew{HOSTILE},Unit\x1b[5m,no,,,20,no,Skill\u{9b}1m:2\n",
            COLUMNS
        ),
    )
    .unwrap();
    for (args, file) in [
        (vec!["export", "arena", "1", "--format", "json"], &arena),
        (vec!["bank", "export", "--format", "json"], &bank),
    ] {
        std::fs::write(file, site.safe_run(&args)).unwrap();
    }
    let imported = site.safe_run(&["import", arena.to_str().unwrap()]);
    let id: String = imported.chars().filter(char::is_ascii_digit).collect();
    assert!(site.safe_run(&["show", &id]).contains("zz"));
    site.safe_run(&["bank", "import", bank.to_str().unwrap(), "--dry-run"]);
    let summary = site.safe_run(&["roster", "import", roster.to_str().unwrap(), "--dry-run"]);
    assert!(summary.contains("Skill1m"), "{summary}");
    let registered = site.safe_run(&["register", "1", &format!("KS 1{HOSTILE}")]);
    assert!(registered.contains("KS 1"), "{registered}");
}

#[test]
fn an_argument_echoed_in_an_error_is_made_safe() {
    let site = hostile_site();
    let hostile_path = site.file(&format!("missing{HOSTILE}.csv"));
    for args in [
        vec!["signal", "A need", "--mission", HOSTILE],
        vec!["users", "grant", "karin", HOSTILE],
        vec!["show", HOSTILE],
        vec![HOSTILE],
        vec!["history", "--since", HOSTILE],
        vec!["roster", "import", hostile_path.to_str().unwrap()],
    ] {
        site.safe_refusal(&args);
    }
}

#[test]
fn a_config_error_that_quotes_the_file_is_made_safe() {
    let site = hostile_site();
    for config in [
        format!("\"key{HOSTILE_TOML}\" = 1\n"),
        format!("[keys.board]\n\"{HOSTILE_TOML}\" = \"zoom\"\n"),
    ] {
        std::fs::write(site.config(), config).unwrap();
        let output = site.puls(&["show", "1"]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert_safe("stderr", &stderr(&output));
        assert!(stderr(&output).contains("zz"), "{output:?}");
    }
}

/// The rules themselves, over any text at all: what a terminal obeys never survives them, and
/// nothing else is lost.
mod properties {
    use proptest::prelude::*;
    use puls::domain::text;

    use super::unsafe_char;

    /// Any character, with the dangerous ones and the layout ones often.
    fn text_strategy() -> impl Strategy<Value = String> {
        let tricky = prop::sample::select(vec![
            '\x1b', '\x07', '\u{9b}', '\u{85}', '\u{7f}', '\u{202e}', '\u{2066}', '\n', '\t', '\r',
            '=', '+', '-', '@', '\'', ' ', '"', '\\',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), tricky], 0..40)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn printable_text_drops_exactly_what_a_terminal_obeys(raw in text_strategy()) {
            let printed = text::printable(&raw);
            let kept: String = raw.chars().filter(|c| !unsafe_char(*c)).collect();
            prop_assert_eq!(printed.as_ref(), kept.as_str());
        }

        #[test]
        fn json_is_terminal_safe_and_reads_back_whole(raw in text_strategy()) {
            let json = puls::export::json(&raw).unwrap();
            prop_assert!(!json.chars().any(unsafe_char), "{:?}", json);
            prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), raw);
        }

        #[test]
        fn a_spreadsheet_cell_is_safe_inert_and_reads_back(raw in text_strategy()) {
            let cell = text::spreadsheet_cell(&raw);
            prop_assert!(!cell.chars().any(|c| c.is_control() || unsafe_char(c)), "{:?}", cell);
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
            let clean = text::one_line(&raw);
            prop_assert_eq!(text::from_spreadsheet_cell(&cell), clean.trim());
        }
    }
}
