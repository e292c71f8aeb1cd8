//! Read models: what a store hands up and the panes draw (an arena's card, its PULS plan, the
//! roster's rows, the bank's hits, a row of history). Plain data, the same from any backend.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::arena::Stage;
use crate::knowledge::EntryKind;
use crate::puls::{ActivityStatus, PlanSummary};
use crate::roster::{Level, Load, NeedStatus};

/// What the board holds for one arena: small, so 2,000 of them stay cheap.
#[derive(Debug, Clone, PartialEq)]
pub struct ArenaCard {
    pub id: i64,
    pub title: String,
    pub mission: String,
    pub stage: Stage,
    pub stage_since: DateTime<Utc>,
    pub coordinator: Option<String>,
    pub target_date: Option<NaiveDate>,
    /// People allocated now.
    pub team: u32,
    pub plan: PlanSummary,
    /// The registration number (diarienummer); empty when none.
    pub registration: String,
    /// The code of the body that decided on it, and the day it did.
    pub decision: Option<(String, NaiveDate)>,
    /// The missions taking part besides the lead one (`mission`).
    pub participating: Vec<String>,
}

impl ArenaCard {
    /// Needs nobody fills yet.
    pub fn gaps(&self) -> u32 {
        self.plan.needs_total - self.plan.needs_filled
    }
}

/// One arena's whole program, as the plan pane shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub arena: i64,
    pub arena_version: i64,
    /// When the arena began: the first day a contact could be due from.
    pub since: NaiveDate,
    pub proactivity: Proactivity,
    pub contacts: Vec<PlanContact>,
    pub needs: Vec<NeedRow>,
    pub criteria: Vec<PlanCriterion>,
    pub activities: Vec<PlanActivity>,
    /// Knowledge-bank entries the arena returned.
    pub entries: u32,
    /// While the arena is closed: when and by whom it was drawn up, and so locked.
    pub drawn_up: Option<DrawnUp>,
    /// Whether the arena has a restricted record (never its contents: see `open_restricted`).
    pub restricted: bool,
}

impl Plan {
    pub fn summary(&self) -> PlanSummary {
        let open_needs = self
            .needs
            .iter()
            .filter(|n| n.status != NeedStatus::Released);
        PlanSummary {
            has_recipient: !self.proactivity.recipient.trim().is_empty(),
            has_lead: self.proactivity.lead.is_some(),
            has_rhythm: self.proactivity.rhythm_days.is_some(),
            needs_total: open_needs.clone().count() as u32,
            needs_filled: open_needs
                .filter(|n| n.status == NeedStatus::Filled)
                .count() as u32,
            criteria_total: self.criteria.len() as u32,
            criteria_resolved: self.criteria.iter().filter(|c| c.is_resolved()).count() as u32,
            activities_total: self.activities.len() as u32,
            activities_done: self
                .activities
                .iter()
                .filter(|a| a.status == ActivityStatus::Done)
                .count() as u32,
            entries: self.entries,
        }
    }

    pub fn last_contact(&self) -> Option<NaiveDate> {
        self.contacts.iter().map(|c| c.on).max()
    }

    /// When the recipient should next hear from the arena: the last contact plus the rhythm.
    /// None once the arena is closed (drawn up): it keeps in touch no more, so nothing is due
    /// or late.
    pub fn next_contact(&self) -> Option<NaiveDate> {
        if self.drawn_up.is_some() {
            return None;
        }
        crate::puls::next_contact(
            self.last_contact(),
            self.proactivity.rhythm_days,
            self.since,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanActivity {
    pub id: i64,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActivityStatus,
    pub blocked_reason: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanContact {
    pub id: i64,
    pub on: NaiveDate,
    pub channel: String,
    pub summary: String,
    pub by: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCriterion {
    pub id: i64,
    pub text: String,
    pub measure: String,
    pub target: String,
    pub result: String,
    pub no_result_reason: String,
    /// The verdict: met, not met, or not known yet.
    pub met: Option<bool>,
    pub version: i64,
    /// Its text, measure or target changed after the arena became active.
    pub changed_after_start: bool,
}

impl PlanCriterion {
    pub fn is_resolved(&self) -> bool {
        !self.result.trim().is_empty() || !self.no_result_reason.trim().is_empty()
    }
}

/// The P step's settings on the arena.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proactivity {
    /// An alias or case code, never a full name with a personal number.
    pub recipient: String,
    /// The team member who keeps the recipient informed.
    pub lead: Option<String>,
    /// Days between contacts with the recipient.
    pub rhythm_days: Option<u32>,
}

/// One person as the roster pane lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub external: bool,
    pub role: String,
    pub contact: String,
    pub active: bool,
    pub coordinator: bool,
    /// The OS account of their line manager, who releases their time; empty: none recorded.
    pub manager: String,
    /// Competences with levels, strongest first. A name is shared by every holder of the
    /// competence: a roster of thousands holds each name once, not once a holder.
    pub competences: Vec<(Arc<str>, Level)>,
    pub load: Load,
    /// Where their time goes now: (arena number, percent).
    pub arenas: Vec<(i64, u32)>,
    pub version: i64,
}

/// The roster at a glance, for a screen that does not hold every person nor the competence
/// view: how many people are active, how many of them are allocated past their capacity
/// today, and how many competences the catalogue offers (its retired ones left out).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RosterGlance {
    pub active: u32,
    pub over: u32,
    pub competences: u32,
}

/// One competence as the competence view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceRow {
    pub id: i64,
    pub name: String,
    pub category: String,
    pub active: bool,
    /// Holders per level, index 0 = level 1.
    pub by_level: [u32; 4],
    /// Active holders with time left.
    pub with_free: u32,
    /// Arenas that need it and have nobody: (number, title).
    pub gaps: Vec<(i64, String)>,
    pub version: i64,
}

impl CompetenceRow {
    pub fn holders(&self) -> u32 {
        self.by_level.iter().sum()
    }
}

/// A unit: a mission, service support, or an outside partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub external: bool,
}

/// A person allocated to an arena.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamMember {
    pub allocation_id: i64,
    pub person_id: i64,
    pub name: String,
    pub competence: Option<String>,
    pub percent: u32,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub load: Load,
}

/// One need of an arena's recruitment plan.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedRow {
    pub id: i64,
    pub competence_id: i64,
    pub competence: String,
    pub reason: String,
    pub status: NeedStatus,
    pub person: Option<String>,
    pub version: i64,
}

/// One line of a result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryHit {
    pub id: i64,
    pub title: String,
    pub kind: EntryKind,
    pub tags: Vec<String>,
    pub arena: Option<i64>,
    /// A piece of the body, one line, in segments: true for a word the search matched.
    pub snippet: Vec<(String, bool)>,
    pub updated_at: DateTime<Utc>,
    /// Another municipality's entry, shared with the region: read here, written there.
    pub elsewhere: bool,
}

/// One entry, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub kind: EntryKind,
    /// Sorted.
    pub tags: Vec<String>,
    /// As the catalogue spells them, sorted.
    pub competences: Vec<String>,
    pub arena: Option<i64>,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// Readable by every municipality of the region (on PostgreSQL).
    pub shared: bool,
    /// Another municipality's entry, shared with the region: read here, written there.
    pub elsewhere: bool,
}

/// One row of history.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub who: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub detail: String,
}

/// When an arena was drawn up, and by whom: what a refused edit names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnUp {
    /// 1 for the first close, 2 after a reopening and a second close, ...
    pub version: i64,
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A signal waiting for a body's meeting: one item of its agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub id: i64,
    pub title: String,
    pub need: String,
    pub mission: String,
    pub signalled_by: String,
    pub signalled_at: DateTime<Utc>,
    /// Who took it on; empty when not named.
    pub manager: String,
    /// The meeting it is on.
    pub meeting: NaiveDate,
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    #[test]
    fn a_closed_arena_has_no_next_contact() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let mut plan = Plan {
            arena: 1,
            arena_version: 1,
            since: day(1),
            proactivity: Proactivity {
                rhythm_days: Some(14),
                ..Proactivity::default()
            },
            contacts: Vec::new(),
            needs: Vec::new(),
            criteria: Vec::new(),
            activities: Vec::new(),
            entries: 0,
            drawn_up: None,
            restricted: false,
        };
        assert_eq!(plan.next_contact(), Some(day(15)));
        plan.drawn_up = Some(DrawnUp {
            version: 1,
            at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
            by: "maja".into(),
        });
        assert_eq!(plan.next_contact(), None);
    }
}
