//! What each pane and popup answers for: the commands it handles in its place (its keymap
//! context), in the order its hint bar names them. Each pane states its own list beside its
//! state (`board::COMMANDS`, `popup::DETAIL_COMMANDS`...); this module gathers them.
//!
//! Everything else is derived from these statements and the keymap, so nothing can drift from
//! what a key does: a keymap may bind in a place only what that place (or every place) answers
//! for, and a user's key for anything else is refused at start; the hint bar shows the marked
//! commands with their keys; `?` help and the palette list what the place answers for.

use super::command::Command;
use super::keymap::{Context, Keymap};
use super::{bank, board, form, palette, plan, popup, requests, roster, staffing, standup};

/// One command a place answers for, and whether its hint bar names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handled {
    pub command: Command,
    pub hint: bool,
}

/// A command the hint bar names, in the order written.
pub const fn hint(command: Command) -> Handled {
    Handled {
        command,
        hint: true,
    }
}

/// A command answered for, but left out of the crowded hint bar (arrows, paging...).
pub const fn quiet(command: Command) -> Handled {
    Handled {
        command,
        hint: false,
    }
}

/// What every place answers for, whatever has the focus (the `[global]` keys): leaving,
/// help, moving between panes and the screens that cover them all.
pub const GLOBAL: &[Handled] = &[
    quiet(Command::Quit),
    quiet(Command::Back),
    quiet(Command::Help),
    quiet(Command::NextPane),
    quiet(Command::PreviousPane),
    quiet(Command::FocusBoard),
    quiet(Command::FocusRoster),
    quiet(Command::FocusPlan),
    quiet(Command::FocusBank),
    quiet(Command::Zoom),
    quiet(Command::Undo),
    quiet(Command::Palette),
    quiet(Command::ToggleMouse),
    quiet(Command::History),
    quiet(Command::Standup),
    quiet(Command::Figures),
];

impl Context {
    /// The commands this place states it answers for, hint-bar commands first in their order.
    pub fn handled(self) -> &'static [Handled] {
        match self {
            Context::Global => GLOBAL,
            Context::Board => board::COMMANDS,
            Context::Roster => roster::COMMANDS,
            Context::Plan => plan::COMMANDS,
            Context::Bank => bank::COMMANDS,
            Context::Detail => popup::DETAIL_COMMANDS,
            Context::Staff => staffing::COMMANDS,
            Context::Standup => standup::COMMANDS,
            Context::Help => popup::HELP_COMMANDS,
            Context::Form => form::COMMANDS,
            Context::Prompt => popup::PROMPT_COMMANDS,
            Context::Palette => palette::COMMANDS,
            Context::Requests => requests::COMMANDS,
            Context::Reading => popup::READING_COMMANDS,
        }
    }

    /// Whether a command does something here: stated by the place, or by every place.
    pub fn answers(self, command: Command) -> bool {
        let stated = |list: &[Handled]| list.iter().any(|h| h.command == command);
        stated(self.handled()) || (self != Context::Global && stated(GLOBAL))
    }

    /// The commands the hint bar names here, in order.
    pub fn hints(self) -> impl Iterator<Item = Command> {
        self.handled().iter().filter(|h| h.hint).map(|h| h.command)
    }
}

/// The commands `context` answers for that have a key there, in the keymap's order: what `?`
/// help lists under the place's heading.
pub fn keyed(keymap: &Keymap, context: Context) -> Vec<Command> {
    let mut commands: Vec<Command> = Vec::new();
    for binding in keymap.bindings().iter().filter(|b| b.context == context) {
        if context.answers(binding.command) && !commands.contains(&binding.command) {
            commands.push(binding.command);
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KeyTables;
    use crate::keymap::KeyProblem;

    fn with_user(text: &str) -> Result<Keymap, crate::keymap::KeymapError> {
        let tables: KeyTables = toml::from_str(text).unwrap();
        Keymap::with_user_keys(&tables)
    }

    #[test]
    fn every_default_key_does_what_its_place_says_it_answers_for() {
        let keymap = Keymap::default_keys();
        for binding in keymap.bindings() {
            assert!(
                binding.context.answers(binding.command),
                "{:?} bound in [{}] to {:?}, which it does not state",
                binding.key,
                binding.context.table(),
                binding.command
            );
        }
    }

    #[test]
    fn every_command_a_place_states_has_a_default_key_so_help_lists_it() {
        let keymap = Keymap::default_keys();
        for context in Context::ALL {
            for handled in context.handled() {
                // What works everywhere needs a key somewhere, not one in [global].
                let keyed = match context {
                    Context::Global => keymap
                        .bindings()
                        .iter()
                        .any(|b| b.command == handled.command),
                    _ => {
                        !keymap.keys_for(context, handled.command).is_empty()
                            || !keymap.keys_for(Context::Global, handled.command).is_empty()
                    }
                };
                assert!(
                    keyed,
                    "[{}] states {:?} but no key reaches it",
                    context.table(),
                    handled.command
                );
            }
        }
    }

    #[test]
    fn a_users_key_for_a_command_its_place_ignores_is_refused_with_the_place() {
        let refused = with_user("[board]\n\"x\" = \"save\"\n").err().unwrap();
        assert_eq!(
            refused.problem,
            KeyProblem::NotAnswered {
                mode: "board".into(),
                command: "save".into()
            }
        );
        assert!(refused.span.is_some(), "the refusal points at the entry");
        // A command that works everywhere may be bound anywhere, and in [global].
        assert!(with_user("[plan]\n\"f2\" = \"figures\"\n").is_ok());
        assert!(with_user("[global]\n\"f2\" = \"figures\"\n").is_ok());
        assert!(with_user("[global]\n\"f3\" = \"new-signal\"\n").is_err());
    }

    #[test]
    fn the_hint_bar_names_only_what_its_place_answers_for() {
        for context in Context::ALL {
            for command in context.hints() {
                assert!(context.answers(command), "{context:?} hints {command:?}");
            }
        }
    }
}
