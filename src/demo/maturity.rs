//! The demo's partnering maturity: a baseline at commissioning and a rating at Returning for
//! the arenas that got there, so the change shows; and two partnerships with outside partners,
//! rated apart from any arena.

use crate::store::prelude::*;
use chrono::{DateTime, Duration, Utc};

use crate::domain::clock::ManualClock;
use crate::domain::maturity::{Dimension, Occasion, Score};
use crate::store::{RatingEdit, Result};

struct RatingSpec {
    arena: &'static str,
    days_ago: i64,
    occasion: Occasion,
    /// Goals, resources, activities, communications, governance, processes, culture.
    levels: [u8; 7],
    /// A note for the dimension that moved most, or that holds the arena back.
    note: (Dimension, &'static str),
}

const RATINGS: &[RatingSpec] = &[
    RatingSpec {
        arena: "Going home from hospital with dementia, safely",
        days_ago: 140,
        occasion: Occasion::Baseline,
        levels: [3, 2, 2, 3, 2, 2, 3],
        note: (
            Dimension::Governance,
            "Nobody convenes the ward and home care together.",
        ),
    },
    RatingSpec {
        arena: "Going home from hospital with dementia, safely",
        days_ago: 20,
        occasion: Occasion::Returning,
        levels: [5, 4, 5, 4, 4, 5, 5],
        note: (
            Dimension::Processes,
            "One checklist, signed by the ward, home care and the family.",
        ),
    },
    RatingSpec {
        arena: "Newly arrived women: from language class to a workplace",
        days_ago: 190,
        occasion: Occasion::Baseline,
        levels: [2, 2, 2, 1, 2, 2, 3],
        note: (
            Dimension::Communications,
            "Employers heard of the arena from the newspaper.",
        ),
    },
    RatingSpec {
        arena: "Newly arrived women: from language class to a workplace",
        days_ago: 12,
        occasion: Occasion::Returning,
        levels: [4, 3, 5, 4, 3, 3, 5],
        note: (
            Dimension::Activities,
            "The language café runs at the employers' now.",
        ),
    },
    RatingSpec {
        arena: "Summer jobs for young people in Norrbacka",
        days_ago: 280,
        occasion: Occasion::Baseline,
        levels: [3, 3, 2, 2, 3, 2, 3],
        note: (
            Dimension::Activities,
            "Employers and the school each found their own young people.",
        ),
    },
];

/// A partnership with an outside partner, rated by the coordinator who works with it most.
struct PartnershipSpec {
    partner: &'static str,
    /// The arena whose coordinator records the rating.
    recorded_in: &'static str,
    days_ago: i64,
    occasion: Occasion,
    levels: [u8; 7],
    note: (Dimension, &'static str),
}

const PARTNERSHIPS: &[PartnershipSpec] = &[
    PartnershipSpec {
        partner: "Grannstöd Norrbacka",
        recorded_in: "Summer jobs for young people in Norrbacka",
        days_ago: 300,
        occasion: Occasion::Baseline,
        levels: [2, 2, 3, 2, 1, 2, 3],
        note: (
            Dimension::Governance,
            "We meet the association only when something has gone wrong.",
        ),
    },
    PartnershipSpec {
        partner: "Grannstöd Norrbacka",
        recorded_in: "Summer jobs for young people in Norrbacka",
        days_ago: 30,
        occasion: Occasion::Check,
        levels: [4, 3, 4, 4, 3, 3, 4],
        note: (
            Dimension::Governance,
            "A shared steering group meets every other month.",
        ),
    },
    PartnershipSpec {
        partner: "Bostadsbolaget Ängen",
        recorded_in: "Going home from hospital with dementia, safely",
        days_ago: 60,
        occasion: Occasion::Baseline,
        levels: [3, 2, 2, 2, 2, 3, 2],
        note: (
            Dimension::Resources,
            "The caretakers see who struggles, but have no time set aside.",
        ),
    },
];

/// Records the demo's ratings, each on its day; before the closed arenas are drawn up.
pub(super) fn fill_maturity(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &super::Voice,
) -> Result<()> {
    let arenas = store.board_cards(true)?;
    for spec in RATINGS {
        let Some(arena) = arenas.iter().find(|a| a.title == voice.say(spec.arena)) else {
            continue;
        };
        let on = now - Duration::days(spec.days_ago);
        clock.set(on + Duration::hours(5));
        let scores = scores_of(spec.levels, spec.note, voice);
        // The team rates; its coordinator records the ratings.
        let coordinator = store.arena(arena.id)?.coordinator.unwrap_or_default();
        store.act_as(&super::account_of(&coordinator))?;
        store.add_rating(
            arena.id,
            &RatingEdit {
                on: on.date_naive(),
                occasion: spec.occasion,
                partner: String::new(),
                scores,
            },
        )?;
    }
    for spec in PARTNERSHIPS {
        let Some(arena) = arenas
            .iter()
            .find(|a| a.title == voice.say(spec.recorded_in))
        else {
            continue;
        };
        let on = now - Duration::days(spec.days_ago);
        clock.set(on + Duration::hours(6));
        let coordinator = store.arena(arena.id)?.coordinator.unwrap_or_default();
        store.act_as(&super::account_of(&coordinator))?;
        store.add_partner_rating(&RatingEdit {
            on: on.date_naive(),
            occasion: spec.occasion,
            partner: spec.partner.to_owned(),
            scores: scores_of(spec.levels, spec.note, voice),
        })?;
    }
    Ok(())
}

/// The seven scores of `levels`, with `note` on its dimension.
fn scores_of(levels: [u8; 7], note: (Dimension, &str), voice: &super::Voice) -> Vec<Score> {
    Dimension::ALL
        .iter()
        .zip(levels)
        .map(|(dimension, level)| Score {
            dimension: *dimension,
            level,
            note: if note.0 == *dimension {
                voice.say(note.1)
            } else {
                String::new()
            },
        })
        .collect()
}
