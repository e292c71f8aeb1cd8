//! Opening the command palette, typing into it, and running what it found where it was opened.

use crossterm::event::{KeyCode, KeyEvent};

use super::App;
use super::command::Command;
use super::palette::Palette;
use super::popup::Popup;

impl App {
    /// Opens the palette over whatever is on screen; it runs its commands there.
    pub(super) fn open_palette(&mut self) {
        let origin = self.context();
        let covered = self.popup.take().map(Box::new);
        let palette = Palette::new(&self.keymap, origin, covered);
        self.popup = Some(Popup::Palette(Box::new(palette)));
    }

    pub(super) fn run_palette(&mut self, command: Command) {
        let Some(Popup::Palette(palette)) = &mut self.popup else {
            return;
        };
        match command {
            Command::RowUp => palette.move_selection(-1),
            Command::RowDown => palette.move_selection(1),
            Command::Confirm => {
                let Some(chosen) = palette.chosen() else {
                    return;
                };
                self.popup = palette.covered.take().map(|p| *p);
                self.run(chosen);
            }
            _ => {}
        }
    }

    pub(super) fn type_into_palette(&mut self, key: KeyEvent) {
        if let Some(Popup::Palette(palette)) = &mut self.popup
            && key.code != KeyCode::Enter
            && palette.input.input(key)
        {
            palette.refilter();
        }
    }

    pub(super) fn paste_into_palette(&mut self, text: &str) {
        if let Some(Popup::Palette(palette)) = &mut self.popup {
            palette.input.insert_str(text.replace(['\r', '\n'], " "));
            palette.refilter();
        }
    }
}
