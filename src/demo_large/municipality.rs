//! The municipality in memory: units, people, arenas and their lives, before a row is written.
//!
//! Everything is drawn from one `Rng` in a fixed order, so a seed always gives the same rows.
//! Times are Unix seconds until they are written.

use chrono::{DateTime, NaiveDate, Utc};

use super::reviews::Review;
use super::words::*;
use super::{Counts, Rng, Size};
use crate::domain::arena::Stage;
use crate::domain::puls::ActivityStatus;

pub(super) const DAY: i64 = 86_400;
/// Who wrote a row: an index into the people, or the person who ran the generator.
pub(super) const GENERATOR: usize = usize::MAX;

pub(super) struct Unit {
    pub name: String,
    pub external: bool,
}

#[derive(Clone)]
pub(super) struct Competence {
    pub name: String,
    pub category: &'static str,
}

pub(super) struct Person {
    pub name: String,
    pub unit: usize,
    pub role: &'static str,
    pub contact: String,
    pub capacity: u32,
    pub coordinator: bool,
    pub active: bool,
    pub created: i64,
    pub holdings: Vec<(usize, u8)>,
    pub version: i64,
    /// When and by whom it was last changed.
    pub updated: (i64, usize),
}

/// The body that decides on every arena of the large demo: the default config's coordination
/// group.
const DECIDING_BODY: &str = "SSG";

pub(super) struct Arena {
    pub title: String,
    pub need: String,
    pub mission: &'static str,
    pub stage: Stage,
    pub signalled: i64,
    pub signalled_by: usize,
    pub stage_since: i64,
    /// When it reached Staffing, Active and Closed, if it did.
    pub staffed: Option<i64>,
    pub active: Option<i64>,
    pub closed: Option<i64>,
    pub coordinator: Option<usize>,
    pub mandate: &'static str,
    pub commissioned_by: Option<&'static str>,
    /// The body's code and the day it decided: commissioned, or declined.
    pub decided: Option<(&'static str, NaiveDate)>,
    pub target: Option<NaiveDate>,
    pub decline_reason: Option<&'static str>,
    pub recipient: String,
    pub lead: Option<usize>,
    pub rhythm_days: Option<u32>,
    pub version: i64,
    pub updated: (i64, usize),
}

pub(super) struct Need {
    pub arena: usize,
    pub competence: usize,
    pub status: &'static str,
    pub person: Option<usize>,
    pub at: i64,
}

pub(super) struct Allocation {
    pub person: usize,
    pub arena: usize,
    pub competence: Option<usize>,
    pub percent: u32,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub at: i64,
}

pub(super) struct Contact {
    pub arena: usize,
    pub on: NaiveDate,
    pub channel: &'static str,
    pub summary: &'static str,
    pub by: usize,
}

pub(super) struct Criterion {
    pub arena: usize,
    pub text: &'static str,
    pub measure: &'static str,
    pub target: &'static str,
    pub result: &'static str,
    pub no_result_reason: &'static str,
    pub at: i64,
}

pub(super) struct Activity {
    pub arena: usize,
    pub position: usize,
    pub text: &'static str,
    pub owner: usize,
    pub due: Option<NaiveDate>,
    pub status: ActivityStatus,
    pub blocked_reason: &'static str,
    pub at: i64,
}

/// A knowledge entry; its body is drawn from `seed` when it is written.
pub(super) struct Entry {
    pub title: String,
    pub kind: &'static str,
    pub arena: Option<usize>,
    pub tags: Vec<&'static str>,
    pub competences: Vec<usize>,
    pub author: usize,
    pub at: i64,
    pub swedish: bool,
    pub words: usize,
    pub seed: u64,
}

pub(super) struct Event {
    pub at: i64,
    pub who: usize,
    pub entity: &'static str,
    pub entity_id: usize,
    pub action: &'static str,
    pub detail: String,
}

/// Where a planned municipality stands in the file it is written to.
pub(super) enum Member<'a> {
    /// Alone, or the first of a region's: its names as drawn, its own competence catalogue.
    First,
    /// One of a region's others: its people's and units' names carry `name`, since one file
    /// holds a name once, and it staffs from the region's one `catalogue`.
    Other {
        name: &'a str,
        catalogue: &'a [Competence],
    },
}

pub(super) struct Municipality<'a> {
    pub size: &'a Size,
    pub member: Member<'a>,
    pub rng: Rng,
    pub now: i64,
    pub who: &'a str,
    pub units: Vec<Unit>,
    pub competences: Vec<Competence>,
    pub people: Vec<Person>,
    /// People who hold each competence.
    pub holders: Vec<Vec<usize>>,
    pub coordinators: Vec<usize>,
    pub arenas: Vec<Arena>,
    pub needs: Vec<Need>,
    pub allocations: Vec<Allocation>,
    pub contacts: Vec<Contact>,
    pub criteria: Vec<Criterion>,
    pub activities: Vec<Activity>,
    pub entries: Vec<Entry>,
    pub reviews: Vec<Review>,
    pub audit: Vec<Event>,
}

pub(super) fn date_of(secs: i64) -> NaiveDate {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
}

pub(super) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl<'a> Municipality<'a> {
    /// The whole municipality of `size`, from `seed`, as it stands at `now`.
    pub fn plan(
        size: &'a Size,
        seed: u64,
        now: DateTime<Utc>,
        who: &'a str,
        member: Member<'a>,
    ) -> Municipality<'a> {
        let mut m = Municipality {
            size,
            member,
            rng: Rng(seed),
            now: now.timestamp(),
            who,
            units: Vec::new(),
            competences: Vec::new(),
            people: Vec::new(),
            holders: Vec::new(),
            coordinators: Vec::new(),
            arenas: Vec::new(),
            needs: Vec::new(),
            allocations: Vec::new(),
            contacts: Vec::new(),
            criteria: Vec::new(),
            activities: Vec::new(),
            entries: Vec::new(),
            reviews: Vec::new(),
            audit: Vec::new(),
        };
        m.plan_units();
        m.plan_competences();
        m.plan_people();
        m.plan_arenas();
        m.plan_needs();
        m.plan_allocations();
        m.plan_programs();
        m.plan_reviews();
        m.plan_entries();
        m.plan_more_history();
        // The log reads in time order, as a real one was written.
        m.audit.sort_by_key(|e| e.at);
        m
    }

    pub fn counts(&self) -> Counts {
        Counts {
            arenas: self.arenas.len(),
            people: self.people.len(),
            units: self.units.len(),
            competences: self.competences.len(),
            holdings: self.people.iter().map(|p| p.holdings.len()).sum(),
            needs: self.needs.len(),
            allocations: self.allocations.len(),
            contacts: self.contacts.len(),
            criteria: self.criteria.len(),
            activities: self.activities.len(),
            entries: self.entries.len(),
            reviews: self.reviews.len(),
            audit_rows: self.audit.len(),
        }
    }

    /// The name a row was written by.
    pub fn name_of(&self, who: usize) -> &str {
        match self.people.get(who) {
            Some(p) => &p.name,
            None => self.who,
        }
    }

    pub fn event(
        &mut self,
        at: i64,
        who: usize,
        entity: &'static str,
        id: usize,
        action: &'static str,
        detail: String,
    ) {
        self.audit.push(Event {
            at,
            who,
            entity,
            entity_id: id,
            action,
            detail,
        });
    }

    /// A change to an arena: an audit row and a new version.
    pub fn arena_event(
        &mut self,
        arena: usize,
        at: i64,
        who: usize,
        action: &'static str,
        detail: String,
    ) {
        let a = &mut self.arenas[arena];
        a.version += 1;
        if at >= a.updated.0 {
            a.updated = (at, who);
        }
        self.event(at, who, "arena", arena, action, detail);
    }

    fn plan_arenas(&mut self) {
        /// Stage, share of the arenas, and the range of their ages in days.
        const STAGES: [(Stage, usize, i64, i64); 7] = [
            (Stage::Signal, 12, 1, 60),
            (Stage::Commissioned, 10, 10, 120),
            (Stage::Staffing, 14, 20, 200),
            (Stage::Active, 30, 40, 400),
            (Stage::Returning, 10, 100, 500),
            (Stage::Closed, 19, 150, 730),
            (Stage::Declined, 5, 5, 400),
        ];
        let weights: Vec<usize> = STAGES.iter().map(|s| s.1).collect();
        for i in 0..self.size.arenas {
            let (stage, _, min_age, max_age) = STAGES[self.rng.weighted(&weights)];
            let mission = ["LF", "HC", "CD", "SS"][self.rng.weighted(&[35, 30, 25, 10])];
            let signalled = self.now
                - self.rng.between(min_age, max_age) * DAY
                - self.rng.between(0, 8) * 3_600;
            let signalled_by = self.rng.below(self.people.len());
            let title = self.title();
            let need = self.need_text(mission, i + 1, signalled);
            self.arenas.push(Arena {
                title: title.clone(),
                need,
                mission,
                stage,
                signalled,
                signalled_by,
                stage_since: signalled,
                staffed: None,
                active: None,
                closed: None,
                coordinator: None,
                mandate: "",
                commissioned_by: None,
                decided: None,
                target: None,
                decline_reason: None,
                recipient: String::new(),
                lead: None,
                rhythm_days: None,
                version: 0,
                updated: (signalled, signalled_by),
            });
            self.arena_event(i, signalled, signalled_by, "signal", title);
            self.plan_life(i);
        }
    }

    fn title(&mut self) -> String {
        let (subject, situation, at) = if self.rng.percent(50) {
            (
                *self.rng.pick(SUBJECTS_EN),
                *self.rng.pick(SITUATIONS_EN),
                "in",
            )
        } else {
            (
                *self.rng.pick(SUBJECTS_SV),
                *self.rng.pick(SITUATIONS_SV),
                "i",
            )
        };
        if self.rng.percent(60) {
            format!("{subject} {situation} {at} {}", self.rng.pick(PLACES))
        } else {
            format!("{subject} {situation}")
        }
    }

    fn need_text(&mut self, mission: &str, number: usize, signalled: i64) -> String {
        let year = date_of(signalled).format("%Y");
        let case = if self.rng.percent(50) {
            "Case"
        } else {
            "Ärende"
        };
        let first = self.rng.pick(NEED_SENTENCES);
        let second = self.rng.pick(NEED_SENTENCES);
        format!("{case} {mission}-{year}-{number:04}: {first}\n{second}")
    }

    /// The arena's way from its signal to its stage: the body's decision to commission and the
    /// moves, or its decline.
    fn plan_life(&mut self, i: usize) {
        let (stage, signalled) = (self.arenas[i].stage, self.arenas[i].signalled);
        let coordinator = *self.rng.pick(&self.coordinators);
        if stage == Stage::Declined {
            let at = signalled + self.rng.between(2, 14) * DAY;
            let reason = *self.rng.pick(DECLINE_REASONS);
            let a = &mut self.arenas[i];
            a.decline_reason = Some(reason);
            a.decided = Some((DECIDING_BODY, date_of(at)));
            a.stage_since = at;
            self.arena_event(i, at, coordinator, "decline", reason.to_owned());
            return;
        }
        let steps = Stage::FLOW.iter().position(|s| *s == stage).unwrap_or(0);
        if steps == 0 {
            return;
        }
        let age = self.now - signalled;
        let target = if stage == Stage::Closed {
            date_of(signalled + age * 3 / 4 - self.rng.between(0, 30) * DAY)
        } else {
            date_of(self.now + self.rng.between(-60, 180) * DAY)
        };
        let mandate = *self.rng.pick(MANDATES);
        let commissioner = *self.rng.pick(COMMISSIONERS);
        let edited = signalled + 30 * 3_600;
        let a = &mut self.arenas[i];
        a.coordinator = Some(coordinator);
        a.mandate = mandate;
        a.target = Some(target);
        a.commissioned_by = Some(commissioner);
        let detail = format!(
            "coordinator: - -> {}; mandate; target: - -> {}",
            self.people[coordinator].name,
            date_text(target)
        );
        self.arena_event(i, edited, coordinator, "edit", detail);
        let span = (age * 3 / 4).max(DAY);
        for (n, to) in Stage::FLOW.iter().copied().enumerate().skip(1).take(steps) {
            let at = (signalled + span * n as i64 / steps as i64 + 7_200).max(edited + 60);
            let a = &mut self.arenas[i];
            a.stage_since = at;
            match to {
                Stage::Commissioned => a.decided = Some((DECIDING_BODY, date_of(at))),
                Stage::Staffing => a.staffed = Some(at),
                Stage::Active => a.active = Some(at),
                Stage::Closed => a.closed = Some(at),
                _ => {}
            }
            let detail = format!("stage: {} -> {}", Stage::FLOW[n - 1].code(), to.code());
            self.arena_event(i, at, coordinator, "move", detail);
        }
    }

    /// Spreads `total` rows over `arenas` at random; every arena in `at_least_one` gets one first.
    pub fn spread(&mut self, total: usize, arenas: &[usize], at_least_one: &[usize]) -> Vec<usize> {
        let mut per_arena = vec![0usize; self.arenas.len()];
        for &a in at_least_one.iter().take(total) {
            per_arena[a] += 1;
        }
        if !arenas.is_empty() {
            for _ in at_least_one.len().min(total)..total {
                per_arena[*self.rng.pick(arenas)] += 1;
            }
        }
        per_arena
    }

    /// The arenas past their signal that are still on the board or closed.
    pub fn commissioned(&self) -> Vec<usize> {
        (0..self.arenas.len())
            .filter(|&i| !matches!(self.arenas[i].stage, Stage::Signal | Stage::Declined))
            .collect()
    }

    /// Tops the log up to its size with the everyday edits of arenas and people.
    fn plan_more_history(&mut self) {
        let open: Vec<usize> = (0..self.arenas.len())
            .filter(|&i| self.arenas[i].stage != Stage::Declined)
            .collect();
        while self.audit.len() < self.size.audit_rows {
            let who = *self.rng.pick(&self.coordinators);
            if self.rng.percent(80) && !open.is_empty() {
                let arena = *self.rng.pick(&open);
                let a = &self.arenas[arena];
                let at = self
                    .rng
                    .between(a.signalled + 60, self.now.max(a.signalled + 60));
                let detail = match self.rng.below(3) {
                    0 => "mandate".to_owned(),
                    1 => "need".to_owned(),
                    _ => format!(
                        "target: {} -> {}",
                        date_text(date_of(at + 30 * DAY)),
                        date_text(date_of(at + self.rng.between(40, 120) * DAY))
                    ),
                };
                let who = a.coordinator.unwrap_or(who);
                self.arena_event(arena, at, who, "edit", detail);
            } else {
                let person = self.rng.below(self.people.len());
                let p = &mut self.people[person];
                let at = p.created + self.rng.between(0, (self.now - p.created) / DAY) * DAY;
                p.version += 1;
                if at >= p.updated.0 {
                    p.updated = (at, who);
                }
                let name = p.name.clone();
                self.event(at, who, "person", person, "edit", name);
            }
        }
    }
}
