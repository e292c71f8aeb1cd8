//! Staffing requests: a coordinator asks a person's line manager for a share of their time,
//! and the allocation is made only when the manager approves.

use chrono::{DateTime, NaiveDate, Utc};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Pending,
    Approved,
    Declined,
    Withdrawn,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Declined => "declined",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Pending,
            RequestStatus::Approved,
            RequestStatus::Declined,
            RequestStatus::Withdrawn,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// One request as "Requests to me", find-staff and `puls requests` show it.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffingRequest {
    pub id: i64,
    pub person_id: i64,
    pub person: String,
    /// The person's line manager's account when the request was read.
    pub manager: String,
    pub arena: i64,
    pub arena_title: String,
    pub competence_id: Option<i64>,
    pub percent: u32,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub asked_by: String,
    pub asked_at: DateTime<Utc>,
    pub status: RequestStatus,
    /// The manager's reason for a decline.
    pub reason: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// What a manager approves: the share and dates, the asked ones unless changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Approval {
    pub percent: u32,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl StaffingRequest {
    /// The approval the request asks for, to prefill the manager's form.
    pub fn asked(&self) -> Approval {
        Approval {
            percent: self.percent,
            from: self.from,
            until: self.until,
        }
    }
}

/// Why an approval cannot be made as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalProblem {
    /// A share is 1 to 100 percent of a week.
    Share,
    /// The end comes before the start.
    EndsBeforeStart,
}

pub fn check(approval: &Approval) -> Option<ApprovalProblem> {
    if !(1..=100).contains(&approval.percent) {
        Some(ApprovalProblem::Share)
    } else if approval.until.is_some_and(|u| u < approval.from) {
        Some(ApprovalProblem::EndsBeforeStart)
    } else {
        None
    }
}

/// Whether `account` may decide a request for a person whose line manager is `manager`: that
/// manager, or an administrator.
pub fn may_decide(manager: &str, account: &str, administrator: bool) -> bool {
    administrator || (!manager.is_empty() && manager == account)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_line_manager_or_an_administrator_decides() {
        assert!(may_decide("karin", "karin", false));
        assert!(!may_decide("karin", "olle", false));
        assert!(may_decide("karin", "olle", true));
        assert!(!may_decide("", "", false));
    }

    #[test]
    fn an_approval_needs_a_share_and_an_end_after_its_start() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default();
        let mut a = Approval {
            percent: 20,
            from: day(5),
            until: Some(day(4)),
        };
        assert_eq!(check(&a), Some(ApprovalProblem::EndsBeforeStart));
        a.until = None;
        assert_eq!(check(&a), None);
        a.percent = 0;
        assert_eq!(check(&a), Some(ApprovalProblem::Share));
    }

    #[test]
    fn codes_read_back() {
        for s in ["pending", "approved", "declined", "withdrawn"] {
            assert_eq!(RequestStatus::from_code(s).map(|s| s.code()), Some(s));
        }
    }
}
