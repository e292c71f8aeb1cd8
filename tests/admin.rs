//! The administrator's commands, run as the real binary: `puls history`, `backup`, `restore` and
//! `check`, and the exit codes for a database puls cannot use.

use puls::store::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use puls::domain::clock::FixedClock;
use puls::store::Store;
use rusqlite::Connection;
use tempfile::TempDir;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use app::{signal, titled};
use cli::{stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_puls");

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// A private folder with a database, and puls run on it with nothing of the developer's.
struct Site {
    dir: TempDir,
}

impl Site {
    fn new() -> Site {
        Site {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("arenas.db")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A session writing as `who` at a fixed time.
    fn store(&self, who: &str, when: DateTime<Utc>) -> Store {
        Store::open(&self.db(), who, Arc::new(FixedClock(when))).unwrap()
    }

    /// Runs puls with `args` on this site's database, in UTC so times read the same anywhere.
    fn puls(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .arg("--db")
            .arg(self.db())
            .env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("USER", "admin")
            .env("TZ", "UTC")
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn titles(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT title FROM arenas ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Three changes by two people over two days: #1 signalled and renamed, #2 signalled.
fn three_changes(site: &Site) {
    let a = site
        .store("maja", at(20, 9))
        .create_signal(&signal("Newcomer needs work"))
        .unwrap();
    site.store("jonas", at(21, 10))
        .create_signal(&signal("Boy falling behind"))
        .unwrap();
    site.store("maja", at(22, 11))
        .edit_arena(a.id, a.version, &titled("Newcomer needs a job"))
        .unwrap();
}

mod history {
    use super::*;

    #[test]
    fn prints_who_when_what_and_detail_oldest_first() {
        let site = Site::new();
        three_changes(&site);
        let output = site.puls(&["history"]);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
        assert_eq!(
            lines,
            [
                "2026-11-20 09:00  maja   arena #1  signal  Newcomer needs work",
                "2026-11-21 10:00  jonas  arena #2  signal  Boy falling behind",
                "2026-11-22 11:00  maja   arena #1  edit    title: Newcomer needs work -> Newcomer needs a job",
            ]
        );
    }

    #[test]
    fn since_a_date_or_a_time_leaves_out_what_came_before() {
        let site = Site::new();
        three_changes(&site);
        let from_date = stdout(&site.puls(&["history", "--since", "2026-11-21"]));
        assert_eq!(from_date.lines().count(), 2, "{from_date}");
        assert!(
            from_date.starts_with("2026-11-21 10:00  jonas"),
            "{from_date}"
        );
        let from_time = stdout(&site.puls(&["history", "--since", "2026-11-21T10:01"]));
        assert_eq!(from_time.lines().count(), 1, "{from_time}");
        assert!(from_time.contains("edit"), "{from_time}");
    }

    #[test]
    fn a_time_ago_counts_back_from_now() {
        // Given a change an hour ago and one long ago
        let site = Site::new();
        let now = Utc::now();
        site.store("maja", now - chrono::TimeDelta::days(30))
            .create_signal(&signal("Old"))
            .unwrap();
        site.store("maja", now - chrono::TimeDelta::hours(1))
            .create_signal(&signal("Recent"))
            .unwrap();

        // Then 24h shows the recent one and 60d both
        let day = stdout(&site.puls(&["history", "--since", "24h"]));
        assert_eq!(day.lines().count(), 1, "{day}");
        assert!(day.contains("Recent"), "{day}");
        let months = stdout(&site.puls(&["history", "--since", "60d"]));
        assert_eq!(months.lines().count(), 2, "{months}");
    }

    #[test]
    fn an_arena_shows_only_its_own_changes() {
        let site = Site::new();
        three_changes(&site);
        let output = stdout(&site.puls(&["history", "--arena", "#1"]));
        assert_eq!(output.lines().count(), 2, "{output}");
        assert!(output.lines().all(|l| l.contains("arena #1")), "{output}");
        let none = stdout(&site.puls(&["history", "--arena", "7"]));
        assert_eq!(none.trim(), "No changes of arena #7 yet.");
    }

    #[test]
    fn a_time_that_is_no_time_is_refused_with_examples() {
        let site = Site::new();
        let output = site.puls(&["history", "--since", "last week"]);
        assert_eq!(code(&output), Some(2));
        assert!(
            stderr(&output).contains("2026-11-01T09:00"),
            "{}",
            stderr(&output)
        );
    }

    #[test]
    fn text_written_past_puls_reaches_the_terminal_without_controls() {
        // Given a history row another program wrote with escapes in every field
        let site = Site::new();
        three_changes(&site);
        let hostile = "x\x1b[2J\x1b]52;c;aGk=\x07\u{9b}31m\u{202e}y";
        Connection::open(site.db())
            .unwrap()
            .execute(
                "INSERT INTO audit (at, who, entity, entity_id, action, detail)
                 VALUES ('2026-11-23T09:00:00Z', ?1, ?1, 1, ?1, ?1)",
                [hostile],
            )
            .unwrap();

        // Then the history prints it as plain text
        let output = site.puls(&["history"]).stdout;
        let text = String::from_utf8(output).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(text.contains("x[2J]52;c;aGk=31my"), "{text}");
    }
}

mod backup {
    use super::*;

    #[test]
    fn writes_a_sound_copy_only_its_owner_may_read() {
        let site = Site::new();
        three_changes(&site);
        let copy = site.file("copy.db");
        let output = site.puls(&["backup", copy.to_str().unwrap()]);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).contains("checked"), "{}", stdout(&output));
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(titles(&copy), titles(&site.db()));
        let conn = Connection::open(&copy).unwrap();
        let (integrity, journal): (String, String) = (
            conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap(),
            conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .unwrap(),
        );
        assert_eq!((integrity.as_str(), journal.as_str()), ("ok", "delete"));
    }

    #[test]
    fn will_not_overwrite_a_file_unless_forced() {
        // Given a file where the backup should go
        let site = Site::new();
        three_changes(&site);
        let copy = site.file("copy.db");
        std::fs::write(&copy, "yesterday's notes").unwrap();

        // When a backup is asked for there, then forced
        let refused = site.puls(&["backup", copy.to_str().unwrap()]);
        let kept = std::fs::read_to_string(&copy).unwrap();
        let forced = site.puls(&["backup", copy.to_str().unwrap(), "--force"]);

        // Then the first is refused with exit code 2 and changes nothing; the second replaces it
        assert_eq!(code(&refused), Some(2));
        assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
        assert_eq!(kept, "yesterday's notes");
        assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
        assert_eq!(titles(&copy).len(), 2);
    }

    #[test]
    fn never_writes_over_the_database_itself() {
        let site = Site::new();
        three_changes(&site);
        let output = site.puls(&["backup", site.db().to_str().unwrap(), "--force"]);
        assert_eq!(code(&output), Some(2));
        assert_eq!(titles(&site.db()).len(), 2);
    }

    #[test]
    fn never_writes_over_the_files_sqlite_keeps_beside_the_database_by_any_name() {
        // Given the files beside the database, named directly, through `..`, through a
        // symlink, and the database by a hard link
        let site = Site::new();
        three_changes(&site);
        let db = site.db().to_str().unwrap().to_owned();
        std::fs::create_dir(site.file("sub")).unwrap();
        let link = site.file("wal-link");
        std::os::unix::fs::symlink(format!("{db}-wal"), &link).unwrap();
        let hard = site.file("hard.db");
        std::fs::hard_link(site.db(), &hard).unwrap();
        let targets = [
            format!("{db}-wal"),
            format!("{db}-shm"),
            format!("{db}-journal"),
            site.file("sub/../arenas.db-wal").display().to_string(),
            "arenas.db-journal".to_owned(),
            link.display().to_string(),
            hard.display().to_string(),
        ];

        for target in &targets {
            // When a backup is forced onto it
            let output = site.puls(&["backup", target, "--force"]);

            // Then it is refused (exit 2), and the database keeps every change
            assert_eq!(code(&output), Some(2), "{target}: {}", stderr(&output));
            assert!(stderr(&output).contains("itself"), "{}", stderr(&output));
            assert_eq!(titles(&site.db()).len(), 2, "{target}");
        }
        assert!(!site.file("arenas.db-journal").exists());
        assert_eq!(code(&site.puls(&["check"])), Some(0));
    }
}

mod restore {
    use super::*;

    fn backup(site: &Site, name: &str) -> PathBuf {
        let copy = site.file(name);
        let output = site.puls(&["backup", copy.to_str().unwrap()]);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        copy
    }

    /// The files beside the database named `arenas.db.replaced-...`.
    fn replaced(site: &Site) -> Vec<PathBuf> {
        std::fs::read_dir(site.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("arenas.db.replaced-"))
            .collect()
    }

    #[test]
    fn puts_the_backup_back_and_keeps_the_replaced_database_beside_it() {
        // Given a backup, then a mistake made after it that someone undoes by force
        let site = Site::new();
        three_changes(&site);
        let copy = backup(&site, "monday.db");
        Connection::open(site.db())
            .unwrap()
            .execute("UPDATE arenas SET title = 'Oops'", [])
            .unwrap();

        // When the backup is restored
        let output = site.puls(&["restore", copy.to_str().unwrap()]);

        // Then the database holds the backup's arenas, and the replaced one is kept, whole
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        assert_eq!(
            titles(&site.db()),
            ["Newcomer needs a job", "Boy falling behind"]
        );
        let kept = replaced(&site);
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(titles(&kept[0]), ["Oops", "Oops"]);
        assert!(
            stdout(&output).contains("arenas.db.replaced-"),
            "{}",
            stdout(&output)
        );
        assert_eq!(code(&site.puls(&["check"])), Some(0));
    }

    #[test]
    fn refuses_to_lose_newer_changes_unless_forced() {
        // Given a backup, and a change recorded after it
        let site = Site::new();
        three_changes(&site);
        let copy = backup(&site, "monday.db");
        site.store("jonas", at(23, 9))
            .create_signal(&signal("Since the backup"))
            .unwrap();

        // When the backup is restored, then forced
        let refused = site.puls(&["restore", copy.to_str().unwrap()]);
        let after_refusal = titles(&site.db());
        let kept_after_refusal = replaced(&site);
        let forced = site.puls(&["restore", copy.to_str().unwrap(), "--force"]);

        // Then the first says what would be lost and changes nothing; the second restores
        assert_eq!(code(&refused), Some(2));
        assert!(
            stderr(&refused).contains("1 change that"),
            "{}",
            stderr(&refused)
        );
        assert_eq!(after_refusal.len(), 3);
        assert_eq!(kept_after_refusal, Vec::<PathBuf>::new());
        assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
        assert_eq!(titles(&site.db()).len(), 2);
        assert_eq!(titles(&replaced(&site)[0]).len(), 3);
    }

    #[test]
    fn refuses_a_database_another_session_has_open() {
        // Given a backup, and a colleague with the database open
        let site = Site::new();
        three_changes(&site);
        let copy = backup(&site, "monday.db");
        let colleague = site.store("jonas", at(23, 9));
        colleague.board_cards(false).unwrap();

        // When the backup is restored
        let output = site.puls(&["restore", copy.to_str().unwrap()]);

        // Then it is refused, naming the reason, and nothing was replaced
        assert_eq!(code(&output), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("open in another"),
            "{}",
            stderr(&output)
        );
        assert!(replaced(&site).is_empty());
        drop(colleague);
        assert_eq!(
            code(&site.puls(&["restore", copy.to_str().unwrap()])),
            Some(0)
        );
    }

    #[test]
    fn replaces_a_damaged_database_only_when_forced() {
        let site = Site::new();
        three_changes(&site);
        let copy = backup(&site, "monday.db");
        std::fs::write(site.db(), "not a database any more ".repeat(40)).unwrap();
        let refused = site.puls(&["restore", copy.to_str().unwrap()]);
        assert_eq!(code(&refused), Some(2), "{}", stderr(&refused));
        let forced = site.puls(&["restore", copy.to_str().unwrap(), "--force"]);
        assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
        assert_eq!(titles(&site.db()).len(), 2);
        let kept = std::fs::read_to_string(&replaced(&site)[0]).unwrap();
        assert!(kept.starts_with("not a database"));
    }

    #[test]
    fn refuses_to_restore_the_database_onto_itself() {
        let site = Site::new();
        three_changes(&site);
        let output = site.puls(&["restore", site.db().to_str().unwrap(), "--force"]);
        assert_eq!(code(&output), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains("itself"), "{}", stderr(&output));
        assert!(replaced(&site).is_empty());
    }

    #[test]
    fn the_backup_is_only_read_and_nothing_is_left_beside_it() {
        // Given a copy of the database file itself, in WAL mode as puls keeps its databases
        let site = Site::new();
        three_changes(&site);
        let copy = site.file("copied.db");
        std::fs::copy(site.db(), &copy).unwrap();
        let before = std::fs::read(&copy).unwrap();

        // When it is restored
        let output = site.puls(&["restore", copy.to_str().unwrap(), "--force"]);

        // Then it is as it was, with no -wal or -shm beside it
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        assert_eq!(std::fs::read(&copy).unwrap(), before);
        assert!(!site.file("copied.db-wal").exists());
        assert!(!site.file("copied.db-shm").exists());
    }

    #[test]
    fn refuses_a_source_that_is_not_a_regular_file() {
        let site = Site::new();
        three_changes(&site);
        let folder = site.file("backups");
        std::fs::create_dir(&folder).unwrap();
        for source in [Path::new("/dev/null"), folder.as_path()] {
            let output = site.puls(&["restore", source.to_str().unwrap(), "--force"]);
            assert_eq!(code(&output), Some(2), "{source:?}: {}", stderr(&output));
            assert!(
                stderr(&output).contains("not a regular file"),
                "{}",
                stderr(&output)
            );
        }
        assert!(replaced(&site).is_empty());
        assert_eq!(titles(&site.db()).len(), 2);
    }

    #[test]
    fn an_empty_file_or_another_programs_database_is_named_as_such() {
        // Given an empty file and another program's SQLite database
        let site = Site::new();
        three_changes(&site);
        let empty = site.file("empty.db");
        std::fs::write(&empty, "").unwrap();
        let other = site.file("other.sqlite");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');")
            .unwrap();

        // When each is restored, even forced
        let from_empty = site.puls(&["restore", empty.to_str().unwrap(), "--force"]);
        let from_other = site.puls(&["restore", other.to_str().unwrap(), "--force"]);

        // Then each is refused in plain words, and the database is as it was
        for (output, says) in [(&from_empty, "is empty"), (&from_other, "another program")] {
            assert_eq!(code(output), Some(1), "{}", stderr(output));
            assert!(stderr(output).contains(says), "{}", stderr(output));
            assert!(
                !stderr(output).contains("no such table"),
                "{}",
                stderr(output)
            );
        }
        assert!(replaced(&site).is_empty());
        assert_eq!(titles(&site.db()).len(), 2);
    }

    #[test]
    fn refuses_a_file_that_is_not_a_backup() {
        let site = Site::new();
        three_changes(&site);
        let notes = site.file("notes.txt");
        std::fs::write(&notes, "shopping list ".repeat(40)).unwrap();
        let output = site.puls(&["restore", notes.to_str().unwrap(), "--force"]);
        assert_eq!(code(&output), Some(1));
        assert!(
            stderr(&output).contains("not a puls database"),
            "{}",
            stderr(&output)
        );
        assert_eq!(titles(&site.db()).len(), 2);
    }
}

mod check {
    use super::*;

    #[test]
    fn a_sound_database_passes_with_exit_code_0() {
        let site = Site::new();
        three_changes(&site);
        let output = site.puls(&["check"]);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).contains("sound"), "{}", stdout(&output));
    }

    #[test]
    fn a_reference_to_nobody_is_named_in_plain_words() {
        // Given an allocation of a person who is not there, written past puls's checks
        let site = Site::new();
        three_changes(&site);
        Connection::open(site.db())
            .unwrap()
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 INSERT INTO allocations (person_id, arena_id, percent, from_date, updated_at, updated_by)
                 VALUES (99, 1, 10, '2026-11-01', '2026-11-01T00:00:00Z', 'sqlite3');",
            )
            .unwrap();

        // When the database is checked
        let output = site.puls(&["check"]);

        // Then the check fails and says which row points at what
        assert_eq!(code(&output), Some(1));
        assert!(
            stdout(&output).contains("The allocation 1 refers to a person that does not exist."),
            "{}",
            stdout(&output)
        );
        assert!(
            stderr(&output).contains("puls restore"),
            "{}",
            stderr(&output)
        );
    }

    /// Runs `puls check` on `db` as the account `uid` when the machine allows, else as this one.
    fn check_as(uid: u32, home: &Path, db: &Path) -> Output {
        let args = ["--db", db.to_str().unwrap(), "check"];
        cli::run_as(uid, home, &args, &[]).unwrap_or_else(|| cli::run_in(home, &args, &[]))
    }

    /// The names in the folder of `db` that start with its name.
    fn beside(db: &Path) -> Vec<String> {
        let name = db.file_name().unwrap().to_string_lossy().into_owned();
        let mut names: Vec<String> = std::fs::read_dir(db.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&name))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_database_its_user_may_not_write_is_checked_without_a_file_left_beside_it() {
        // Given a database another account owns and made read-only (0400) in its own folder,
        // and one it may write in a folder it may not (the machine allowing a second account)
        let site = Site::new();
        three_changes(&site);
        let nobody = 65534;
        let shared = tempfile::tempdir().unwrap();
        std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let own = shared.path().join("own");
        std::fs::create_dir(&own).unwrap();
        let read_only = own.join("archive.db");
        std::fs::copy(site.db(), &read_only).unwrap();
        std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o400)).unwrap();
        let fixed = shared.path().join("fixed");
        std::fs::create_dir(&fixed).unwrap();
        let in_fixed = fixed.join("arenas.db");
        std::fs::copy(site.db(), &in_fixed).unwrap();
        std::fs::set_permissions(&in_fixed, std::fs::Permissions::from_mode(0o600)).unwrap();
        let second_account = cli::run_as(nobody, shared.path(), &["--version"], &[]).is_some();
        if second_account {
            for path in [&own, &read_only, &in_fixed] {
                std::os::unix::fs::chown(path, Some(nobody), Some(nobody)).unwrap();
            }
        }

        // When each is checked
        let checked = check_as(nobody, &own, &read_only);
        let checked_fixed = check_as(nobody, &own, &in_fixed);

        // Then each check passes and leaves nothing beside the database
        assert_eq!(code(&checked), Some(0), "{}", stderr(&checked));
        assert_eq!(beside(&read_only), ["archive.db"]);
        assert_eq!(code(&checked_fixed), Some(0), "{}", stderr(&checked_fixed));
        assert_eq!(beside(&in_fixed), ["arenas.db"]);
    }

    #[test]
    fn a_damaged_file_fails_the_check() {
        // Given a database whose table pages were overwritten, header intact
        let site = Site::new();
        three_changes(&site);
        let conn = Connection::open(site.db()).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
        drop(conn);
        let mut bytes = std::fs::read(site.db()).unwrap();
        let page = 4096;
        for b in &mut bytes[page..page * 3] {
            *b = 0x5a;
        }
        std::fs::write(site.db(), bytes).unwrap();

        // Then the check reports damage with exit code 1
        let output = site.puls(&["check"]);
        assert_eq!(code(&output), Some(1), "{}", stdout(&output));
        assert!(
            stdout(&output).contains("Damaged") || stderr(&output).contains("damaged"),
            "{}{}",
            stdout(&output),
            stderr(&output)
        );
    }
}

mod exit_codes {
    use super::*;

    /// Makes the database at the path unusable in one way.
    type Spoil = fn(&Path);

    #[test]
    fn a_database_puls_cannot_use_exits_with_1_and_says_why() {
        let site = Site::new();
        site.store("maja", at(20, 9));
        let cases: [(&str, Spoil); 4] = [
            ("newer puls", |db| {
                let conn = Connection::open(db).unwrap();
                conn.execute_batch("PRAGMA user_version = 999").unwrap();
            }),
            ("read-only", |db| {
                std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o400)).unwrap();
            }),
            ("chmod o-w", |db| {
                std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o666)).unwrap();
            }),
            ("not a puls database", |db| {
                std::fs::write(db, "plain text ".repeat(50)).unwrap();
            }),
        ];
        for (says, spoil) in cases {
            spoil(&site.db());
            let output = site.puls(&["show", "1"]);
            assert_eq!(code(&output), Some(1), "{says}: {}", stderr(&output));
            assert!(
                stderr(&output).contains(says),
                "{says}: {}",
                stderr(&output)
            );
            std::fs::set_permissions(site.db(), std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }

    #[test]
    fn another_programs_database_is_left_byte_identical() {
        // Given another program's SQLite database
        let site = Site::new();
        let other = site.file("other.sqlite");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');")
            .unwrap();
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).unwrap();
        let before = std::fs::read(&other).unwrap();
        let other = other.to_str().unwrap();

        // When puls is pointed at it to record a signal, to fill a demo, to open the demo
        let runs = [
            &["--db", other, "signal", "Newcomer needs work"][..],
            &["--db", other, "demo"],
            &["--db", other, "--demo", "figures"],
            &["--db", other, "check"],
        ];
        for args in runs {
            let output = cli::run_in(site.dir.path(), args, &[]);

            // Then each is refused (exit 1) naming the file, and not a byte changes
            assert_eq!(code(&output), Some(1), "{args:?}: {}", stderr(&output));
            assert!(
                stderr(&output).contains("another program's SQLite database"),
                "{args:?}: {}",
                stderr(&output)
            );
            assert_eq!(std::fs::read(other).unwrap(), before, "{args:?}");
        }
        assert!(!Path::new(&format!("{other}-wal")).exists());
    }

    #[test]
    fn a_file_without_end_or_past_the_limit_is_refused_with_exit_2() {
        // Given endless input where puls expects a file to read
        let site = Site::new();
        site.store("maja", at(20, 9));
        let runs = [
            &["import", "/dev/zero"][..],
            &["bank", "import", "/dev/zero"],
            &["roster", "import", "/dev/zero"],
            &["--config", "/dev/zero", "figures"],
        ];
        for args in runs {
            // When puls reads it
            let output = site.puls(args);

            // Then it stops at the limit and says so
            assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
            assert!(
                stderr(&output).contains("larger than"),
                "{args:?}: {}",
                stderr(&output)
            );
            assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
        }
    }

    #[test]
    fn a_world_readable_database_opens_with_a_warning() {
        let site = Site::new();
        site.store("maja", at(20, 9))
            .create_signal(&signal("Newcomer needs work"))
            .unwrap();
        std::fs::set_permissions(site.db(), std::fs::Permissions::from_mode(0o644)).unwrap();
        let output = site.puls(&["show", "1"]);
        assert_eq!(code(&output), Some(0));
        assert!(stderr(&output).contains("chmod o-r"), "{}", stderr(&output));
    }
}
