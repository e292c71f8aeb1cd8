//! The large demo: a synthetic municipality at the scale the benchmark measures (issue 8), built
//! from a seed so that the same seed always gives the same municipality.
//!
//! Unlike the small demo, it is not built through the store's calls (one transaction each: hours
//! at this size) but written with prepared statements in one transaction, so it lands whole or
//! not at all. The rows are what the store would have written: the same columns, versions that
//! count each arena's changes, and an audit log whose rows tell each arena's story in time order.
//! Knowledge entries are not generated: the knowledge bank has not landed yet.

mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, Transaction, params};

use crate::demo;
use crate::domain::arena::Stage;
use crate::domain::clock::{Clock, FixedClock, SystemClock};
use crate::messages;
use crate::store::{Store, StoreError};
use words::*;

/// How much of everything to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    pub arenas: usize,
    pub people: usize,
    pub units: usize,
    pub competences: usize,
    /// Allocations in all, running and ended.
    pub allocations: usize,
    /// Needs per arena, on average over all arenas.
    pub needs_per_arena: usize,
    /// Audit rows in all: the arenas' own history, topped up with edits to reach this.
    pub audit_rows: usize,
}

impl Size {
    /// The municipality of issue 8.
    pub const LARGE: Size = Size {
        arenas: 2_000,
        people: 5_000,
        units: 40,
        competences: 300,
        allocations: 20_000,
        needs_per_arena: 4,
        audit_rows: 200_000,
    };
}

/// `puls demo`: the small demo or the large one, in the file named with --db.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// small: thirteen arenas to try puls on; large: the municipality the benchmark measures.
    #[arg(long, value_enum, default_value_t = DemoSize::Small)]
    size: DemoSize,
    /// The large demo's seed: the same seed gives the same municipality.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DemoSize {
    Small,
    Large,
}

/// What a generated database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub arenas: usize,
    pub people: usize,
    pub units: usize,
    pub competences: usize,
    pub holdings: usize,
    pub needs: usize,
    pub allocations: usize,
    pub audit_rows: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Generated(Counts),
    /// The file already holds the large demo of this seed; nothing was written.
    AlreadyThere,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The file holds arenas or people that are not this demo.
    #[error("{}", messages::demo_refused(.0))]
    Refused(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The `demo` meta value that marks the large demo of `seed`.
fn mark(seed: u64) -> String {
    format!("large seed {seed}")
}

/// Runs `puls demo`. `store` is the database --db names, already open and migrated.
pub fn run(store: Store, args: &DemoArgs) -> color_eyre::Result<()> {
    let path = store.path().to_owned();
    let who = store.who().to_owned();
    if crate::config::default_db_path().as_deref() == Some(path.as_path()) {
        return Err(crate::cli::UserError(messages::demo_needs_db().to_owned()).into());
    }
    match args.size {
        DemoSize::Small => {
            if store.meta(demo::DEMO_MARK)?.is_some() {
                println!("{}", messages::demo_already_there(&path));
                return Ok(());
            }
            if !store.is_empty()? {
                return Err(crate::cli::UserError(messages::demo_refused(&path)).into());
            }
            drop(store);
            demo::fill(&path, &who, SystemClock.now())?;
            println!("{}", messages::demo_ready(&path));
        }
        DemoSize::Large => {
            drop(store);
            let start = Instant::now();
            match fill(&path, &who, SystemClock.now(), &Size::LARGE, args.seed) {
                Ok(Outcome::AlreadyThere) => println!("{}", messages::demo_already_there(&path)),
                Ok(Outcome::Generated(c)) => println!(
                    "{}",
                    messages::large_demo_ready(
                        &path,
                        &[
                            ("arenas", c.arenas),
                            ("people", c.people),
                            ("units", c.units),
                            ("competences", c.competences),
                            ("allocations", c.allocations),
                            ("needs", c.needs),
                            ("audit rows", c.audit_rows),
                        ],
                        args.seed,
                        start.elapsed(),
                    )
                ),
                Err(DemoError::Refused(path)) => {
                    return Err(crate::cli::UserError(messages::demo_refused(&path)).into());
                }
                Err(DemoError::Store(e)) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// Fills the file at `path` with the large demo of `seed`, as it would look at `now`. A new or
/// empty file is filled; one that holds this very demo is left alone; any other is refused.
pub fn fill(
    path: &Path,
    who: &str,
    now: DateTime<Utc>,
    size: &Size,
    seed: u64,
) -> Result<Outcome, DemoError> {
    let store = Store::open(path, who, Arc::new(FixedClock(now)))?;
    match store.meta(demo::DEMO_MARK)? {
        Some(m) if m == mark(seed) => return Ok(Outcome::AlreadyThere),
        Some(_) => return Err(DemoError::Refused(path.to_owned())),
        None if !store.is_empty()? => return Err(DemoError::Refused(path.to_owned())),
        None => {}
    }
    drop(store);
    let mut plan = Plan::new(size, seed, now, who);
    plan.build();
    let mut conn = Connection::open(path).map_err(StoreError::from)?;
    // A fresh file that lands whole or not at all: no need to sync each page on the way.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;",
    )
    .map_err(StoreError::from)?;
    let tx = conn.transaction().map_err(StoreError::from)?;
    plan.write(&tx)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)",
        params![demo::DEMO_MARK, mark(seed)],
    )
    .map_err(StoreError::from)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(Outcome::Generated(plan.counts()))
}

/// SplitMix64: a few lines, fast, and its sequence for a seed never changes with a crate
/// upgrade, which a reproducible benchmark needs more than statistical perfection.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i64
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut roll = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const DAY: i64 = 86_400;
/// Who wrote a row: an index into the people, or the person who ran the generator.
const GENERATOR: usize = usize::MAX;

struct Unit {
    name: String,
    external: bool,
}

struct Competence {
    name: String,
    category: &'static str,
}

struct Person {
    name: String,
    unit: usize,
    role: &'static str,
    contact: String,
    capacity: u32,
    coordinator: bool,
    active: bool,
    created: i64,
    holdings: Vec<(usize, u8)>,
    version: i64,
    updated: (i64, usize),
}

struct Arena {
    title: String,
    need: String,
    mission: &'static str,
    stage: Stage,
    signalled: i64,
    signalled_by: usize,
    stage_since: i64,
    /// When it reached Staffing, Active and Closed, if it did.
    staffed: Option<i64>,
    active: Option<i64>,
    closed: Option<i64>,
    coordinator: Option<usize>,
    mandate: &'static str,
    commissioned_by: Option<&'static str>,
    target: Option<NaiveDate>,
    decline_reason: Option<&'static str>,
    version: i64,
    updated: (i64, usize),
}

struct Need {
    arena: usize,
    competence: usize,
    status: &'static str,
    person: Option<usize>,
    at: i64,
}

struct Allocation {
    person: usize,
    arena: usize,
    competence: Option<usize>,
    percent: u32,
    from: NaiveDate,
    to: Option<NaiveDate>,
    at: i64,
}

struct Event {
    at: i64,
    who: usize,
    entity: &'static str,
    entity_id: usize,
    action: &'static str,
    detail: String,
}

/// The whole municipality in memory, before a single row is written.
struct Plan<'a> {
    size: &'a Size,
    rng: Rng,
    now: i64,
    who: &'a str,
    units: Vec<Unit>,
    competences: Vec<Competence>,
    people: Vec<Person>,
    /// People who hold each competence.
    holders: Vec<Vec<usize>>,
    coordinators: Vec<usize>,
    arenas: Vec<Arena>,
    needs: Vec<Need>,
    allocations: Vec<Allocation>,
    audit: Vec<Event>,
}

/// The row id of the `i`th planned row: ids count from 1.
fn id(i: usize) -> i64 {
    i as i64 + 1
}

fn time_text(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn date_of(secs: i64) -> NaiveDate {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
}

fn date_text(date: NaiveDate) -> String {
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

impl<'a> Plan<'a> {
    fn new(size: &'a Size, seed: u64, now: DateTime<Utc>, who: &'a str) -> Plan<'a> {
        Plan {
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
            audit: Vec::new(),
        }
    }

    fn counts(&self) -> Counts {
        Counts {
            arenas: self.arenas.len(),
            people: self.people.len(),
            units: self.units.len(),
            competences: self.competences.len(),
            holdings: self.people.iter().map(|p| p.holdings.len()).sum(),
            needs: self.needs.len(),
            allocations: self.allocations.len(),
            audit_rows: self.audit.len(),
        }
    }

    fn build(&mut self) {
        self.plan_units();
        self.plan_competences();
        self.plan_people();
        self.plan_arenas();
        self.plan_needs();
        self.plan_allocations();
        self.plan_more_history();
        // The log reads in time order, as a real one was written.
        self.audit.sort_by_key(|e| e.at);
    }

    fn event(
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

    /// A change to an arena: an audit row, a new version.
    fn arena_event(
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
        self.event(at, who, "arena", arena + 1, action, detail);
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
            let unit = if i < partners {
                Unit {
                    name: external[i].to_owned(),
                    external: true,
                }
            } else {
                let k = i - partners;
                let name = match internal.get(k) {
                    Some(name) => name.clone(),
                    None => format!("{} {}", internal[k % internal.len()], k / internal.len()),
                };
                Unit {
                    name,
                    external: false,
                }
            };
            let name = unit.name.clone();
            self.units.push(unit);
            self.event(
                start + i as i64 * 60,
                GENERATOR,
                "unit",
                i + 1,
                "create",
                name,
            );
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
                round => format!("{name} {round}"),
            };
            self.competences.push(Competence {
                name: name.clone(),
                category,
            });
            self.event(
                start + i as i64 * 60,
                GENERATOR,
                "competence",
                i + 1,
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
            self.event(created, GENERATOR, "person", i + 1, "create", name);
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
                version: 0,
                updated: (signalled, signalled_by),
            });
            self.arena_event(i, signalled, signalled_by, "signal", title);
            self.plan_life(i);
        }
    }

    fn title(&mut self) -> String {
        let (subject, situation, place) = if self.rng.percent(50) {
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
            format!("{subject} {situation} {place} {}", self.rng.pick(PLACES))
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

    /// The arena's way from its signal to its stage: commission, moves, or a decline.
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
        {
            let a = &mut self.arenas[i];
            a.coordinator = Some(coordinator);
            a.mandate = mandate;
            a.target = Some(target);
            a.commissioned_by = Some(commissioner);
        }
        let detail = format!(
            "coordinator: - -> {}; mandate; target: - -> {}",
            self.people[coordinator].name,
            date_text(target)
        );
        self.arena_event(i, edited, coordinator, "edit", detail);
        let span = (age * 3 / 4).max(DAY);
        for (n, to) in Stage::FLOW.iter().copied().enumerate().skip(1).take(steps) {
            let at = (signalled + span * n as i64 / steps as i64 + 7_200).max(edited + 60);
            let from = Stage::FLOW[n - 1];
            let a = &mut self.arenas[i];
            a.stage_since = at;
            match to {
                Stage::Staffing => a.staffed = Some(at),
                Stage::Active => a.active = Some(at),
                Stage::Closed => a.closed = Some(at),
                _ => {}
            }
            let detail = format!("stage: {} -> {}", from.code(), to.code());
            self.arena_event(i, at, coordinator, "move", detail);
        }
    }

    /// Needs go to arenas past their signal; staffed ones have most filled.
    fn plan_needs(&mut self) {
        let eligible: Vec<usize> = (0..self.arenas.len())
            .filter(|&i| !matches!(self.arenas[i].stage, Stage::Signal | Stage::Declined))
            .collect();
        if eligible.is_empty() || self.competences.is_empty() {
            return;
        }
        let mut per_arena = vec![0usize; self.arenas.len()];
        for _ in 0..self.size.needs_per_arena * self.arenas.len() {
            per_arena[eligible[self.rng.below(eligible.len())]] += 1;
        }
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
        while self.allocations.len() < self.size.allocations {
            let arena = *self.rng.pick(&staffed);
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

    /// One allocation with its audit rows; true when it has already ended (and is not a closed
    /// arena's, which simply ended with the arena).
    fn allocate(&mut self, arena: usize, person: usize, competence: Option<usize>) -> bool {
        let a = &self.arenas[arena];
        let start = a.staffed.unwrap_or(a.signalled);
        let until = a.closed.unwrap_or(self.now);
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
                let detail = match self.rng.below(4) {
                    0 => "mandate".to_owned(),
                    1 => "need".to_owned(),
                    2 => format!("coordinator: - -> {}", self.people[who].name),
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
                self.event(at, who, "person", person + 1, "edit", name);
            }
        }
    }

    fn name_of(&self, who: usize) -> &str {
        match self.people.get(who) {
            Some(p) => &p.name,
            None => self.who,
        }
    }

    /// Writes every row, ids counting from 1 in plan order.
    fn write(&self, tx: &Transaction) -> crate::store::Result<()> {
        let created = time_text(self.now - 1_100 * DAY);
        let mut stmt = tx.prepare(
            "INSERT INTO units (id, name, external, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, u) in self.units.iter().enumerate() {
            stmt.execute(params![id(i), u.name, u.external, created, self.who])?;
        }
        let mut stmt = tx.prepare(
            "INSERT INTO competences (id, name, category, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in self.competences.iter().enumerate() {
            stmt.execute(params![id(i), c.name, c.category, created, self.who])?;
        }
        self.write_people(tx)?;
        self.write_arenas(tx)?;
        self.write_audit(tx)
    }

    fn write_people(&self, tx: &Transaction) -> crate::store::Result<()> {
        let mut person = tx.prepare(
            "INSERT INTO people (id, name, unit_id, role, contact, capacity, active, coordinator,
                 version, created_at, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut holding = tx.prepare(
            "INSERT INTO holdings (person_id, competence_id, level) VALUES (?1, ?2, ?3)",
        )?;
        for (i, p) in self.people.iter().enumerate() {
            person.execute(params![
                id(i),
                p.name,
                id(p.unit),
                p.role,
                p.contact,
                p.capacity,
                p.active,
                p.coordinator,
                p.version,
                time_text(p.created),
                time_text(p.updated.0),
                self.name_of(p.updated.1),
            ])?;
            for (competence, level) in &p.holdings {
                holding.execute(params![id(i), id(*competence), level])?;
            }
        }
        Ok(())
    }

    fn write_arenas(&self, tx: &Transaction) -> crate::store::Result<()> {
        let mut arena = tx.prepare(
            "INSERT INTO arenas (id, title, need, mission, stage, stage_since, signalled_by,
                 signalled_at, coordinator_id, mandate, commissioned_by, target_date, decline_reason,
                 version, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?;
        for (i, a) in self.arenas.iter().enumerate() {
            arena.execute(params![
                id(i),
                a.title,
                a.need,
                a.mission,
                a.stage.code(),
                time_text(a.stage_since),
                self.name_of(a.signalled_by),
                time_text(a.signalled),
                a.coordinator.map(id),
                a.mandate,
                a.commissioned_by,
                a.target.map(date_text),
                a.decline_reason,
                a.version,
                time_text(a.updated.0),
                self.name_of(a.updated.1),
            ])?;
        }
        let mut need = tx.prepare(
            "INSERT INTO needs (arena_id, competence_id, reason, status, person_id, updated_at, updated_by)
             VALUES (?1, ?2, '', ?3, ?4, ?5, ?6)",
        )?;
        for n in &self.needs {
            let who = self.arenas[n.arena].coordinator.unwrap_or(GENERATOR);
            need.execute(params![
                id(n.arena),
                id(n.competence),
                n.status,
                n.person.map(id),
                time_text(n.at),
                self.name_of(who),
            ])?;
        }
        let mut allocation = tx.prepare(
            "INSERT INTO allocations (person_id, arena_id, competence_id, percent, from_date, to_date,
                 updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for al in &self.allocations {
            let who = self.arenas[al.arena].coordinator.unwrap_or(GENERATOR);
            allocation.execute(params![
                id(al.person),
                id(al.arena),
                al.competence.map(id),
                al.percent,
                date_text(al.from),
                al.to.map(date_text),
                time_text(al.at),
                self.name_of(who),
            ])?;
        }
        Ok(())
    }

    fn write_audit(&self, tx: &Transaction) -> crate::store::Result<()> {
        let mut row = tx.prepare(
            "INSERT INTO audit (at, who, entity, entity_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for e in &self.audit {
            row.execute(params![
                time_text(e.at),
                self.name_of(e.who),
                e.entity,
                id(e.entity_id),
                e.action,
                e.detail,
            ])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    const SMALL: Size = Size {
        arenas: 60,
        people: 120,
        units: 8,
        competences: 30,
        allocations: 300,
        needs_per_arena: 4,
        audit_rows: 3_000,
    };

    fn titles(path: &Path, n: usize) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare("SELECT title FROM arenas ORDER BY id LIMIT ?1")
            .unwrap();
        stmt.query_map([n as i64], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn table_counts(path: &Path) -> Vec<i64> {
        let conn = Connection::open(path).unwrap();
        [
            "arenas",
            "people",
            "units",
            "competences",
            "holdings",
            "needs",
            "allocations",
            "audit",
        ]
        .iter()
        .map(|t| {
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_municipality() {
        // Given two empty files
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));

        // When both are filled from seed 7
        let first = fill(&a, "maja", now(), &SMALL, 7).unwrap();
        let second = fill(&b, "maja", now(), &SMALL, 7).unwrap();

        // Then they hold the same counts and the same arenas, in the sizes asked for
        assert_eq!(first, second);
        assert_eq!(table_counts(&a), table_counts(&b));
        assert_eq!(titles(&a, 10), titles(&b, 10));
        let Outcome::Generated(counts) = first else {
            panic!("nothing generated")
        };
        assert_eq!(
            (
                counts.arenas,
                counts.people,
                counts.allocations,
                counts.audit_rows
            ),
            (60, 120, 300, 3_000)
        );
        assert_eq!(counts.needs, 240);
    }

    #[test]
    fn another_seed_gives_another_municipality() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
        fill(&a, "maja", now(), &SMALL, 1).unwrap();
        fill(&b, "maja", now(), &SMALL, 2).unwrap();
        assert_ne!(titles(&a, 10), titles(&b, 10));
    }

    #[test]
    fn refuses_a_database_holding_other_arenas() {
        // Given a file with one real signal in it
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.db");
        let mut store = Store::open(&path, "maja", Arc::new(FixedClock(now()))).unwrap();
        store
            .create_signal(&crate::store::NewSignal {
                title: "Lamp posts out on Kvarngatan".into(),
                need: String::new(),
                mission: "CD".into(),
                signalled_by: "Per Holm".into(),
                target_date: None,
            })
            .unwrap();
        drop(store);

        // When the large demo is asked for in it
        let result = fill(&path, "maja", now(), &SMALL, 1);

        // Then it is refused and the file still holds only its own arena
        assert!(matches!(result, Err(DemoError::Refused(_))), "{result:?}");
        assert_eq!(table_counts(&path)[0], 1);
    }

    #[test]
    fn a_file_holding_the_same_demo_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.db");
        fill(&path, "maja", now(), &SMALL, 3).unwrap();
        assert_eq!(
            fill(&path, "maja", now(), &SMALL, 3).unwrap(),
            Outcome::AlreadyThere
        );
        assert!(matches!(
            fill(&path, "maja", now(), &SMALL, 4),
            Err(DemoError::Refused(_))
        ));
    }

    #[test]
    fn the_generated_board_loads_through_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.db");
        fill(&path, "maja", now(), &SMALL, 5).unwrap();
        let store = Store::open(&path, "maja", Arc::new(FixedClock(now()))).unwrap();
        let cards = store.board_cards(true).unwrap();
        assert_eq!(cards.len(), 60);
        for stage in Stage::FLOW {
            assert!(cards.iter().any(|c| c.stage == stage), "no {stage:?} arena");
        }
        assert_eq!(store.roster_people().unwrap().len(), 120);
    }
}
