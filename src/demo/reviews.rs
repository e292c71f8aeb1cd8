//! The demo's meetings: sponsor reviews whose problem statement moved, citizen reviews and
//! case discussions, dated back from today. The family stuck between a plot and a plan has let
//! its citizen review slip, and the young man's arena has held none yet, so the board and the
//! stand-up show late ones.

use crate::store::prelude::*;
use chrono::{DateTime, Duration, Utc};

use crate::domain::clock::ManualClock;
use crate::domain::review::{Light, Question, ReviewKind};
use crate::store::{Result, ReviewEdit};

use Question::*;
use ReviewKind::{Case, Citizen, Sponsor};

struct ReviewSpec {
    arena: &'static str,
    days_ago: i64,
    kind: ReviewKind,
    led_by: &'static str,
    light: Option<Light>,
    answers: &'static [(Question, &'static str)],
}

const TWELVE: &str = "A twelve-year-old falling behind, with addiction at home";
const FAMILY: &str = "A family stuck between a plot and a detailed plan";
const DEMENTIA: &str = "Going home from hospital with dementia, safely";
const SUMMER: &str = "Summer jobs for young people in Norrbacka";
const NEWBORN: &str = "New parents who need support with a newborn";
const FLOODED: &str = "Flooded basements in the old mill district";
const WOMEN: &str = "Newly arrived women: from language class to a workplace";

const REVIEWS: &[ReviewSpec] = &[
    ReviewSpec {
        arena: TWELVE,
        days_ago: 9,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Green),
        answers: &[
            (
                ProblemStatement,
                "The boy needs one adult who follows him through the school year.",
            ),
            (TeamOkay, "Yes."),
        ],
    },
    ReviewSpec {
        arena: TWELVE,
        days_ago: 5,
        kind: Citizen,
        led_by: "Elin Backman",
        light: None,
        answers: &[
            (Shown, "The draft plan, to his mother."),
            (
                Feedback,
                "She wants school and social services at one meeting, not two.",
            ),
            (Decisions, "One joint meeting a month."),
        ],
    },
    ReviewSpec {
        arena: FAMILY,
        days_ago: 60,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Amber),
        answers: &[(ProblemStatement, "The family needs a building permit.")],
    },
    ReviewSpec {
        arena: FAMILY,
        days_ago: 10,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Red),
        answers: &[
            (
                ProblemStatement,
                "The family needs to stay well while the plan takes years.",
            ),
            (Surprise, "The permit is the smallest of their problems."),
            (Segmentation, "Six other plots wait for the same plan."),
            (
                TeamOkay,
                "Tired; the planning officer is in two other arenas.",
            ),
            (
                Scope,
                "A decision on temporary permits is up to the committee.",
            ),
            (
                Members,
                "Not yet: we ask for a visit before the committee meets.",
            ),
        ],
    },
    ReviewSpec {
        arena: FAMILY,
        days_ago: 18,
        kind: Citizen,
        led_by: "Sofia Rahimi",
        light: None,
        answers: &[
            (Shown, "The timeline of the detailed plan."),
            (
                Feedback,
                "They cannot wait three years at the grandmother's.",
            ),
            (
                Challenged,
                "Why a temporary house is not allowed on their own plot.",
            ),
            (Decisions, "Ask the committee about a temporary permit."),
        ],
    },
    ReviewSpec {
        arena: FAMILY,
        days_ago: 15,
        kind: Case,
        led_by: "Sofia Rahimi",
        light: None,
        answers: &[
            (
                CaseQuestion,
                "How do we keep a family's trust when the answer is years away?",
            ),
            (Participants, "Two coordinators and the planning officer."),
            (
                Learned,
                "Give them a date for the next answer, even when it is not the final one.",
            ),
        ],
    },
    ReviewSpec {
        arena: DEMENTIA,
        days_ago: 20,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Green),
        answers: &[(
            ProblemStatement,
            "Going home safely takes a plan made before the discharge, not after.",
        )],
    },
    ReviewSpec {
        arena: DEMENTIA,
        days_ago: 3,
        kind: Citizen,
        led_by: "Jonas Ekberg",
        light: None,
        answers: &[
            (Shown, "The discharge checklist, to two families."),
            (Feedback, "The night is what worries them."),
        ],
    },
    ReviewSpec {
        arena: DEMENTIA,
        days_ago: 30,
        kind: Case,
        led_by: "Jonas Ekberg",
        light: None,
        answers: &[
            (
                CaseQuestion,
                "Who calls the family the first evening at home?",
            ),
            (
                Learned,
                "The home-care night team, with the nurse's notes in hand.",
            ),
        ],
    },
    ReviewSpec {
        arena: NEWBORN,
        days_ago: 25,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Green),
        answers: &[(
            ProblemStatement,
            "New parents need one person to ask, in the first weeks.",
        )],
    },
    ReviewSpec {
        arena: NEWBORN,
        days_ago: 10,
        kind: Citizen,
        led_by: "Jonas Ekberg",
        light: None,
        answers: &[
            (Shown, "The welcome visit at home."),
            (Feedback, "Good; come once more at six weeks."),
        ],
    },
    ReviewSpec {
        arena: NEWBORN,
        days_ago: 35,
        kind: Case,
        led_by: "Jonas Ekberg",
        light: None,
        answers: &[
            (CaseQuestion, "How do we reach fathers?"),
            (Learned, "Evening visits."),
        ],
    },
    ReviewSpec {
        arena: FLOODED,
        days_ago: 4,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Amber),
        answers: &[(
            ProblemStatement,
            "The mill district floods because the old pipes meet the new ones.",
        )],
    },
    ReviewSpec {
        arena: FLOODED,
        days_ago: 2,
        kind: Citizen,
        led_by: "Sofia Rahimi",
        light: None,
        answers: &[
            (Shown, "The map of last spring's floods."),
            (Challenged, "Whose pipe it is."),
        ],
    },
    ReviewSpec {
        arena: WOMEN,
        days_ago: 14,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Green),
        answers: &[(
            ProblemStatement,
            "Childcare and the bus decide whether a placement lasts.",
        )],
    },
    ReviewSpec {
        arena: WOMEN,
        days_ago: 7,
        kind: Citizen,
        led_by: "Leila Haddad",
        light: None,
        answers: &[
            (Shown, "What the arena learned."),
            (Feedback, "Tell the next group about the language café."),
        ],
    },
    ReviewSpec {
        arena: WOMEN,
        days_ago: 21,
        kind: Case,
        led_by: "Leila Haddad",
        light: None,
        answers: &[
            (CaseQuestion, "What makes an employer say yes?"),
            (Learned, "A colleague who volunteers to be the buddy."),
        ],
    },
    ReviewSpec {
        arena: SUMMER,
        days_ago: 120,
        kind: Sponsor,
        led_by: "Göran Ek",
        light: Some(Light::Green),
        answers: &[(
            ProblemStatement,
            "Young people in Norrbacka lack a first reference, not a job.",
        )],
    },
];

/// Records the demo's meetings, each on its day; before the closed arenas are drawn up.
pub(super) fn fill_reviews(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &super::Voice,
) -> Result<()> {
    let arenas = store.board_cards(true)?;
    for spec in REVIEWS {
        let Some(arena) = arenas.iter().find(|a| a.title == voice.say(spec.arena)) else {
            continue;
        };
        let held = now - Duration::days(spec.days_ago);
        clock.set(held + Duration::hours(4));
        // Whoever led the meeting records it.
        store.act_as(&super::account_of(spec.led_by))?;
        store.add_review(
            arena.id,
            &ReviewEdit {
                kind: spec.kind,
                held_on: held.date_naive(),
                led_by: spec.led_by.to_owned(),
                answers: spec
                    .answers
                    .iter()
                    .map(|(q, a)| (*q, voice.say(a)))
                    .collect(),
                light: spec.light,
            },
        )?;
    }
    Ok(())
}
