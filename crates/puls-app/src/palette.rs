//! The command palette (`:`): every command of the place it was opened from, found by typing
//! part of what it does. Matching is nucleo's fuzzy matcher (the one helix uses), so "zo" finds
//! "zoom" and typos of one letter still rank what was meant near the top.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};
use ratatui_textarea::TextArea;

use super::command::Command;
use super::keymap::{Context, Keymap};
use super::popup::Popup;
use crate::messages;

use super::handled::{self, Handled, hint, quiet};

/// What the command palette answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::Confirm),
    hint(Command::Back),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
];

/// One command the palette can run, with the key that runs it where the palette was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    pub command: Command,
    pub key: String,
    pub description: &'static str,
}

pub struct Palette {
    /// Where `:` was pressed: the commands run there.
    pub origin: Context,
    /// The popup `:` was pressed over, put back when the palette closes.
    pub covered: Option<Box<Popup>>,
    pub input: TextArea<'static>,
    entries: Vec<PaletteEntry>,
    /// Indices into `entries` of what matches, best first.
    shown: Vec<usize>,
    pub selected: usize,
    matcher: Matcher,
}

impl Palette {
    /// What `origin` answers for and what every place does (in a place that takes text, only
    /// quitting), each once, in keymap order; a command no key is bound to comes last, still
    /// runnable by name.
    pub fn new(keymap: &Keymap, origin: Context, covered: Option<Box<Popup>>) -> Palette {
        let global = handled::GLOBAL
            .iter()
            .filter(|h| !origin.takes_text() || h.command == Command::Quit);
        let mut commands: Vec<Command> = Vec::new();
        for handled in origin.handled().iter().chain(global) {
            if handled.command != Command::Palette && !commands.contains(&handled.command) {
                commands.push(handled.command);
            }
        }
        let first_binding = |command: Command| {
            keymap
                .bindings()
                .iter()
                .position(|b| {
                    b.command == command && [origin, Context::Global].contains(&b.context)
                })
                .unwrap_or(usize::MAX)
        };
        commands.sort_by_key(|c| first_binding(*c));
        let entries: Vec<PaletteEntry> = commands
            .into_iter()
            .map(|command| PaletteEntry {
                command,
                key: key_in(keymap, origin, command),
                description: messages::command_description(command),
            })
            .collect();
        let mut input = TextArea::default();
        input.set_cursor_line_style(ratatui::style::Style::default());
        let mut palette = Palette {
            origin,
            covered,
            input,
            shown: (0..entries.len()).collect(),
            entries,
            selected: 0,
            matcher: Matcher::new(nucleo_matcher::Config::DEFAULT),
        };
        palette.refilter();
        palette
    }

    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Ranks the entries against what is typed: best first, keymap order among equals.
    pub fn refilter(&mut self) {
        let query = self.query();
        let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
        let mut buffer = Vec::new();
        let mut scored: Vec<(u32, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| {
                let haystack = Utf32Str::new(entry.description, &mut buffer);
                pattern.score(haystack, &mut self.matcher).map(|s| (s, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.shown = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = 0;
    }

    /// What matches, best first.
    pub fn shown(&self) -> impl Iterator<Item = &PaletteEntry> {
        self.shown.iter().filter_map(|i| self.entries.get(*i))
    }

    pub fn move_selection(&mut self, delta: isize) {
        if self.shown.is_empty() {
            return;
        }
        let last = self.shown.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn chosen(&self) -> Option<Command> {
        self.shown
            .get(self.selected)
            .and_then(|i| self.entries.get(*i))
            .map(|e| e.command)
    }
}

/// The first key of `command` in `context`, else its global key.
fn key_in(keymap: &Keymap, context: Context, command: Command) -> String {
    let keys = keymap.keys_for(context, command);
    let keys = if keys.is_empty() {
        keymap.keys_for(Context::Global, command)
    } else {
        keys
    };
    keys.first().map(|k| (*k).to_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(palette: &mut Palette, text: &str) {
        palette.input.insert_str(text);
        palette.refilter();
    }

    #[test]
    fn zo_finds_zoom_first_with_its_key() {
        let mut palette = Palette::new(&Keymap::default_keys(), Context::Board, None);
        typed(&mut palette, "zo");
        let first = palette.shown().next().unwrap();
        assert_eq!(first.command, Command::Zoom);
        assert_eq!(first.key, "z");
    }

    #[test]
    fn lists_the_commands_of_its_place_and_the_global_ones_once_each() {
        let palette = Palette::new(&Keymap::default_keys(), Context::Board, None);
        let commands: Vec<Command> = palette.shown().map(|e| e.command).collect();
        assert!(commands.contains(&Command::NewSignal));
        assert!(commands.contains(&Command::Help));
        assert!(!commands.contains(&Command::Palette));
        assert!(!commands.contains(&Command::CycleKind));
        let column_left = commands.iter().filter(|c| **c == Command::ColumnLeft);
        assert_eq!(column_left.count(), 1);
    }

    #[test]
    fn nothing_matching_leaves_nothing_to_run() {
        let mut palette = Palette::new(&Keymap::default_keys(), Context::Board, None);
        typed(&mut palette, "qqqqxxxx");
        assert_eq!(palette.chosen(), None);
        palette.move_selection(1);
        assert_eq!(palette.chosen(), None);
    }
}
