//! The municipality in memory: units, people, arenas and their lives, before a row is written.
//!
//! Everything is drawn from one `Rng` in a fixed order, so a seed always gives the same rows.
//! Times are Unix seconds until they are written.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};

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

pub(super) struct Event {
    pub at: i64,
    pub who: usize,
    pub entity: &'static str,
    pub entity_id: usize,
    pub action: &'static str,
    pub detail: String,
}

pub(super) struct Municipality<'a> {
    pub size: &'a Size,
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
    pub audit: Vec<Event>,
}

pub(super) fn time_text(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(super) fn date_of(secs: i64) -> NaiveDate {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
}

pub(super) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An e-mail address as municipalities spell them: no å, ä, ö or accents.
fn email(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'č' | 'ć' => 'c',
            ' ' => '.',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    format!("{folded}@kommun.example")
}

impl<'a> Municipality<'a> {
    /// The whole municipality of `size`, from `seed`, as it stands at `now`.
    pub fn plan(size: &'a Size, seed: u64, now: DateTime<Utc>, who: &'a str) -> Municipality<'a> {
        let mut m = Municipality {
            size,
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
            audit: Vec::new(),
        };
        m.plan_units();
        m.plan_competences();
        m.plan_people();
        m.plan_arenas();
        m.plan_needs();
        m.plan_allocations();
        m.plan_programs();
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

    fn plan_units(&mut self) {
        let partners = PARTNERS.len().min(self.size.units / 4);
        let mut internal: Vec<String> = UNIT_SERVICES
            .iter()
            .flat_map(|s| PLACES.iter().map(move |p| format!("{s} {p}")))
            .collect();
        self.rng.shuffle(&mut internal);
        let mut external: Vec<&str> = PARTNERS.to_vec();
        self.rng.shuffle(&mut external);
        let start = self.now - 1_100 * DAY;
        for i in 0..self.size.units {
            let (name, is_external) = match external.get(i).filter(|_| i < partners) {
                Some(partner) => ((*partner).to_owned(), true),
                None => {
                    let k = i - partners;
                    let name = internal[k % internal.len()].clone();
                    match k / internal.len() {
                        0 => (name, false),
                        round => (format!("{name} {}", round + 1), false),
                    }
                }
            };
            self.units.push(Unit {
                name: name.clone(),
                external: is_external,
            });
            self.event(start + i as i64 * 60, GENERATOR, "unit", i, "create", name);
        }
    }

    fn plan_competences(&mut self) {
        let mut names: Vec<(String, &'static str)> = PROFESSIONS
            .iter()
            .flat_map(|(p, c)| FOCUSES.iter().map(move |f| (format!("{p} – {f}"), *c)))
            .collect();
        self.rng.shuffle(&mut names);
        let start = self.now - 1_090 * DAY;
        for i in 0..self.size.competences {
            let (name, category) = &names[i % names.len()];
            let name = match i / names.len() {
                0 => name.clone(),
                round => format!("{name} {}", round + 1),
            };
            self.competences.push(Competence {
                name: name.clone(),
                category,
            });
            self.event(
                start + i as i64 * 60,
                GENERATOR,
                "competence",
                i,
                "create",
                name,
            );
        }
        self.holders = vec![Vec::new(); self.competences.len()];
    }

    fn plan_people(&mut self) {
        let mut pairs: Vec<(usize, usize)> = (0..FIRST_NAMES.len())
            .flat_map(|f| (0..SURNAMES.len()).map(move |s| (f, s)))
            .collect();
        self.rng.shuffle(&mut pairs);
        for i in 0..self.size.people {
            let (f, s) = pairs[i % pairs.len()];
            let name = match i / pairs.len() {
                0 => format!("{} {}", FIRST_NAMES[f], SURNAMES[s]),
                round => format!("{} {} {}", FIRST_NAMES[f], SURNAMES[s], round + 1),
            };
            let contact = if self.rng.percent(60) {
                email(&name)
            } else {
                format!(
                    "070-{:03} {:02} {:02}",
                    self.rng.below(1000),
                    self.rng.below(100),
                    self.rng.below(100)
                )
            };
            let role = *self.rng.pick(ROLES);
            let coordinator = role == "Arena coordinator" || self.rng.percent(3);
            let created = self.now - self.rng.between(420, 1_080) * DAY;
            let holdings = self.pick_holdings(i);
            let person = Person {
                name: name.clone(),
                unit: self.rng.below(self.units.len()),
                role,
                contact,
                capacity: *self.rng.pick(&[10, 20, 20, 25, 30, 30, 40, 50, 60]),
                coordinator,
                active: self.rng.percent(97),
                created,
                holdings,
                version: 1,
                updated: (created, GENERATOR),
            };
            if coordinator && person.active {
                self.coordinators.push(i);
            }
            self.people.push(person);
            self.event(created, GENERATOR, "person", i, "create", name);
        }
        if self.coordinators.is_empty() && !self.people.is_empty() {
            self.people[0].coordinator = true;
            self.people[0].active = true;
            self.coordinators.push(0);
        }
    }

    /// Up to five competences, the common ones more often, each once.
    fn pick_holdings(&mut self, person: usize) -> Vec<(usize, u8)> {
        let n = self.competences.len();
        if n == 0 {
            return Vec::new();
        }
        let count = self.rng.weighted(&[5, 20, 30, 25, 12, 8]);
        let common = n.min(60);
        let mut held: Vec<(usize, u8)> = Vec::new();
        for _ in 0..count {
            let c = if self.rng.percent(50) {
                self.rng.below(common)
            } else {
                self.rng.below(n)
            };
            if held.iter().all(|(h, _)| *h != c) {
                let level = 1 + self.rng.weighted(&[20, 40, 30, 10]) as u8;
                held.push((c, level));
                self.holders[c].push(person);
            }
        }
        held
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

    /// The arena's way from its signal to its stage: commission and moves, or a decline.
    fn plan_life(&mut self, i: usize) {
        let (stage, signalled) = (self.arenas[i].stage, self.arenas[i].signalled);
        let coordinator = *self.rng.pick(&self.coordinators);
        if stage == Stage::Declined {
            let at = signalled + self.rng.between(2, 14) * DAY;
            let reason = *self.rng.pick(DECLINE_REASONS);
            let a = &mut self.arenas[i];
            a.decline_reason = Some(reason);
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

    /// Needs go to arenas past their signal; staffed ones have most of them filled.
    fn plan_needs(&mut self) {
        let eligible = self.commissioned();
        if self.competences.is_empty() {
            return;
        }
        let total = self.size.needs_per_arena * self.arenas.len();
        let per_arena = self.spread(total, &eligible, &[]);
        for (arena, count) in per_arena.into_iter().enumerate() {
            let a = &self.arenas[arena];
            let planned = a.staffed.unwrap_or(a.stage_since).min(self.now) - 3_600;
            for _ in 0..count {
                let competence = self.rng.below(self.competences.len());
                let status = if self.rng.percent(70) {
                    "needed"
                } else {
                    "requested"
                };
                self.needs.push(Need {
                    arena,
                    competence,
                    status,
                    person: None,
                    at: planned,
                });
                let name = self.competences[competence].name.clone();
                let who = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
                self.arena_event(arena, planned, who, "need", name);
            }
        }
    }

    /// Filled needs first, each with its allocation; then more allocations up to the total.
    fn plan_allocations(&mut self) {
        let staffed: Vec<usize> = (0..self.arenas.len())
            .filter(|&i| self.arenas[i].staffed.is_some())
            .collect();
        if staffed.is_empty() || self.people.is_empty() {
            return;
        }
        for n in 0..self.needs.len() {
            if self.allocations.len() >= self.size.allocations {
                break;
            }
            let (arena, competence) = (self.needs[n].arena, self.needs[n].competence);
            let filled_share = match self.arenas[arena].stage {
                Stage::Staffing => 50,
                Stage::Active | Stage::Returning => 80,
                Stage::Closed => 90,
                _ => 0,
            };
            if !self.rng.percent(filled_share) {
                continue;
            }
            let person = match self.holders[competence].as_slice() {
                [] => self.rng.below(self.people.len()),
                holders => *self.rng.pick(holders),
            };
            let ended = self.allocate(arena, person, Some(competence));
            let need = &mut self.needs[n];
            need.person = Some(person);
            need.status = if ended { "released" } else { "filled" };
        }
        // Staffed arenas with no allocation yet get one each, so every Active arena has a team.
        let mut first = vec![true; self.arenas.len()];
        for a in &self.allocations {
            first[a.arena] = false;
        }
        let unstaffed: Vec<usize> = staffed.iter().copied().filter(|&a| first[a]).collect();
        let mut queue = unstaffed.into_iter();
        while self.allocations.len() < self.size.allocations {
            let arena = queue.next().unwrap_or_else(|| *self.rng.pick(&staffed));
            let competence = if self.rng.percent(90) && !self.competences.is_empty() {
                Some(self.rng.below(self.competences.len()))
            } else {
                None
            };
            let person = match competence.map(|c| self.holders[c].as_slice()) {
                Some(holders) if !holders.is_empty() => *self.rng.pick(holders),
                _ => self.rng.below(self.people.len()),
            };
            self.allocate(arena, person, competence);
        }
    }

    /// One allocation with its audit rows; true when it ended before today (and is not a closed
    /// arena's, which simply ended with the arena).
    fn allocate(&mut self, arena: usize, person: usize, competence: Option<usize>) -> bool {
        let a = &self.arenas[arena];
        let start = a.staffed.unwrap_or(a.signalled);
        // An Active arena's first member came before the move to Active.
        let until = a.active.or(a.closed).unwrap_or(self.now).max(start);
        let at = start + self.rng.between(0, ((until - start) / DAY).max(0)) * DAY / 2;
        let from = date_of(at);
        let yesterday = date_of(self.now - DAY);
        let (to, released) = match a.closed {
            Some(closed) => (Some(date_of(closed)), false),
            None if from < yesterday && self.rng.percent(15) => {
                let days = (yesterday - from).num_days();
                (Some(from + Duration::days(self.rng.between(0, days))), true)
            }
            None if self.rng.percent(10) => (
                Some(date_of(self.now + self.rng.between(30, 180) * DAY)),
                false,
            ),
            None => (None, false),
        };
        let percent = *self.rng.pick(&[5, 5, 10, 10, 10, 15, 20]);
        let who = a.coordinator.unwrap_or(GENERATOR);
        self.allocations.push(Allocation {
            person,
            arena,
            competence,
            percent,
            from,
            to,
            at,
        });
        let detail = format!("{}, {percent}%", self.people[person].name);
        self.arena_event(arena, at, who, "allocate", detail);
        if released {
            let name = self.people[person].name.clone();
            let end = to.map_or(self.now, |d| {
                d.and_hms_opt(16, 0, 0)
                    .unwrap_or_default()
                    .and_utc()
                    .timestamp()
            });
            self.arena_event(arena, end, who, "release", name);
        }
        released
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
