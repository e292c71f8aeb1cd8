//! Keys to commands, per context. The defaults are a TOML file compiled in; the help screen and
//! the status bar's hints are read from the same table, so they never go stale.

use std::collections::HashMap;
use std::ops::Range;

use crokey::KeyCombination;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::command::Command;
use crate::config::KeyTables;

const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

/// Where the user is, for the purpose of what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Board,
    Roster,
    Plan,
    Bank,
    Detail,
    Staff,
    Standup,
    Help,
    Form,
    Prompt,
    /// The command palette (`:`).
    Palette,
    /// The roster's "Requests to me": staffing requests waiting for the account's decision.
    Requests,
    /// A bank entry read whole; a course's sessions are signed up for here.
    Reading,
}

impl Context {
    pub const ALL: [Context; 14] = [
        Context::Global,
        Context::Board,
        Context::Roster,
        Context::Plan,
        Context::Bank,
        Context::Detail,
        Context::Staff,
        Context::Standup,
        Context::Help,
        Context::Form,
        Context::Prompt,
        Context::Palette,
        Context::Requests,
        Context::Reading,
    ];

    /// The context's name in keymap files: `[board]` in keymap.toml, `[keys.board]` in config.
    pub fn table(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Board => "board",
            Context::Roster => "roster",
            Context::Plan => "plan",
            Context::Bank => "bank",
            Context::Detail => "detail",
            Context::Staff => "staff",
            Context::Standup => "standup",
            Context::Help => "help",
            Context::Form => "form",
            Context::Prompt => "prompt",
            Context::Palette => "palette",
            Context::Requests => "requests",
            Context::Reading => "reading",
        }
    }

    pub fn from_table(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.table() == name)
    }

    /// Contexts where typing produces text, so single-letter global keys must not fire.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Form | Context::Prompt | Context::Palette)
    }
}

/// One binding, as written in the keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: String,
    pub command: Command,
}

/// What the keys typed so far mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Command(Command),
    /// The first key of a two-key sequence: wait for the second.
    Pending,
    Unbound,
}

/// What is wrong with one entry of a keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// The keymap text is not TOML, or a table holds something other than key = "command".
    Syntax(String),
    UnknownMode(String),
    UnknownCommand(String),
    BadKey(String),
    /// A command bound in a mode that does not answer for it (see `handled`): the key would
    /// do nothing, or something the mode's hint bar and help do not say.
    NotAnswered {
        mode: String,
        command: String,
    },
    /// Two entries of one mode name the same key.
    Duplicate {
        mode: String,
        key: String,
    },
    /// A sequence whose first key is also bound alone in the same mode, or the other way round.
    Prefix {
        mode: String,
        key: String,
        other: String,
    },
}

/// A keymap refused, and where in its text (a byte range) the wrong entry stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::messages::key_problem(problem))]
pub struct KeymapError {
    pub problem: KeyProblem,
    pub span: Option<Range<usize>>,
}

impl KeymapError {
    fn at(span: Range<usize>, problem: KeyProblem) -> KeymapError {
        KeymapError {
            problem,
            span: Some(span),
        }
    }
}

/// One parsed entry: the keys to press in order (one or two) and what they do.
#[derive(Debug, Clone)]
struct Entry {
    context: Context,
    written: String,
    keys: Vec<KeyCombination>,
    command: Command,
}

impl Entry {
    /// Two entries that cannot both be bound in one mode: the same keys, or one the start of the
    /// other (after its first key, puls would not know whether to wait).
    fn clashes(&self, other: &Entry) -> bool {
        self.context == other.context && self.keys.iter().zip(&other.keys).all(|(a, b)| a == b)
    }
}

/// Clone: every screen `puls serve` opens has the server's keymap.
#[derive(Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, Vec<KeyCombination>), Command>,
    /// The first keys of sequences, with the key as written, for the status line.
    prefixes: HashMap<(Context, KeyCombination), String>,
}

/// A key as puls compares it: shifted punctuation (`?`, `>`) arrives with or without SHIFT
/// depending on the terminal, so SHIFT is dropped for characters that are not letters.
fn normalise(combo: KeyCombination) -> KeyCombination {
    match combo.codes.first() {
        KeyCode::Char(c) if combo.codes.len() == 1 && !c.is_alphabetic() => {
            KeyCombination::new(KeyCode::Char(*c), combo.modifiers - KeyModifiers::SHIFT)
        }
        _ => combo,
    }
}

/// The key of a key event, as the keymap compares it.
pub fn combo(key: KeyEvent) -> KeyCombination {
    normalise(KeyCombination::from(key))
}

/// One key as written ("ctrl-s", "G", "ö"). A capital letter alone is that letter with shift, as
/// it is typed (crokey ignores case, which suits "Ctrl-S" but not "G"). crokey reads ASCII
/// characters only, so a letter of another layout (å, ä, ö) is read in place of a stand-in.
fn parse_key(written: &str) -> Option<KeyCombination> {
    let mut chars = written.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return parse_key(&format!("shift-{}", c.to_lowercase()));
    }
    if let Ok(combo) = crokey::parse(written) {
        return Some(normalise(combo));
    }
    let (modifiers, last) = match written.rsplit_once('-') {
        Some((modifiers, last)) => (format!("{modifiers}-"), last),
        None => (String::new(), written),
    };
    let mut chars = last.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let stand_in = crokey::parse(&format!("{modifiers}x")).ok()?;
    let c = match stand_in.modifiers.contains(KeyModifiers::SHIFT) {
        true => c.to_uppercase().next().unwrap_or(c),
        false => c.to_lowercase().next().unwrap_or(c),
    };
    Some(normalise(KeyCombination::new(
        KeyCode::Char(c),
        stand_in.modifiers,
    )))
}

/// "g g" as the keys to press: one or two keys, separated by spaces.
fn parse_keys(written: &str) -> Option<Vec<KeyCombination>> {
    let keys: Vec<KeyCombination> = written
        .split_whitespace()
        .map(parse_key)
        .collect::<Option<_>>()?;
    (1..=2).contains(&keys.len()).then_some(keys)
}

fn parse_command(name: &str) -> Option<Command> {
    use serde::de::IntoDeserializer;
    let name: serde::de::value::StrDeserializer<serde::de::value::Error> = name.into_deserializer();
    Command::deserialize(name).ok()
}

/// The entries of `tables`, checked: known modes, keys and commands, and no two entries of one
/// mode that clash.
fn entries(tables: &KeyTables) -> Result<Vec<Entry>, KeymapError> {
    let mut entries: Vec<Entry> = Vec::new();
    for table in &tables.0 {
        let mode = table.mode.get_ref();
        let context = Context::from_table(mode).ok_or_else(|| {
            KeymapError::at(table.mode.span(), KeyProblem::UnknownMode(mode.clone()))
        })?;
        let first = entries.len();
        for (key, command) in &table.keys {
            let written = key.get_ref().trim().to_owned();
            let keys = parse_keys(&written)
                .ok_or_else(|| KeymapError::at(key.span(), KeyProblem::BadKey(written.clone())))?;
            let name = command.get_ref();
            let span = command.span();
            let command = parse_command(name).ok_or_else(|| {
                KeymapError::at(span.clone(), KeyProblem::UnknownCommand(name.clone()))
            })?;
            if !context.answers(command) {
                let problem = KeyProblem::NotAnswered {
                    mode: mode.clone(),
                    command: name.clone(),
                };
                return Err(KeymapError::at(span, problem));
            }
            let entry = Entry {
                context,
                written,
                keys,
                command,
            };
            if let Some(earlier) = entries[first..].iter().find(|e| e.clashes(&entry)) {
                let mode = mode.clone();
                let problem = if earlier.keys == entry.keys {
                    KeyProblem::Duplicate {
                        mode,
                        key: entry.written,
                    }
                } else {
                    KeyProblem::Prefix {
                        mode,
                        key: entry.written,
                        other: earlier.written.clone(),
                    }
                };
                return Err(KeymapError::at(key.span(), problem));
            }
            entries.push(entry);
        }
    }
    Ok(entries)
}

/// A keymap file's text (the format of `keymap.toml`) as its tables.
fn tables(text: &str) -> Result<KeyTables, KeymapError> {
    toml::from_str(text).map_err(|e| KeymapError {
        problem: KeyProblem::Syntax(e.message().to_owned()),
        span: e.span(),
    })
}

impl Keymap {
    /// A keymap from a whole keymap file.
    pub fn parse(text: &str) -> Result<Keymap, KeymapError> {
        Ok(Keymap::from_entries(entries(&tables(text)?)?))
    }

    /// The keymap puls ships with.
    pub fn default_keys() -> Keymap {
        // The file is part of the binary and covered by a test, so it always parses.
        Keymap::parse(DEFAULT_KEYMAP).unwrap_or_else(|e| panic!("built-in keymap: {e}"))
    }

    /// The default keymap with the user's keys over it: an entry of the user's replaces the
    /// default entries of its mode that it clashes with (the same key, or a sequence starting
    /// with a key bound alone), and leaves every other default as it is.
    pub fn with_user_keys(user: &KeyTables) -> Result<Keymap, KeymapError> {
        let user = entries(user)?;
        let defaults = tables(DEFAULT_KEYMAP).and_then(|t| entries(&t));
        // As in `default_keys`: the built-in file is tested to parse.
        let defaults = defaults.unwrap_or_else(|e| panic!("built-in keymap: {e}"));
        let mut kept: Vec<Entry> = defaults
            .into_iter()
            .filter(|d| !user.iter().any(|u| u.clashes(d)))
            .collect();
        kept.extend(user);
        Ok(Keymap::from_entries(kept))
    }

    fn from_entries(entries: Vec<Entry>) -> Keymap {
        let mut keymap = Keymap {
            bindings: Vec::new(),
            lookup: HashMap::new(),
            prefixes: HashMap::new(),
        };
        for entry in entries {
            if let [first, _] = entry.keys[..] {
                let first_written = entry.written.split_whitespace().next().unwrap_or_default();
                keymap
                    .prefixes
                    .insert((entry.context, first), first_written.to_owned());
            }
            keymap
                .lookup
                .insert((entry.context, entry.keys), entry.command);
            keymap.bindings.push(Binding {
                context: entry.context,
                key: entry.written,
                command: entry.command,
            });
        }
        keymap
    }

    /// What `keys` (one key, or the two of a sequence) mean in `context`. The context's own keys
    /// come first, then the global keys where no text is typed.
    pub fn lookup(&self, context: Context, keys: &[KeyCombination]) -> Lookup {
        let mut contexts = vec![context];
        if context != Context::Global {
            contexts.push(Context::Global);
        }
        for c in contexts {
            let global_in_text = c == Context::Global && context.takes_text();
            if let Some(command) = self.lookup.get(&(c, keys.to_vec())) {
                if global_in_text && *command != Command::Quit {
                    return Lookup::Unbound;
                }
                return Lookup::Command(*command);
            }
            if let [first] = keys
                && self.prefixes.contains_key(&(c, *first))
                && !global_in_text
            {
                return Lookup::Pending;
            }
        }
        Lookup::Unbound
    }

    /// The first key of a sequence as written in the keymap, for the status line.
    pub fn prefix_name(&self, context: Context, key: KeyCombination) -> Option<&str> {
        [context, Context::Global]
            .iter()
            .find_map(|c| self.prefixes.get(&(*c, key)))
            .map(String::as_str)
    }

    /// Every binding, in file order: the help screen.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The keys bound to `command` in `context`, in file order.
    pub fn keys_for(&self, context: Context, command: Command) -> Vec<&str> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.command == command)
            .map(|b| b.key.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Keymap {
        /// The command of one key in `context`, when it is bound alone.
        fn command(&self, context: Context, key: KeyEvent) -> Option<Command> {
            match self.lookup(context, &[combo(key)]) {
                Lookup::Command(command) => Some(command),
                _ => None,
            }
        }
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_built_in_keymap_parses() {
        assert!(Keymap::parse(DEFAULT_KEYMAP).is_ok());
    }

    #[test]
    fn arrows_and_vim_keys_both_move_on_the_board() {
        let keys = Keymap::default_keys();
        let none = KeyModifiers::NONE;
        assert_eq!(
            keys.command(Context::Board, key(KeyCode::Left, none)),
            Some(Command::ColumnLeft)
        );
        assert_eq!(
            keys.command(Context::Board, key(KeyCode::Char('h'), none)),
            Some(Command::ColumnLeft)
        );
        assert_eq!(
            keys.command(Context::Board, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Command::LastCard)
        );
    }

    #[test]
    fn shifted_punctuation_matches_with_or_without_shift() {
        let keys = Keymap::default_keys();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                keys.command(Context::Board, key(KeyCode::Char('>'), modifiers)),
                Some(Command::NextStage)
            );
            assert_eq!(
                keys.command(Context::Board, key(KeyCode::Char('?'), modifiers)),
                Some(Command::Help)
            );
        }
    }

    #[test]
    fn letters_typed_into_a_form_are_text_but_ctrl_c_still_quits() {
        let keys = Keymap::default_keys();
        assert_eq!(
            keys.command(Context::Form, key(KeyCode::Char('u'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            keys.command(
                Context::Form,
                key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Command::Quit)
        );
    }

    #[test]
    fn refuses_a_key_bound_twice_and_an_unknown_command() {
        // "K" is "shift-k", which the board binds further down: the later one is reported.
        let twice = DEFAULT_KEYMAP.replace(
            "\"v\" = \"toggle-declined\"",
            "\"v\" = \"toggle-declined\"\n\"K\" = \"edit\"",
        );
        let error = Keymap::parse(&twice).err().unwrap();
        assert!(
            matches!(error.problem, KeyProblem::Duplicate { .. }),
            "{error:?}"
        );
        assert_eq!(&twice[error.span.unwrap()], "\"shift-k\"");
        let unknown = DEFAULT_KEYMAP.replace("\"toggle-declined\"", "\"fly\"");
        let error = Keymap::parse(&unknown).err().unwrap();
        assert_eq!(error.problem, KeyProblem::UnknownCommand("fly".to_owned()));
    }

    fn user(text: &str) -> Result<Keymap, KeymapError> {
        let tables: KeyTables = toml::from_str(text).unwrap();
        Keymap::with_user_keys(&tables)
    }

    fn combos(keys: &str) -> Vec<KeyCombination> {
        parse_keys(keys).unwrap()
    }

    #[test]
    fn a_sequence_waits_after_its_first_key_and_runs_after_the_second() {
        let keys = user("[board]\n\"g g\" = \"first-card\"\n").unwrap();
        assert_eq!(keys.lookup(Context::Board, &combos("g")), Lookup::Pending);
        assert_eq!(
            keys.lookup(Context::Board, &combos("g g")),
            Lookup::Command(Command::FirstCard)
        );
        assert_eq!(keys.lookup(Context::Board, &combos("g x")), Lookup::Unbound);
        assert_eq!(keys.prefix_name(Context::Board, combos("g")[0]), Some("g"));
        // The roster's own "g" is untouched.
        assert_eq!(
            keys.lookup(Context::Roster, &combos("g")),
            Lookup::Command(Command::FirstRow)
        );
    }

    #[test]
    fn a_user_key_replaces_only_the_default_it_clashes_with() {
        let keys = user("[board]\n\"x\" = \"zoom\"\n\"j\" = \"card-up\"\n").unwrap();
        assert_eq!(
            keys.lookup(Context::Board, &combos("j")),
            Lookup::Command(Command::CardUp)
        );
        assert_eq!(
            keys.lookup(Context::Board, &combos("x")),
            Lookup::Command(Command::Zoom)
        );
        assert_eq!(
            keys.lookup(Context::Board, &combos("down")),
            Lookup::Command(Command::CardDown)
        );
        assert_eq!(keys.keys_for(Context::Board, Command::CardDown), ["down"]);
    }

    #[test]
    fn modifiers_and_letters_of_other_layouts_are_keys() {
        let keys = user("[board]\n\"ö\" = \"zoom\"\n\"alt-ä\" = \"help\"\n\"ctrl-shift-left\" = \"first-card\"\n").unwrap();
        let none = KeyModifiers::NONE;
        assert_eq!(
            keys.command(Context::Board, key(KeyCode::Char('ö'), none)),
            Some(Command::Zoom)
        );
        assert_eq!(
            keys.command(Context::Board, key(KeyCode::Char('ä'), KeyModifiers::ALT)),
            Some(Command::Help)
        );
        assert_eq!(
            keys.command(
                Context::Board,
                key(KeyCode::Left, KeyModifiers::CONTROL | KeyModifiers::SHIFT)
            ),
            Some(Command::FirstCard)
        );
    }

    #[test]
    fn global_sequences_wait_only_where_no_text_is_typed() {
        let keys = user("[global]\n\"space z\" = \"zoom\"\n").unwrap();
        assert_eq!(
            keys.lookup(Context::Roster, &combos("space")),
            Lookup::Pending
        );
        assert_eq!(
            keys.lookup(Context::Form, &combos("space")),
            Lookup::Unbound
        );
        assert_eq!(
            keys.lookup(Context::Help, &combos("space z")),
            Lookup::Command(Command::Zoom)
        );
    }

    #[test]
    fn a_capital_letter_is_the_letter_with_shift_but_ctrl_s_ignores_case() {
        let keys =
            user("[board]\n\"N\" = \"zoom\"\n\"Ctrl-L\" = \"help\"\n\"Ö\" = \"undo\"\n").unwrap();
        let command = |code, modifiers| keys.command(Context::Board, key(code, modifiers));
        assert_eq!(
            command(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(Command::Zoom)
        );
        assert_eq!(
            command(KeyCode::Char('n'), KeyModifiers::NONE),
            Some(Command::NewSignal)
        );
        assert_eq!(
            command(KeyCode::Char('l'), KeyModifiers::CONTROL),
            Some(Command::Help)
        );
        assert_eq!(
            command(KeyCode::Char('Ö'), KeyModifiers::SHIFT),
            Some(Command::Undo)
        );
    }

    #[test]
    fn more_than_two_keys_are_not_a_key() {
        let error = user("[board]\n\"g g g\" = \"first-card\"\n").err().unwrap();
        assert_eq!(error.problem, KeyProblem::BadKey("g g g".to_owned()));
    }
}
