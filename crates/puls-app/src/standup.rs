//! Stand-up mode: one arena at a time, what changed since the last stand-up, what is late or
//! blocked, what is missing, a coaching question, and a clock for the turn.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use puls_domain::arena::Arena;
use puls_domain::puls::ActivityStatus;
use puls_store::{AuditRow, Plan, PlanActivity, TeamMember};

use super::command::Command;
use super::handled::{Handled, hint, quiet};

/// What a stand-up answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::NextArena),
    hint(Command::Timer),
    hint(Command::Done),
    hint(Command::Block),
    hint(Command::AddContact),
    hint(Command::AddActivity),
    hint(Command::Back),
    quiet(Command::PreviousArena),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
];

/// One arena's turn, loaded when the stand-up reaches it.
pub struct StandupView {
    pub arena: Arena,
    pub plan: Plan,
    pub team: Vec<TeamMember>,
    /// When the previous stand-up about this arena started; `None` the first time.
    pub since: Option<DateTime<Utc>>,
    /// Changes since then, oldest first, without the stand-up marks themselves.
    pub changes: Vec<AuditRow>,
    /// The activity quick actions work on (index into `plan.activities`).
    pub activity: usize,
}

impl StandupView {
    pub fn overdue(&self, today: NaiveDate) -> Vec<&PlanActivity> {
        self.open_activities()
            .filter(|a| a.due.is_some_and(|d| d < today))
            .collect()
    }

    /// Due from today to the end of the coming seven days.
    pub fn due_this_week(&self, today: NaiveDate) -> Vec<&PlanActivity> {
        let end = today + Duration::days(7);
        self.open_activities()
            .filter(|a| a.due.is_some_and(|d| d >= today && d <= end))
            .collect()
    }

    pub fn blocked(&self) -> Vec<&PlanActivity> {
        self.plan
            .activities
            .iter()
            .filter(|a| a.status == ActivityStatus::Blocked)
            .collect()
    }

    fn open_activities(&self) -> impl Iterator<Item = &PlanActivity> {
        self.plan
            .activities
            .iter()
            .filter(|a| a.status != ActivityStatus::Done)
    }

    pub fn selected_activity(&self) -> Option<&PlanActivity> {
        self.plan.activities.get(self.activity)
    }
}

/// A turn's clock: counts down from its length, and stops at zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    pub started: DateTime<Utc>,
    pub length: Duration,
    /// The whole seconds left when last drawn, so a tick redraws only when the clock moves.
    pub shown: i64,
}

impl Timer {
    pub fn left(&self, now: DateTime<Utc>) -> i64 {
        (self.length - (now - self.started)).num_seconds().max(0)
    }
}

pub struct Standup {
    /// The arenas of this stand-up, in order.
    pub arenas: Vec<i64>,
    pub index: usize,
    pub view: Option<StandupView>,
    pub timer: Option<Timer>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_clock_counts_down_and_stops_at_zero() {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let timer = Timer {
            started: start,
            length: Duration::minutes(2),
            shown: 120,
        };
        assert_eq!(timer.left(start + Duration::seconds(30)), 90);
        assert_eq!(timer.left(start + Duration::minutes(5)), 0);
    }
}
