//! Every export and report, byte for byte the same as SQLite's on the same data: the demo
//! filled into the backend under test and into a SQLite file, at the same moment.

use puls::config::Config;
use puls::export::{self, CsvStyle};
use puls::roster_csv;
use puls::store::prelude::*;

use crate::app::now;
use crate::support::demo_db;
use crate::{Fixture, Sqlite};

/// What `puls export arena`, `report`, `figures --format json`, `roster export` and
/// `bank export` write of the database, one after another.
fn everything_written(store: &impl Backend) -> String {
    let config = Config::default();
    let mut out = String::new();
    for card in store.board_cards(true).unwrap() {
        let id = card.id;
        let arena = store.arena(id).unwrap();
        let plan = store.plan(id).unwrap();
        let team = store.arena_team(id).unwrap();
        let registration = store.registration(id).unwrap();
        out += &export::arena_markdown(
            &arena,
            &plan,
            &team,
            &config,
            store.today(),
            Some(&registration),
        );
        out += &export::json(&store.arena_record(id).unwrap()).unwrap();
        for version in store.drawn_up_versions(id).unwrap() {
            out += &export::json(&version).unwrap();
        }
    }
    let figures = store.figures(None, None).unwrap();
    out += &export::report_markdown(&figures, &config);
    out += &export::figures_text(&figures, &config);
    let mut csv = Vec::new();
    let style = CsvStyle {
        bom: true,
        semicolon: true,
    };
    export::report_csv(&mut csv, &figures, &config, style).unwrap();
    roster_csv::write(
        &mut csv,
        &roster_csv::rows_of(&store.roster_people().unwrap()),
    )
    .unwrap();
    out += &String::from_utf8(csv).unwrap();
    let bank = store.bank_record().unwrap();
    out += &export::json(&bank).unwrap();
    out += &export::bank_markdown(&bank, store.today());
    for row in store.history(None, None, usize::MAX).unwrap() {
        out += &format!("{row:?}\n");
    }
    out
}

pub fn every_export_and_report_is_sqlites_byte_for_byte<F: Fixture>() {
    let db = demo_db::<F>();
    let sqlite = demo_db::<Sqlite>();

    let written = everything_written(&db.session("maja", now()));

    let expected = everything_written(&sqlite.session("maja", now()));
    assert!(written.len() > 10_000, "{}", written.len());
    if written != expected {
        let line = written
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "line {line} differs:\n  {:?}\n  {:?}",
            written.lines().nth(line),
            expected.lines().nth(line)
        );
    }
}

/// A record carries the body's decision, the manager who took the signal on and the missions
/// that take part: imported, the arena says who decided what, as the original does.
pub fn a_record_carries_the_decision_and_the_participating_missions<F: Fixture>() {
    let db = demo_db::<F>();
    let mut store = db.session("maja", now());
    let family = store
        .board_cards(true)
        .unwrap()
        .into_iter()
        .find(|c| c.title == "A family stuck between a plot and a detailed plan")
        .unwrap();
    let record = store.arena_record(family.id).unwrap();
    let decision = record.decision.clone().expect("decided");
    assert_eq!(decision.body, "SSG");
    assert_eq!(record.participating, vec!["HC", "LF"]);
    assert!(!record.manager.is_empty());
    let id = store.import_arena(&record).unwrap();
    let (original, copy) = (store.arena(family.id).unwrap(), store.arena(id).unwrap());
    assert_eq!(copy.decided, original.decided);
    assert_eq!(copy.participating, original.participating);
    assert_eq!(copy.manager, original.manager);
    assert_eq!(store.arena_record(id).unwrap().decision, Some(decision));
}
