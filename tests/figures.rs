//! Key figures and reports: computed on a fixed municipality built through the store, as a
//! coordinator's keys would build it, on a clock moved by hand.

use puls::store::prelude::*;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use puls::config::Config;
use puls::domain::arena::Stage;
use puls::domain::clock::ManualClock;
use puls::domain::decision::Decision;
use puls::domain::figures::{Spread, spread};
use puls::domain::roster::{Level, Load};
use puls::export::{CsvStyle, report_csv, report_markdown};
use puls::store::{
    ActivityEdit, ArenaEdit, CriterionEdit, EntryEdit, NewAllocation, NewSignal, PersonEdit,
    Proactivity, Store,
};

/// Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11.
fn noon(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 12, 0, 0).unwrap()
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn today() -> DateTime<Utc> {
    noon(2026, 11, 23)
}

/// A small municipality, and the clock its history was written on.
struct Town {
    _dir: tempfile::TempDir,
    clock: Arc<ManualClock>,
    store: Store,
}

impl Town {
    fn empty() -> Town {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("figures.db");
        let clock = Arc::new(ManualClock::new(today()));
        let store = Store::open(&path, "maja", clock.clone()).unwrap();
        Town {
            _dir: dir,
            clock,
            store,
        }
    }

    fn with_roster() -> Town {
        let mut town = Town::empty();
        town.clock.set(noon(2025, 1, 1));
        for competence in ["Language teacher", "Social worker", "Trauma counsellor"] {
            town.store.add_competence(competence, "").unwrap();
        }
        for (name, capacity, coordinator, competence) in [
            ("Maja Lindqvist", 60, true, "Social worker"),
            ("Jonas Ekberg", 60, true, "Social worker"),
            ("Leila Haddad", 30, false, "Language teacher"),
            ("Per Holm", 20, false, "Social worker"),
        ] {
            town.store
                .add_person(&PersonEdit {
                    name: name.into(),
                    unit: "Learning & family".into(),
                    role: String::new(),
                    contact: String::new(),
                    capacity,
                    coordinator,
                    competences: vec![(competence.into(), Level::Experienced)],
                    manager: String::new(),
                })
                .unwrap();
        }
        town
    }

    fn signal(&mut self, on: DateTime<Utc>, title: &str, mission: &str) -> i64 {
        self.clock.set(on);
        self.store
            .create_signal(&NewSignal {
                title: title.into(),
                need: String::new(),
                mission: mission.into(),
                signalled_by: "Per Holm".into(),
                manager: String::new(),
                target_date: None,
            })
            .unwrap()
            .id
    }

    fn move_to(&mut self, on: DateTime<Utc>, id: i64, to: Stage) {
        self.clock.set(on);
        let version = self.store.arena(id).unwrap().version;
        self.store.move_arena(id, version, to).unwrap();
    }

    /// A coordinator, a mandate and a target, then the commission.
    fn commission(&mut self, on: DateTime<Utc>, id: i64, target: Option<NaiveDate>) {
        self.clock.set(on);
        let arena = self.store.arena(id).unwrap();
        self.store
            .edit_arena(
                id,
                arena.version,
                &ArenaEdit {
                    title: arena.title.clone(),
                    need: arena.need.clone(),
                    mission: arena.mission.clone(),
                    coordinator: Some("Maja Lindqvist".into()),
                    mandate: "Meet the need within the term.".into(),
                    target_date: target,
                    participating: vec![],
                },
            )
            .unwrap();
        self.clock.set(on);
        let arena = self.store.arena(id).unwrap();
        let decision = Decision {
            body: puls::config::default_bodies().remove(0),
            on: on.date_naive(),
            registration: String::new(),
            coordinator: "Maja Lindqvist".into(),
            mandate: arena.mandate.clone(),
            budget: String::new(),
            may_ask: String::new(),
            until: None,
            own_share: 0,
        };
        self.store.commission(id, arena.version, &decision).unwrap();
    }

    /// What Active asks for: a recipient, a lead, an activity and one member (`percent` of
    /// Leila Haddad's week).
    fn staff(&mut self, on: DateTime<Utc>, id: i64, percent: u32) {
        self.clock.set(on);
        let version = self.store.arena(id).unwrap().version;
        self.store
            .set_proactivity(
                id,
                version,
                &Proactivity {
                    recipient: format!("LF-2026-{id:03}"),
                    lead: Some("Maja Lindqvist".into()),
                    rhythm_days: Some(14),
                },
            )
            .unwrap();
        self.store
            .add_activity(
                id,
                &ActivityEdit {
                    text: "First meeting with the family".into(),
                    owner: "Maja Lindqvist".into(),
                    due: Some(on.date_naive()),
                },
            )
            .unwrap();
        let leila = self.person("Leila Haddad");
        self.store
            .allocate(&NewAllocation {
                person_id: leila,
                arena_id: id,
                competence_id: None,
                percent,
                from: on.date_naive(),
                to: None,
            })
            .unwrap();
    }

    fn person(&self, name: &str) -> i64 {
        let people = self.store.roster_people().unwrap();
        people.iter().find(|p| p.name == name).unwrap().id
    }

    /// A criterion with a result, and its verdict: met, not met, or none.
    fn criterion(&mut self, id: i64, result: &str, met: Option<bool>) {
        self.store
            .add_criterion(
                id,
                &CriterionEdit {
                    text: "School attendance".into(),
                    measure: "Days present".into(),
                    target: "Nine in ten".into(),
                    result: result.into(),
                    no_result_reason: String::new(),
                    met,
                },
            )
            .unwrap();
    }

    /// Takes a closed arena's entries away, as a database from before closed arenas were
    /// locked may hold it: puls itself now refuses (drawn up), so the test goes to SQLite.
    fn withdraw_entries(&mut self, id: i64) {
        let conn = rusqlite::Connection::open(self._dir.path().join("figures.db")).unwrap();
        conn.execute("DELETE FROM entries WHERE arena_id = ?1", [id])
            .unwrap();
    }

    fn entries(&mut self, id: i64, count: u32) {
        for n in 0..count {
            add_entry(
                &mut self.store,
                id,
                &format!("What arena {id} learned, part {n}"),
            );
        }
    }
}

/// Returns one entry of what the arena learned to the knowledge bank.
fn add_entry(store: &mut Store, arena: i64, title: &str) {
    store
        .add_entry(&EntryEdit {
            title: title.into(),
            arena: Some(arena),
            ..EntryEdit::default()
        })
        .unwrap();
}

/// The fixed dataset:
/// 1. signalled, commissioned, staffed, run and closed on one day (2026-03-10): one criterion
///    met, no knowledge entry;
/// 2. signalled 2026-01-05, commissioned 10 days later, closed 2026-04-14 (89 days after the
///    commission): one criterion met, one not met, two entries; an unfilled need left behind;
/// 3. signalled 2026-02-01, commissioned 20 days later, active and past its 2026-11-01 target:
///    one criterion without a verdict, a trauma counsellor still missing, Leila over capacity;
/// 4. a signal of 2026-11-20 (Health & care);
/// 5. a signal of 2026-01-02 declined a week later (Community development);
/// 6. signalled 2025-06-01, commissioned 2025-06-05, closed 2025-12-20: one entry.
///
/// The arenas' criteria are written before they become active, as the rules ask.
fn town() -> Town {
    let mut t = Town::with_roster();

    let same_day = noon(2026, 3, 10);
    let a1 = t.signal(same_day, "Closed on the day it came in", "LF");
    t.commission(same_day, a1, None);
    t.move_to(same_day, a1, Stage::Staffing);
    t.staff(same_day, a1, 5);
    t.criterion(a1, "All three days", Some(true));
    t.move_to(same_day, a1, Stage::Active);
    t.move_to(same_day, a1, Stage::Returning);
    // Closing needs an entry; this one is taken away afterwards, leaving a closed arena without.
    t.entries(a1, 1);
    t.move_to(same_day, a1, Stage::Closed);
    t.withdraw_entries(a1);

    let a2 = t.signal(noon(2026, 1, 5), "Summer jobs for young people", "LF");
    t.commission(noon(2026, 1, 15), a2, Some(day(2026, 6, 1)));
    t.move_to(noon(2026, 1, 20), a2, Stage::Staffing);
    t.staff(noon(2026, 1, 20), a2, 5);
    t.store.add_need(a2, "Social worker", "").unwrap();
    t.criterion(a2, "Twenty jobs", Some(true));
    t.criterion(a2, "Ten employers", Some(false));
    t.move_to(noon(2026, 2, 1), a2, Stage::Active);
    t.move_to(noon(2026, 4, 1), a2, Stage::Returning);
    t.entries(a2, 2);
    t.move_to(noon(2026, 4, 14), a2, Stage::Closed);

    let a3 = t.signal(noon(2026, 2, 1), "Siblings absent from school", "LF");
    t.commission(noon(2026, 2, 21), a3, Some(day(2026, 11, 1)));
    t.move_to(noon(2026, 2, 22), a3, Stage::Staffing);
    t.staff(noon(2026, 2, 22), a3, 25);
    t.store.add_need(a3, "Trauma counsellor", "").unwrap();
    t.criterion(a3, "", None);
    t.move_to(noon(2026, 3, 1), a3, Stage::Active);

    t.signal(noon(2026, 11, 20), "Widower alone at home", "HC");

    let a5 = t.signal(noon(2026, 1, 2), "A private pool at the care home", "CD");
    t.clock.set(noon(2026, 1, 9));
    let ssg = puls::config::default_bodies().remove(0);
    let on = NaiveDate::from_ymd_opt(2026, 1, 9).unwrap();
    t.store
        .decline(a5, 1, &ssg, on, "Facility management handles it.")
        .unwrap();

    let a6 = t.signal(noon(2025, 6, 1), "Reopening the village hall", "LF");
    t.commission(noon(2025, 6, 5), a6, None);
    t.move_to(noon(2025, 6, 6), a6, Stage::Staffing);
    t.staff(noon(2025, 6, 6), a6, 5);
    t.criterion(a6, "Open by midsummer", Some(true));
    t.move_to(noon(2025, 6, 7), a6, Stage::Active);
    t.move_to(noon(2025, 12, 1), a6, Stage::Returning);
    t.entries(a6, 1);
    t.move_to(noon(2025, 12, 20), a6, Stage::Closed);

    t.clock.set(today());
    t
}

fn first_half() -> (Option<NaiveDate>, Option<NaiveDate>) {
    (Some(day(2026, 1, 1)), Some(day(2026, 6, 30)))
}

// spread()

#[test]
fn spread_of_an_odd_count_has_the_middle_value_as_median() {
    assert_eq!(
        spread(&[20.0, 0.0, 10.0]),
        Spread {
            count: 3,
            median_days: Some(10.0),
            p90_days: Some(18.0)
        }
    );
}

#[test]
fn spread_of_an_even_count_has_the_mean_of_the_middle_two_as_median() {
    assert_eq!(
        spread(&[89.0, 0.0]),
        Spread {
            count: 2,
            median_days: Some(44.5),
            p90_days: Some(80.1)
        }
    );
}

#[test]
fn spread_of_one_value_is_that_value_throughout() {
    assert_eq!(
        spread(&[0.0]),
        Spread {
            count: 1,
            median_days: Some(0.0),
            p90_days: Some(0.0)
        }
    );
}

#[test]
fn spread_of_no_values_has_no_median_and_no_percentile() {
    assert_eq!(
        spread(&[]),
        Spread {
            count: 0,
            median_days: None,
            p90_days: None
        }
    );
}

#[test]
fn spread_interpolates_the_90th_percentile_as_percentile_inc_does() {
    let days: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(spread(&days).p90_days, Some(9.1));
}

// The figures of the fixed dataset

#[test]
fn an_empty_database_has_zero_figures_and_every_stage() {
    let town = Town::empty();
    let f = town.store.figures(None, None).unwrap();
    let none = Spread {
        count: 0,
        median_days: None,
        p90_days: None,
    };
    let stages: Vec<(Stage, u32)> = Stage::FLOW
        .into_iter()
        .chain([Stage::Declined])
        .map(|s| (s, 0))
        .collect();
    assert_eq!(f.by_stage, stages);
    assert_eq!(f.by_mission, []);
    assert_eq!(f.signal_to_commission, none);
    assert_eq!(f.commission_to_close, none);
    assert_eq!(f.entries_per_closed, none);
    assert_eq!(
        (f.criteria_met, f.criteria_not_met, f.criteria_no_result),
        (0, 0, 0)
    );
    assert!(f.late.is_empty() && f.closed_without_entries.is_empty() && f.arenas.is_empty());
    assert!(f.unfilled_by_competence.is_empty() && f.over_allocated.is_empty());
}

#[test]
fn the_period_keeps_arenas_alive_within_it() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    let ids: Vec<i64> = f.arenas.iter().map(|a| a.id).collect();
    // 4 was signalled after the period, 6 closed before it; 5 was declined within it.
    assert_eq!(ids, [1, 2, 3, 5]);
    assert_eq!(
        f.by_stage,
        [
            (Stage::Signal, 0),
            (Stage::Commissioned, 0),
            (Stage::Staffing, 0),
            (Stage::Active, 1),
            (Stage::Returning, 0),
            (Stage::Closed, 2),
            (Stage::Declined, 1),
        ]
    );
    assert_eq!(f.by_mission, [("LF".to_owned(), 3), ("CD".to_owned(), 1)]);
}

#[test]
fn all_time_counts_every_arena_by_stage_and_mission() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    assert_eq!(
        f.by_stage,
        [
            (Stage::Signal, 1),
            (Stage::Commissioned, 0),
            (Stage::Staffing, 0),
            (Stage::Active, 1),
            (Stage::Returning, 0),
            (Stage::Closed, 3),
            (Stage::Declined, 1),
        ]
    );
    assert_eq!(
        f.by_mission,
        [
            ("LF".to_owned(), 4),
            ("CD".to_owned(), 1),
            ("HC".to_owned(), 1)
        ]
    );
}

#[test]
fn stage_dates_come_from_the_audit_log_and_a_same_day_close_counts_zero_days() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    let dates: Vec<_> = f
        .arenas
        .iter()
        .map(|a| (a.id, a.signalled, a.commissioned, a.closed, a.declined))
        .collect();
    assert_eq!(
        dates,
        [
            (
                1,
                day(2026, 3, 10),
                Some(day(2026, 3, 10)),
                Some(day(2026, 3, 10)),
                None
            ),
            (
                2,
                day(2026, 1, 5),
                Some(day(2026, 1, 15)),
                Some(day(2026, 4, 14)),
                None
            ),
            (3, day(2026, 2, 1), Some(day(2026, 2, 21)), None, None),
            (4, day(2026, 11, 20), None, None, None),
            (5, day(2026, 1, 2), None, None, Some(day(2026, 1, 9))),
            (
                6,
                day(2025, 6, 1),
                Some(day(2025, 6, 5)),
                Some(day(2025, 12, 20)),
                None
            ),
        ]
    );
}

#[test]
fn durations_count_the_commissions_and_closes_within_the_period() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    // Commissioned in the period: 1 (0 days), 2 (10 days), 3 (20 days).
    assert_eq!(
        f.signal_to_commission,
        Spread {
            count: 3,
            median_days: Some(10.0),
            p90_days: Some(18.0)
        }
    );
    // Closed in the period: 1 (0 days), 2 (89 days).
    assert_eq!(
        f.commission_to_close,
        Spread {
            count: 2,
            median_days: Some(44.5),
            p90_days: Some(80.1)
        }
    );
}

#[test]
fn all_time_durations_include_last_years_arena() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    // 0, 4, 10, 20 days to commission; 0, 89, 198 days to close.
    assert_eq!(
        f.signal_to_commission,
        Spread {
            count: 4,
            median_days: Some(7.0),
            p90_days: Some(17.0)
        }
    );
    assert_eq!(
        f.commission_to_close,
        Spread {
            count: 3,
            median_days: Some(89.0),
            p90_days: Some(176.2)
        }
    );
}

#[test]
fn late_arenas_are_open_and_past_their_target_today() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    let late: Vec<_> = f.late.iter().map(|a| (a.id, a.target)).collect();
    // 2 passed its target too, but it is closed.
    assert_eq!(late, [(3, Some(day(2026, 11, 1)))]);
}

#[test]
fn criteria_count_by_verdict_per_arena_and_overall() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    let per_arena: Vec<_> = f
        .arenas
        .iter()
        .map(|a| {
            (
                a.id,
                a.criteria_met,
                a.criteria_not_met,
                a.criteria_no_result,
            )
        })
        .collect();
    assert_eq!(
        per_arena,
        [(1, 1, 0, 0), (2, 1, 1, 0), (3, 0, 0, 1), (5, 0, 0, 0)]
    );
    assert_eq!(
        (f.criteria_met, f.criteria_not_met, f.criteria_no_result),
        (2, 1, 1)
    );
}

#[test]
fn knowledge_counts_entries_of_the_arenas_closed_in_the_period() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    assert_eq!(
        f.entries_per_closed,
        Spread {
            count: 2,
            median_days: Some(1.0),
            p90_days: Some(1.8)
        }
    );
    let without: Vec<i64> = f.closed_without_entries.iter().map(|a| a.id).collect();
    assert_eq!(without, [1]);
}

#[test]
fn staffing_shows_todays_gaps_in_open_arenas_and_overload() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    // The social worker arena 2 never found does not count: arena 2 is closed.
    assert_eq!(
        f.unfilled_by_competence,
        [("Trauma counsellor".to_owned(), 1)]
    );
    // Leila: 5 + 5 + 25 + 5 percent of her week, against 30.
    assert_eq!(
        f.over_allocated,
        [(
            "Leila Haddad".to_owned(),
            Load {
                allocated: 40,
                capacity: 30
            }
        )]
    );
}

#[test]
fn an_imported_closed_arena_falls_back_to_when_it_entered_its_stage() {
    let mut town = town();
    let record = town.store.arena_record(2).unwrap();
    town.clock.set(noon(2026, 5, 5));
    let id = town.store.import_arena(&record).unwrap();
    town.clock.set(today());
    let f = town.store.figures(None, None).unwrap();
    let imported = f.arenas.iter().find(|a| a.id == id).unwrap();
    assert_eq!(
        (imported.signalled, imported.commissioned, imported.closed),
        (day(2026, 5, 5), None, Some(day(2026, 5, 5)))
    );
}

// The report formats

#[test]
fn the_markdown_report_reads_as_a_document() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    insta::assert_snapshot!(report_markdown(&f, &Config::default()));
}

fn parse_csv(bytes: &[u8], delimiter: u8) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_csv_report_is_the_arena_list_with_a_header() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    let mut bytes = Vec::new();
    report_csv(&mut bytes, &f, &Config::default(), CsvStyle::default()).unwrap();
    let rows = parse_csv(&bytes, b',');
    assert_eq!(rows.len(), 1 + 4, "a header and one row per arena");
    assert_eq!(&rows[0][0], "#");
    assert_eq!(&rows[0][1], "Title");
    let second: Vec<&str> = rows[2].iter().collect();
    assert_eq!(
        second,
        [
            "2",
            "Summer jobs for young people",
            "Closed",
            "Learning & family",
            "Maja Lindqvist",
            "2026-01-05",
            "2026-01-15",
            "2026-04-14",
            "2026-06-01",
            "no",
            "P✓ U0/1 L✓ S0/1",
            "1",
            "1",
            "0",
            "2",
            ""
        ]
    );
}

#[test]
fn the_csv_report_for_swedish_excel_has_a_bom_and_semicolons() {
    let town = town();
    let f = town.store.figures(None, None).unwrap();
    let mut bytes = Vec::new();
    let style = CsvStyle {
        bom: true,
        semicolon: true,
    };
    report_csv(&mut bytes, &f, &Config::default(), style).unwrap();
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM first");
    let rows = parse_csv(body, b';');
    assert_eq!(rows.len(), 1 + 6);
    assert!(rows.iter().all(|r| r.len() == 16), "{rows:?}");
    assert_eq!(&rows[5][2], "Declined");
}

#[test]
fn a_title_that_looks_like_a_formula_stays_text_in_the_spreadsheet() {
    let mut town = Town::with_roster();
    town.signal(today(), "=HYPERLINK(\"http://x\")", "LF");
    let f = town.store.figures(None, None).unwrap();
    let mut bytes = Vec::new();
    report_csv(&mut bytes, &f, &Config::default(), CsvStyle::default()).unwrap();
    let rows = parse_csv(&bytes, b',');
    assert_eq!(&rows[1][1], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn the_json_report_parses_back_with_every_figure() {
    let town = town();
    let (from, to) = first_half();
    let f = town.store.figures(from, to).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
    assert_eq!(json["from"], "2026-01-01");
    assert_eq!(json["by_stage"][5], serde_json::json!(["closed", 2]));
    assert_eq!(json["commission_to_close"]["median_days"], 44.5);
    assert_eq!(json["arenas"][0]["signalled"], "2026-03-10");
    assert_eq!(json["arenas"][2]["plan"]["criteria_total"], 1);
    assert_eq!(json["over_allocated"][0][1]["allocated"], 40);
}

// The command line

fn puls(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_puls"))
        .args(args)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env_remove("PULS_DB")
        .output()
        .unwrap()
}

#[test]
fn puls_figures_prints_tables_and_bars_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db").display().to_string();
    let out = puls(dir.path(), &["--demo", "--db", &db, "figures"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Key figures: all arenas\n"), "{text}");
    let stage_rows: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Arenas by stage")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(stage_rows.len(), 7, "every stage, Declined too: {text}");
    assert!(stage_rows[0].starts_with("  Signal  "), "{text}");
    let widest = stage_rows
        .iter()
        .map(|l| l.chars().filter(|c| *c == '█').count())
        .max();
    assert_eq!(widest, Some(30), "the widest bar fills the chart: {text}");
    assert!(text.contains("\nOver-allocated people\n"), "{text}");
}

#[test]
fn puls_report_refuses_a_period_that_ends_before_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db").display().to_string();
    let out = puls(
        dir.path(),
        &[
            "--db",
            &db,
            "report",
            "--from",
            "2026-06-01",
            "--to",
            "2026-01-01",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--from is after --to"));
}
