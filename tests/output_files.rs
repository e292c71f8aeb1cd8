//! Every file puls writes for people (exports, reports, the bank, extracts, backups), through
//! the real binary: always a new file, its owner's alone (or the team's) whatever the umask,
//! never a file or symlink someone planted at its name, replaced only with --force, and never a
//! folder, device or pipe.

use puls::store::prelude::*;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

use puls::domain::arena::Stage;
use puls::domain::clock::SystemClock;
use puls::store::Store;
use tempfile::TempDir;

#[path = "shared/cli.rs"]
pub mod cli;
use cli::{run_in, run_with_umask, stderr, team_group};

/// A private HOME with the demo database, the account running the tests its administrator.
struct Site {
    home: TempDir,
    closed: String,
}

impl Site {
    fn new() -> Site {
        let home = tempfile::tempdir().unwrap();
        let db = home.path().join("demo.db");
        let db = db.to_str().unwrap();
        let filled = run_in(home.path(), &["--db", db, "--demo", "figures"], &[]);
        assert!(filled.status.success(), "{}", stderr(&filled));
        let granted = run_in(
            home.path(),
            &["--db", db, "users", "grant", "karin", "member"],
            &[],
        );
        assert!(granted.status.success(), "{}", stderr(&granted));
        let store = Store::open(Path::new(db), "test", Arc::new(SystemClock)).unwrap();
        let closed = store
            .board_cards(false)
            .unwrap()
            .into_iter()
            .find(|card| card.stage == Stage::Closed)
            .unwrap()
            .id
            .to_string();
        Site { home, closed }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// Every command that writes a file, each writing to `out`.
    fn writers(&self, out: &Path) -> Vec<Vec<String>> {
        let out = out.to_str().unwrap();
        let closed = self.closed.as_str();
        [
            &["export", "arena", "1", "--out", out][..],
            &["export", "arena", "1", "--format", "json", "--out", out],
            &["report", "--out", out],
            &["report", "--format", "csv", "--out", out],
            &["report", "--format", "json", "--out", out],
            &["bank", "export", "--out", out],
            &["bank", "export", "--format", "json", "--out", out],
            &["extract", "subject", "LF-2026-014", "--out", out],
            &["extract", "public", closed, "--out", out],
            &["backup", out],
        ]
        .iter()
        .map(|args| args.iter().map(|a| (*a).to_owned()).collect())
        .collect()
    }

    /// Every command that writes a file, each with a file of its own, `prefix-N`.
    fn each_writer(&self, prefix: &str) -> Vec<(PathBuf, Vec<String>)> {
        let count = self.writers(Path::new("x")).len();
        (0..count)
            .map(|i| {
                let out = self.path(&format!("{prefix}-{i}"));
                let args = self.writers(&out).swap_remove(i);
                (out, args)
            })
            .collect()
    }

    /// Runs puls on the demo database with `args` (and `extra` after them) under `umask`.
    fn run(&self, umask: &str, args: &[String], extra: &[&str]) -> Output {
        let db = self.path("demo.db");
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend(args.iter().map(String::as_str));
        all.extend(extra);
        run_with_umask(self.home.path(), umask, &all, &[])
    }
}

/// Insists that `args` succeeded and wrote `out` as a regular file with `expected` mode.
fn wrote(output: &Output, args: &[String], out: &Path, expected: u32) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(output)
    );
    let meta = std::fs::symlink_metadata(out).unwrap();
    assert!(meta.is_file(), "{args:?}");
    assert_eq!(meta.permissions().mode() & 0o7777, expected, "{args:?}");
}

/// Insists that `args` was refused as given (exit 2) saying `says`.
fn refused(output: &Output, args: &[String], says: &str) {
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stderr(output)
    );
    assert!(
        stderr(output).contains(says),
        "{args:?}: {}",
        stderr(output)
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The names in `folder`, sorted: what a run left behind.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_file_puls_writes_is_its_owners_alone_whatever_the_umask() {
    let site = Site::new();
    for (out, args) in site.each_writer("out") {
        // Given a umask that would let anyone read and write a new file
        // When the command writes its file
        let output = site.run("000", &args, &[]);

        // Then the file is a regular file that only its owner may read or write
        wrote(&output, &args, &out, 0o600);
    }
    // And no draft is left beside them
    let left: Vec<String> = names(site.home.path())
        .into_iter()
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_existing_file_is_refused_without_force_and_replaced_by_a_new_one_with_it() {
    let site = Site::new();
    for (out, args) in site.each_writer("notes") {
        // Given someone's file, open to anyone, where the output should go
        std::fs::write(&out, "someone's notes").unwrap();
        chmod(&out, 0o666);
        let before = std::fs::metadata(&out).unwrap().ino();

        // When the command writes there, then again with --force
        let first = site.run("000", &args, &[]);
        let kept = std::fs::read_to_string(&out).unwrap();
        let kept_mode = mode(&out);
        let forced = site.run("000", &args, &["--force"]);

        // Then the first is refused (exit 2, naming --force) and changes nothing; the second
        // puts a new file, its owner's alone, in the old one's place
        refused(&first, &args, "--force");
        assert_eq!((kept.as_str(), kept_mode), ("someone's notes", 0o666));
        wrote(&forced, &args, &out, 0o600);
        assert_ne!(std::fs::read(&out).unwrap(), b"someone's notes");
        assert_ne!(std::fs::metadata(&out).unwrap().ino(), before, "{args:?}");
    }
}

#[test]
fn a_planted_symlink_is_never_followed() {
    let site = Site::new();
    let elsewhere = site.path("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    for i in 0..site.writers(&site.path("x")).len() {
        // Given a symlink planted at the output's name, pointing at another account's file,
        // and one pointing at a file not there yet
        let victim = elsewhere.join(format!("victim-{i}"));
        std::fs::write(&victim, "the other account's file").unwrap();
        chmod(&victim, 0o666);
        let out = site.path(&format!("link-{i}"));
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        let dangling = site.path(&format!("dangling-{i}"));
        let never = elsewhere.join(format!("never-{i}"));
        std::os::unix::fs::symlink(&never, &dangling).unwrap();
        let args = site.writers(&out).swap_remove(i);
        let to_dangling = site.writers(&dangling).swap_remove(i);

        // When the command writes there, without and with --force
        let first = site.run("000", &args, &[]);
        let to_nothing = site.run("000", &to_dangling, &[]);
        let still_link = std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink();
        let forced = site.run("000", &args, &["--force"]);

        // Then nothing is written through the link: refused without --force, and with it the
        // link itself is replaced by a new file of the owner's
        refused(&first, &args, "--force");
        refused(&to_nothing, &to_dangling, "--force");
        assert!(
            !never.exists(),
            "{to_dangling:?} created the file its link points at"
        );
        assert!(still_link, "{args:?}");
        wrote(&forced, &args, &out, 0o600);
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "the other account's file",
            "{args:?}"
        );
        assert_eq!(mode(&victim), 0o666);
    }
}

#[test]
fn folders_pipes_and_links_to_devices_are_never_written_over_even_forced() {
    let site = Site::new();
    let folder = site.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let pipe = site.path("a-pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let device = site.path("a-device");
    std::os::unix::fs::symlink("/dev/null", &device).unwrap();
    for target in [&folder, &pipe, &device] {
        for args in site.writers(target) {
            let output = site.run("077", &args, &["--force"]);
            refused(&output, &args, "not a regular file");
        }
    }
    assert!(folder.is_dir() && names(&folder).is_empty());
    assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(
        std::fs::symlink_metadata(&device)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn with_a_team_group_every_file_is_0660_in_that_group() {
    // Given a config that names the team's group
    let site = Site::new();
    let (group, gid) = team_group();
    let config = site.path("config/puls");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), format!("group = \"{group}\"\n")).unwrap();
    for (out, args) in site.each_writer("team") {
        // When each command writes under a umask that would leave the group out
        let output = site.run("077", &args, &[]);

        // Then its file is the team's: 0660, in the group
        wrote(&output, &args, &out, 0o660);
        assert_eq!(std::fs::metadata(&out).unwrap().gid(), gid, "{args:?}");
    }
}

#[test]
fn a_file_another_account_planted_is_replaced_by_one_it_cannot_read() {
    // Given a folder others may write, and in it a file another account made for anyone to
    // read and write (that account's own, where the machine allows a second one)
    let site = Site::new();
    let shared = site.path("shared");
    std::fs::create_dir(&shared).unwrap();
    chmod(&shared, 0o777);
    let planted = shared.join("lf-2026-014.md");
    std::fs::write(&planted, "").unwrap();
    chmod(&planted, 0o666);
    let nobody = 65534;
    let second_account = cli::numbers(&["-u"]) == [0];
    if second_account {
        std::os::unix::fs::chown(&planted, Some(nobody), Some(nobody)).unwrap();
    }
    let out = planted.to_str().unwrap();
    let args: Vec<String> = ["extract", "subject", "LF-2026-014", "--out", out]
        .iter()
        .map(|a| (*a).to_owned())
        .collect();

    // When the extract is written there, refused and then forced
    let first = site.run("000", &args, &[]);
    let forced = site.run("000", &args, &["--force"]);

    // Then the other account's file is never written into; the forced extract is a new file,
    // this account's, that no one else may read
    refused(&first, &args, "--force");
    wrote(&forced, &args, &planted, 0o600);
    let meta = std::fs::metadata(&planted).unwrap();
    assert_eq!(meta.uid(), cli::numbers(&["-u"])[0]);
    assert_ne!(meta.uid(), nobody);
}
