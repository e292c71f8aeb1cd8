//! The mouse, when switched on: a click focuses a pane or selects a card, the wheel moves
//! through the focused list as the arrow keys do.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::command::Command;
use super::keymap::Context;
use super::layout::{self, Target};
use super::{App, Pane};

impl App {
    /// Whether clicks and the wheel are taken; the terminal driver captures the mouse only then.
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Handles one mouse event; true when the screen needs drawing.
    pub fn handle_mouse(&mut self, mouse: MouseEvent) -> bool {
        self.step(|app| app.on_mouse(mouse))
    }

    fn on_mouse(&mut self, mouse: MouseEvent) -> bool {
        if !self.mouse {
            return false;
        }
        let changed = match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.click(Position::new(mouse.column, mouse.row))
            }
            MouseEventKind::ScrollDown => self.wheel(true),
            MouseEventKind::ScrollUp => self.wheel(false),
            _ => false,
        };
        if changed {
            self.follow_board_selection();
        }
        changed
    }

    /// A click on the main screen; popups and the stand-up take keys only.
    fn click(&mut self, point: Position) -> bool {
        if self.popup.is_some() {
            return false;
        }
        let area = Rect::new(0, 0, self.width, self.height);
        match layout::target(self, area, point) {
            Some(Target::Pane(pane)) => self.focus = pane,
            Some(Target::Card { column, row }) => {
                self.focus = Pane::Board;
                self.board.column = column;
                self.board.columns[column].selected = row;
            }
            None => return false,
        }
        true
    }

    /// The wheel moves through what has the focus, one row a notch.
    fn wheel(&mut self, down: bool) -> bool {
        let (next, previous) = match self.context() {
            Context::Board => (Command::CardDown, Command::CardUp),
            Context::Roster
            | Context::Plan
            | Context::Bank
            | Context::Staff
            | Context::Standup
            | Context::Palette
            | Context::Requests => (Command::RowDown, Command::RowUp),
            Context::Help | Context::Detail | Context::Reading => {
                (Command::ScrollDown, Command::ScrollUp)
            }
            Context::Form | Context::Prompt | Context::Global => return false,
        };
        self.run(if down { next } else { previous });
        true
    }
}
