//! The command line's own help through the real binary: clap's English untouched, and all of it
//! in Swedish when the config or the locale asks for Swedish (issue 10).

#[path = "shared/cli.rs"]
pub mod cli;
use cli::{puls, puls_in};

const SWEDISH: &[(&str, &str)] = &[("LANG", "sv_SE.UTF-8")];

/// Words clap writes itself, in English.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Commands:",
    "Arguments:",
    "Options:",
    "Print help",
    "Print version",
    "Print this message",
    "[env:",
    "[default:",
    "possible values",
    "Possible values",
];

#[test]
fn without_a_language_the_help_is_clap_s_english() {
    let help = puls(&["--help"], &[]);
    let signal = puls(&["signal", "--help"], &[]);
    assert!(help.starts_with("Agile arenas and their PULS programs, in the terminal\n"));
    assert!(
        signal.contains("Usage: puls signal [OPTIONS] <TEXT>"),
        "{signal}"
    );
    insta::assert_snapshot!("help_english", help);
    insta::assert_snapshot!("signal_help_english", signal);
}

#[test]
fn in_swedish_the_help_is_swedish_throughout() {
    let help = puls(&["--help"], SWEDISH);
    let signal = puls(&["signal", "--help"], SWEDISH);
    for text in [&help, &signal] {
        for english in CLAP_ENGLISH {
            assert!(!text.contains(english), "{english} in:\n{text}");
        }
    }
    assert!(help.starts_with("Agila arenor och deras PULS-program, i terminalen\n"));
    assert!(
        help.contains("Kommandon:\n  signal       Registrera en signal"),
        "{help}"
    );
    assert!(
        signal.contains("Användning: puls signal [OPTIONS] <TEXT>"),
        "{signal}"
    );
    assert!(
        signal.contains("Argument:\n  <TEXT>\n          Det du såg"),
        "{signal}"
    );
    insta::assert_snapshot!("help_swedish", help);
    insta::assert_snapshot!("signal_help_swedish", signal);
}

#[test]
fn every_way_to_ask_for_help_answers_in_swedish() {
    let long = puls(&["signal", "--help"], SWEDISH);
    assert_eq!(puls(&["help", "signal"], SWEDISH), long);
    let short = puls(&["signal", "-h"], SWEDISH);
    assert!(
        short.contains("  -h, --help                 Visa hjälp (mer med '--help')"),
        "{short}"
    );
    let nested = puls(&["help", "retention", "run"], SWEDISH);
    assert!(
        nested.starts_with("Tillämpa gallringsreglerna i config.toml"),
        "{nested}"
    );
    let value = puls(&["report", "-h"], SWEDISH);
    assert!(
        value.contains("[standard: md] [möjliga värden: md, csv, json]"),
        "{value}"
    );
}

#[test]
fn the_config_s_language_chooses_the_help_s_over_the_locale() {
    let home = tempfile::tempdir().unwrap();
    let default = home.path().join("config/puls/config.toml");
    std::fs::create_dir_all(default.parent().unwrap()).unwrap();
    std::fs::write(&default, "language = \"sv\"\n").unwrap();
    let other = home.path().join("english.toml");
    std::fs::write(&other, "language = \"en\"\n").unwrap();
    let other = other.to_str().unwrap();
    let swedish = "Agila arenor";
    let english = "Agile arenas";

    let help = |args: &[&str], env: &[(&str, &str)]| puls_in(home.path(), args, env);
    assert!(
        help(&["--help"], &[]).starts_with(swedish),
        "the default file"
    );
    assert!(help(&["--config", other, "--help"], SWEDISH).starts_with(english));
    assert!(help(&["signal", &format!("--config={other}"), "-h"], SWEDISH).contains("Usage:"));
    assert!(help(&["--help"], &[("PULS_CONFIG", other), SWEDISH[0]]).starts_with(english));

    // A file puls cannot read leaves the choice to the locale; the full read reports it.
    std::fs::write(&default, "language = \n").unwrap();
    assert!(help(&["--help"], SWEDISH).starts_with(swedish));
    assert!(help(&["--help"], &[]).starts_with(english));
}

#[test]
fn completions_and_the_man_page_work_in_swedish_and_stay_english() {
    let page = puls(&["man"], SWEDISH);
    assert!(page.contains(".TH puls 1"), "{page}");
    assert!(page.contains("Agile arenas"), "{page}");
    let script = puls(&["completions", "bash"], SWEDISH);
    assert!(script.contains("complete -F _puls"), "{script}");
}
