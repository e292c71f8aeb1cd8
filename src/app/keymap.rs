//! Keys to commands, per context. The defaults are a TOML file compiled in; the help screen and
//! the status bar's hints are read from the same table, so they never go stale.

use std::collections::HashMap;

use crokey::KeyCombination;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::command::Command;

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
}

impl Context {
    pub const ALL: [Context; 11] = [
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
    ];

    fn table(self) -> &'static str {
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
        }
    }

    /// Contexts where typing produces text, so single-letter global keys must not fire.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Form | Context::Prompt)
    }
}

/// One binding, as written in the keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: String,
    pub command: Command,
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Syntax(String),
    #[error("keymap [{context}]: \"{key}\" is not a key")]
    BadKey { context: &'static str, key: String },
    #[error("keymap [{context}]: \"{key}\" is bound twice")]
    Duplicate { context: &'static str, key: String },
}

pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, KeyCombination), Command>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeymapFile {
    global: toml::Table,
    board: toml::Table,
    roster: toml::Table,
    plan: toml::Table,
    bank: toml::Table,
    detail: toml::Table,
    staff: toml::Table,
    standup: toml::Table,
    help: toml::Table,
    form: toml::Table,
    prompt: toml::Table,
}

impl KeymapFile {
    fn table(&self, context: Context) -> &toml::Table {
        match context {
            Context::Global => &self.global,
            Context::Board => &self.board,
            Context::Roster => &self.roster,
            Context::Plan => &self.plan,
            Context::Bank => &self.bank,
            Context::Detail => &self.detail,
            Context::Staff => &self.staff,
            Context::Standup => &self.standup,
            Context::Help => &self.help,
            Context::Form => &self.form,
            Context::Prompt => &self.prompt,
        }
    }
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

impl Keymap {
    pub fn parse(text: &str) -> Result<Keymap, KeymapError> {
        let file: KeymapFile =
            toml::from_str(text).map_err(|e| KeymapError::Syntax(e.to_string()))?;
        let mut bindings = Vec::new();
        let mut lookup = HashMap::new();
        for context in Context::ALL {
            for (key, value) in file.table(context) {
                let command = Command::deserialize(value.clone()).map_err(|e| {
                    KeymapError::Syntax(format!("[{}] \"{key}\": {e}", context.table()))
                })?;
                let combo = crokey::parse(key).map_err(|_| KeymapError::BadKey {
                    context: context.table(),
                    key: key.clone(),
                })?;
                if lookup
                    .insert((context, normalise(combo)), command)
                    .is_some()
                {
                    return Err(KeymapError::Duplicate {
                        context: context.table(),
                        key: key.clone(),
                    });
                }
                bindings.push(Binding {
                    context,
                    key: key.clone(),
                    command,
                });
            }
        }
        Ok(Keymap { bindings, lookup })
    }

    /// The keymap puls ships with.
    pub fn default_keys() -> Keymap {
        // The file is part of the binary and covered by a test, so it always parses.
        Keymap::parse(DEFAULT_KEYMAP).unwrap_or_else(|e| panic!("built-in keymap: {e}"))
    }

    /// The command `key` means in `context`, falling back to the global keys where no text is typed.
    pub fn command(&self, context: Context, key: KeyEvent) -> Option<Command> {
        let combo = normalise(KeyCombination::from(key));
        if let Some(command) = self.lookup.get(&(context, combo)) {
            return Some(*command);
        }
        let global = self.lookup.get(&(Context::Global, combo)).copied()?;
        if context.takes_text() && global != Command::Quit {
            return None;
        }
        Some(global)
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
        // "V" and "v" are one key to crokey: written twice in one context.
        let twice = DEFAULT_KEYMAP.replace(
            "\"v\" = \"toggle-declined\"",
            "\"v\" = \"toggle-declined\"\n\"V\" = \"edit\"",
        );
        assert!(
            matches!(Keymap::parse(&twice), Err(KeymapError::Duplicate { .. })),
            "{:?}",
            Keymap::parse(&twice).err()
        );
        let unknown = DEFAULT_KEYMAP.replace("\"toggle-declined\"", "\"fly\"");
        let error = Keymap::parse(&unknown).err().map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("fly")));
    }
}
