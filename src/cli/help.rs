//! The command line's own help in the user's language (issue 10).
//!
//! clap's derive takes the English from the doc comments of `cli/*.rs`, and clap writes its own
//! headings, flags and notes in English. In Swedish the built command tree is walked once and
//! every text a help page shows is replaced: each command's about, each argument's help (from
//! the table in `messages::cli_help`, by command path and argument id), the help and version
//! flags, the headings ("Usage:", "Commands:", ...) through a help template, and the notes clap
//! adds to an argument (its variable, its default, its possible values). Parsing stays clap's:
//! only texts change. In English the tree is clap's own, untouched.

use clap::builder::PossibleValue;
use clap::builder::styling::Style;
use clap::{Arg, Command};

use crate::messages::{self, Language};

/// The command line for the current language.
pub(crate) fn localised(command: Command) -> Command {
    match messages::language() {
        Language::English => command,
        Language::Swedish => swedish(command, &mut Vec::new()),
    }
}

/// `command` with every help text in Swedish; each text the table lacks is left in English and
/// named in `missing`.
fn swedish(mut command: Command, missing: &mut Vec<String>) -> Command {
    // Built, the tree holds what clap adds itself: the help and version flags, the `help`
    // subcommand, and the global arguments copied into every subcommand.
    command.build();
    walk(command, &[], missing)
}

/// `command`, at `path` below puls, and the commands under it, in Swedish.
fn walk(mut command: Command, path: &[&str], missing: &mut Vec<String>) -> Command {
    let key = path.join(" ");
    if command.get_about().is_some() {
        match about_sv(path) {
            Some((about, long)) => {
                command = command.about(about);
                if let Some(long) = long {
                    command = command.long_about(long);
                } else if command.get_long_about().is_some() {
                    missing.push(format!("`puls {key}`: long about"));
                }
            }
            None => missing.push(format!("`puls {key}`: about")),
        }
    }
    let styles = Styles::of(&command);
    // In place, in order: positionals keep their places and every list its order.
    command = command.mut_args(|arg| arg_sv(arg, &key, &styles, missing));
    let template = template(&command, &styles);
    command.help_template(template).mut_subcommands(|sub| {
        let name = sub.get_name().to_owned();
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        walk(sub, &sub_path, missing)
    })
}

/// The Swedish about (and long about) of the command at `path`. A path through clap's `help`
/// subcommand (`puls help roster import`) names a copy of the command after it.
fn about_sv(path: &[&str]) -> Option<(&'static str, Option<&'static str>)> {
    if path.last() == Some(&"help") {
        return Some((messages::help_command(), None));
    }
    match path.iter().position(|p| *p == "help") {
        Some(i) => {
            let real: Vec<&str> = path[..i].iter().chain(&path[i + 1..]).copied().collect();
            messages::help_sv(&real.join(" "), "")
        }
        None => messages::help_sv(&path.join(" "), ""),
    }
}

/// An argument's help in Swedish, with the notes clap would add in English written in Swedish.
fn arg_sv(arg: Arg, key: &str, styles: &Styles, missing: &mut Vec<String>) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let found = match id.as_str() {
        // Without a help of its own (`puls users grant ACCOUNT ROLE`) there is none to translate,
        // but its notes still are.
        _ if arg.get_help().is_none() && arg.get_long_help().is_none() => Some(("", None)),
        "help" if arg.get_long_help().is_some() => Some((
            messages::help_flag_short(),
            Some(messages::help_flag_long()),
        )),
        "help" => Some((messages::help_flag(), None)),
        "version" => Some((messages::version_flag(), None)),
        // A global argument is the same in every subcommand: the table has it under puls.
        _ if arg.is_global_set() => messages::help_sv("", &id),
        _ => messages::help_sv(key, &id),
    };
    let Some((help, long)) = found else {
        missing.push(format!("`puls {key}` {id}: help"));
        return arg;
    };
    if long.is_none() && arg.get_long_help().is_some() {
        missing.push(format!("`puls {key}` {id}: long help"));
    }
    let owner = if arg.is_global_set() { "" } else { key };
    let values = possible_values_sv(&arg, owner, missing);
    let notes = notes(&arg, &values, styles);
    let short = join(help, &notes.short, " ");
    let mut long_text = long.unwrap_or(help).to_owned();
    if values.iter().any(|(_, help)| help.is_some()) {
        let width = values.iter().map(|(name, _)| name.chars().count()).max();
        let width = width.unwrap_or_default();
        let mut list = messages::help_possible_values_heading().to_owned();
        for (name, help) in &values {
            let pad = width - name.chars().count();
            let (literal, help) = (styles.literal, help.unwrap_or_default());
            list.push_str(&format!(
                "\n- {literal}{name}{literal:#}: {:pad$}{help}",
                ""
            ));
        }
        long_text = join(&long_text, &list, "\n\n");
    }
    let long_text = join(&long_text, &notes.long, "\n\n");
    if short.is_empty() && long_text.is_empty() {
        return arg;
    }
    arg.help(short)
        .long_help(long_text)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// `a`, then `b` after `separator` when there is a `b`.
fn join(a: &str, b: &str, separator: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_owned(),
        (true, false) => b.to_owned(),
        (false, false) => format!("{a}{separator}{b}"),
    }
}

/// An argument's possible values with their help in Swedish; a help the table lacks is named
/// in `missing`.
fn possible_values_sv(
    arg: &Arg,
    owner: &str,
    missing: &mut Vec<String>,
) -> Vec<(String, Option<&'static str>)> {
    let id = arg.get_id().as_str();
    arg.get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value: &PossibleValue| {
            let name = value.get_name().to_owned();
            let help = value.get_help().map(|_| {
                messages::value_help_sv(owner, id, &name).unwrap_or_else(|| {
                    missing.push(format!("`puls {owner}` {id}={name}: help"));
                    ""
                })
            });
            (name, help)
        })
        .collect()
}

/// What clap notes after an argument's help, in Swedish: the variable it is read from, its
/// default, the values it takes; on one line in the short help, one a line in the long.
struct Notes {
    short: String,
    long: String,
}

fn notes(arg: &Arg, values: &[(String, Option<&str>)], styles: &Styles) -> Notes {
    let (ctx, value) = (styles.context, styles.context_value);
    let note = |label: &str, text: &str| {
        format!("{ctx}[{label}: {ctx:#}{value}{text}{value:#}{ctx}]{ctx:#}")
    };
    let mut both = Vec::new();
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let set = std::env::var_os(name).unwrap_or_default();
        let text = format!("{}={}", name.to_string_lossy(), set.to_string_lossy());
        both.push(note(messages::help_env(), &text));
    }
    let defaults = arg.get_default_values();
    if arg.get_action().takes_values() && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let text: Vec<_> = defaults.iter().map(|d| d.to_string_lossy()).collect();
        both.push(note(messages::help_default(), &text.join(" ")));
    }
    let mut short = both.clone();
    let mut long = both;
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        let separator = format!("{ctx}, {ctx:#}");
        let names: Vec<String> = values
            .iter()
            .map(|(name, _)| format!("{value}{name}{value:#}"))
            .collect();
        let list = format!(
            "{ctx}[{}: {ctx:#}{}{ctx}]{ctx:#}",
            messages::help_possible_values(),
            names.join(&separator)
        );
        // Values with a help of their own are listed one a line in the long help instead.
        if !values.iter().any(|(_, help)| help.is_some()) {
            long.push(list.clone());
        }
        short.push(list);
    }
    Notes {
        short: short.join(" "),
        long: long.join("\n"),
    }
}

/// The styles clap gives a help page's parts, so the Swedish looks like the English.
struct Styles {
    header: Style,
    usage: Style,
    literal: Style,
    context: Style,
    context_value: Style,
}

impl Styles {
    fn of(command: &Command) -> Styles {
        let styles = command.get_styles();
        Styles {
            header: *styles.get_header(),
            usage: *styles.get_usage(),
            literal: *styles.get_literal(),
            context: *styles.get_context(),
            context_value: *styles.get_context_value(),
        }
    }
}

/// clap's default help template with Swedish headings: the sections a command has, in clap's
/// order (commands, arguments, options), each under its heading.
fn template(command: &Command, styles: &Styles) -> String {
    let (header, usage) = (styles.header, styles.usage);
    let mut sections = Vec::new();
    // clap lists its `help` subcommand only beside others.
    if command
        .get_subcommands()
        .any(|s| s.get_name() != "help" && !s.is_hide_set())
    {
        sections.push((messages::help_commands(), "{subcommands}"));
    }
    let shown = |positional: bool| {
        command
            .get_arguments()
            .any(|a| a.is_positional() == positional && !a.is_hide_set())
    };
    if shown(true) {
        sections.push((messages::help_arguments(), "{positionals}"));
    }
    if shown(false) {
        sections.push((messages::help_options(), "{options}"));
    }
    let usage_line = format!("{usage}{}{usage:#} {{usage}}", messages::help_usage());
    let sections: Vec<String> = sections
        .into_iter()
        .map(|(heading, tag)| format!("{header}{heading}:{header:#}\n{tag}"))
        .collect();
    if sections.is_empty() {
        format!("{{before-help}}{{about-with-newline}}\n{usage_line}{{after-help}}")
    } else {
        format!(
            "{{before-help}}{{about-with-newline}}\n{usage_line}\n\n{}{{after-help}}",
            sections.join("\n\n")
        )
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    #[test]
    fn every_command_argument_and_value_has_its_swedish() {
        let mut missing = Vec::new();
        messages::set_language(Language::Swedish);
        swedish(Cli::command(), &mut missing);
        messages::set_language(Language::English);
        assert!(
            missing.is_empty(),
            "help without its Swedish in messages/cli_help.rs:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn a_command_argument_or_value_without_its_swedish_is_named() {
        let command = Cli::command().subcommand(
            Command::new("shiny")
                .about("A new command")
                .arg(Arg::new("fast").long("fast").help("Quickly"))
                .arg(
                    Arg::new("how")
                        .long("how")
                        .value_parser([PossibleValue::new("well").help("As it should")]),
                ),
        );
        let mut missing = Vec::new();
        messages::set_language(Language::Swedish);
        let command = swedish(command, &mut missing);
        messages::set_language(Language::English);
        assert_eq!(
            missing,
            [
                "`puls shiny`: about",
                "`puls shiny` fast: help",
                "`puls shiny` how=well: help",
                "`puls help shiny`: about",
            ]
        );
        let shiny = command.find_subcommand("shiny").unwrap();
        assert_eq!(shiny.get_about().unwrap().to_string(), "A new command");
    }
}
