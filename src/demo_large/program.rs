//! The arenas' PULS programs: who they serve and how often they are in touch (P), what they
//! measure (L) and what they do (S). The needs (U) are planned with staffing.
//!
//! Each arena's program is as far along as its stage: an Active arena has a recipient, a lead
//! and activities, and one past Active has every criterion resolved, as the stage rules demand.

use chrono::Duration;

use super::municipality::{Activity, Contact, Criterion, DAY, GENERATOR, Municipality, date_of};
use super::words::*;
use crate::domain::arena::Stage;
use crate::domain::puls::ActivityStatus;

impl Municipality<'_> {
    pub(super) fn plan_programs(&mut self) {
        let commissioned = self.commissioned();
        let active: Vec<usize> = commissioned
            .iter()
            .copied()
            .filter(|&a| self.arenas[a].stage >= Stage::Active)
            .collect();
        let staffed: Vec<usize> = commissioned
            .iter()
            .copied()
            .filter(|&a| self.arenas[a].staffed.is_some())
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.arenas.len()];
        for a in &self.allocations {
            members[a.arena].push(a.person);
        }
        for &arena in &commissioned {
            self.plan_proactivity(arena, &members[arena]);
        }
        let total = self.size.activities_per_arena * self.arenas.len();
        let activities = self.spread(total, &commissioned, &active);
        let total = self.size.criteria_per_arena * self.arenas.len();
        let criteria = self.spread(total, &commissioned, &active);
        let total = self.size.contacts_per_arena * self.arenas.len();
        let contacts = self.spread(total, &staffed, &[]);
        for arena in 0..self.arenas.len() {
            let people = &members[arena];
            for position in 1..=activities[arena] {
                self.plan_activity(arena, position, people);
            }
            for _ in 0..criteria[arena] {
                self.plan_criterion(arena);
            }
            for _ in 0..contacts[arena] {
                self.plan_contact(arena);
            }
        }
    }

    /// When the arena's program work began: its commission, a day after the signal.
    fn begun(&self, arena: usize) -> i64 {
        self.arenas[arena].signalled + 2 * DAY
    }

    /// A day between `from` and the end of the arena (or today).
    fn day_in(&mut self, arena: usize, from: i64) -> i64 {
        let until = self.arenas[arena].closed.unwrap_or(self.now).max(from);
        from + self.rng.between(0, (until - from) / DAY) * DAY
    }

    fn plan_proactivity(&mut self, arena: usize, members: &[usize]) {
        let stage = self.arenas[arena].stage;
        let share = match stage {
            Stage::Commissioned => 40,
            Stage::Staffing => 80,
            _ => 100,
        };
        if !self.rng.percent(share) {
            return;
        }
        let coordinator = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
        let lead = match members {
            [] => self.arenas[arena].coordinator,
            _ if stage >= Stage::Active || self.rng.percent(50) => Some(*self.rng.pick(members)),
            _ => None,
        };
        let rhythm = (stage >= Stage::Active || self.rng.percent(70))
            .then(|| *self.rng.pick(&[7, 14, 14, 21, 30]));
        let a = &self.arenas[arena];
        let recipient = format!(
            "{}-{}-{:04}",
            a.mission,
            date_of(a.signalled).format("%Y"),
            arena + 1
        );
        let at = a.staffed.unwrap_or(a.stage_since) - 1_800;
        let detail = format!(
            "recipient {recipient}; lead {}; every {} days",
            lead.map_or("-", |p| self.people[p].name.as_str()),
            rhythm.map_or("-".to_owned(), |d: u32| d.to_string())
        );
        let a = &mut self.arenas[arena];
        a.recipient = recipient;
        a.lead = lead;
        a.rhythm_days = rhythm;
        self.arena_event(arena, at, coordinator, "proactivity", detail);
    }

    fn plan_activity(&mut self, arena: usize, position: usize, members: &[usize]) {
        let stage = self.arenas[arena].stage;
        let status = match stage {
            Stage::Closed => 0,
            Stage::Returning => self.rng.weighted(&[80, 15, 5, 0]),
            Stage::Active => self.rng.weighted(&[35, 30, 10, 25]),
            _ => self.rng.weighted(&[0, 20, 0, 80]),
        };
        let status = [
            ActivityStatus::Done,
            ActivityStatus::Doing,
            ActivityStatus::Blocked,
            ActivityStatus::Todo,
        ][status];
        let begun = self.begun(arena);
        let at = self.day_in(arena, begun);
        let owner = match members {
            [] => self.arenas[arena].coordinator.unwrap_or(GENERATOR),
            _ => *self.rng.pick(members),
        };
        let due = date_of(at) + Duration::days(self.rng.between(7, 90));
        let text = *self.rng.pick(ACTIVITIES);
        let blocked_reason = match status {
            ActivityStatus::Blocked => *self.rng.pick(BLOCKED_REASONS),
            _ => "",
        };
        self.activities.push(Activity {
            arena,
            position,
            text,
            owner,
            due: self.rng.percent(85).then_some(due),
            status,
            blocked_reason,
            at,
        });
        let who = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
        self.arena_event(arena, at, who, "activity", text.to_owned());
        if status != ActivityStatus::Todo {
            let later = self.day_in(arena, at);
            let detail = match status {
                ActivityStatus::Blocked => format!("blocked: {blocked_reason}"),
                other => other.code().to_owned(),
            };
            self.arena_event(arena, later, who, "status", detail);
        }
    }

    fn plan_criterion(&mut self, arena: usize) {
        let (text, measure, target) = *self.rng.pick(CRITERIA);
        let resolved = match self.arenas[arena].stage {
            Stage::Returning | Stage::Closed => true,
            Stage::Active => self.rng.percent(30),
            _ => false,
        };
        let (result, no_result_reason) = match (resolved, self.rng.percent(10)) {
            (false, _) => ("", ""),
            (true, true) => ("", *self.rng.pick(NO_RESULT_REASONS)),
            (true, false) => (*self.rng.pick(RESULTS), ""),
        };
        let begun = self.begun(arena);
        let at = self.day_in(arena, begun);
        self.criteria.push(Criterion {
            arena,
            text,
            measure,
            target,
            result,
            no_result_reason,
            at,
        });
        let who = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
        self.arena_event(arena, at, who, "criterion", text.to_owned());
    }

    fn plan_contact(&mut self, arena: usize) {
        let a = &self.arenas[arena];
        let from = a.staffed.unwrap_or(a.signalled);
        let by = a.lead.or(a.coordinator).unwrap_or(GENERATOR);
        let at = self.day_in(arena, from);
        let channel = *self.rng.pick(CHANNELS);
        let summary = *self.rng.pick(CONTACT_SUMMARIES);
        let contact = Contact {
            arena,
            on: date_of(at),
            channel,
            summary,
            by,
        };
        let detail = format!("{} {}", contact.on, contact.channel);
        self.contacts.push(contact);
        self.arena_event(arena, at, by, "contact", detail);
    }
}
