//! The demo's courses: the colleagues who give the bank's two courses, a session of each, and
//! who signed up.

use crate::store::prelude::*;
use chrono::{DateTime, Duration, Utc};

use crate::domain::clock::ManualClock;
use crate::store::Result;

/// Course title, teacher, days from today, place, seats, who signed up.
type Session = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    u32,
    &'static [&'static str],
);

const SESSIONS: &[Session] = &[
    (
        "Trauma-informed first conversations",
        "Farid Karimi",
        16,
        "Town hall, room 3",
        12,
        &["Karin Svedberg", "Per Holm"],
    ),
    (
        "Motivational interviewing: a half-day course",
        "Oskar Lund",
        30,
        "Health centre, library",
        8,
        &["Elin Backman"],
    ),
];

pub(super) fn fill_courses(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &super::Voice,
) -> Result<()> {
    clock.set(now - Duration::days(10));
    let courses = store.courses()?;
    for (title, teacher, days, place, seats, people) in SESSIONS {
        let Some(course) = courses.iter().find(|c| c.title == voice.say(title)) else {
            continue;
        };
        store.set_teacher(course.entry, teacher)?;
        let on = (now + Duration::days(*days)).date_naive();
        let session = store.add_session(course.entry, on, &voice.say(place), *seats)?;
        for person in *people {
            store.sign_up(session, person)?;
        }
    }
    Ok(())
}
