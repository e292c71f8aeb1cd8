//! What the board's title counts as late: arenas past their target date, and arenas with a
//! meeting past its day. The board is drawn at every key in every pane, and a region holds
//! 20,000 arenas: the counts are kept from one step to the next, and counted again when the
//! cards are set, the day turns or the rhythm changes.

use chrono::NaiveDate;
use puls_domain::arena;
use puls_domain::review::ReviewRhythm;

use super::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateCount {
    /// Open arenas past their target date.
    pub arenas: usize,
    /// Arenas with a meeting past its day.
    pub meetings: usize,
    day: NaiveDate,
    rhythm: ReviewRhythm,
}

impl LateCount {
    fn counts_for(&self, day: NaiveDate, rhythm: &ReviewRhythm) -> bool {
        self.day == day && self.rhythm == *rhythm
    }
}

impl App {
    /// The late counts for today: those kept, unless the day or the rhythm has changed since
    /// they were counted.
    pub fn late_count(&self) -> LateCount {
        let today = self.today();
        match self.board.kept_late() {
            Some(kept) if kept.counts_for(today, &self.config.review_rhythm) => kept,
            _ => self.count_late(today),
        }
    }

    /// Keeps the counts for the frames to come. The review dates are read with the cards, so
    /// setting the cards is what lets the kept counts go.
    pub(crate) fn keep_late_count(&mut self) {
        let count = self.late_count();
        self.board.keep_late(count);
    }

    fn count_late(&self, today: NaiveDate) -> LateCount {
        let rhythm = self.config.review_rhythm;
        let cards = self.board.all_cards();
        LateCount {
            arenas: cards
                .iter()
                .filter(|c| arena::is_late(c.stage, c.target_date, today))
                .count(),
            meetings: cards
                .iter()
                .filter(|c| {
                    self.review_dates
                        .get(&c.id)
                        .is_some_and(|d| d.any_late(&rhythm, today))
                })
                .count(),
            day: today,
            rhythm,
        }
    }
}
