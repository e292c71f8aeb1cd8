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
    /// The commands bound in `origin` and the global ones, each once, in keymap order.
    pub fn new(keymap: &Keymap, origin: Context, covered: Option<Box<Popup>>) -> Palette {
        let mut entries: Vec<PaletteEntry> = Vec::new();
        for binding in keymap.bindings() {
            let usable = binding.context == origin
                || (binding.context == Context::Global
                    && (!origin.takes_text() || binding.command == Command::Quit));
            if !usable
                || binding.command == Command::Palette
                || entries.iter().any(|e| e.command == binding.command)
            {
                continue;
            }
            entries.push(PaletteEntry {
                command: binding.command,
                key: key_in(keymap, origin, binding.command),
                description: messages::command_description(binding.command),
            });
        }
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
