//! Citizen data on the command line, through the real binary: personal numbers and health
//! terms refused unless allowed (and then logged), and the registration number.

use puls::store::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

use puls::domain::clock::SystemClock;
use puls::store::Store;

#[path = "shared/cli.rs"]
pub mod cli;
use cli::{os_account, stderr, stdout};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// [`Sandbox::run`] in the language of `locale`.
    fn run_in(&self, args: &[&str], locale: &str) -> Output {
        self.command(args).env("LC_ALL", locale).output().unwrap()
    }

    /// Runs puls on `db.db` (unless the arguments name another) with no config of the user's.
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn command(&self, args: &[&str]) -> std::process::Command {
        let db = self.path("db.db");
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_puls"));
        if !args.contains(&"--db") {
            command.arg("--db").arg(&db);
        }
        command
            .args(args)
            .env("HOME", self.dir.path())
            .env("USER", "maja")
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env_remove("PULS_DB")
            .env_remove("PULS_CONFIG");
        command
    }

    fn open(&self, name: &str) -> Store {
        Store::open(&self.path(name), "test", Arc::new(SystemClock)).unwrap()
    }
}

fn arena_count(path: &Path) -> usize {
    let store = Store::open(path, "test", Arc::new(SystemClock)).unwrap();
    store.board_cards(true).unwrap().len()
}

#[test]
fn a_signal_with_a_personal_number_is_refused_naming_the_field() {
    let sandbox = Sandbox::new();

    let out = sandbox.run(&[
        "signal",
        "Siblings absent from school",
        "--need",
        "The elder, 121212-1212, stays home",
    ]);

    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("need: looks like a personal identity number (121212-****)"),
        "{message}"
    );
    assert!(message.contains("--allow-personal-data"), "{message}");
    assert!(
        !message.contains("1212-1212"),
        "the number itself: {message}"
    );
    assert_eq!(arena_count(&sandbox.path("db.db")), 0, "nothing saved");
}

#[test]
fn in_swedish_the_refusal_names_the_field_in_swedish_and_the_log_in_english() {
    let sandbox = Sandbox::new();
    let need = "Den äldre, 121212-1212, stannar hemma";

    let refused = sandbox.run_in(
        &["signal", "Syskon frånvarande", "--need", need],
        "sv_SE.UTF-8",
    );
    let allowed = sandbox.run_in(
        &[
            "signal",
            "Syskon frånvarande",
            "--need",
            need,
            "--allow-personal-data",
        ],
        "sv_SE.UTF-8",
    );

    let message = stderr(&refused);
    assert_eq!(refused.status.code(), Some(2), "{message}");
    assert!(
        message.contains("behov: verkar innehålla personnummer (121212-****)"),
        "{message}"
    );
    assert!(!message.contains("need:"), "{message}");
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let history = sandbox.open("db.db").arena_history(1, 10).unwrap();
    let logged: Vec<&str> = history
        .iter()
        .filter(|row| row.action == "personal-data")
        .map(|row| row.detail.as_str())
        .collect();
    assert_eq!(logged.len(), 1, "{history:?}");
    // The history keeps one language: English, whatever the user read.
    assert_eq!(
        logged[0], "allowed in need: personal identity number",
        "{logged:?}"
    );
}

#[test]
fn the_audit_row_names_the_os_account_even_when_user_lies() {
    let sandbox = Sandbox::new();
    assert_ne!(os_account(), "maja", "the sandbox's USER must differ");

    let out = sandbox.run(&["signal", "Siblings absent from school"]);

    assert!(out.status.success(), "{}", stderr(&out));
    let history = sandbox.open("db.db").arena_history(1, 1).unwrap();
    assert_eq!(history[0].who, os_account());
}

#[test]
fn a_signal_with_a_health_term_in_its_title_is_refused() {
    let sandbox = Sandbox::new();

    let out = sandbox.run(&["signal", "Father with Cancer, children alone"]);

    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("title: looks like a health term (cancer)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn case_codes_phone_numbers_and_dates_pass() {
    let sandbox = Sandbox::new();

    let out = sandbox.run(&[
        "signal",
        "LF-2026-014: siblings absent since 2026-10-05",
        "--need",
        "Call the school on 070-123 45 67",
    ]);

    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn allowed_personal_data_is_saved_and_logged_by_field_without_the_number() {
    let sandbox = Sandbox::new();

    let out = sandbox.run(&[
        "signal",
        "Siblings absent from school",
        "--need",
        "The elder, 121212-1212, has diabetes",
        "--allow-personal-data",
    ]);

    assert!(out.status.success(), "{}", stderr(&out));
    let history = sandbox.open("db.db").arena_history(1, 10).unwrap();
    let logged: Vec<_> = history
        .iter()
        .filter(|row| row.action == "personal-data")
        .collect();
    assert_eq!(logged.len(), 1, "{history:?}");
    assert_eq!(
        logged[0].detail,
        "allowed in need: personal identity number, health term"
    );
    assert_eq!(logged[0].who, os_account(), "the OS account, not $USER");
    assert!(history.iter().all(|row| !row.detail.contains("1212")));
}

#[test]
fn the_health_terms_come_from_the_config() {
    let sandbox = Sandbox::new();
    let config = sandbox.path("config.toml");
    std::fs::write(&config, "health_terms = [\"övervikt\"]\n").unwrap();
    let config = config.display().to_string();

    let refused = sandbox.run(&["--config", &config, "signal", "Barn med ÖVERVIKT"]);
    let passed = sandbox.run(&["--config", &config, "signal", "Father with cancer"]);

    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("title: looks like a health term (övervikt)"));
    assert!(passed.status.success(), "{}", stderr(&passed));
}

/// The demo's arena 1 (which names no health term) as JSON, with `summary` as its first contact's summary.
fn arena_file_with_contact(sandbox: &Sandbox, summary: &str) -> String {
    let demo = sandbox.path("demo.db").display().to_string();
    let json = sandbox.path("arena.json");
    let out = sandbox.run(&[
        "--demo",
        "--db",
        &demo,
        "export",
        "arena",
        "1",
        "--format",
        "json",
        "--out",
        &json.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let contacts = record["contacts"].as_array_mut().unwrap();
    assert!(!contacts.is_empty(), "the demo arena has contacts");
    contacts[0]["summary"] = summary.into();
    std::fs::write(&json, serde_json::to_string(&record).unwrap()).unwrap();
    json.display().to_string()
}

/// [`arena_file_with_contact`] with a plain contact, and `text` at `pointer` (`/title`).
fn arena_file_with(sandbox: &Sandbox, pointer: &str, text: &str) -> String {
    let file = arena_file_with_contact(sandbox, "Met the mother");
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    *record.pointer_mut(pointer).unwrap() = text.into();
    std::fs::write(&file, serde_json::to_string(&record).unwrap()).unwrap();
    file
}

#[test]
fn an_import_with_a_personal_number_in_a_contact_is_refused_whole() {
    let sandbox = Sandbox::new();
    let file = arena_file_with_contact(&sandbox, "Met the mother, 19850709-9805");

    let out = sandbox.run(&["import", &file]);

    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("contact 1: summary: looks like a personal identity number (19850709-****)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(arena_count(&sandbox.path("db.db")), 0);
}

#[test]
fn an_allowed_import_logs_each_field_once() {
    let sandbox = Sandbox::new();
    let file = arena_file_with_contact(&sandbox, "8507099805 och 19121212-1212");

    let out = sandbox.run(&["import", &file, "--allow-personal-data"]);

    assert!(out.status.success(), "{}", stderr(&out));
    let history = sandbox.open("db.db").arena_history(1, 10).unwrap();
    let details: Vec<&str> = history
        .iter()
        .filter(|row| row.action == "personal-data")
        .map(|row| row.detail.as_str())
        .collect();
    assert_eq!(
        details,
        vec!["allowed in contact 1: summary: personal identity number"]
    );
}

#[test]
fn a_registration_number_shows_in_show_and_in_every_export() {
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());

    let out = sandbox.run(&["register", "#1", "KS 2026/0142"]);

    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Arena #1 is registered as KS 2026/0142.\n");
    let show = stdout(&sandbox.run(&["show", "1"]));
    assert!(show.contains("\nRegistration: KS 2026/0142\n"), "{show}");
    let md = stdout(&sandbox.run(&["export", "arena", "1"]));
    assert!(md.contains("| Registration | KS 2026/0142 |"), "{md}");
    let json = stdout(&sandbox.run(&["export", "arena", "1", "--format", "json"]));
    assert!(
        json.contains("\"registration\": \"KS 2026/0142\""),
        "{json}"
    );
    let report = stdout(&sandbox.run(&["report"]));
    assert!(report.contains("| Registration |"), "{report}");
    assert!(report.contains("| KS 2026/0142 |"), "{report}");
    let csv = stdout(&sandbox.run(&["report", "--format", "csv"]));
    assert!(
        csv.lines().next().unwrap().ends_with(",Registration"),
        "{csv}"
    );
    assert!(
        csv.lines().nth(1).unwrap().ends_with(",KS 2026/0142"),
        "{csv}"
    );
    let json = stdout(&sandbox.run(&["report", "--format", "json"]));
    assert!(
        json.contains("\"registration\": \"KS 2026/0142\""),
        "{json}"
    );
}

#[test]
fn a_registration_number_travels_with_an_imported_arena() {
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());
    assert!(
        sandbox
            .run(&["register", "1", "KS 2026/0142"])
            .status
            .success()
    );
    let file = sandbox.path("a.json").display().to_string();
    let other = sandbox.path("other.db").display().to_string();
    assert!(
        sandbox
            .run(&["export", "arena", "1", "--format", "json", "--out", &file])
            .status
            .success()
    );

    assert!(
        sandbox
            .run(&["--db", &other, "import", &file])
            .status
            .success()
    );

    assert_eq!(
        sandbox.open("other.db").registration(1).unwrap(),
        "KS 2026/0142"
    );
}

#[test]
fn an_arena_without_a_registration_number_shows_no_line_for_it() {
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());
    assert!(sandbox.run(&["register", "1", "KS 1"]).status.success());

    let cleared = sandbox.run(&["register", "1", ""]);

    assert_eq!(
        stdout(&cleared),
        "Arena #1 has no registration number now.\n"
    );
    assert!(!stdout(&sandbox.run(&["show", "1"])).contains("Registration"));
}

#[test]
fn register_refuses_an_unknown_arena_and_an_overlong_number() {
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());

    let missing = sandbox.run(&["register", "7", "KS 1"]);
    let long = sandbox.run(&["register", "1", &"K".repeat(61)]);

    // A wrong argument (issue 19: exit 2, as README's table says).
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("arena #7 does not exist"));
    assert_eq!(long.status.code(), Some(2));
    assert!(
        stderr(&long).contains("61 characters; at most 60"),
        "{}",
        stderr(&long)
    );
    assert_eq!(sandbox.open("db.db").registration(1).unwrap(), "");
}

#[test]
fn retention_run_leaves_recently_closed_and_open_arenas_alone() {
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());

    let dry = sandbox.run(&["retention", "run", "--dry-run"]);
    let run = sandbox.run(&["retention", "run"]);

    assert!(dry.status.success(), "{}", stderr(&dry));
    assert_eq!(
        stdout(&dry),
        "Nothing to anonymise under rule contacts-365.\n"
    );
    assert_eq!(
        stdout(&run),
        "Nothing to anonymise under rule contacts-365.\n"
    );
}

#[test]
fn a_retention_line_names_the_arena_its_close_and_what_goes() {
    use chrono::{TimeZone, Utc};
    let change = puls::store::RetentionChange {
        rule: "contacts-365".into(),
        arena: 12,
        title: "Siblings absent".into(),
        closed_at: Some(Utc.with_ymd_and_hms(2025, 1, 10, 12, 0, 0).unwrap()),
        recipient: true,
        contacts: 3,
        restricted: true,
        drawn_up: 0,
        history: 0,
        read_log: 0,
    };
    assert_eq!(
        puls::messages::retention_line(&change),
        "#12 Siblings absent (closed 2025-01-10): the recipient and 3 contact summaries and the restricted record [contacts-365]"
    );
    let copies = puls::store::RetentionChange {
        drawn_up: 2,
        history: 1,
        ..change
    };
    assert!(
        puls::messages::retention_line(&copies).contains(
            "the restricted record and 2 drawn-up versions and the recipient in 1 history row ["
        ),
        "{}",
        puls::messages::retention_line(&copies)
    );
    assert_eq!(
        puls::messages::retention_summary(2, "contacts-365", true),
        "Dry run, nothing written. Would anonymise 2 arenas under rule contacts-365."
    );
}

#[test]
fn the_first_account_to_grant_becomes_administrator_and_users_list_shows_the_roles() {
    let sandbox = Sandbox::new();
    let me = os_account();

    let granted = sandbox.run(&["users", "grant", "karin", "coordinator"]);
    let wrong = sandbox.run(&["users", "grant", "karin", "wizard"]);
    let list = sandbox.run(&["users", "list"]);

    assert!(granted.status.success(), "{}", stderr(&granted));
    assert_eq!(
        stdout(&granted),
        format!(
            "{me} is the first administrator of this database (noted in the history).\nkarin is coordinator now.\n"
        )
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("\"wizard\" is not a role"));
    let list = stdout(&list);
    assert!(list.contains(&format!("{me}  administrator\n")), "{list}");
    assert!(list.contains("karin  coordinator\n"), "{list}");
    let history = sandbox.open("db.db").history(None, None, 10).unwrap();
    let grants: Vec<(&str, &str)> = history
        .iter()
        .map(|r| (r.who.as_str(), r.detail.as_str()))
        .collect();
    let first = format!("administrator to {me}: the first on this database");
    assert_eq!(
        grants,
        vec![
            (me.as_str(), first.as_str()),
            (me.as_str(), "coordinator to karin")
        ]
    );
}

#[test]
fn users_link_names_a_roster_person_and_refuses_a_stranger() {
    let sandbox = Sandbox::new();
    let mut store = sandbox.open("db.db");
    store
        .add_person(&puls::store::PersonEdit {
            name: "Karin Svensson".into(),
            unit: String::new(),
            role: String::new(),
            contact: String::new(),
            capacity: 50,
            coordinator: true,
            competences: vec![],
            manager: String::new(),
        })
        .unwrap();
    drop(store);

    let linked = sandbox.run(&["users", "link", "karin", "Karin Svensson"]);
    let stranger = sandbox.run(&["users", "link", "karin", "Nobody Known"]);

    assert_eq!(stdout(&linked), "karin is Karin Svensson on the roster.\n");
    // A wrong argument (issue 19: exit 2, as README's table says).
    assert_eq!(stranger.status.code(), Some(2));
    assert!(
        stderr(&stranger).contains("Nobody Known"),
        "{}",
        stderr(&stranger)
    );
    assert!(stdout(&sandbox.run(&["users", "list"])).contains("karin  no role  (Karin Svensson)"));
}

#[test]
fn extracts_through_the_binary_refuse_an_open_arena_and_write_files_for_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());
    assert!(
        sandbox
            .run(&["users", "grant", "karin", "member"])
            .status
            .success()
    );
    let out = sandbox.path("extract.json");

    let subject = sandbox.run(&[
        "extract",
        "subject",
        "LF-2026-014",
        "--format",
        "json",
        "--out",
        &out.display().to_string(),
    ]);
    let public = sandbox.run(&["extract", "public", "1"]);

    assert!(subject.status.success(), "{}", stderr(&subject));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["case_reference"], "LF-2026-014");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(public.status.code(), Some(2));
    assert!(
        stderr(&public).contains("arena #1 has never been closed"),
        "{}",
        stderr(&public)
    );
}

#[test]
fn a_roster_file_with_a_personal_number_is_refused_naming_file_line_and_field() {
    let sandbox = Sandbox::new();
    let csv = sandbox.path("people.csv");
    std::fs::write(
        &csv,
        "name,unit,external,role,contact,capacity,coordinator,competences\n\
         Åsa Öberg,Lärande & familj,no,Specialpedagog,070-111 22 33,50,yes,\n\
         Karin Sjöström,Region Skåne,yes,Sjuksköterska,pnr 850709-9805,,no,\n",
    )
    .unwrap();
    let file = csv.display().to_string();

    let refused = sandbox.run(&["roster", "import", &file]);
    let allowed = sandbox.run(&["roster", "import", &file, "--allow-personal-data"]);

    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains(&format!(
            "{file}:3: contact: looks like a personal identity number (850709-****)"
        )),
        "{}",
        stderr(&refused)
    );
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let store = sandbox.open("db.db");
    assert_eq!(store.roster_people().unwrap().len(), 2);
    let logged: Vec<String> = store
        .history(None, None, 50)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "personal-data")
        .map(|r| r.detail)
        .collect();
    assert_eq!(
        logged,
        vec![format!(
            "allowed in {file}:3: contact: personal identity number"
        )]
    );
}

#[test]
fn a_bank_file_with_a_personal_number_is_refused_naming_the_entry_and_field() {
    let sandbox = Sandbox::new();
    let json = sandbox.path("bank.json");
    std::fs::write(
        &json,
        r#"{"format": 1, "entries": [
            {"title": "Interpreters", "kind": "method", "body": "Book early."},
            {"title": "A case", "kind": "case", "body": "The boy, 121212-1212, came back."}
        ]}"#,
    )
    .unwrap();
    let file = json.display().to_string();

    let refused = sandbox.run(&["bank", "import", &file]);
    let dry = sandbox.run(&[
        "bank",
        "import",
        &file,
        "--dry-run",
        "--allow-personal-data",
    ]);

    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains(&format!(
            "{file}: entry 2: body: looks like a personal identity number (121212-****)"
        )),
        "{}",
        stderr(&refused)
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    let store = sandbox.open("db.db");
    assert_eq!(store.bank_record().unwrap().entries.len(), 0);
    assert!(
        store.history(None, None, 50).unwrap().is_empty(),
        "a dry run logs nothing"
    );
}

#[test]
fn no_history_row_holds_personal_data_saved_on_purpose() {
    let sandbox = Sandbox::new();
    let allow = "--allow-personal-data";
    let file = arena_file_with(&sandbox, "/title", "Imported for 701063-2391 with adhd");
    let csv = sandbox.path("people 121212-1212.csv");
    std::fs::write(
        &csv,
        "name,unit,external,role,contact,capacity,coordinator,competences\n\
         Karin 19850709 9805,Region Skåne,yes,Nurse,,,no,\n",
    )
    .unwrap();
    let bank = sandbox.path("bank.json");
    std::fs::write(
        &bank,
        r#"{"format": 1, "entries": [{"title": "The case of 000229-0005", "kind": "case", "body": "."}]}"#,
    )
    .unwrap();

    for args in [
        vec!["signal", "Boy 850709 9805 with diabetes", allow],
        vec!["register", "1", "KS 19121212-1212", allow],
        vec!["import", &file, allow],
        vec!["roster", "import", &csv.display().to_string(), allow],
        vec!["bank", "import", &bank.display().to_string(), allow],
    ] {
        let out = sandbox.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let history = sandbox.run(&["history", "--limit", "1000"]);

    let shown = stdout(&history);
    assert!(shown.contains("[masked]"), "{shown}");
    for secret in ["9805", "121212-1212", "2391", "000229", "diabetes", "adhd"] {
        assert!(!shown.contains(secret), "{secret} in the history:\n{shown}");
    }
}

#[test]
fn every_import_refuses_a_personal_number_in_a_competence_even_written_with_a_space() {
    let sandbox = Sandbox::new();
    let file = arena_file_with(
        &sandbox,
        "/needs/0/competence",
        "Interpreter for 850709 9805",
    );
    let csv = sandbox.path("people.csv");
    std::fs::write(
        &csv,
        "name,unit,external,role,contact,capacity,coordinator,competences\n\
         Karin Sjöström,Region Skåne,yes,Nurse,,,no,\"Wound care; Guardian of 19850709 9805\"\n",
    )
    .unwrap();
    let bank = sandbox.path("bank.json");
    std::fs::write(
        &bank,
        r#"{"format": 1, "entries": [{"title": "Interpreters", "kind": "method", "body": ".",
            "competences": ["Tolk 121212 1212"]}]}"#,
    )
    .unwrap();
    let (csv, bank) = (csv.display().to_string(), bank.display().to_string());

    for (args, said) in [
        (
            vec!["import", &file],
            "need 1: competence: looks like a personal identity number (850709-****)".to_owned(),
        ),
        (
            vec!["roster", "import", &csv],
            format!("{csv}:2: competences: looks like a personal identity number (19850709-****)"),
        ),
        (
            vec!["bank", "import", &bank],
            format!(
                "{bank}: entry 1: competences: looks like a personal identity number (121212-****)"
            ),
        ),
        (
            vec!["signal", "Siblings", "--need", "The elder, 121212 1212"],
            "need: looks like a personal identity number (121212-****)".to_owned(),
        ),
    ] {
        let out = sandbox.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(&said), "{args:?}: {}", stderr(&out));
    }
    let store = sandbox.open("db.db");
    assert_eq!(store.board_cards(true).unwrap().len(), 0);
    assert!(store.roster_people().unwrap().is_empty());
    assert!(
        store.history(None, None, 10).unwrap().is_empty(),
        "nothing written"
    );
}

#[test]
fn a_competence_named_after_a_condition_is_imported_without_asking() {
    let sandbox = Sandbox::new();
    let file = arena_file_with(
        &sandbox,
        "/needs/0/competence",
        "Eating disorder specialist",
    );

    let out = sandbox.run(&["import", &file]);

    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn after_retention_run_extract_public_prints_nothing_it_removed() {
    let sandbox = Sandbox::new();
    let config = sandbox.path("config.toml");
    std::fs::write(
        &config,
        "[[retention]]\nname = \"contacts-1\"\nwhat = \"contacts\"\ndays = 1\n",
    )
    .unwrap();
    let (config, db) = (config.display().to_string(), sandbox.path("demo.db"));
    let db = db.display().to_string();
    let demo = sandbox.run(&["--demo", "--db", &db, "show", "7"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let plan = sandbox.open("demo.db").plan(7).unwrap();
    let mut removed: Vec<String> = plan.contacts.iter().map(|c| c.summary.clone()).collect();
    removed.push(plan.proactivity.recipient.clone());

    let run = sandbox.run(&["--config", &config, "--db", &db, "retention", "run"]);
    let public = sandbox.run(&["--db", &db, "extract", "public", "7", "--format", "json"]);

    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).contains("#7 "), "{}", stdout(&run));
    let shown = stdout(&public);
    assert!(public.status.success(), "{}", stderr(&public));
    for text in removed.iter().filter(|t| !t.is_empty()) {
        assert!(!shown.contains(text.as_str()), "{text} in\n{shown}");
    }
}

#[test]
fn the_subject_extract_holds_the_meetings_ratings_and_purpose_notes_that_name_the_case() {
    use puls::domain::maturity::{Dimension, Occasion, Score};
    use puls::domain::review::{Question, ReviewKind};
    use puls::store::{RatingEdit, ReviewEdit};
    let sandbox = Sandbox::new();
    assert!(sandbox.run(&["signal", "Siblings absent"]).status.success());
    assert!(
        sandbox
            .run(&["users", "grant", "karin", "member"])
            .status
            .success()
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut store = sandbox.open("db.db");
    store
        .add_review(
            1,
            &ReviewEdit {
                kind: ReviewKind::Citizen,
                held_on: day,
                led_by: "Eva Lindqvist".into(),
                answers: vec![(
                    Question::Feedback,
                    "LF-2026-014 asked for evening meetings".into(),
                )],
                light: None,
            },
        )
        .unwrap();
    let scores = Dimension::ALL
        .into_iter()
        .map(|dimension| Score {
            dimension,
            level: 2,
            note: "each on its own".into(),
        })
        .collect();
    store
        .add_rating(
            1,
            &RatingEdit {
                on: day,
                occasion: Occasion::Baseline,
                partner: String::new(),
                scores,
            },
        )
        .unwrap();
    let purpose = store
        .add_purpose("Every child in school", "No child left at home")
        .unwrap();
    store
        .add_purpose_note(
            purpose,
            puls::domain::purpose::NoteKind::Dilemma,
            day,
            "Whether LF-2026-014 may join the meeting",
        )
        .unwrap();
    store
        .add_purpose_note(
            purpose,
            puls::domain::purpose::NoteKind::Note,
            day,
            "LF-2026-0145 is someone else",
        )
        .unwrap();
    drop(store);

    let english = sandbox.path("extract.md");
    let swedish = sandbox.path("utdrag.md");
    let written = sandbox.run(&[
        "extract",
        "subject",
        "LF-2026-014",
        "--out",
        &english.display().to_string(),
    ]);
    let skrivet = sandbox.run_in(
        &[
            "extract",
            "subject",
            "LF-2026-014",
            "--out",
            &swedish.display().to_string(),
        ],
        "sv_SE.UTF-8",
    );

    assert!(written.status.success(), "{}", stderr(&written));
    assert!(skrivet.status.success(), "{}", stderr(&skrivet));
    let text = std::fs::read_to_string(&english).unwrap();
    assert!(text.contains("## #1 Siblings absent"), "{text}");
    assert!(
        text.contains("- 2026-11-20 Citizen review · Led by: Eva Lindqvist"),
        "{text}"
    );
    assert!(
        text.contains("  - Feedback: LF-2026-014 asked for evening meetings"),
        "{text}"
    );
    assert!(text.contains("### Maturity ratings"), "{text}");
    assert!(text.contains("  - Goals: 2 each on its own"), "{text}");
    assert!(text.contains("## Notes of purpose meetings"), "{text}");
    assert!(
        text.contains(
            "- 2026-11-20 Every child in school · Dilemmas · test: Whether LF-2026-014 may join the meeting"
        ),
        "{text}"
    );
    assert!(!text.contains("someone else"), "{text}");
    let text = std::fs::read_to_string(&swedish).unwrap();
    assert!(
        text.contains("  - Återkoppling: LF-2026-014 asked for evening meetings"),
        "{text}"
    );
    assert!(text.contains("### Skattningar av mognad"), "{text}");
    assert!(text.contains("## Anteckningar från syftesmöten"), "{text}");
}
