//! The database file on a shared server: who may read and write it, the files beside it, and
//! files puls must refuse without changing a byte of them.

use puls::store::prelude::*;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::thread;

use puls::domain::clock::FixedClock;
use puls::store::{Store, StoreError, StoreOptions, Warning};

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use cli::team_group;

/// The mark puls writes in the header of its databases: "PULS" in ASCII.
const PULS_APPLICATION_ID: i32 = 0x5055_4C53;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(app::now()))
}

fn open(path: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
    Store::open_with(path, "maja", clock(), options)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn team(group: &str) -> StoreOptions {
    StoreOptions {
        group: Some(group.to_owned()),
        ..StoreOptions::default()
    }
}

#[test]
fn a_new_team_database_is_0660_in_the_configured_group_and_so_are_its_wal_files() {
    // Given a team group in the options and no database yet
    let (group, gid) = team_group();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("arenas");
    let path = folder.join("team.db");

    // When puls opens it (and keeps it open, so the -wal and -shm files are there)
    let store = open(&path, &team(&group)).unwrap();

    // Then the database, its -wal and -shm are 0660 in the group, and the new folder keeps new
    // files in the group (setgid)
    for file in [path.clone(), beside(&path, "-wal"), beside(&path, "-shm")] {
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o660,
            "{}",
            file.display()
        );
        assert_eq!(meta.gid(), gid, "{}", file.display());
    }
    assert_eq!(mode(&folder), 0o2770);
    assert_eq!(std::fs::metadata(&folder).unwrap().gid(), gid);
    drop(store);
}

#[test]
fn the_wal_files_get_the_group_of_an_existing_database() {
    // Given a database someone gave to the team group, and no session open on it
    let (_, gid) = team_group();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.db");
    drop(open(&path, &StoreOptions::default()).unwrap());
    std::os::unix::fs::chown(&path, None, Some(gid)).unwrap();
    chmod(&path, 0o660);

    // When a session opens it without a group of its own configured
    let store = open(&path, &StoreOptions::default()).unwrap();

    // Then the -wal and -shm it created follow the database
    for suffix in ["-wal", "-shm"] {
        let meta = std::fs::metadata(beside(&path, suffix)).unwrap();
        assert_eq!(meta.gid(), gid, "{suffix}");
        assert_eq!(meta.permissions().mode() & 0o777, 0o660, "{suffix}");
    }
    drop(store);
}

#[test]
fn an_unknown_group_is_refused_and_no_file_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.db");
    let err = open(&path, &team("no-such-group-anywhere")).err().unwrap();
    assert!(
        matches!(err, StoreError::UnknownGroup(ref g) if g == "no-such-group-anywhere"),
        "{err}"
    );
    assert!(!path.exists());
}

#[test]
fn a_new_private_database_has_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir.path().join("mine.db"), &StoreOptions::default()).unwrap();
    assert_eq!(store.warnings(), []);
}

#[test]
fn a_database_anyone_may_read_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.db");
    drop(open(&path, &StoreOptions::default()).unwrap());
    chmod(&path, 0o644);
    let store = open(&path, &StoreOptions::default()).unwrap();
    assert_eq!(store.warnings(), [Warning::WorldReadable(path.clone())]);
}

#[test]
fn refuses_a_database_in_a_folder_anyone_may_write_and_creates_nothing() {
    // Given a folder anyone may write (sticky or not: a planted -wal would be replayed)
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    chmod(&folder, 0o1777);
    let path = folder.join("puls.db");

    // When puls opens a new database there, then an existing one
    let err = open(&path, &StoreOptions::default()).err().unwrap();

    // Then both are refused, naming the folder, and no file was made
    assert!(
        matches!(err, StoreError::FolderWorldWritable(ref f) if f.ends_with("shared")),
        "{err}"
    );
    assert!(!path.exists());
    chmod(&folder, 0o700);
    drop(open(&path, &StoreOptions::default()).unwrap());
    chmod(&folder, 0o777);
    let err = open(&path, &StoreOptions::default()).err().unwrap();
    assert!(matches!(err, StoreError::FolderWorldWritable(_)), "{err}");
}

/// Every byte of the file and the names of every file beside it.
fn snapshot(path: &Path) -> (Vec<u8>, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (std::fs::read(path).unwrap(), names)
}

/// A database in rollback-journal mode, as another program might leave it: opening it with puls's
/// settings would turn it to WAL, which changes its header.
fn rollback_database(path: &Path, user_version: i64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');
         PRAGMA user_version = {user_version};"
    ))
    .unwrap();
    chmod(path, 0o600);
}

#[test]
fn a_database_from_a_newer_puls_is_refused_without_a_byte_changed() {
    // Given a database from a newer puls (puls's mark in its header), in rollback-journal mode
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    rollback_database(&path, 999);
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", PULS_APPLICATION_ID)
        .unwrap();
    let before = snapshot(&path);

    // When this puls opens it
    let err = open(&path, &StoreOptions::default()).err().unwrap();

    // Then it is refused as too new, still in its journal mode, and nothing was created beside it
    assert!(matches!(err, StoreError::TooNew(_)), "{err:?}");
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_without_a_byte_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Meeting notes, not a database. ".repeat(20)).unwrap();
    chmod(&path, 0o600);
    let before = snapshot(&path);
    let err = open(&path, &StoreOptions::default()).err().unwrap();
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err:?}");
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_read_only_database_is_refused_without_a_byte_changed() {
    // Given a database its owner made read-only (even root, who could write it anyway)
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.db");
    rollback_database(&path, 0);
    chmod(&path, 0o400);
    let before = snapshot(&path);

    // When puls opens it
    let err = open(&path, &StoreOptions::default()).err().unwrap();

    // Then it says so and writes nothing (no migration, no WAL)
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(snapshot(&path), before);
}

#[test]
fn sessions_starting_together_on_an_old_database_all_open_it() {
    // Given a database at the first schema version, as an older puls left it
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!(
        "../crates/puls-store/src/migrations/001_foundation.sql"
    ))
    .unwrap();
    conn.execute_batch("PRAGMA user_version = 1; PRAGMA journal_mode = WAL;")
        .unwrap();
    drop(conn);
    chmod(&path, 0o600);

    // When six sessions start on it at the same moment, all of them bringing it up to date
    let start = Arc::new(Barrier::new(6));
    let sessions: Vec<_> = (0..6)
        .map(|_| {
            let (path, start) = (path.clone(), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                open(&path, &StoreOptions::default()).map(|s| s.is_empty())
            })
        })
        .collect();

    // Then every one opens it: one migrates, the others find it done
    for session in sessions {
        let opened = session.join().unwrap();
        assert!(matches!(opened, Ok(Ok(true))), "{:?}", opened.err());
    }
}

fn application_id(path: &Path) -> i32 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_new_database_carries_puls_s_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(open(&path, &StoreOptions::default()).unwrap());
    assert_eq!(application_id(&path), PULS_APPLICATION_ID);
}

#[test]
fn another_programs_database_is_refused_without_a_byte_changed() {
    // Given another program's databases: one with tables not puls's, one with its own mark and
    // no tables yet, one with no tables but a schema version of its own
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("notes.sqlite");
    rollback_database(&tables, 0);
    let marked = dir.path().join("marked.sqlite");
    rusqlite::Connection::open(&marked)
        .unwrap()
        .execute_batch("PRAGMA application_id = 42; VACUUM;")
        .unwrap();
    chmod(&marked, 0o600);
    let versioned = dir.path().join("versioned.sqlite");
    rusqlite::Connection::open(&versioned)
        .unwrap()
        .execute_batch("PRAGMA user_version = 5;")
        .unwrap();
    chmod(&versioned, 0o600);

    for path in [&tables, &marked, &versioned] {
        let before = snapshot(path);

        // When puls opens it
        let err = open(path, &StoreOptions::default()).err().unwrap();

        // Then it is refused as another program's, and left as it was
        assert!(matches!(err, StoreError::ForeignDatabase(_)), "{err:?}");
        assert!(err.to_string().contains("another program's"), "{err}");
        assert_eq!(snapshot(path), before);
    }
}

#[test]
fn a_database_from_before_the_mark_opens_and_gets_it() {
    // Given a database an older puls made, without the mark
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!(
        "../crates/puls-store/src/migrations/001_foundation.sql"
    ))
    .unwrap();
    conn.execute_batch("PRAGMA user_version = 1;").unwrap();
    drop(conn);
    chmod(&path, 0o600);

    // When this puls opens it
    let store = open(&path, &StoreOptions::default()).unwrap();

    // Then it opens, brought up to date, and is marked as puls's
    assert!(store.is_empty().unwrap());
    drop(store);
    assert_eq!(application_id(&path), PULS_APPLICATION_ID);
}

#[test]
fn an_empty_file_is_made_a_puls_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, "").unwrap();
    chmod(&path, 0o600);
    drop(open(&path, &StoreOptions::default()).unwrap());
    assert_eq!(application_id(&path), PULS_APPLICATION_ID);
}

#[test]
fn a_new_database_is_0600_whatever_the_umask() {
    // Given a umask that would take the owner's own write bit (`0277`)
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("arenas.db");
    let output = cli::run_with_umask(
        dir.path(),
        "277",
        &[
            "--db",
            path.to_str().unwrap(),
            "signal",
            "Newcomer needs work",
        ],
        &[],
    );

    // Then the new database is still its owner's to read and write
    assert!(output.status.success(), "{}", cli::stderr(&output));
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_database_path_that_is_no_regular_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("arenas.db");
    std::fs::create_dir(&folder).unwrap();
    let err = open(&folder, &StoreOptions::default()).err().unwrap();
    assert!(matches!(err, StoreError::NotAFile(_)), "{err:?}");
    let checked = puls::store::check(&folder).err().unwrap();
    assert!(matches!(checked, StoreError::NotAFile(_)), "{checked:?}");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn another_programs_database_left_with_a_wal_is_refused_without_a_byte_changed() {
    // Given another program's WAL database as a crash left it: changes still in its -wal
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite");
    let conn = rusqlite::Connection::open(&live).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('only in the wal');",
    )
    .unwrap();
    let path = dir.path().join("crashed.sqlite");
    std::fs::copy(&live, &path).unwrap();
    for suffix in ["-wal", "-shm"] {
        std::fs::copy(beside(&live, suffix), beside(&path, suffix)).unwrap();
    }
    drop(conn);
    chmod(&path, 0o600);
    let before = (
        snapshot(&path),
        std::fs::read(beside(&path, "-wal")).unwrap(),
    );

    // When puls opens it
    let err = open(&path, &StoreOptions::default()).err().unwrap();

    // Then it is refused, and neither the file nor its -wal changed, nor anything was added
    assert!(matches!(err, StoreError::ForeignDatabase(_)), "{err:?}");
    let after = (
        snapshot(&path),
        std::fs::read(beside(&path, "-wal")).unwrap(),
    );
    assert_eq!(after, before);
}
