//! Shell completions and the man page, generated from the command-line definitions.

#[path = "shared/cli.rs"]
pub mod cli;
use cli::puls;

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
        let script = puls(&["completions", shell], &[]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
    assert!(puls(&["completions", "bash"], &[]).contains("complete -F _puls"));
    assert!(puls(&["completions", "fish"], &[]).contains("complete -c puls"));
    assert!(puls(&["completions", "zsh"], &[]).starts_with("#compdef puls"));
}

#[test]
fn the_man_page_is_roff_with_the_subcommands() {
    let page = puls(&["man"], &[]);
    assert!(page.contains(".TH puls 1"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the man page lacks {sub}");
    }
}
