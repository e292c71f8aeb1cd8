//! Shell completions and the man page, generated from the command-line definitions.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_puls");

fn puls(args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(output.status.success(), "puls {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Subcommands of every kind: plain, with their own subcommands, and flattened in from other files.
const SUBCOMMANDS: &[&str] = &[
    "signal",
    "show",
    "roster",
    "export",
    "standup",
    "completions",
    "config",
    "man",
    "figures",
    "backup",
];

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let script = puls(&["completions", shell]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
    assert!(puls(&["completions", "bash"]).contains("complete -F _puls"));
    assert!(puls(&["completions", "fish"]).contains("complete -c puls"));
    assert!(puls(&["completions", "zsh"]).starts_with("#compdef puls"));
}

#[test]
fn the_man_page_is_roff_with_the_subcommands() {
    let page = puls(&["man"]);
    assert!(page.contains(".TH puls 1"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the man page lacks {sub}");
    }
}
