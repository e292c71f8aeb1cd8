//! The competence roster: people, what they can do, how much time they have, and where it goes.

use chrono::NaiveDate;

/// How well a person masters a competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Aware = 1,
    Practising = 2,
    Experienced = 3,
    Teaches = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Aware,
        Level::Practising,
        Level::Experienced,
        Level::Teaches,
    ];

    pub fn from_number(n: i64) -> Option<Level> {
        Level::ALL.into_iter().find(|l| *l as i64 == n)
    }

    pub fn number(self) -> u8 {
        self as u8
    }
}

/// Where a need in an arena's recruitment plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NeedStatus {
    Needed,
    Requested,
    Filled,
    Released,
}

impl NeedStatus {
    pub const ALL: [NeedStatus; 4] = [
        NeedStatus::Needed,
        NeedStatus::Requested,
        NeedStatus::Filled,
        NeedStatus::Released,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NeedStatus::Needed => "needed",
            NeedStatus::Requested => "requested",
            NeedStatus::Filled => "filled",
            NeedStatus::Released => "released",
        }
    }

    pub fn from_code(code: &str) -> Option<NeedStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// A need nobody fills yet: a gap.
    pub fn is_gap(self) -> bool {
        matches!(self, NeedStatus::Needed | NeedStatus::Requested)
    }
}

/// Whether an allocation runs on `today`.
pub fn is_current(from: NaiveDate, to: Option<NaiveDate>, today: NaiveDate) -> bool {
    from <= today && to.is_none_or(|t| t >= today)
}

/// A person's load against their capacity, in percent of a full-time week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Load {
    pub allocated: u32,
    pub capacity: u32,
}

impl Load {
    pub fn free(self) -> i64 {
        i64::from(self.capacity) - i64::from(self.allocated)
    }

    pub fn is_over(self) -> bool {
        self.allocated > self.capacity
    }
}

/// A possible member for a need, as "find staff" weighs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub person_id: i64,
    pub name: String,
    pub level: Level,
    pub load: Load,
    pub in_team: bool,
    /// Percent of their week asked of their line manager and not yet decided, any arena.
    pub asked: u32,
}

impl Candidate {
    /// The load once what is asked of them is approved: a request waiting counts, so nobody
    /// is asked past their capacity by two coordinators at once.
    pub fn load_if_approved(&self) -> Load {
        Load {
            allocated: self.load.allocated + self.asked,
            ..self.load
        }
    }
}

/// Best fit first: anyone over capacity (counting what is asked of them and waiting) last,
/// whatever their level (asking more of them is how people burn out); then the higher level,
/// then the more free time, then someone already in the team (fewer new people to brief), then
/// by name so the order is stable.
pub fn rank(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        let (la, lb) = (a.load_if_approved(), b.load_if_approved());
        la.is_over()
            .cmp(&lb.is_over())
            .then(b.level.cmp(&a.level))
            .then(lb.free().cmp(&la.free()))
            .then(b.in_team.cmp(&a.in_team))
            .then(a.name.cmp(&b.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str, level: Level, allocated: u32, in_team: bool) -> Candidate {
        Candidate {
            person_id: 0,
            name: name.into(),
            level,
            load: Load {
                allocated,
                capacity: 50,
            },
            in_team,
            asked: 0,
        }
    }

    #[test]
    fn ranks_level_then_free_time_then_team_membership() {
        let mut c = vec![
            candidate("Ada", Level::Practising, 0, false),
            candidate("Bo", Level::Experienced, 40, false),
            candidate("Cy", Level::Experienced, 10, false),
            candidate("Di", Level::Experienced, 10, true),
        ];
        rank(&mut c);
        let names: Vec<_> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Di", "Cy", "Bo", "Ada"]);
    }

    #[test]
    fn someone_over_capacity_is_never_ranked_first() {
        let mut c = vec![
            candidate("Ada", Level::Teaches, 60, true),
            candidate("Bo", Level::Aware, 0, false),
        ];
        rank(&mut c);
        let names: Vec<_> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Bo", "Ada"]);
    }

    #[test]
    fn time_asked_and_waiting_counts_towards_capacity() {
        let mut ada = candidate("Ada", Level::Teaches, 30, false);
        ada.asked = 30;
        let mut c = vec![ada, candidate("Bo", Level::Aware, 0, false)];
        rank(&mut c);
        let names: Vec<_> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Bo", "Ada"]);
    }

    #[test]
    fn an_allocation_is_current_between_its_dates() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        assert!(is_current(d(1), None, d(23)));
        assert!(is_current(d(1), Some(d(23)), d(23)));
        assert!(!is_current(d(1), Some(d(22)), d(23)));
        assert!(!is_current(d(24), None, d(23)));
    }

    #[test]
    fn over_allocation_is_more_than_capacity() {
        assert!(
            Load {
                allocated: 60,
                capacity: 50
            }
            .is_over()
        );
        assert!(
            !Load {
                allocated: 50,
                capacity: 50
            }
            .is_over()
        );
        assert_eq!(
            Load {
                allocated: 60,
                capacity: 50
            }
            .free(),
            -10
        );
    }
}
