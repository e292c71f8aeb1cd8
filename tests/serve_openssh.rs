//! `puls serve` end to end with the real OpenSSH client (Debian's `openssh-client`), each in a
//! pseudo-terminal read back through a terminal emulator, with keys made by `ssh-keygen`: log
//! in, see the board, move a card and see it move on a second client, resize, an unknown key
//! and a password refused, the restricted record kept from an account that is not its
//! coordinator's, a client killed mid-session freed.
//!
//! Without `ssh` and `ssh-keygen` the tests say so and pass, except on CI (`CI=true`), where
//! they must run.

use std::path::{Path, PathBuf};
use std::process::Command;

use portable_pty::CommandBuilder;

#[path = "shared/pty.rs"]
pub mod pty;
#[path = "shared/serve.rs"]
pub mod serve;
use pty::{DEADLINE, Tui, column, column_count};
use serve::Served;

/// Whether the OpenSSH client is here; on CI it must be.
fn openssh() -> bool {
    let here = ["ssh", "ssh-keygen"]
        .iter()
        .all(|p| Command::new(p).arg("-V").output().is_ok());
    if !here {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "ssh and ssh-keygen are missing on CI: apt-get install openssh-client"
        );
        eprintln!("skipped: ssh or ssh-keygen is not installed (apt-get install openssh-client)");
    }
    here
}

/// A new ed25519 key pair `name` in `dir`: the private key's file.
fn keygen(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

/// `ssh` with nothing of the developer's: no config, no agent, no known hosts, this key only.
fn ssh(served: &Served, key: &Path) -> CommandBuilder {
    let mut command = ssh_without_key(served, "BatchMode=yes");
    command.args(["-o", "IdentitiesOnly=yes", "-i"]);
    command.arg(key);
    command.arg("127.0.0.1");
    command
}

/// `ssh` as [`ssh`] sets it up, but with `option` and no key or host yet.
fn ssh_without_key(served: &Served, option: &str) -> CommandBuilder {
    let mut command = CommandBuilder::new("ssh");
    command.env_clear();
    command.env("HOME", served.dir.path());
    command.env("TERM", "xterm-256color");
    command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command.args(["-F", "/dev/null", "-o", option]);
    command.args([
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
    ]);
    command.args(["-o", "LogLevel=ERROR", "-tt", "-p", served.port()]);
    command
}

fn listed(served: &Served, account: &str) -> PathBuf {
    let key = keygen(served.dir.path(), account);
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    served.list_key(account, &public);
    key
}

fn wait_for_board(tui: &Tui) -> String {
    tui.wait_for(
        |s| s.contains("Arenas") && column_count(s, "Signal").is_some(),
        DEADLINE,
    )
}

#[test]
fn a_card_moved_by_one_client_moves_on_the_others_screen() {
    if !openssh() {
        return;
    }
    let served = Served::start("");
    let (karin, maja) = (listed(&served, "karin"), listed(&served, "maja"));
    let mut mover = Tui::spawn(ssh(&served, &karin), 100, 30);
    let watcher = Tui::spawn(ssh(&served, &maja), 100, 30);
    wait_for_board(&mover);
    let before = wait_for_board(&watcher);
    let returning = column_count(&before, "Returning").expect("Returning on screen");
    assert!(
        column(&before, "Returning")
            .unwrap()
            .contains("#5 Going home")
    );
    // From Signal to Returning knowledge, where #5 is, and on to Closed.
    mover.press("llll");
    mover.wait_for_text("▶#5 Going home");
    mover.press(">");
    mover.wait_for_text("#5 moved to Closed");
    // The watcher's board (Closed is off its screen, to the right) loses #5 from Returning.
    watcher.wait_for(
        |s| {
            column_count(s, "Returning") == Some(returning - 1)
                && column(s, "Returning").is_some_and(|c| !c.contains("#5 Going home"))
        },
        DEADLINE,
    );
    mover.press("q");
    let status = mover.wait_for_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_resized_window_gets_a_screen_of_its_new_size() {
    if !openssh() {
        return;
    }
    let served = Served::start("");
    let key = listed(&served, "karin");
    let tui = Tui::spawn(ssh(&served, &key), 80, 24);
    wait_for_board(&tui);
    tui.resize(120, 40);
    // The title bar ends with the account at the right edge: the 120th column now.
    tui.wait_for(
        |s| {
            s.lines()
                .next()
                .is_some_and(|l| l.trim_end().chars().count() > 100)
        },
        DEADLINE,
    );
}

#[test]
fn an_unlisted_key_is_refused() {
    if !openssh() {
        return;
    }
    let served = Served::start("");
    listed(&served, "karin");
    let stranger = keygen(served.dir.path(), "stranger");
    let mut tui = Tui::spawn(ssh(&served, &stranger), 80, 24);
    let status = tui.wait_for_exit();
    assert!(!status.success());
    assert!(
        tui.screen().contains("Permission denied (publickey)"),
        "{}",
        tui.screen()
    );
    assert!(
        served
            .wait_for_log("key not listed")
            .contains("key not listed")
    );
}

#[test]
fn a_password_is_never_asked_for_and_the_client_is_refused() {
    if !openssh() {
        return;
    }
    let served = Served::start("");
    listed(&served, "karin");
    // A client that would type a password: the server offers only keys, so none is asked.
    let mut command = ssh_without_key(
        &served,
        "PreferredAuthentications=password,keyboard-interactive",
    );
    command.args(["-o", "PubkeyAuthentication=no", "karin@127.0.0.1"]);
    let mut tui = Tui::spawn(command, 80, 24);
    let status = tui.wait_for_exit();
    assert!(!status.success());
    let screen = tui.screen();
    assert!(screen.contains("Permission denied (publickey)"), "{screen}");
    assert!(!screen.to_lowercase().contains("password:"), "{screen}");
}

#[test]
fn a_restricted_record_stays_closed_to_an_account_that_is_not_its_coordinators() {
    use puls::store::prelude::*;
    if !openssh() {
        return;
    }
    let served = Served::start("");
    let (maja, jonas) = (listed(&served, "maja"), listed(&served, "jonas"));
    let linked = served.run(&["users", "link", "maja", "Maja Lindqvist"]);
    assert!(linked.status.success(), "{linked:?}");
    let clock = std::sync::Arc::new(puls::domain::clock::SystemClock);
    let mut store = puls::store::Store::open(&served.db(), "maja", clock).unwrap();
    let secret = puls::store::RestrictedEdit {
        name: "Ebba Zetterqvist-Olofsson".into(),
        contact: "070-000 00 00".into(),
        note: String::new(),
    };
    store.save_restricted(1, None, &secret).unwrap();
    for (key, opens) in [(&jonas, false), (&maja, true)] {
        let mut tui = Tui::spawn(ssh(&served, key), 100, 30);
        wait_for_board(&tui);
        tui.press("/#1\r");
        tui.press("3");
        tui.press("r");
        let screen = if opens {
            tui.wait_for_text("Zetterqvist")
        } else {
            tui.wait_for_text("only its coordinator")
        };
        assert_eq!(screen.contains("Zetterqvist"), opens, "{screen}");
    }
}

#[test]
fn a_client_killed_mid_session_is_freed() {
    if !openssh() {
        return;
    }
    let served = Served::start("max_sessions = 1\n");
    let key = listed(&served, "karin");
    let first = Tui::spawn(ssh(&served, &key), 80, 24);
    wait_for_board(&first);
    Command::new("kill")
        .args(["-KILL", &first.pid().to_string()])
        .status()
        .unwrap();
    let log = served.wait_for_log("session closed");
    assert!(log.contains("session closed"), "{log}");
    // Its place is free again: the one session allowed opens.
    let second = Tui::spawn(ssh(&served, &key), 80, 24);
    wait_for_board(&second);
}

#[test]
fn sigterm_with_two_clients_open_says_goodbye_on_both_and_exits_zero() {
    if !openssh() {
        return;
    }
    let mut served = Served::start("");
    let (karin, maja) = (listed(&served, "karin"), listed(&served, "maja"));
    let mut clients = [
        Tui::spawn(ssh(&served, &karin), 80, 24),
        Tui::spawn(ssh(&served, &maja), 80, 24),
    ];
    for client in &clients {
        wait_for_board(client);
    }
    let status = served.terminate();
    assert!(status.success(), "{status:?}");
    for client in &mut clients {
        client.wait_for_exit();
        let screen = client.screen();
        assert!(screen.contains("Goodbye"), "{screen}");
        assert!(
            !client.modes().alternate_screen,
            "the terminal is given back"
        );
    }
}
