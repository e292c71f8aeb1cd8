//! The demo's purpose: the arenas about young people and newcomers finding school and work,
//! grouped for the six-monthly purpose meeting, with what its last meeting recorded.

use crate::store::prelude::*;
use chrono::{DateTime, Duration, Utc};

use crate::domain::clock::ManualClock;
use crate::store::{NoteKind, Result};

const NAME: &str = "Every young person in school or work";
const DESCRIPTION: &str = "Nobody between 12 and 25 in the municipality falls out of school or work without someone noticing and acting together.";
const ARENAS: &[&str] = &[
    "Work, Swedish and a network for a newly arrived young man",
    "A twelve-year-old falling behind, with addiction at home",
    "Siblings absent from school for months",
    "Newly arrived women: from language class to a workplace",
];
const NOTES: &[(i64, NoteKind, &str)] = &[
    (
        40,
        NoteKind::Dilemma,
        "School attendance is the school's duty, but the reasons for staying away lie with the family: who leads?",
    ),
    (
        40,
        NoteKind::Decision,
        "The arenas share one contact at the employment office instead of three.",
    ),
    (
        40,
        NoteKind::Note,
        "The council members asked to visit one citizen review before the next meeting.",
    ),
];

/// Adds the purpose, puts its arenas under it and records its last meeting.
pub(super) fn fill_purposes(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &super::Voice,
) -> Result<()> {
    clock.set(now - Duration::days(60));
    let purpose = store.add_purpose(&voice.say(NAME), &voice.say(DESCRIPTION))?;
    let cards = store.board_cards(true)?;
    for title in ARENAS {
        if let Some(card) = cards.iter().find(|c| c.title == voice.say(title)) {
            store.set_purpose(card.id, Some(purpose))?;
        }
    }
    for (days_ago, kind, text) in NOTES {
        let on = now - Duration::days(*days_ago);
        clock.set(on + Duration::hours(6));
        store.add_purpose_note(purpose, *kind, on.date_naive(), &voice.say(text))?;
    }
    Ok(())
}
