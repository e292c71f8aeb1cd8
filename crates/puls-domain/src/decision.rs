//! Who decides: the bodies that commission arenas (the strategic coordination group, a
//! mission's management group, a council committee), and the decision that commissions one.
//!
//! Which bodies exist and who sits in them is configuration: organisations change their minds.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of body a decision comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    /// The strategic coordination group (strategisk samordningsgrupp).
    CoordinationGroup,
    /// A main mission's management group (ledningsgrupp).
    ManagementGroup,
    /// A council committee's preparation group (fullmäktigeberedning).
    CouncilCommittee,
}

/// A body that may commission or decline arenas, as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Short, stable code recorded on each decision, e.g. `SSG`.
    pub code: String,
    pub name: String,
    pub kind: BodyKind,
    /// The OS accounts of its members: who may record its decisions.
    #[serde(default)]
    pub members: Vec<String>,
}

/// Finds a body by code or by name, ignoring case: `--body ssg` works.
pub fn find<'a>(bodies: &'a [Body], wanted: &str) -> Option<&'a Body> {
    let wanted = wanted.trim();
    bodies.iter().find(|b| {
        b.code.eq_ignore_ascii_case(wanted) || b.name.to_lowercase() == wanted.to_lowercase()
    })
}

/// What is wrong with a configured list of bodies, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyProblem {
    EmptyCode { index: usize },
    EmptyName { code: String },
    CodeTwice { code: String },
}

/// The first problem in `bodies`: every body needs a code and a name, each code once.
pub fn problem(bodies: &[Body]) -> Option<BodyProblem> {
    for (index, body) in bodies.iter().enumerate() {
        if body.code.trim().is_empty() {
            return Some(BodyProblem::EmptyCode { index: index + 1 });
        }
        if body.name.trim().is_empty() {
            return Some(BodyProblem::EmptyName {
                code: body.code.clone(),
            });
        }
        if bodies[..index]
            .iter()
            .any(|b| b.code.eq_ignore_ascii_case(&body.code))
        {
            return Some(BodyProblem::CodeTwice {
                code: body.code.clone(),
            });
        }
    }
    None
}

/// What a commissioning decision records besides the mandate: who decided, when, under which
/// registration number (diarienummer), and the authorities it gives the arena.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decided {
    /// The body's code.
    pub body: String,
    pub on: Option<NaiveDate>,
    /// The budget the arena may spend, as the decision words it ("150 000 kr").
    pub budget: String,
    /// Whom the arena may ask for people or help.
    pub may_ask: String,
    /// Until when the authorities hold.
    pub until: Option<NaiveDate>,
}

/// A decision to commission a signal as an arena, as recorded from the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub body: Body,
    pub on: NaiveDate,
    /// The registration number (diarienummer); empty when the registry has none yet.
    pub registration: String,
    /// The coordinator the body appoints.
    pub coordinator: String,
    pub mandate: String,
    pub budget: String,
    pub may_ask: String,
    pub until: Option<NaiveDate>,
    /// The coordinator's own share of a week for the arena, allocated with the decision (the
    /// body's decision is the approval); 0: none.
    pub own_share: u32,
}

/// Why a decision cannot be recorded as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionProblem {
    NoCoordinator,
    NoMandate,
    /// The meeting cannot have decided after today.
    DateAhead,
    /// The authorities end before the decision was taken.
    UntilBeforeDecision,
    /// The coordinator's own share is 0 to 100 percent of a week.
    OwnShare,
}

/// Every problem of `decision`, taken on or before `today`.
pub fn check(decision: &Decision, today: NaiveDate) -> Vec<DecisionProblem> {
    let mut problems = Vec::new();
    if decision.coordinator.trim().is_empty() {
        problems.push(DecisionProblem::NoCoordinator);
    }
    if decision.mandate.trim().is_empty() {
        problems.push(DecisionProblem::NoMandate);
    }
    if decision.on > today {
        problems.push(DecisionProblem::DateAhead);
    }
    if decision.until.is_some_and(|until| until < decision.on) {
        problems.push(DecisionProblem::UntilBeforeDecision);
    }
    if decision.own_share > 100 {
        problems.push(DecisionProblem::OwnShare);
    }
    problems
}

/// Whether `account` may record a decision of `body`: one of its members, or an
/// administrator. A body without members (the defaults) on a database nobody administers yet
/// asks no one: there is nothing to guard.
pub fn may_record(body: &Body, account: &str, administrator: bool, guarded: bool) -> bool {
    administrator
        || body.members.iter().any(|m| m == account)
        || (body.members.is_empty() && !guarded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ssg(members: &[&str]) -> Body {
        Body {
            code: "SSG".into(),
            name: "Strategic coordination group".into(),
            kind: BodyKind::CoordinationGroup,
            members: members.iter().map(|m| (*m).to_owned()).collect(),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn only_members_and_administrators_record_a_bodys_decision() {
        let body = ssg(&["anna"]);
        assert!(may_record(&body, "anna", false, true));
        assert!(!may_record(&body, "maja", false, true));
        assert!(!may_record(&body, "maja", false, false), "members named");
        assert!(may_record(&body, "maja", true, true));
        assert!(may_record(&ssg(&[]), "maja", false, false));
        assert!(!may_record(&ssg(&[]), "maja", false, true));
    }

    #[test]
    fn bodies_are_found_by_code_or_name_in_any_case() {
        let bodies = [ssg(&[])];
        assert!(find(&bodies, "ssg").is_some());
        assert!(find(&bodies, "strategic coordination group").is_some());
        assert!(find(&bodies, "KLG").is_none());
    }

    #[test]
    fn a_decision_needs_a_coordinator_a_mandate_and_a_past_date() {
        let mut decision = Decision {
            body: ssg(&[]),
            on: day(24),
            registration: String::new(),
            coordinator: " ".into(),
            mandate: String::new(),
            budget: String::new(),
            may_ask: String::new(),
            until: Some(day(20)),
            own_share: 0,
        };
        assert_eq!(
            check(&decision, day(23)),
            vec![
                DecisionProblem::NoCoordinator,
                DecisionProblem::NoMandate,
                DecisionProblem::DateAhead,
                DecisionProblem::UntilBeforeDecision
            ]
        );
        decision.coordinator = "Maja Lindqvist".into();
        decision.mandate = "Work within three months".into();
        decision.on = day(20);
        assert_eq!(check(&decision, day(23)), vec![]);
    }

    #[test]
    fn a_body_list_needs_codes_and_names_each_code_once() {
        let mut twice = vec![ssg(&[]), ssg(&[])];
        assert_eq!(
            problem(&twice),
            Some(BodyProblem::CodeTwice { code: "SSG".into() })
        );
        twice[1].code = String::new();
        assert_eq!(problem(&twice), Some(BodyProblem::EmptyCode { index: 2 }));
        twice[1].code = "KLG".into();
        twice[1].name = " ".into();
        assert_eq!(
            problem(&twice),
            Some(BodyProblem::EmptyName { code: "KLG".into() })
        );
    }
}
