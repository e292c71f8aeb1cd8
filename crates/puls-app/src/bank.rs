//! The knowledge bank pane's state: what it lists (the selected arena's related entries, or a
//! search of the whole bank), the filters, the selection and its preview.

use puls_domain::knowledge::EntryKind;
use puls_store::{Entry, EntryFilter, EntryHit};

use super::bank_query::BankQuery;
use super::command::Command;
use super::handled::{Handled, hint, quiet};

/// What the knowledge bank answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::Help),
    hint(Command::FilterText),
    hint(Command::NextView),
    hint(Command::OpenDetail),
    hint(Command::NewEntry),
    hint(Command::Edit),
    hint(Command::CycleKind),
    hint(Command::FilterTag),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
    quiet(Command::FirstRow),
    quiet(Command::LastRow),
    quiet(Command::PageUp),
    quiet(Command::PageDown),
    quiet(Command::FilterMission),
    quiet(Command::FilterCompetence),
    quiet(Command::Delete),
    quiet(Command::Back),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BankView {
    /// Entries that may help the board's selected arena: "have we met this before?"
    #[default]
    Related,
    /// The whole bank, newest first, or ranked by the search.
    Search,
}

#[derive(Debug, Default)]
pub struct BankPane {
    pub view: BankView,
    pub query: String,
    pub filter: EntryFilter,
    pub hits: Vec<EntryHit>,
    pub selected: usize,
    pub scroll: usize,
    pub page: usize,
    /// The selected entry in full, for the preview.
    pub preview: Option<Entry>,
    /// The question whose answer the list waits for, when it is answered in the background.
    pub pending: Option<u64>,
    /// The last question answered: tickets count on from it.
    pub answered: u64,
    /// The question the list holds the answer to, and the one asked in the background.
    pub answers: Option<BankQuery>,
    pub asked: Option<BankQuery>,
}

impl BankPane {
    /// The answer to `question`. Asked again (a refresh), the selected entry stays selected
    /// where it is still among the hits; a new question (a word typed, another arena) starts
    /// at its best answer.
    pub fn set_hits(&mut self, question: Option<BankQuery>, hits: Vec<EntryHit>) {
        let keep = if question == self.answers {
            self.selected_hit().map(|h| h.id)
        } else {
            None
        };
        self.answers = question;
        self.hits = hits;
        self.selected = keep
            .and_then(|id| self.hits.iter().position(|h| h.id == id))
            .unwrap_or(0);
        self.keep_in_view();
    }

    pub fn selected_hit(&self) -> Option<&EntryHit> {
        self.hits.get(self.selected)
    }

    pub fn move_selection(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_in_view();
    }

    pub fn set_page(&mut self, page: usize) {
        self.page = page;
        self.keep_in_view();
    }

    fn keep_in_view(&mut self) {
        let page = self.page.max(1);
        if self.selected < self.scroll {
            self.scroll = self.selected;
        } else if self.selected >= self.scroll + page {
            self.scroll = self.selected + 1 - page;
        }
    }

    /// Cycles the kind filter: all, then each kind, then all again.
    pub fn cycle_kind(&mut self) {
        let kinds = EntryKind::ALL;
        self.filter.kind = match self.filter.kind {
            None => Some(kinds[0]),
            Some(k) => kinds
                .iter()
                .position(|x| *x == k)
                .and_then(|i| kinds.get(i + 1).copied()),
        };
    }

    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty() || self.filter != EntryFilter::default()
    }

    pub fn clear_filters(&mut self) {
        self.query.clear();
        self.filter = EntryFilter::default();
    }
}
