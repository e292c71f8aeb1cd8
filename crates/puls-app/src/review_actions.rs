//! Recording an arena's meetings from its detail, and filing what a case discussion learned.

use super::App;
use super::form::{Form, FormKind};
use super::messages;
use super::popup::{DetailRecord, Popup};
use puls_domain::review::ReviewKind;
use puls_store::StoreError;

impl App {
    /// The detail's arena, when the detail is open.
    fn detail_arena(&self) -> Option<i64> {
        match &self.popup {
            Some(Popup::Detail(d)) => Some(d.arena.id),
            _ => None,
        }
    }

    pub(super) fn open_review_form(&mut self) {
        let Some(arena) = self.detail_arena() else {
            return;
        };
        let form = Form::review(arena, None, self.today(), self.store.who());
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Moves the mark among the detail's meetings and ratings, or a course's sessions.
    pub(super) fn move_record(&mut self, delta: isize) {
        match &mut self.popup {
            Some(Popup::Detail(detail)) => detail.move_record(delta),
            Some(Popup::Reading(reading)) => reading.move_session(delta),
            Some(Popup::Maturity(_)) => self.move_partnership(delta),
            _ => {}
        }
    }

    /// The detail's selected meeting or rating in its form, with what was saved. A drawn-up
    /// arena is refused before a form opens, with the store's own words.
    pub(super) fn open_record(&mut self) {
        let Some(Popup::Detail(detail)) = &self.popup else {
            return;
        };
        let arena = detail.arena.id;
        match self.store.drawn_up(arena) {
            Ok(Some(lock)) => {
                return self.error(messages::drawn_up_refused(arena, lock.at, &lock.by));
            }
            Ok(None) => {}
            Err(e) => return self.fail(&e),
        }
        let form = match detail.selected_record() {
            Some(DetailRecord::Meeting(review)) => {
                Form::review(arena, Some(review), self.today(), self.store.who())
            }
            Some(DetailRecord::Rating(rating)) => Form::edit_rating(arena, rating),
            None => return self.error(messages::no_record_to_open().to_owned()),
        };
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Saves a review form; `None`: the form shows what to fix. The detail opens again on
    /// the arena, with the meeting in it.
    pub(super) fn save_review_form(
        &mut self,
        form: &mut Form,
    ) -> Option<Result<String, StoreError>> {
        let FormKind::Review { arena, existing } = form.kind else {
            return None;
        };
        let review = form.review_value()?;
        let saved = match existing {
            Some((id, version)) => self.store.edit_review(id, version, &review),
            None => self.store.add_review(arena, &review).map(|_| ()),
        };
        Some(saved.map(|()| {
            self.open_detail(arena);
            messages::review_saved(arena, review.kind)
        }))
    }

    /// Files the newest case discussion of the detail's arena not yet in the bank.
    pub(super) fn file_review(&mut self) {
        let Some(Popup::Detail(detail)) = &self.popup else {
            return;
        };
        let arena = detail.arena.id;
        let waiting = detail
            .reviews
            .iter()
            .find(|r| r.kind == ReviewKind::Case && r.entry.is_none())
            .map(|r| (r.id, r.version));
        let Some((id, version)) = waiting else {
            return self.error(messages::no_case_to_file().to_owned());
        };
        match self.store.file_review(id, version) {
            Ok(entry) => {
                let reloaded = self.reload();
                self.report(reloaded);
                self.open_detail(arena);
                self.info(messages::review_filed(entry));
            }
            Err(e) => self.fail(&e),
        }
    }
}

impl App {
    /// The next meeting of each kind of `arena`, by the config's rhythm; none while the arena
    /// holds no meetings.
    pub fn reviews_due(&self, arena: i64) -> Vec<puls_domain::review::ReviewDue> {
        self.review_dates
            .get(&arena)
            .map(|d| d.due(&self.config.review_rhythm, self.today()))
            .unwrap_or_default()
    }
}
