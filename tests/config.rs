//! The config file: broken files are refused with the file, line, column and what is wrong;
//! the printed default reads back as the default; the real binary refuses before it touches the
//! terminal or the database.

use std::path::Path;

use puls::app::command::Command as Bindable;
use puls::app::keymap::{Context, Keymap};
use puls::config::Config;
use puls::settings::Settings;

#[path = "shared/cli.rs"]
pub mod cli;

/// The message `Settings::load` gives for `text` as a file named `config.toml`.
fn refusal(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    match Settings::load(&path) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e
            .to_string()
            .replace(&dir.path().display().to_string(), "DIR"),
    }
}

#[test]
fn broken_files_are_refused_with_their_line_column_and_a_clear_message() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "an unknown top-level key",
            "\ncolour = \"red\"\n",
            "DIR/config.toml:2:1: unknown field `colour`, expected one of \
             `criteria_before_active`, `staffing_approval`, `bodies`, `missions`, `db`, `group`, `standup_minutes`, `coaching_questions`, \
             `health_terms`, `language`, `time_zone`, `keys`, `theme`, `ascii`, `plain`, `mouse`, `retention`, `idle_timeout`, `max_sessions`, `pool_size`, `failed_logins`, `review_rhythm`",
        ),
        (
            "an unknown command",
            "[keys.board]\n\"x\" = \"fly\"\n",
            "DIR/config.toml:2:7: unknown command \"fly\"; `puls config --print-default` lists \
             every command",
        ),
        (
            "an unknown context",
            "standup_minutes = 3\n\n[keys.boardd]\n\"x\" = \"zoom\"\n",
            "DIR/config.toml:3:7: unknown mode [keys.boardd]; the modes are global, board, \
             roster, plan, bank, detail, staff, standup, help, form, prompt, palette, requests, reading",
        ),
        (
            "a bad key name",
            "[keys.board]\n\"kontrol-s\" = \"zoom\"\n",
            "DIR/config.toml:2:1: \"kontrol-s\" is not a key; write one key such as \"x\", \
             \"ctrl-s\", \"shift-tab\" or \"f2\", or two separated by a space, such as \"g g\"",
        ),
        (
            "a sequence of three keys",
            "[keys.board]\n\n  \"g g g\" = \"first-card\"\n",
            "DIR/config.toml:3:3: \"g g g\" is not a key; write one key such as \"x\", \
             \"ctrl-s\", \"shift-tab\" or \"f2\", or two separated by a space, such as \"g g\"",
        ),
        (
            "a duplicate key in one mode",
            "[keys.board]\n\"shift-x\" = \"zoom\"\n\"X\" = \"help\"\n",
            "DIR/config.toml:3:1: \"X\" is bound twice in [keys.board]; keep one of the two",
        ),
        (
            "a wrong type",
            "standup_minutes = \"two\"\n",
            "DIR/config.toml:1:19: invalid type: string \"two\", expected u32",
        ),
        (
            "a command that is not a string",
            "[keys.plan]\n\"x\" = 3\n",
            "DIR/config.toml:2:7: invalid type: integer `3`, expected a string",
        ),
        (
            "bad TOML syntax",
            "group = \"Council\n",
            "DIR/config.toml:1:17: invalid basic string, expected `\"`",
        ),
        (
            "a sequence conflicting with its own prefix",
            "[keys.board]\n\"g\" = \"first-card\"\n\"g g\" = \"last-card\"\n",
            "DIR/config.toml:3:1: \"g g\" and \"g\" clash in [keys.board]: one starts the other, \
             so after its first key puls could not tell which is meant",
        ),
        (
            "a mission without a name",
            "[[missions]]\ncode = \"A\"\n",
            "DIR/config.toml:1:1: missing field `name`",
        ),
        (
            "a time zone that does not exist",
            "time_zone = \"Europe/Stockhom\"\n",
            "DIR/config.toml:1:13: failed to parse timezone: 'Europe/Stockhom'",
        ),
        (
            "no missions at all",
            "missions = []\n",
            "DIR/config.toml: missions: at least one mission is needed",
        ),
    ];
    for (what, text, message) in cases {
        assert_eq!(refusal(text), *message, "{what}");
    }
}

#[test]
fn a_user_sequence_over_a_default_key_replaces_it_without_a_clash() {
    // The default board binds "g" alone; the user's "g g" takes its place.
    let settings = Settings::from_toml("[keys.board]\n\"g g\" = \"first-card\"\n").unwrap();
    let keys = settings
        .keymap
        .keys_for(Context::Board, Bindable::FirstCard);
    assert_eq!(keys, ["home", "g g"]);
}

#[test]
fn a_missing_file_means_every_default() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::load(&dir.path().join("config.toml")).unwrap();
    assert_eq!(settings.config, Config::default());
    assert_eq!(
        settings.keymap.bindings(),
        Keymap::default_keys().bindings()
    );
}

fn puls(args: &[&str], home: &Path) -> std::process::Output {
    let path = std::env::var("PATH").unwrap_or_default();
    cli::run_in(home, args, &[("PATH", &path)])
}

#[test]
fn the_printed_default_reads_back_as_the_default_config_and_keymap() {
    let home = tempfile::tempdir().unwrap();
    let output = puls(&["config", "--print-default"], home.path());
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let settings = Settings::from_toml(&text).unwrap_or_else(|p| panic!("{p:?}\n{text}"));
    assert_eq!(
        Config {
            keys: Default::default(),
            ..settings.config
        },
        Config::default()
    );
    let sorted = |keymap: &Keymap| {
        let mut all: Vec<String> = keymap.bindings().iter().map(|b| format!("{b:?}")).collect();
        all.sort();
        all
    };
    assert_eq!(sorted(&settings.keymap), sorted(&Keymap::default_keys()));
    // The head names the file the settings are read from.
    let config_file = home.path().join("config/puls/config.toml");
    assert!(text.contains(&config_file.display().to_string()), "{text}");
}

#[test]
fn a_broken_config_stops_puls_before_the_terminal_and_the_database() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("config/puls");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.toml"),
        "[keys.board]\n\"x\" = \"fly\"\n",
    )
    .unwrap();
    let db = home.path().join("x.db");
    let output = puls(&["--db", db.to_str().unwrap()], home.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "{:?}", output.stdout);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "puls: {}:2:7: unknown command \"fly\"; `puls config --print-default` lists every \
             command\n",
            folder.join("config.toml").display()
        )
    );
    assert!(!db.exists(), "the database was created");
}

#[test]
fn print_default_works_even_when_the_file_is_broken() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.toml");
    std::fs::write(&bad, "nonsense = 1\n").unwrap();
    let output = puls(
        &[
            "--config",
            bad.to_str().unwrap(),
            "config",
            "--print-default",
        ],
        home.path(),
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("[keys.global]"));
}

#[test]
fn a_config_file_named_but_not_there_is_an_error_naming_it() {
    // Given a config file named by --config or PULS_CONFIG that does not exist
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("conifg.toml");
    let missing = missing.to_str().unwrap();

    // When puls runs with either
    let named = cli::run_in(home.path(), &["--config", missing, "figures"], &[]);
    let in_env = cli::run_in(home.path(), &["figures"], &[("PULS_CONFIG", missing)]);

    // Then puls stops with exit code 2 and one line that names the file, before any database
    for output in [named, in_env] {
        assert_eq!(output.status.code(), Some(2));
        let stderr = cli::stderr(&output);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(missing), "{stderr}");
        assert!(!home.path().join("data").exists());
    }
    // While the default file may be missing: the defaults then
    assert!(cli::run_in(home.path(), &["figures"], &[]).status.success());
}

#[test]
fn the_printed_pool_size_is_the_default_and_reads_back_when_uncommented() {
    // Given the printed default, whose pool size is computed from the machine's cores
    let home = tempfile::tempdir().unwrap();
    let output = puls(&["config", "--print-default"], home.path());
    let text = String::from_utf8(output.stdout).unwrap();

    // When its pool_size line is uncommented
    let uncommented = text.replace("# pool_size = ", "pool_size = ");

    // Then it names the default, and the file still reads as the default config
    let line = format!("pool_size = {}", puls::store::default_pool_size());
    assert!(uncommented.contains(&line), "{text}");
    let settings = Settings::from_toml(&uncommented).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(
        settings.config.store_options().pool_size,
        puls::store::default_pool_size()
    );
}
