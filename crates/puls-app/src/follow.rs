//! The panes that follow the board's selection: the team, the PULS plan and the related
//! entries. Loading them at every key of a held `j` costs a query and a repaint of three panes
//! per key; the terminal driver lets them wait until the selection rests, so on a slow link a
//! held key sends the board's own change and little else. Tests and tools follow at once.

use super::App;
use super::bank::BankView;
use super::command::Command;
use super::keymap::Context;

impl App {
    /// From now on the following panes wait for [`App::settle`] while the board is moved.
    pub fn follow_when_settled(&mut self) {
        self.follow_later = true;
    }

    /// True while the following panes still show the arena selected before.
    pub fn unsettled(&self) -> bool {
        self.follow_pending
    }

    /// Brings the following panes to the selected arena. True when the screen changed.
    pub fn settle(&mut self) -> bool {
        self.step(|app| app.on_settle())
    }

    fn on_settle(&mut self) -> bool {
        if !std::mem::take(&mut self.follow_pending) {
            return false;
        }
        self.follow_now();
        true
    }

    /// After anything that may have moved the board's selection.
    pub(super) fn follow_board_selection(&mut self) {
        let selected = self.board.selected().map(|c| c.id);
        if selected == self.roster.team.arena.as_ref().map(|a| a.0) {
            self.follow_pending = false;
        } else if self.follow_later {
            self.follow_pending = true;
        } else {
            self.follow_now();
        }
    }

    /// Before a command runs: anything but moving about the board may act on the selected
    /// arena's team or plan, so those must show it first.
    pub(super) fn settle_before(&mut self, command: Option<Command>) {
        let moving = self.context() == Context::Board
            && command.is_some_and(|c| {
                matches!(
                    c,
                    Command::ColumnLeft
                        | Command::ColumnRight
                        | Command::CardUp
                        | Command::CardDown
                        | Command::FirstCard
                        | Command::LastCard
                        | Command::PageUp
                        | Command::PageDown
                )
            });
        if !moving {
            self.settle();
        }
    }

    fn follow_now(&mut self) {
        let mut result = self.load_team();
        if self.bank.view == BankView::Related {
            result = result.and_then(|()| self.load_bank());
        }
        self.report(result);
    }
}
