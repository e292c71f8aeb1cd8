//! The arena: its stages, the moves between them, and why a move is refused.

use chrono::{DateTime, NaiveDate, Utc};

use super::decision::Decided;
use super::puls::{Gap, PlanSummary};

/// The life of an arena, from a signal to its close. `Declined` is a signal the commissioning
/// body said no to; it sits beside the flow, not in it.
/// Written out (JSON reports) as its stored code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Signal,
    Commissioned,
    Staffing,
    Active,
    Returning,
    Closed,
    Declined,
}

impl Stage {
    /// The stages shown as board columns, in order.
    pub const FLOW: [Stage; 6] = [
        Stage::Signal,
        Stage::Commissioned,
        Stage::Staffing,
        Stage::Active,
        Stage::Returning,
        Stage::Closed,
    ];

    /// The code stored in the database; stable across renamed labels.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Signal => "signal",
            Stage::Commissioned => "commissioned",
            Stage::Staffing => "staffing",
            Stage::Active => "active",
            Stage::Returning => "returning",
            Stage::Closed => "closed",
            Stage::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::FLOW
            .into_iter()
            .chain([Stage::Declined])
            .find(|s| s.code() == code)
    }

    /// The next stage in the flow, if there is one.
    pub fn next(self) -> Option<Stage> {
        let i = Stage::FLOW.iter().position(|s| *s == self)?;
        Stage::FLOW.get(i + 1).copied()
    }

    /// The previous stage; a declined signal goes back to being a signal.
    pub fn previous(self) -> Option<Stage> {
        if self == Stage::Declined {
            return Some(Stage::Signal);
        }
        let i = Stage::FLOW.iter().position(|s| *s == self)?;
        i.checked_sub(1).map(|j| Stage::FLOW[j])
    }
}

/// An arena as the rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Arena {
    /// The short number people say in a stand-up: "arena 12".
    pub id: i64,
    pub title: String,
    /// What the citizen needs, in the words of the signal.
    pub need: String,
    /// Code of the main mission the arena belongs to: its lead.
    pub mission: String,
    /// The codes of the missions taking part besides the lead.
    pub participating: Vec<String>,
    pub stage: Stage,
    pub stage_since: DateTime<Utc>,
    pub signalled_by: String,
    pub signalled_at: DateTime<Utc>,
    /// The signaller's nearest manager, who takes the signal on; empty when not named.
    pub manager: String,
    /// The body whose meeting the signal waits for, and the meeting's day.
    pub agenda: Option<(String, NaiveDate)>,
    pub coordinator: Option<String>,
    pub mandate: String,
    /// The name of the body that commissioned (or declined) it, as it stood then.
    pub commissioned_by: Option<String>,
    /// The decision that commissioned or declined it: body, date, authorities.
    pub decided: Option<Decided>,
    pub target_date: Option<NaiveDate>,
    pub decline_reason: Option<String>,
    /// People allocated to the arena now.
    pub team: u32,
    /// How far its PULS program has come.
    pub plan: PlanSummary,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

impl Arena {
    /// Whether the target date has passed while the arena is still open.
    pub fn is_late(&self, today: NaiveDate) -> bool {
        is_late(self.stage, self.target_date, today)
    }
}

/// An open arena past its target date is late; a closed or declined one is not.
pub fn is_late(stage: Stage, target: Option<NaiveDate>, today: NaiveDate) -> bool {
    !matches!(stage, Stage::Closed | Stage::Declined) && target.is_some_and(|t| t < today)
}

/// Why a stage move is refused. Shown to the user; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoCoordinator,
    NoMandate,
    NoTeam,
    NoDeclineReason,
    OnlySignalsCanBeDeclined {
        stage: Stage,
    },
    AlreadyFirst,
    AlreadyLast,
    DeclinedMustBeReconsidered,
    /// A signal becomes an arena only by a recorded decision of a body (`> ` opens its form).
    NeedsDecision,
    OnlySignalsCanBeCommissioned {
        stage: Stage,
    },
    OnlySignalsCanBeForwarded {
        stage: Stage,
    },
    /// Something the PULS program lacks for this stage.
    Plan(Gap),
}

/// The rules of the flow an organisation may relax (config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// An arena becomes active only with at least one evaluation criterion: what it will be
    /// judged by is set before the work.
    pub criteria_before_active: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            criteria_before_active: true,
        }
    }
}

/// Checks a move to `to` under `rules`, returning every reason it is refused (empty: allowed).
pub fn check_move(arena: &Arena, to: Stage, rules: Rules) -> Vec<Refusal> {
    let mut missing = Vec::new();
    let needs_commission = matches!(
        to,
        Stage::Commissioned | Stage::Staffing | Stage::Active | Stage::Returning | Stage::Closed
    );
    let forward = to > arena.stage && arena.stage != Stage::Declined;
    if arena.stage == Stage::Declined && to != Stage::Signal {
        missing.push(Refusal::DeclinedMustBeReconsidered);
        return missing;
    }
    // The decision brings the coordinator and the mandate with it (`decision::check`).
    if forward && to == Stage::Commissioned && arena.stage == Stage::Signal {
        missing.push(Refusal::NeedsDecision);
        return missing;
    }
    if forward && needs_commission {
        if arena.coordinator.is_none() {
            missing.push(Refusal::NoCoordinator);
        }
        if arena.mandate.trim().is_empty() {
            missing.push(Refusal::NoMandate);
        }
    }
    if forward && to == Stage::Active {
        if arena.team == 0 {
            missing.push(Refusal::NoTeam);
        }
        let plan = &arena.plan;
        let lacks = [
            (!plan.has_recipient, Gap::NoRecipient),
            (!plan.has_lead, Gap::NoLead),
            (plan.activities_total == 0, Gap::NoActivities),
            (
                rules.criteria_before_active && plan.criteria_total == 0,
                Gap::NoCriteria,
            ),
        ];
        missing.extend(
            lacks
                .into_iter()
                .filter(|(lacking, _)| *lacking)
                .map(|(_, gap)| Refusal::Plan(gap)),
        );
    }
    if forward && to == Stage::Closed && arena.plan.entries == 0 {
        missing.push(Refusal::Plan(Gap::NoEntries));
    }
    if forward && to == Stage::Returning {
        let plan = &arena.plan;
        if plan.criteria_total == 0 {
            missing.push(Refusal::Plan(Gap::NoCriteria));
        } else if plan.criteria_resolved < plan.criteria_total {
            let open = plan.criteria_total - plan.criteria_resolved;
            missing.push(Refusal::Plan(Gap::CriteriaWithoutResult(open)));
        }
    }
    missing
}

/// The stage `>` leads to, or why there is none.
pub fn next_stage(arena: &Arena, rules: Rules) -> Result<Stage, Vec<Refusal>> {
    if arena.stage == Stage::Declined {
        return Err(vec![Refusal::DeclinedMustBeReconsidered]);
    }
    let to = arena
        .stage
        .next()
        .ok_or_else(|| vec![Refusal::AlreadyLast])?;
    let refused = check_move(arena, to, rules);
    if refused.is_empty() {
        Ok(to)
    } else {
        Err(refused)
    }
}

/// The stage `<` leads to: back one step; a closed arena reopens to Returning.
pub fn previous_stage(arena: &Arena) -> Result<Stage, Vec<Refusal>> {
    arena
        .stage
        .previous()
        .ok_or_else(|| vec![Refusal::AlreadyFirst])
}

/// Checks that a signal may be declined with this reason.
pub fn check_decline(arena: &Arena, reason: &str) -> Result<(), Refusal> {
    if arena.stage != Stage::Signal {
        return Err(Refusal::OnlySignalsCanBeDeclined { stage: arena.stage });
    }
    if reason.trim().is_empty() {
        return Err(Refusal::NoDeclineReason);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn signal() -> Arena {
        let t = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        Arena {
            id: 1,
            title: "Work and Swedish for a newcomer".into(),
            need: String::new(),
            mission: "LF".into(),
            participating: vec![],
            stage: Stage::Signal,
            stage_since: t,
            signalled_by: "kim".into(),
            signalled_at: t,
            manager: String::new(),
            agenda: None,
            coordinator: None,
            mandate: String::new(),
            commissioned_by: None,
            decided: None,
            target_date: None,
            decline_reason: None,
            team: 0,
            plan: PlanSummary::default(),
            version: 1,
            updated_at: t,
            updated_by: "kim".into(),
        }
    }

    #[test]
    fn a_signal_is_commissioned_only_by_a_decision() {
        let mut a = signal();
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::NeedsDecision])
        );
        a.coordinator = Some("Lena".into());
        a.mandate = "Find work and language within three months".into();
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::NeedsDecision])
        );
    }

    #[test]
    fn staffing_goes_back_to_commissioned_without_a_new_decision() {
        let mut a = signal();
        a.stage = Stage::Staffing;
        a.coordinator = Some("Lena".into());
        a.mandate = "m".into();
        assert_eq!(previous_stage(&a), Ok(Stage::Commissioned));
        assert!(check_move(&a, Stage::Commissioned, Rules::default()).is_empty());
    }

    #[test]
    fn staffing_needs_a_coordinator_and_a_mandate() {
        let mut a = signal();
        a.stage = Stage::Commissioned;
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::NoCoordinator, Refusal::NoMandate])
        );
        a.coordinator = Some("Lena".into());
        a.mandate = "Find work and language within three months".into();
        assert_eq!(next_stage(&a, Rules::default()), Ok(Stage::Staffing));
    }

    #[test]
    fn active_needs_at_least_one_allocated_member() {
        let mut a = signal();
        a.stage = Stage::Staffing;
        a.mandate = "m".into();
        a.coordinator = Some("Lena".into());
        a.plan = PlanSummary {
            has_recipient: true,
            has_lead: true,
            activities_total: 1,
            criteria_total: 1,
            ..PlanSummary::default()
        };
        assert_eq!(next_stage(&a, Rules::default()), Err(vec![Refusal::NoTeam]));
        a.team = 1;
        assert_eq!(next_stage(&a, Rules::default()), Ok(Stage::Active));
    }

    #[test]
    fn active_needs_a_recipient_a_lead_and_an_activity() {
        let mut a = signal();
        a.stage = Stage::Staffing;
        a.mandate = "m".into();
        a.coordinator = Some("Lena".into());
        a.team = 2;
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![
                Refusal::Plan(Gap::NoRecipient),
                Refusal::Plan(Gap::NoLead),
                Refusal::Plan(Gap::NoActivities),
                Refusal::Plan(Gap::NoCriteria)
            ])
        );
    }

    #[test]
    fn active_needs_a_criterion_unless_the_rules_say_otherwise() {
        let mut a = signal();
        a.stage = Stage::Staffing;
        a.mandate = "m".into();
        a.coordinator = Some("Lena".into());
        a.team = 1;
        a.plan = PlanSummary {
            has_recipient: true,
            has_lead: true,
            activities_total: 1,
            ..PlanSummary::default()
        };
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::Plan(Gap::NoCriteria)])
        );
        let relaxed = Rules {
            criteria_before_active: false,
        };
        assert_eq!(next_stage(&a, relaxed), Ok(Stage::Active));
    }

    #[test]
    fn returning_needs_every_criterion_resolved() {
        let mut a = signal();
        a.stage = Stage::Active;
        a.mandate = "m".into();
        a.coordinator = Some("Lena".into());
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::Plan(Gap::NoCriteria)])
        );
        a.plan.criteria_total = 3;
        a.plan.criteria_resolved = 2;
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::Plan(Gap::CriteriaWithoutResult(1))])
        );
        a.plan.criteria_resolved = 3;
        assert_eq!(next_stage(&a, Rules::default()), Ok(Stage::Returning));
    }

    #[test]
    fn closing_needs_a_knowledge_entry() {
        let mut a = signal();
        a.stage = Stage::Returning;
        a.mandate = "m".into();
        a.coordinator = Some("Lena".into());
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::Plan(Gap::NoEntries)])
        );
        a.plan.entries = 1;
        assert_eq!(next_stage(&a, Rules::default()), Ok(Stage::Closed));
    }

    #[test]
    fn closed_reopens_to_returning_and_has_no_next() {
        let mut a = signal();
        a.stage = Stage::Closed;
        assert_eq!(previous_stage(&a), Ok(Stage::Returning));
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::AlreadyLast])
        );
    }

    #[test]
    fn active_without_any_team_member_is_refused_with_that_reason() {
        let mut a = signal();
        a.stage = Stage::Staffing;
        a.mandate = "m".into();
        assert_eq!(
            check_move(&a, Stage::Active, Rules::default())[..2],
            [Refusal::NoCoordinator, Refusal::NoTeam]
        );
    }

    #[test]
    fn a_signal_has_no_previous_stage() {
        assert_eq!(previous_stage(&signal()), Err(vec![Refusal::AlreadyFirst]));
    }

    #[test]
    fn declining_needs_a_reason_and_a_signal() {
        let mut a = signal();
        assert_eq!(check_decline(&a, "  "), Err(Refusal::NoDeclineReason));
        assert_eq!(check_decline(&a, "Handled by the school alone"), Ok(()));
        a.stage = Stage::Active;
        assert_eq!(
            check_decline(&a, "x"),
            Err(Refusal::OnlySignalsCanBeDeclined {
                stage: Stage::Active
            })
        );
    }

    #[test]
    fn a_declined_signal_can_only_be_reconsidered() {
        let mut a = signal();
        a.stage = Stage::Declined;
        assert_eq!(
            next_stage(&a, Rules::default()),
            Err(vec![Refusal::DeclinedMustBeReconsidered])
        );
        assert_eq!(previous_stage(&a), Ok(Stage::Signal));
    }

    #[test]
    fn only_open_arenas_past_target_are_late() {
        let mut a = signal();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        a.target_date = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert!(a.is_late(today));
        a.stage = Stage::Closed;
        assert!(!a.is_late(today));
    }
}
