//! `puls` run as a command in a private HOME, with nothing of the developer's environment but
//! what a test gives it, so that a developer's PULS_CONFIG, locale or config file cannot change
//! what the tests see.
//!
//! Included with `#[path = "shared/cli.rs"] pub mod cli;`.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_puls");

/// `program` with HOME `home` (its config and data folders inside it) and `env`, nothing else.
fn command(program: &str, home: &Path, env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .envs(env.iter().copied());
    command
}

/// Runs puls with `args`, HOME `home` (its config and data folders inside it) and `env`.
pub fn run_in(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    command(BIN, home, env).args(args).output().unwrap()
}

/// [`run_in`] with the file-creation mask `umask` (such as "000"), set by a shell that then
/// becomes puls.
pub fn run_with_umask(home: &Path, umask: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    command("/bin/sh", home, env)
        .args(["-c", "umask \"$0\" && exec \"$@\"", umask, BIN])
        .args(args)
        .output()
        .unwrap()
}

/// [`run_in`] as the account `uid` (group `uid` too, no others), when this machine lets the
/// tests change account (they run as root and `setpriv` is there); else `None`.
pub fn run_as(uid: u32, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Option<Output> {
    if numbers(&["-u"]) != [0] {
        return None;
    }
    let id = uid.to_string();
    command("/usr/bin/setpriv", home, env)
        .args(["--reuid", &id, "--regid", &id, "--clear-groups", BIN])
        .args(args)
        .output()
        .ok()
}

/// What puls prints on stdout for `args` in `home`, insisting that it succeeds.
pub fn puls_in(home: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let output = run_in(home, args, env);
    assert!(output.status.success(), "puls {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// [`puls_in`] a new, empty HOME.
pub fn puls(args: &[&str], env: &[(&str, &str)]) -> String {
    let home = tempfile::tempdir().unwrap();
    puls_in(home.path(), args, env)
}

/// What a finished puls printed on stdout, as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a finished puls printed on stderr, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The account the tests run as, asked of the system rather than of puls.
pub fn os_account() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The numbers `id` prints with `args` (`-u`, `-g`, `-G`).
pub fn numbers(args: &[&str]) -> Vec<u32> {
    let out = Command::new("id").args(args).output().expect("run id");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// A group this user may give files to, other than their own primary group when there is one
/// (root may use any), by name when /etc/group has it.
pub fn team_group() -> (String, u32) {
    let primary = numbers(&["-g"])[0];
    let root = numbers(&["-u"]) == [0];
    let table = std::fs::read_to_string("/etc/group").unwrap_or_default();
    let named: Vec<(String, u32)> = table
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((f.first()?.to_string(), f.get(2)?.parse().ok()?))
        })
        .collect();
    let mine = numbers(&["-G"]);
    let gid = mine
        .iter()
        .copied()
        .find(|g| *g != primary)
        .or_else(|| root.then(|| named.iter().map(|n| n.1).find(|g| *g != primary))?)
        .unwrap_or(primary);
    let name = named
        .iter()
        .find(|n| n.1 == gid)
        .map_or(gid.to_string(), |n| n.0.clone());
    (name, gid)
}
