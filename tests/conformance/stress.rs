//! Eight writers, each with its own session, making random changes to one database at once
//! (moved from tests/shared.rs).

use std::collections::HashMap;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use puls::domain::roster::Level;
use puls::store::prelude::*;
use puls::store::{AuditRow, NewAllocation, PersonEdit, StoreError};

use crate::Fixture;
use crate::app::{now, signal, titled};

fn person(name: &str) -> PersonEdit {
    PersonEdit {
        name: name.into(),
        unit: "Learning & family".into(),
        role: String::new(),
        contact: String::new(),
        capacity: 100,
        coordinator: false,
        competences: vec![("School nurse".into(), Level::Practising)],
        manager: String::new(),
    }
}

const WRITERS: usize = 8;
const EDITS: usize = 200;
const COMPETENCES: [&str; 3] = ["School nurse", "Social worker", "Study counsellor"];

/// A change a writer's store accepted.
#[derive(Debug)]
enum Accepted {
    Signal {
        arena: i64,
    },
    Edit {
        arena: i64,
        title: String,
        version: i64,
    },
    Need {
        arena: i64,
        need: i64,
    },
    Allocation {
        arena: i64,
        allocation: i64,
    },
}

impl Accepted {
    /// The action its audit row names.
    fn action(&self) -> &'static str {
        match self {
            Accepted::Signal { .. } => "signal",
            Accepted::Edit { .. } => "edit",
            Accepted::Need { .. } => "need",
            Accepted::Allocation { .. } => "allocate",
        }
    }

    fn arena(&self) -> i64 {
        match self {
            Accepted::Signal { arena }
            | Accepted::Edit { arena, .. }
            | Accepted::Need { arena, .. }
            | Accepted::Allocation { arena, .. } => *arena,
        }
    }
}

/// What one writer did: accepted changes and the edits refused as conflicts.
struct Outcome {
    who: String,
    accepted: Vec<Accepted>,
    refused: usize,
}

/// xorshift64: the same edits on every run, with no crate for it.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }
}

fn write<F: Fixture>(db: &F, writer: usize, people: &[i64], start: &Barrier) -> Outcome {
    let who = format!("writer {writer}");
    let mut store = db.session(&who, now());
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ ((writer as u64 + 1) * 0x1000_0001));
    let mut known: HashMap<i64, i64> = store
        .board_cards(true)
        .unwrap()
        .iter()
        .map(|c| (c.id, store.arena(c.id).unwrap().version))
        .collect();
    let mut outcome = Outcome {
        who: who.clone(),
        accepted: Vec::new(),
        refused: 0,
    };
    // Waiting for the others, as a screen waits for a key: a pooled connection goes back.
    store.rest();
    start.wait();
    for edit in 0..EDITS {
        let mut ids: Vec<i64> = known.keys().copied().collect();
        ids.sort_unstable();
        let arena = ids[dice.roll(ids.len())];
        let accepted = match dice.roll(10) {
            0 | 1 => {
                let created = store.create_signal(&signal(&format!("{who} signal {edit}")));
                created.map(|a| {
                    known.insert(a.id, a.version);
                    Accepted::Signal { arena: a.id }
                })
            }
            2..=5 => {
                // Half the time the version on screen is a fresh read, half the time
                // whatever this writer last saw: often stale, as on a busy morning.
                let version = if dice.roll(2) == 0 {
                    store.arena(arena).unwrap().version
                } else {
                    known[&arena]
                };
                let title = format!("{who} edit {edit}");
                store.edit_arena(arena, version, &titled(&title)).map(|a| {
                    known.insert(arena, a.version);
                    Accepted::Edit {
                        arena,
                        title,
                        version: a.version,
                    }
                })
            }
            6 | 7 => {
                let competence = COMPETENCES[dice.roll(COMPETENCES.len())];
                store
                    .add_need(arena, competence, &format!("{who} need {edit}"))
                    .map(|need| Accepted::Need { arena, need })
            }
            _ => store
                .allocate(&NewAllocation {
                    person_id: people[dice.roll(people.len())],
                    arena_id: arena,
                    competence_id: None,
                    percent: 1,
                    from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                    to: None,
                })
                .map(|allocation| Accepted::Allocation { arena, allocation }),
        };
        match accepted {
            Ok(change) => outcome.accepted.push(change),
            Err(StoreError::Conflict { id, .. }) => {
                assert_eq!(id, arena);
                outcome.refused += 1;
                known.insert(arena, store.arena(arena).unwrap().version);
            }
            Err(other) => panic!("{who}, edit {edit}: {other:?}"),
        }
    }
    outcome
}

/// Three competences, six people and eight arenas; the people's ids.
fn roster_and_arenas<F: Fixture>(db: &F) -> Vec<i64> {
    let mut setup = db.session("setup", now());
    for name in COMPETENCES {
        setup.add_competence(name, "").unwrap();
    }
    let people = (0..6)
        .map(|i| setup.add_person(&person(&format!("Person {i}"))).unwrap())
        .collect();
    for i in 0..8 {
        setup.create_signal(&signal(&format!("Seed {i}"))).unwrap();
    }
    people
}

/// Every writer at once, from the same starting line.
fn all_at_once<F: Fixture>(db: &F, people: &[i64]) -> Vec<Outcome> {
    let start = Barrier::new(WRITERS);
    thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let start = &start;
                scope.spawn(move || write(db, w, people, start))
            })
            .collect();
        writers.into_iter().map(|w| w.join().unwrap()).collect()
    })
}

/// Each accepted change has its one audit row (its writer, arena and action), and nothing else
/// was logged: `logged` is the history written since the writers started.
fn assert_each_change_audited(logged: &[AuditRow], outcomes: &[Outcome]) {
    let mut expected: HashMap<(String, i64, String), i64> = HashMap::new();
    for outcome in outcomes {
        for change in &outcome.accepted {
            let key = (
                outcome.who.clone(),
                change.arena(),
                change.action().to_owned(),
            );
            *expected.entry(key).or_default() += 1;
        }
    }
    let mut counted: HashMap<(String, i64, String), i64> = HashMap::new();
    for row in logged.iter().filter(|r| r.entity == "arena") {
        let key = (row.who.clone(), row.entity_id, row.action.clone());
        *counted.entry(key).or_default() += 1;
    }
    assert_eq!(counted, expected);
    let accepted: usize = outcomes.iter().map(|o| o.accepted.len()).sum();
    assert_eq!(logged.len(), accepted);
}

/// Each accepted change is in the database, each raised its arena's version by exactly one (so
/// none was written over another), and each arena carries the title of its last accepted edit.
fn assert_each_change_stored(store: &impl Backend, outcomes: &[Outcome]) {
    let mut bumps: HashMap<i64, i64> = HashMap::new();
    let mut last_edit: HashMap<i64, (i64, &str)> = HashMap::new();
    for change in outcomes.iter().flat_map(|o| &o.accepted) {
        match change {
            Accepted::Signal { arena } => {
                assert!(store.arena(*arena).is_ok(), "arena {arena}");
                continue;
            }
            Accepted::Edit {
                arena,
                title,
                version,
            } => {
                let last = last_edit.entry(*arena).or_insert((0, ""));
                if *version > last.0 {
                    *last = (*version, title);
                }
            }
            Accepted::Need { arena, need } => {
                let needs = store.arena_needs(*arena).unwrap();
                assert!(needs.iter().any(|n| n.id == *need), "need {need}");
            }
            Accepted::Allocation { arena, allocation } => {
                let team = store.arena_team(*arena).unwrap();
                assert!(
                    team.iter().any(|m| m.allocation_id == *allocation),
                    "allocation {allocation}"
                );
            }
        }
        *bumps.entry(change.arena()).or_default() += 1;
    }
    for (arena, changes) in &bumps {
        let stored = store.arena(*arena).unwrap();
        assert_eq!(stored.version, 1 + changes, "arena {arena}");
        if let Some((_, last)) = last_edit.get(arena) {
            assert_eq!(&stored.title, last, "arena {arena} lost its last edit");
        }
    }
}

pub fn eight_writers_lose_nothing_and_every_refusal_is_reported<F: Fixture>() {
    // Given a roster, some arenas, and eight sessions on one database
    let db = F::new();
    let people = roster_and_arenas(&db);
    let reader = db.session("reader", now());
    let audit_before = reader.history(None, None, usize::MAX).unwrap().len();

    // When each makes 200 random changes at once
    let started = Instant::now();
    let outcomes = all_at_once(&db, &people);
    let took = started.elapsed();
    eprintln!(
        "{} changes by {WRITERS} writers took {took:?}",
        WRITERS * EDITS
    );

    // Then every change was either accepted or refused as a conflict to its writer, in time
    let accepted: usize = outcomes.iter().map(|o| o.accepted.len()).sum();
    let refused: usize = outcomes.iter().map(|o| o.refused).sum();
    assert_eq!(accepted + refused, WRITERS * EDITS);
    assert!(refused > 0, "stale versions were never refused");
    assert!(took < Duration::from_secs(60), "took {took:?}");

    // And every accepted one is stored and audited, and the database is sound
    let history = reader.history(None, None, usize::MAX).unwrap();
    assert_each_change_audited(&history[audit_before..], &outcomes);
    assert_each_change_stored(&reader, &outcomes);
    db.assert_sound();
}
