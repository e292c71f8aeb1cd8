//! `puls` run as a command in a private HOME, with nothing of the developer's environment but
//! what a test gives it, so that a developer's PULS_CONFIG, locale or config file cannot change
//! what the tests see.
//!
//! Included with `#[path = "shared/cli.rs"] pub mod cli;`.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_puls");

/// Runs puls with `args`, HOME `home` (its config and data folders inside it) and `env`.
pub fn run_in(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .envs(env.iter().copied())
        .output()
        .unwrap()
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
