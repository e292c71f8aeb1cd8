//! The large demo: a synthetic municipality at the scale the benchmark measures (issue 8), built
//! from a seed so that the same seed always gives the same municipality.
//!
//! Unlike the small demo it is not built through the store's calls (a transaction each: minutes
//! at this size) but planned in memory and written with prepared statements in one transaction,
//! so it lands whole or not at all. The rows are the ones the store would have written: the same
//! columns, versions that count each arena's changes, and an audit log that tells each arena's
//! story in time order.

mod knowledge;
mod municipality;
mod program;
mod region;
mod reviews;
mod roster;
mod staffing;
mod words;
mod write;

use crate::store::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::cli::UserError;
use crate::demo;
use crate::domain::clock::{Clock, FixedClock, ManualClock, SystemClock};
use crate::domain::language::Language;
use crate::messages;
use crate::output;
use crate::store::{Store, StoreError, StoreOptions};
use crate::store_postgres::{DEMO_MUNICIPALITIES, DEMO_NUMBERS_APART};
use municipality::{Member, Municipality};
pub use region::fill_region;

/// How much of everything to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    pub arenas: usize,
    pub people: usize,
    pub units: usize,
    pub competences: usize,
    /// Allocations in all, running and ended.
    pub allocations: usize,
    /// Per arena, on average over all arenas: the PULS program's needs, contacts with the
    /// recipient, evaluation criteria and activities.
    pub needs_per_arena: usize,
    pub contacts_per_arena: usize,
    pub criteria_per_arena: usize,
    pub activities_per_arena: usize,
    /// Knowledge entries, each of 200 to 2,000 words.
    pub entries: usize,
    /// Audit rows in all: the arenas' own history, topped up with everyday edits to reach this.
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
        contacts_per_arena: 6,
        criteria_per_arena: 3,
        activities_per_arena: 8,
        entries: 50_000,
        audit_rows: 200_000,
    };
}

/// `puls demo`: the small demo or the large one, in the file named with --db.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// small: thirteen arenas to try puls on; large: the municipality the benchmark measures;
    /// region: ten such municipalities, kept apart on PostgreSQL, one organisation's data in
    /// a SQLite file.
    #[arg(long, value_enum, default_value_t = DemoSize::Small)]
    size: DemoSize,
    /// The large and region demos' seed: the same seed gives the same municipalities.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The small demo's language (default: the session's); the large one mixes both, as a
    /// Swedish municipality's bank does.
    #[arg(long, value_enum)]
    language: Option<DemoLanguage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DemoLanguage {
    En,
    Sv,
}

impl DemoArgs {
    /// The language asked for, else the session's.
    fn language(&self) -> Language {
        match self.language {
            Some(DemoLanguage::En) => Language::English,
            Some(DemoLanguage::Sv) => Language::Swedish,
            None => crate::domain::language::current(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DemoSize {
    Small,
    Large,
    Region,
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
    pub contacts: usize,
    pub criteria: usize,
    pub activities: usize,
    pub entries: usize,
    pub reviews: usize,
    pub audit_rows: usize,
}

impl Counts {
    /// What `n` municipalities of these counts hold together: the competence catalogue is
    /// the region's, one for all.
    fn times(self, n: usize) -> Counts {
        Counts {
            arenas: self.arenas * n,
            people: self.people * n,
            units: self.units * n,
            competences: self.competences,
            holdings: self.holdings * n,
            needs: self.needs * n,
            allocations: self.allocations * n,
            contacts: self.contacts * n,
            criteria: self.criteria * n,
            activities: self.activities * n,
            entries: self.entries * n,
            reviews: self.reviews * n,
            audit_rows: self.audit_rows * n,
        }
    }
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

/// The `demo` meta value that marks the region demo of `seed`, in its first municipality.
fn region_mark(seed: u64) -> String {
    format!("region seed {seed}")
}

/// Every entry one in this many is shared with the region in the region demo.
const SHARED_ONE_IN: i64 = 10;

/// Runs `puls demo` on the file --db names.
pub fn run(
    path: &Path,
    who: &str,
    args: &DemoArgs,
    options: &StoreOptions,
) -> color_eyre::Result<()> {
    if crate::config::default_db_path().as_deref() == Some(path) {
        return Err(UserError(messages::demo_needs_db().to_owned()).into());
    }
    let store = Store::open_with(path, who, Arc::new(SystemClock), options)?;
    for warning in store.warnings() {
        output::error_line(format!("puls: {}", messages::store_warning(warning)));
    }
    if args.size == DemoSize::Small {
        if store.meta(demo::DEMO_MARK)?.is_some() {
            output::line(messages::demo_already_there(path))?;
            return Ok(());
        }
        if !store.is_empty()? {
            return Err(UserError(messages::demo_refused(path)).into());
        }
        drop(store);
        demo::fill_in(path, who, SystemClock.now(), args.language())?;
        output::line(messages::demo_ready(path))?;
        return Ok(());
    }
    drop(store);
    let start = Instant::now();
    let (now, size) = (SystemClock.now(), &Size::LARGE);
    let filled = match args.size {
        DemoSize::Region => fill_region(path, who, now, size, args.seed),
        _ => fill(path, who, now, size, args.seed),
    };
    let counts = match filled {
        Ok(Outcome::AlreadyThere) => {
            output::line(messages::demo_already_there(path))?;
            return Ok(());
        }
        Ok(Outcome::Generated(c)) => counted(&c),
        Err(DemoError::Refused(path)) => {
            return Err(UserError(messages::demo_refused(&path)).into());
        }
        Err(DemoError::Store(e)) => return Err(e.into()),
    };
    let took = start.elapsed();
    let ready = match args.size {
        DemoSize::Region => {
            messages::region_file_ready(path, &DEMO_MUNICIPALITIES, &counts, args.seed, took)
        }
        _ => messages::large_demo_ready(path, &counts, args.seed, took),
    };
    output::line(ready)?;
    Ok(())
}

/// `counts` as the messages name them: (what, how many), in the order of `large_demo_nouns`.
fn counted(counts: &Counts) -> Vec<(&'static str, usize)> {
    let numbers = [
        counts.arenas,
        counts.people,
        counts.units,
        counts.competences,
        counts.allocations,
        counts.needs,
        counts.contacts,
        counts.criteria,
        counts.activities,
        counts.entries,
        counts.reviews,
        counts.audit_rows,
    ];
    messages::large_demo_nouns()
        .into_iter()
        .zip(numbers)
        .collect()
}

/// Runs `puls demo` on the PostgreSQL database at `url`. The small demo is filled through the
/// store interface; the large one is generated into a SQLite file of its own (SQLite's bulk
/// load) and copied in whole, as `puls migrate` does.
pub fn run_on_server(
    url: &str,
    who: &str,
    args: &DemoArgs,
    options: &StoreOptions,
) -> color_eyre::Result<()> {
    let shown = Path::new(&crate::store_postgres::shown(url)).to_owned();
    let now = SystemClock.now();
    let clock = Arc::new(ManualClock::new(now));
    let mut store = crate::store_postgres::PgStore::open(url, who, clock.clone(), options)?;
    let wanted = match args.size {
        DemoSize::Small => "1".to_owned(),
        DemoSize::Large => mark(args.seed),
        DemoSize::Region => region_mark(args.seed),
    };
    match store.meta(demo::DEMO_MARK)? {
        Some(m) if m == wanted => {
            output::line(messages::demo_already_there(&shown))?;
            return Ok(());
        }
        Some(_) => return Err(UserError(messages::demo_refused(&shown)).into()),
        None if !store.is_empty()? => {
            return Err(UserError(messages::demo_refused(&shown)).into());
        }
        None => {}
    }
    if args.size == DemoSize::Small {
        demo::fill_store_in(&mut store, &clock, now, args.language())?;
        output::line(messages::demo_ready(&shown))?;
        return Ok(());
    }
    let start = Instant::now();
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("large.db");
    let counts = match fill(&file, who, now, &Size::LARGE, args.seed) {
        Ok(Outcome::Generated(c)) => c,
        Ok(Outcome::AlreadyThere) | Err(DemoError::Refused(_)) => {
            return Err(UserError(messages::demo_refused(&file)).into());
        }
        Err(DemoError::Store(e)) => return Err(e.into()),
    };
    crate::cli::migrate::copy(&file, &mut store)?;
    let mut counts = counts;
    if args.size == DemoSize::Region {
        store.share_demo_entries(SHARED_ONE_IN)?;
        for (n, municipality) in DEMO_MUNICIPALITIES.iter().enumerate() {
            store.copy_municipality(municipality, (n as i64 + 1) * DEMO_NUMBERS_APART)?;
        }
        store.set_meta(demo::DEMO_MARK, &region_mark(args.seed))?;
        counts = counts.times(DEMO_MUNICIPALITIES.len() + 1);
    }
    let counted = counted(&counts);
    if args.size == DemoSize::Region {
        let mut municipalities = vec![store.municipality()?];
        municipalities.extend(DEMO_MUNICIPALITIES.iter().map(|m| (*m).to_owned()));
        let names: Vec<&str> = municipalities.iter().map(String::as_str).collect();
        output::line(messages::region_demo_ready(
            &shown,
            &names,
            &counted,
            args.seed,
            start.elapsed(),
        ))?;
        return Ok(());
    }
    output::line(messages::large_demo_ready(
        &shown,
        &counted,
        args.seed,
        start.elapsed(),
    ))?;
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
    let Some(mut store) = empty_for(path, who, now, &mark(seed))? else {
        return Ok(Outcome::AlreadyThere);
    };
    let municipality = Municipality::plan(size, seed, now, who, Member::First);
    store.bulk_load(|out| {
        municipality.write(out, write::Start::default())?;
        out.meta(demo::DEMO_MARK, &mark(seed))
    })?;
    Ok(Outcome::Generated(municipality.counts()))
}

/// The file at `path` opened to be filled with the demo marked `wanted`: none when it already
/// holds that demo. A file holding anything else is refused.
fn empty_for(
    path: &Path,
    who: &str,
    now: DateTime<Utc>,
    wanted: &str,
) -> Result<Option<Store>, DemoError> {
    let store = Store::open(path, who, Arc::new(FixedClock(now)))?;
    match store.meta(demo::DEMO_MARK)? {
        Some(m) if m == wanted => Ok(None),
        Some(_) => Err(DemoError::Refused(path.to_owned())),
        None if !store.is_empty()? => Err(DemoError::Refused(path.to_owned())),
        None => Ok(Some(store)),
    }
}

/// SplitMix64: a few lines, fast, and its sequence for a seed can never change with a crate
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

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::domain::arena::Stage;
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
        contacts_per_arena: 6,
        criteria_per_arena: 3,
        activities_per_arena: 8,
        entries: 40,
        audit_rows: 4_000,
    };

    fn titles(path: &Path, n: i64) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare("SELECT title FROM arenas ORDER BY id LIMIT ?1")
            .unwrap();
        stmt.query_map([n], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn table_counts(path: &Path) -> Vec<i64> {
        [
            "arenas",
            "people",
            "units",
            "competences",
            "holdings",
            "needs",
            "allocations",
            "contacts",
            "criteria",
            "activities",
            "entries",
            "audit",
        ]
        .iter()
        .map(|t| table_count(path, t))
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

        // Then they hold the same counts and the same arenas
        assert_eq!(first, second);
        assert_eq!(table_counts(&a), table_counts(&b));
        assert_eq!(titles(&a, 10), titles(&b, 10));
    }

    #[test]
    fn generates_the_sizes_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let Outcome::Generated(c) = fill(&path, "maja", now(), &SMALL, 7).unwrap() else {
            panic!("nothing generated");
        };
        assert_eq!(
            (c.arenas, c.people, c.units, c.competences, c.allocations),
            (60, 120, 8, 30, 300)
        );
        assert_eq!((c.needs, c.contacts, c.criteria), (240, 360, 180));
        assert_eq!((c.activities, c.entries, c.audit_rows), (480, 40, 4_000));
        assert_eq!(
            table_counts(&path),
            [
                60,
                120,
                8,
                30,
                c.holdings as i64,
                240,
                300,
                360,
                180,
                480,
                40,
                4_000
            ]
        );
    }

    #[test]
    fn the_arenas_with_a_team_keep_most_of_their_meetings_and_let_a_few_slip() {
        // Given the demo generated today
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let Outcome::Generated(c) = fill(&path, "maja", now(), &SMALL, 7).unwrap() else {
            panic!("nothing generated");
        };

        // When the board asks which running arenas are late with a meeting
        let store = Store::open(&path, "maja", Arc::new(FixedClock(now()))).unwrap();
        let rhythm = crate::domain::review::ReviewRhythm::default();
        let today = now().date_naive();
        let dates = store.review_dates().unwrap();
        let running: Vec<_> = dates
            .iter()
            .filter(|d| crate::domain::review::expects_reviews(d.stage))
            .collect();
        let late = running
            .iter()
            .filter(|d| d.any_late(&rhythm, today))
            .count();

        // Then every kind of meeting was held, each on a day that has come, and some running
        // arenas are late, but most keep their rhythm
        assert_eq!(table_count(&path, "reviews"), c.reviews as i64);
        for kind in ["sponsor", "citizen", "case"] {
            let held: i64 = Connection::open(&path)
                .unwrap()
                .query_row(
                    "SELECT count(*) FROM reviews WHERE kind = ?1 AND held_on <= ?2",
                    rusqlite::params![kind, today.to_string()],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(held > 0, "{kind}");
        }
        assert_eq!(
            table_count(&path, "reviews WHERE held_on > date('2026-11-23')"),
            0
        );
        assert!(!running.is_empty());
        assert!(late > 0, "none of {} late", running.len());
        assert!(late * 2 < running.len(), "{late} of {} late", running.len());
    }

    /// How many rows `table` (and any condition after it) holds.
    fn table_count(path: &Path, table: &str) -> i64 {
        let conn = Connection::open(path).unwrap();
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
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
                manager: String::new(),
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
    fn a_file_holding_the_same_demo_is_left_alone_and_another_seed_refused() {
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
    fn every_stage_is_on_the_board_and_each_card_agrees_with_its_arena() {
        // Given a generated municipality
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.db");
        fill(&path, "maja", now(), &SMALL, 5).unwrap();

        // When the board loads it through the store
        let store = Store::open(&path, "maja", Arc::new(FixedClock(now()))).unwrap();
        let cards = store.board_cards(true).unwrap();

        // Then every stage has arenas, and each past a rule meets it, as if moved by hand
        assert_eq!(cards.len(), 60);
        for stage in Stage::FLOW {
            assert!(cards.iter().any(|c| c.stage == stage), "no {stage:?} arena");
        }
        for card in &cards {
            let arena = store.arena(card.id).unwrap();
            // The board counts every arena at once; one arena is counted on its own.
            assert_eq!(
                (card.team, card.plan),
                (arena.team, arena.plan),
                "#{}",
                card.id
            );
            let past = |s: Stage| card.stage >= s && card.stage != Stage::Declined;
            if past(Stage::Commissioned) {
                assert!(arena.coordinator.is_some() && !arena.mandate.is_empty());
            }
            // The body's decision: every arena past the signal was commissioned or declined by
            // one, on a day no later than the arena's stage began.
            match &arena.decided {
                Some(decided) => {
                    assert_eq!(decided.body, "SSG", "#{}", card.id);
                    assert!(
                        decided
                            .on
                            .is_some_and(|on| on <= card.stage_since.date_naive())
                    );
                }
                None => assert_eq!(card.stage, Stage::Signal, "#{}: no decision", card.id),
            }
            if past(Stage::Active) {
                let plan = arena.plan;
                assert!(plan.has_recipient && plan.has_lead && plan.activities_total > 0);
            }
            if past(Stage::Returning) {
                let plan = arena.plan;
                assert!(plan.criteria_total > 0, "#{}", card.id);
                assert_eq!(plan.criteria_resolved, plan.criteria_total, "#{}", card.id);
            }
        }
        assert_eq!(store.roster_people().unwrap().len(), 120);
    }
}
