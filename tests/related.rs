//! "Have we met this before?" measured against a judged set: for each of the arenas in
//! `tests/related/judged.toml`, the entries a coordinator would call related, and how many of
//! the first three puls shows are. The file says how the measure works and how to extend it.

use puls::store::NewSignal;
use puls::store::prelude::*;
use serde::Deserialize;

#[path = "shared/app.rs"]
pub mod app;
use app::demo_store;

#[derive(Deserialize)]
struct Judged {
    arena: Vec<JudgedArena>,
}

#[derive(Deserialize)]
struct JudgedArena {
    title: String,
    /// For an arena the demo does not have: its need, mission and needed competences.
    need: Option<String>,
    mission: Option<String>,
    #[serde(default)]
    needs: Vec<String>,
    related: Vec<String>,
    unrelated: Vec<String>,
}

/// What puls shows first for one arena, and how it scores.
struct Measured {
    title: String,
    shown: Vec<String>,
    precision: f64,
    has_related: bool,
    found_one: bool,
}

fn judged() -> Judged {
    toml::from_str(include_str!("related/judged.toml")).expect("judged.toml reads")
}

fn measure() -> Vec<Measured> {
    let (_dir, mut store) = demo_store();
    let cards = store.board_cards(true).unwrap();
    let entries: Vec<String> = store
        .entries(&Default::default(), 1_000)
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    let mut measured = Vec::new();
    for judged in judged().arena {
        for title in judged.related.iter().chain(&judged.unrelated) {
            assert!(
                entries.contains(title),
                "no entry in the demo is titled {title:?}"
            );
        }
        let id = match &judged.need {
            None => {
                cards
                    .iter()
                    .find(|c| c.title == judged.title)
                    .unwrap_or_else(|| panic!("no demo arena is titled {:?}", judged.title))
                    .id
            }
            Some(need) => {
                let arena = store
                    .create_signal(&NewSignal {
                        title: judged.title.clone(),
                        need: need.clone(),
                        mission: judged.mission.clone().expect("a new arena has a mission"),
                        signalled_by: "Per Holm".into(),
                        manager: String::new(),
                        target_date: None,
                    })
                    .unwrap();
                for competence in &judged.needs {
                    store.add_need(arena.id, competence, "").unwrap();
                }
                arena.id
            }
        };
        let shown: Vec<String> = store
            .related_entries(id, 3)
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect();
        let right = shown.iter().filter(|t| judged.related.contains(t)).count();
        let precision = match (shown.len(), judged.related.is_empty()) {
            (0, true) => 1.0,
            (0, false) => 0.0,
            (n, _) => right as f64 / n as f64,
        };
        if let Some(first) = shown.first() {
            assert!(
                !judged.unrelated.contains(first),
                "{:?} is shown first for {:?}, judged unrelated",
                first,
                judged.title
            );
        }
        measured.push(Measured {
            title: judged.title,
            shown,
            precision,
            has_related: !judged.related.is_empty(),
            found_one: right > 0,
        });
    }
    measured
}

fn report(measured: &[Measured]) -> String {
    measured
        .iter()
        .map(|m| format!("{:.2}  {}  <- {:?}", m.precision, m.title, m.shown))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn related_entries_reach_precision_at_three_of_at_least_four_fifths_on_the_judged_set() {
    let measured = measure();
    assert!(
        measured.len() >= 20,
        "the judged set covers 20 arenas or more"
    );
    let mean = measured.iter().map(|m| m.precision).sum::<f64>() / measured.len() as f64;
    let with_related: Vec<&Measured> = measured.iter().filter(|m| m.has_related).collect();
    let found = with_related.iter().filter(|m| m.found_one).count() as f64;
    let recall = found / with_related.len() as f64;
    println!("precision at 3: {mean:.2}; arenas with a related entry shown: {recall:.2}");
    println!("{}", report(&measured));
    assert!(
        mean >= 0.8,
        "precision at 3 is {mean:.2}\n{}",
        report(&measured)
    );
    assert!(
        recall >= 0.8,
        "only {recall:.2} find one\n{}",
        report(&measured)
    );
}
