//! One person's session: the language puls speaks to them and the time zone their days are
//! counted in. A value, so that one process can serve many people, each in their own.
//!
//! The session travels with the `App` (and the `Store` it owns); whoever works for a session
//! *enters* it for the length of one synchronous step (a key, a draw, a command), so that the
//! messages written during that step speak its language and tell its time without every one
//! of several hundred message functions taking them as arguments. Nothing awaits inside a step,
//! so a session never leaks to another one sharing the thread afterwards.

use std::cell::Cell;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub language: Language,
    /// Where "today" and every time shown are counted: `Europe/Stockholm`.
    pub zone: Tz,
}

impl Default for Session {
    /// English and UTC: what a step sees that no session entered (a test, a library call).
    fn default() -> Self {
        Session {
            language: Language::English,
            zone: Tz::UTC,
        }
    }
}

impl Session {
    /// The calendar day `at` falls on in this session's zone.
    pub fn day(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone).date_naive()
    }

    /// Runs `f` as a step of this session, then puts back the session that was entered before
    /// (also when `f` panics, so a caught panic cannot leave the thread in another's session).
    pub fn enter<T>(self, f: impl FnOnce() -> T) -> T {
        struct Restore(Session);
        impl Drop for Restore {
            fn drop(&mut self) {
                CURRENT.with(|c| c.set(self.0));
            }
        }
        let _restore = Restore(current());
        set(self);
        f()
    }
}

thread_local! {
    static CURRENT: Cell<Session> = Cell::new(Session::default());
}

/// The session of the step running on this thread.
pub fn current() -> Session {
    CURRENT.with(Cell::get)
}

/// Makes `session` this thread's from now on: for a process that serves one person (a
/// command on the command line), set once at start.
pub fn set(session: Session) {
    CURRENT.with(|c| c.set(session));
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_step_sees_its_session_and_the_one_before_comes_back() {
        let stockholm = Session {
            language: Language::Swedish,
            zone: Tz::Europe__Stockholm,
        };
        assert_eq!(current(), Session::default());
        assert_eq!(stockholm.enter(current), stockholm);
        assert_eq!(current(), Session::default());
    }

    #[test]
    fn a_session_counts_days_in_its_own_zone() {
        let late_evening_utc = Utc.with_ymd_and_hms(2026, 11, 23, 23, 30, 0).unwrap();
        let stockholm = Session {
            language: Language::English,
            zone: Tz::Europe__Stockholm,
        };
        assert_eq!(
            stockholm.day(late_evening_utc),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        );
        assert_eq!(
            Session::default().day(late_evening_utc),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
    }
}
