//! The PULS program: the arena's four steps, and how complete each is.
//!
//! P proactivity (who receives the work, who keeps them informed, how often), U development (the
//! recruitment plan), L learning (the evaluation plan), S service (the activity plan).

use chrono::NaiveDate;

use super::calendar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Proactivity,
    Development,
    Learning,
    Service,
}

impl Step {
    pub const ALL: [Step; 4] = [
        Step::Proactivity,
        Step::Development,
        Step::Learning,
        Step::Service,
    ];

    pub fn letter(self) -> char {
        match self {
            Step::Proactivity => 'P',
            Step::Development => 'U',
            Step::Learning => 'L',
            Step::Service => 'S',
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityStatus {
    Todo,
    Doing,
    Blocked,
    Done,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 4] = [
        ActivityStatus::Todo,
        ActivityStatus::Doing,
        ActivityStatus::Blocked,
        ActivityStatus::Done,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActivityStatus::Todo => "todo",
            ActivityStatus::Doing => "doing",
            ActivityStatus::Blocked => "blocked",
            ActivityStatus::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<ActivityStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// What the status key moves to; blocking needs a reason, so it has its own key.
    pub fn next(self) -> ActivityStatus {
        match self {
            ActivityStatus::Todo => ActivityStatus::Doing,
            ActivityStatus::Doing | ActivityStatus::Blocked => ActivityStatus::Done,
            ActivityStatus::Done => ActivityStatus::Todo,
        }
    }
}

/// What a plan holds, counted: enough for the marks on a card and for the stage rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanSummary {
    pub has_recipient: bool,
    pub has_lead: bool,
    pub has_rhythm: bool,
    pub needs_total: u32,
    pub needs_filled: u32,
    pub criteria_total: u32,
    /// Criteria with a result, or a written reason why there is none.
    pub criteria_resolved: u32,
    pub activities_total: u32,
    pub activities_done: u32,
    /// Knowledge-bank entries the arena returned.
    pub entries: u32,
}

/// How complete one step is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Complete,
    Partly { done: u32, of: u32 },
    Missing,
}

/// Why a step is incomplete. Shown beside the step and in refused moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    NoRecipient,
    NoLead,
    NoRhythm,
    NoNeeds,
    NeedsUnfilled(u32),
    NoCriteria,
    CriteriaWithoutResult(u32),
    NoActivities,
    ActivitiesOpen(u32),
    NoEntries,
}

impl PlanSummary {
    pub fn mark(&self, step: Step) -> Mark {
        let ratio = |done: u32, of: u32| match (done, of) {
            (_, 0) => Mark::Missing,
            (d, o) if d >= o => Mark::Complete,
            (d, o) => Mark::Partly { done: d, of: o },
        };
        match step {
            Step::Proactivity if self.has_recipient && self.has_lead && self.has_rhythm => {
                Mark::Complete
            }
            Step::Proactivity => Mark::Missing,
            Step::Development => ratio(self.needs_filled, self.needs_total),
            Step::Learning => ratio(self.criteria_resolved, self.criteria_total),
            Step::Service => ratio(self.activities_done, self.activities_total),
        }
    }

    /// Every reason the step is not complete.
    pub fn gaps(&self, step: Step) -> Vec<Gap> {
        let mut gaps = Vec::new();
        match step {
            Step::Proactivity => {
                if !self.has_recipient {
                    gaps.push(Gap::NoRecipient);
                }
                if !self.has_lead {
                    gaps.push(Gap::NoLead);
                }
                if !self.has_rhythm {
                    gaps.push(Gap::NoRhythm);
                }
            }
            Step::Development if self.needs_total == 0 => gaps.push(Gap::NoNeeds),
            Step::Development if self.needs_filled < self.needs_total => {
                gaps.push(Gap::NeedsUnfilled(self.needs_total - self.needs_filled));
            }
            Step::Learning if self.criteria_total == 0 => gaps.push(Gap::NoCriteria),
            Step::Learning if self.criteria_resolved < self.criteria_total => {
                gaps.push(Gap::CriteriaWithoutResult(
                    self.criteria_total - self.criteria_resolved,
                ));
            }
            Step::Service if self.activities_total == 0 => gaps.push(Gap::NoActivities),
            Step::Service if self.activities_done < self.activities_total => {
                gaps.push(Gap::ActivitiesOpen(
                    self.activities_total - self.activities_done,
                ));
            }
            _ => {}
        }
        gaps
    }
}

/// When the next contact with the recipient is due: the last one plus the agreed rhythm, or
/// from `since` (the commission) when there has been none.
pub fn next_contact(
    last: Option<NaiveDate>,
    rhythm_days: Option<u32>,
    since: NaiveDate,
) -> Option<NaiveDate> {
    calendar::add_days(last.unwrap_or(since), i64::from(rhythm_days?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> PlanSummary {
        PlanSummary {
            has_recipient: true,
            has_lead: true,
            has_rhythm: true,
            needs_total: 3,
            needs_filled: 2,
            criteria_total: 0,
            criteria_resolved: 0,
            activities_total: 9,
            activities_done: 4,
            entries: 0,
        }
    }

    #[test]
    fn marks_each_step_complete_partly_or_missing() {
        let s = full();
        assert_eq!(s.mark(Step::Proactivity), Mark::Complete);
        assert_eq!(s.mark(Step::Development), Mark::Partly { done: 2, of: 3 });
        assert_eq!(s.mark(Step::Learning), Mark::Missing);
        assert_eq!(s.mark(Step::Service), Mark::Partly { done: 4, of: 9 });
    }

    #[test]
    fn says_why_a_step_is_incomplete() {
        let mut s = full();
        s.has_lead = false;
        assert_eq!(s.gaps(Step::Proactivity), vec![Gap::NoLead]);
        assert_eq!(s.gaps(Step::Development), vec![Gap::NeedsUnfilled(1)]);
        assert_eq!(s.gaps(Step::Learning), vec![Gap::NoCriteria]);
        assert_eq!(
            PlanSummary::default().gaps(Step::Service),
            vec![Gap::NoActivities]
        );
    }

    #[test]
    fn the_next_contact_is_the_last_plus_the_rhythm() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        assert_eq!(next_contact(Some(d(10)), Some(14), d(1)), Some(d(24)));
        assert_eq!(next_contact(None, Some(7), d(1)), Some(d(8)));
        assert_eq!(next_contact(Some(d(10)), None, d(1)), None);
    }

    #[test]
    fn activity_status_cycles_through_done_and_back() {
        assert_eq!(ActivityStatus::Todo.next(), ActivityStatus::Doing);
        assert_eq!(ActivityStatus::Blocked.next(), ActivityStatus::Done);
        assert_eq!(ActivityStatus::Done.next(), ActivityStatus::Todo);
    }
}
