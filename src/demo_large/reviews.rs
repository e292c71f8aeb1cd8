//! The arenas' meetings: sponsor reviews, citizen reviews and case discussions, in the default
//! rhythm (a sponsor each month, citizens every two weeks, colleagues every six weeks) over the
//! last half year of each arena that has come as far as a team. Most arenas keep their
//! rhythm; about one kind in sixteen has slipped, so the board shows some late meetings among
//! many kept (a sixth of the running arenas), not every running arena late.

use super::municipality::{DAY, GENERATOR, Municipality};
use crate::domain::review::{Light, Question, ReviewKind, ReviewRhythm};

/// How far back the meetings go: a half year of each arena's life.
const KEPT_DAYS: i64 = 182;

/// Out of a hundred, how often an arena has let a kind of meeting slip.
const SLIPPED: usize = 6;

pub(super) struct Review {
    pub arena: usize,
    pub kind: ReviewKind,
    pub held: i64,
    pub led_by: usize,
    pub light: Option<Light>,
    pub answers: Vec<(Question, &'static str)>,
}

impl Municipality<'_> {
    pub(super) fn plan_reviews(&mut self) {
        let rhythm = ReviewRhythm::default();
        for arena in 0..self.arenas.len() {
            // Meetings are kept from the signal on, as the board counts them (see
            // `ReviewDates::since`), by arenas that have come as far as a team.
            if self.arenas[arena].staffed.is_none() {
                continue;
            }
            let until = self.arenas[arena].closed.unwrap_or(self.now);
            let from = self.arenas[arena].signalled.max(until - KEPT_DAYS * DAY);
            for kind in ReviewKind::ALL {
                let Some(days) = rhythm.days(kind).map(i64::from) else {
                    continue;
                };
                // Back from the arena's end: the last meeting within the rhythm, or (slipped,
                // and still running) a rhythm and more ago.
                let slipped = self.arenas[arena].closed.is_none() && self.rng.percent(SLIPPED);
                let mut held = if slipped {
                    until - self.rng.between(days + 1, days * 5 / 2) * DAY
                } else {
                    until - self.rng.between(0, days - 1) * DAY
                };
                while held >= from {
                    // In office hours that day, and never after the arena's end.
                    let day = held - held.rem_euclid(DAY);
                    let at = (day + self.rng.between(9, 15) * 3_600).min(until);
                    self.plan_review(arena, kind, at);
                    held -= (days + self.rng.between(-2, 2)) * DAY;
                }
            }
        }
    }

    fn plan_review(&mut self, arena: usize, kind: ReviewKind, held: i64) {
        let own = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
        let led_by = match kind {
            // A member of the commissioning body: a coordinator of another arena.
            ReviewKind::Sponsor if !self.coordinators.is_empty() => {
                *self.rng.pick(&self.coordinators)
            }
            _ => self.arenas[arena].lead.unwrap_or(own),
        };
        let light = (kind == ReviewKind::Sponsor)
            .then(|| [Light::Green, Light::Amber, Light::Red][self.rng.weighted(&[70, 22, 8])]);
        let asked: &[(Question, &[&str])] = match kind {
            ReviewKind::Sponsor => &[
                (Question::Surprise, SURPRISES),
                (Question::TeamOkay, TEAM),
                (Question::Scope, SCOPES),
            ],
            ReviewKind::Citizen => &[
                (Question::Shown, SHOWN),
                (Question::Feedback, FEEDBACK),
                (Question::Decisions, DECISIONS),
            ],
            ReviewKind::Case => &[
                (Question::CaseQuestion, CASE_QUESTIONS),
                (Question::Learned, LEARNED),
            ],
        };
        let answered = 1 + self.rng.below(asked.len());
        let answers = asked[..answered]
            .iter()
            .map(|(question, texts)| (*question, *self.rng.pick(texts)))
            .collect();
        self.reviews.push(Review {
            arena,
            kind,
            held,
            led_by,
            light,
            answers,
        });
    }
}

const SURPRISES: &[&str] = &[
    "How much of the work waited for a decision in another unit.",
    "The family had already met five services, none of which knew of the others.",
    "Most of the need is the same for every household; a few differ a lot.",
    "School and social services used different words for the same plan.",
    "The recipient wanted fewer meetings, not more help.",
];

const TEAM: &[&str] = &[
    "Yes.",
    "Yes, though the school's member is stretched this term.",
    "Tired after the summer; one member replaced.",
    "Yes, and a partner from the housing company has joined.",
];

const SCOPES: &[&str] = &[
    "Could become how the district works with every such case.",
    "Stays with this household for now; the method goes to the bank.",
    "A decision on funding is needed before the next term.",
    "Two more districts have asked to try the same way of working.",
];

const SHOWN: &[&str] = &[
    "The draft plan, to the family.",
    "The new timetable, to the tenants' association.",
    "What the first month changed, to the recipient and a relative.",
    "The summary of the home visits, to the residents' council.",
];

const FEEDBACK: &[&str] = &[
    "They want one contact person, not three.",
    "The letters are hard to read; they asked for a phone call instead.",
    "Good that the meetings moved to the afternoon.",
    "They asked why nothing happened over the summer.",
];

const DECISIONS: &[&str] = &[
    "One contact person from next week.",
    "Letters in plain language, read through with the recipient.",
    "A joint meeting each month with school and social services.",
    "None yet: the unit's manager decides at the next meeting.",
];

const CASE_QUESTIONS: &[&str] = &[
    "How do we keep a family's trust when we cannot promise a date?",
    "When should an arena hand a case back to the line?",
    "How do we include a recipient who does not want to meet us?",
    "Who owns the plan when three units share it?",
];

const LEARNED: &[&str] = &[
    "Say what we do not know yet, and when we will.",
    "Agree on the hand-back before the arena starts.",
    "Meet where the recipient already is.",
    "One plan, one owner, the others named in it.",
];
