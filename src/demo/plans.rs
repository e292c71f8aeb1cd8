//! The demo arenas' PULS programs: who they serve, how they keep in touch, what they measure
//! and what they do. The three example arenas are written out; the others get a plain program.

use crate::domain::puls::ActivityStatus::{self, Blocked, Doing, Done, Todo};

pub(super) struct PlanSpec {
    pub recipient: &'static str,
    /// The communication lead; the coordinator when `None`.
    pub lead: Option<&'static str>,
    pub rhythm_days: u32,
    /// Days ago, channel, summary, by whom.
    pub contacts: &'static [(i64, &'static str, &'static str, &'static str)],
    /// Criterion, how it is measured, target, result (empty: not known yet).
    pub criteria: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Activity, owner, due in days from today, status, reason when blocked.
    pub activities: &'static [(
        &'static str,
        &'static str,
        i64,
        ActivityStatus,
        &'static str,
    )],
}

const NEWCOMER: PlanSpec = PlanSpec {
    recipient: "LF-2026-014",
    lead: Some("Per Holm"),
    rhythm_days: 14,
    contacts: &[
        (
            40,
            "meeting",
            "First meeting at the library with an interpreter; he wants work before anything else.",
            "Per Holm",
        ),
        (
            26,
            "phone",
            "Course start agreed; he asked about the football club.",
            "Per Holm",
        ),
        (
            19,
            "meeting",
            "Visited the club's training together with the chair.",
            "Lars Åkesson",
        ),
    ],
    criteria: &[
        (
            "He attends the language course",
            "attendance list",
            "80% of lessons",
            "",
        ),
        (
            "He has a work placement",
            "placement agreement signed",
            "within 3 months",
            "",
        ),
        (
            "He has people to turn to",
            "his own account at follow-up",
            "names two people outside the family",
            "",
        ),
    ],
    activities: &[
        (
            "Book an introductory language course",
            "Leila Haddad",
            -30,
            Done,
            "",
        ),
        (
            "Map his work experience with an interpreter",
            "Per Holm",
            -20,
            Done,
            "",
        ),
        (
            "Trial training with the sports club",
            "Lars Åkesson",
            -12,
            Done,
            "",
        ),
        (
            "Find a placement employer in the village",
            "Per Holm",
            10,
            Doing,
            "",
        ),
        (
            "Arrange trauma support",
            "Karin Svedberg",
            -2,
            Blocked,
            "no trauma counsellor in the team yet",
        ),
        (
            "Bus card for course and placement",
            "Karin Svedberg",
            5,
            Todo,
            "",
        ),
    ],
};

const BOY: PlanSpec = PlanSpec {
    recipient: "LF-2026-021 (the boy and his mother)",
    lead: Some("Hanna Öberg"),
    rhythm_days: 7,
    contacts: &[(
        5,
        "home visit",
        "Mother agrees to the joint plan; wants the school to call before noon.",
        "Hanna Öberg",
    )],
    criteria: &[
        ("He is at school", "attendance", "90% this term", ""),
        (
            "He stops drinking",
            "his account and the school nurse's",
            "no alcohol for three months",
            "",
        ),
    ],
    activities: &[
        (
            "Joint meeting with school, social services and health care",
            "Elin Backman",
            3,
            Todo,
            "",
        ),
        (
            "Health talk with the school nurse",
            "Nora Blom",
            8,
            Todo,
            "",
        ),
    ],
};

const FAMILY: PlanSpec = PlanSpec {
    recipient: "CD-2026-007 (the family on the plot)",
    lead: None,
    rhythm_days: 14,
    contacts: &[
        (
            60,
            "meeting",
            "Walked the plot with the family and the permit officer.",
            "Anders Vik",
        ),
        (
            35,
            "e-mail",
            "Sent the planning timeline; the father asked about temporary housing.",
            "Sofia Rahimi",
        ),
    ],
    criteria: &[
        (
            "The family knows when it can build",
            "written timeline the family confirms",
            "by the target date",
            "",
        ),
        (
            "The daughter gets treatment",
            "contact with the eating-disorder clinic",
            "within 4 weeks",
            "",
        ),
    ],
    activities: &[
        (
            "Timeline for the detailed plan",
            "Sofia Rahimi",
            -40,
            Done,
            "",
        ),
        (
            "Temporary permit for a site cabin",
            "Anders Vik",
            -9,
            Blocked,
            "waiting for the water and streets engineer",
        ),
        (
            "Referral to the eating-disorder clinic",
            "Farid Karimi",
            -20,
            Done,
            "",
        ),
        (
            "Support for the father's gambling",
            "Oskar Lund",
            4,
            Doing,
            "",
        ),
    ],
};

/// A plain program for the arenas not written out: enough to pass the stage rules they passed.
const PLAIN: PlanSpec = PlanSpec {
    recipient: "",
    lead: None,
    rhythm_days: 14,
    contacts: &[(
        12,
        "phone",
        "Update on what the team has done since the last call.",
        "",
    )],
    criteria: &[
        (
            "The recipient says the situation is better",
            "follow-up conversation",
            "yes",
            "Yes: said at the closing meeting.",
        ),
        (
            "The units involved work from one plan",
            "one shared plan in use",
            "in use by all",
            "One plan, used by all four units.",
        ),
    ],
    activities: &[
        ("Kick-off with the whole team", "", -30, Done, ""),
        ("Agree the plan with the recipient", "", -14, Done, ""),
        ("Follow-up meeting", "", 14, Todo, ""),
    ],
};

/// The program for the demo arena with this title.
pub(super) fn plan_for(title: &str) -> &'static PlanSpec {
    if title.starts_with("Work, Swedish") {
        &NEWCOMER
    } else if title.starts_with("A twelve-year-old") {
        &BOY
    } else if title.starts_with("A family stuck") {
        &FAMILY
    } else {
        &PLAIN
    }
}
