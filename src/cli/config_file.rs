//! `puls config`: where the settings file is, and `--print-default`, every setting and key with
//! its default and a comment, ready to save as the file and trim to what one changes.

use std::fmt::Write as _;
use std::path::Path;

use color_eyre::Result;

use crate::app::keymap::{Context, Keymap};
use crate::config::{Config, SETTINGS};
use crate::messages;
use crate::output;

pub fn run(print_default: bool, path: Option<&Path>) -> Result<()> {
    if print_default {
        output::print(&default_text(path))?;
    } else if let Some(path) = path {
        output::line(messages::config_path_line(path, path.exists()))?;
    } else {
        output::line(messages::no_data_folder())?;
    }
    Ok(())
}

/// The whole default config file: settings, then missions, then the keymap.
pub fn default_text(path: Option<&Path>) -> String {
    let shown = path.map_or_else(|| "config.toml".to_owned(), |p| p.display().to_string());
    let mut out = messages::config_default_head(&shown);
    let values = toml::Table::try_from(Config::default()).unwrap_or_default();
    let mut tables = String::new();
    for name in SETTINGS {
        let comment = messages::config_setting_comment(name).unwrap_or_default();
        match values.get(*name) {
            Some(toml::Value::Array(items)) if items.iter().all(toml::Value::is_table) => {
                let one = toml::Table::from_iter([((*name).to_owned(), items.clone().into())]);
                let text = toml::to_string(&one).unwrap_or_default();
                let _ = write!(tables, "\n# {comment}\n{text}");
            }
            Some(value) => {
                let _ = write!(out, "\n# {comment}\n{name} = {}\n", setting(value));
            }
            None => {
                let _ = write!(out, "\n# {comment}\n# {name} = {}\n", unset_example(name));
            }
        }
    }
    out.push_str(&tables);
    out.push('\n');
    out.push_str(messages::config_keys_comment());
    out.push('\n');
    out.push_str(&keys_text(&Keymap::default_keys()));
    out
}

/// What a setting that is unset by default is shown with, commented out: what it comes to
/// when the setting has a computed default, so that uncommenting the line keeps it.
fn unset_example(name: &str) -> String {
    match name {
        "pool_size" => crate::store::default_pool_size().to_string(),
        _ => "\"\"".to_owned(),
    }
}

/// A value as it is written after `name =`: a list one item a line.
fn setting(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(items) if !items.is_empty() => {
            let lines: Vec<String> = items.iter().map(|i| format!("    {i},\n")).collect();
            format!("[\n{}]", lines.concat())
        }
        other => other.to_string(),
    }
}

/// Every binding as `[keys.<mode>]` tables, each key with what its command does.
fn keys_text(keymap: &Keymap) -> String {
    let mut out = String::new();
    for context in Context::ALL {
        let bindings: Vec<_> = keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
            .collect();
        if bindings.is_empty() {
            continue;
        }
        let _ = write!(out, "\n[keys.{}]\n", context.table());
        for binding in bindings {
            let key = toml::Value::String(binding.key.clone()).to_string();
            let command = toml::Value::String(binding.command.name()).to_string();
            let description = messages::command_description(binding.command);
            let _ = writeln!(out, "{key:<12} = {command:<20} # {description}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    #[test]
    fn the_printed_default_reads_back_as_the_default() {
        let text = default_text(None);
        let settings = Settings::from_toml(&text).unwrap_or_else(|p| panic!("{p:?}\n{text}"));
        let Config { keys, .. } = settings.config.clone();
        assert!(!keys.0.is_empty());
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
    }

    #[test]
    fn every_setting_is_printed_with_a_comment() {
        let values = toml::Table::try_from(Config::default()).unwrap();
        for name in values.keys() {
            assert!(SETTINGS.contains(&name.as_str()), "{name} is not printed");
        }
        let text = default_text(None);
        for name in SETTINGS {
            let comment = messages::config_setting_comment(name);
            assert!(comment.is_some(), "{name} has no comment");
            assert!(text.contains(&format!("# {}", comment.unwrap())));
        }
        assert!(text.contains("# group = \"\""), "{text}");
        assert!(text.contains("[[retention]]"), "{text}");
    }

    #[test]
    fn every_key_is_printed_with_what_it_does() {
        let text = default_text(None);
        assert!(text.contains("[keys.board]"), "{text}");
        let zoom = messages::command_description(crate::app::command::Command::Zoom);
        assert!(
            text.contains(&format!("\"z\"          = \"zoom\"               # {zoom}")),
            "{text}"
        );
    }
}
