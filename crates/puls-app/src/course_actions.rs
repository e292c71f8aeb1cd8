//! Signing up for a course's session from its reading, and withdrawing: as the roster person
//! the account at the keyboard is linked to.

use super::App;
use super::messages;
use super::popup::Popup;

impl App {
    pub(super) fn sign_up_for_session(&mut self) {
        self.change_sign_up(true);
    }

    pub(super) fn withdraw_from_session(&mut self) {
        self.change_sign_up(false);
    }

    /// Signs the account's person up for the marked session (or withdraws them), then reads
    /// the course again.
    fn change_sign_up(&mut self, sign_up: bool) {
        let Some(Popup::Reading(reading)) = &self.popup else {
            return;
        };
        if reading.course.is_none() {
            return self.error(messages::not_a_course_to_sign_up().to_owned());
        }
        let Some(session) = reading.marked_session() else {
            return self.error(messages::no_session_to_sign_up().to_owned());
        };
        let Some(person) = reading.person.clone() else {
            let account = self.store.who().to_owned();
            return self.error(messages::account_not_on_roster(&account));
        };
        let (id, on, place) = (session.id, session.on, session.place.clone());
        let done = if sign_up {
            self.store.sign_up(id, &person)
        } else {
            self.store.withdraw(id, &person)
        };
        match done {
            Ok(()) if sign_up => self.info(messages::you_signed_up(on, &place)),
            Ok(()) => self.info(messages::you_withdrew(on, &place)),
            Err(e) => self.error(messages::sign_up_refused(&e, on, &place)),
        }
        self.reread_course();
    }

    /// Reads the open course again, so its seats are what the store holds whoever signed up.
    pub(super) fn reread_course(&mut self) {
        let Some(Popup::Reading(reading)) = &self.popup else {
            return;
        };
        let Some(entry) = reading.course.as_ref().map(|c| c.entry) else {
            return;
        };
        let reread = self.store.courses();
        match (reread, &mut self.popup) {
            (Ok(courses), Some(Popup::Reading(reading))) => {
                reading.course = courses.into_iter().find(|c| c.entry == entry);
                reading.keep_mark();
            }
            (Ok(_), _) => {}
            (Err(e), _) => self.fail(&e),
        }
    }
}
