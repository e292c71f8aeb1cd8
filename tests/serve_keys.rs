//! The SSH keys by which `puls serve` knows an account: the store's rules on real SQLite files,
//! and `puls users key` run as the real binary on keys made by the real `ssh-keygen`.

use puls::store::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use puls::domain::access::Role;
use puls::domain::clock::FixedClock;
use puls::store::{AccountKey, Store, StoreError};

#[path = "shared/cli.rs"]
pub mod cli;
use cli::{os_account, run_in, stderr, stdout};

fn store(db: &Path, who: &str) -> Store {
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    Store::open(db, who, Arc::new(FixedClock(at))).unwrap()
}

fn key(account: &str, fingerprint: &str) -> AccountKey {
    AccountKey {
        account: account.to_owned(),
        public_key: format!("ssh-ed25519 AAAA{fingerprint}"),
        fingerprint: format!("SHA256:{fingerprint}"),
        kind: "ED25519".to_owned(),
        bits: 256,
        comment: "karin@laptop".to_owned(),
    }
}

#[test]
fn a_listed_key_names_its_account_and_only_that_exact_key_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut admin = store(&db, "root");
    let first = admin.add_account_key(&key("karin", "abc")).unwrap();
    assert!(first.first_administrator);
    // Another connection on the same file: what the server's login asks.
    let server = store(&db, "puls");
    assert_eq!(
        server
            .key_account("SHA256:abc", "ssh-ed25519 AAAAabc")
            .unwrap(),
        Some("karin".to_owned())
    );
    assert_eq!(
        server
            .key_account("SHA256:abc", "ssh-ed25519 AAAAxyz")
            .unwrap(),
        None
    );
    assert_eq!(
        server
            .key_account("SHA256:nope", "ssh-ed25519 AAAAabc")
            .unwrap(),
        None
    );
}

#[test]
fn a_key_is_listed_once_whoever_it_is_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut admin = store(&db, "root");
    admin.add_account_key(&key("karin", "abc")).unwrap();
    match admin.add_account_key(&key("maja", "abc")) {
        Err(StoreError::KeyListed { account, .. }) => assert_eq!(account, "karin"),
        other => panic!("{other:?}"),
    }
    assert_eq!(admin.account_keys(None).unwrap().len(), 1);
}

#[test]
fn only_an_administrator_lists_adds_and_removes_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut admin = store(&db, "root");
    admin.grant("root", Role::Administrator).unwrap();
    admin.grant("maja", Role::Coordinator).unwrap();
    admin.add_account_key(&key("karin", "abc")).unwrap();
    let mut maja = store(&db, "maja");
    let not_admin = |r: Result<(), StoreError>| matches!(r, Err(StoreError::NotAdministrator(w)) if w == "maja");
    assert!(not_admin(maja.account_keys(None).map(drop)));
    assert!(not_admin(
        maja.add_account_key(&key("maja", "def")).map(drop)
    ));
    assert!(not_admin(maja.remove_account_key("SHA256:abc").map(drop)));
    assert_eq!(admin.account_keys(Some("karin")).unwrap().len(), 1);
}

#[test]
fn removing_a_key_ends_its_logins_and_is_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut admin = store(&db, "root");
    admin.add_account_key(&key("karin", "abc")).unwrap();
    let removed = admin.remove_account_key("SHA256:abc").unwrap();
    assert_eq!(removed.map(|k| k.account), Some("karin".to_owned()));
    assert_eq!(admin.remove_account_key("SHA256:abc").unwrap(), None);
    assert_eq!(
        admin
            .key_account("SHA256:abc", "ssh-ed25519 AAAAabc")
            .unwrap(),
        None
    );
    let history = admin.history(None, None, 100).unwrap();
    let details: Vec<&str> = history.iter().map(|h| h.detail.as_str()).collect();
    assert!(
        details.contains(&"SSH key SHA256:abc to karin"),
        "{details:?}"
    );
    assert!(
        details.contains(&"SSH key SHA256:abc from karin"),
        "{details:?}"
    );
}

/// Whether `ssh-keygen` is here; on CI it must be.
fn ssh_keygen() -> bool {
    let here = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !here {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "ssh-keygen is missing on CI: apt-get install openssh-client"
        );
        eprintln!("skipped: ssh-keygen is not installed (apt-get install openssh-client)");
    }
    here
}

/// A new key pair `name` of `kind` in `dir`; the public key's file.
fn keygen(dir: &Path, name: &str, kind: &[&str], comment: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-N", "", "-C", comment, "-f"])
        .arg(&path)
        .args(kind)
        .status()
        .unwrap();
    assert!(status.success());
    path.with_extension("pub")
}

/// What `ssh-keygen -l` says of the key in `file`.
fn keygen_listing(file: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-l")
        .arg("-f")
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn key_list_shows_each_key_as_ssh_keygen_does() {
    if !ssh_keygen() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("a.db");
    let db_arg = db.to_str().unwrap();
    let ed25519 = keygen(home.path(), "ed", &["-t", "ed25519"], "karin@laptop");
    let ecdsa = keygen(home.path(), "ec", &["-t", "ecdsa", "-b", "384"], "");
    let rsa = keygen(
        home.path(),
        "rsa",
        &["-t", "rsa", "-b", "2048"],
        "karin@desk",
    );
    for file in [&ed25519, &ecdsa, &rsa] {
        let out = run_in(
            home.path(),
            &[
                "users",
                "key",
                "add",
                "karin",
                file.to_str().unwrap(),
                "--db",
                db_arg,
            ],
            &[],
        );
        assert!(out.status.success(), "{out:?}");
    }
    let out = run_in(home.path(), &["users", "key", "list", "--db", db_arg], &[]);
    assert!(out.status.success(), "{out:?}");
    let expected: Vec<String> = [&ed25519, &ecdsa, &rsa]
        .iter()
        .map(|f| format!("karin  {}", keygen_listing(f)))
        .collect();
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), expected);
}

#[test]
fn key_add_reads_standard_input_and_refuses_a_private_key() {
    if !ssh_keygen() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("a.db");
    let db_arg = db.to_str().unwrap();
    let public = keygen(home.path(), "ed", &["-t", "ed25519"], "maja@home");
    let mut child = Command::new(env!("CARGO_BIN_EXE_puls"))
        .args(["users", "key", "add", "maja", "-", "--db", db_arg])
        .env_clear()
        .env("HOME", home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&public).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout(&out).contains(&keygen_listing(&public)),
        "{}",
        stdout(&out)
    );

    let private = public.with_extension("");
    let out = run_in(
        home.path(),
        &[
            "users",
            "key",
            "add",
            "maja",
            private.to_str().unwrap(),
            "--db",
            db_arg,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("private key"), "{}", stderr(&out));
}

#[test]
fn key_commands_are_refused_to_an_account_that_is_not_administrator() {
    if !ssh_keygen() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("a.db");
    let db_arg = db.to_str().unwrap();
    // Someone else administers this database.
    store(&db, "boss")
        .grant("boss", Role::Administrator)
        .unwrap();
    let public = keygen(home.path(), "ed", &["-t", "ed25519"], "x");
    for args in [
        vec!["users", "key", "add", "karin", public.to_str().unwrap()],
        vec!["users", "key", "list"],
        vec!["users", "key", "remove", "SHA256:abc"],
    ] {
        let out = run_in(home.path(), &[&args[..], &["--db", db_arg]].concat(), &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?} {out:?}");
        let me = os_account();
        assert!(
            stderr(&out).contains(&format!("{me} is not an administrator")),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn an_account_sets_its_own_language_and_only_an_administrator_sets_anothers() {
    use puls::domain::language::Language;
    use puls::store::AccountSettings;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let mut admin = store(&db, "root");
    admin.grant("root", Role::Administrator).unwrap();
    let swedish = AccountSettings {
        language: Some(Language::Swedish),
        zone: Some(chrono_tz::Tz::Europe__Stockholm),
    };
    let mut karin = store(&db, "karin");
    karin.set_account_settings("karin", swedish).unwrap();
    assert_eq!(admin.account_settings("karin").unwrap(), swedish);
    assert!(matches!(
        karin.set_account_settings("maja", swedish),
        Err(StoreError::NotAdministrator(_))
    ));
    admin
        .set_account_settings("karin", AccountSettings::default())
        .unwrap();
    assert_eq!(
        karin.account_settings("karin").unwrap(),
        AccountSettings::default()
    );
    assert_eq!(
        karin.account_settings("nobody").unwrap(),
        AccountSettings::default()
    );
}
