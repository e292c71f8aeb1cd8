//! Eight writers, each with its own store, making random changes to one file at once.

use super::*;

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

fn write(path: &Path, writer: usize, people: &[i64], start: &Barrier) -> Outcome {
    let who = format!("writer {writer}");
    let mut store = open(path, &who);
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
fn roster_and_arenas(path: &Path) -> Vec<i64> {
    let mut setup = open(path, "setup");
    for name in COMPETENCES {
        setup.add_competence(name, "").unwrap();
    }
    let people = (0..6)
        .map(|i| {
            setup
                .add_person(&person(&format!("Person {i}"), ""))
                .unwrap()
        })
        .collect();
    for i in 0..8 {
        setup.create_signal(&signal(&format!("Seed {i}"))).unwrap();
    }
    people
}

/// Every writer at once, from the same starting line.
fn all_at_once(path: &Path, people: Vec<i64>) -> Vec<Outcome> {
    let start = Arc::new(Barrier::new(WRITERS));
    let people = Arc::new(people);
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (path, people, start) = (path.to_owned(), Arc::clone(&people), Arc::clone(&start));
            thread::spawn(move || write(&path, w, &people, &start))
        })
        .collect();
    writers.into_iter().map(|w| w.join().unwrap()).collect()
}

/// Each accepted change has its one audit row (its writer, arena and action), and nothing else
/// was logged.
fn assert_each_change_audited(conn: &Connection, outcomes: &[Outcome], audit_before: i64) {
    let mut expected: HashMap<(String, i64, &str), i64> = HashMap::new();
    for outcome in outcomes {
        for change in &outcome.accepted {
            let key = (outcome.who.clone(), change.arena(), change.action());
            *expected.entry(key).or_default() += 1;
        }
    }
    let mut stmt = conn
        .prepare(
            "SELECT who, entity_id, action, count(*) FROM audit WHERE id > ?1 AND entity = 'arena'
             GROUP BY who, entity_id, action",
        )
        .unwrap();
    let logged: HashMap<(String, i64, String), i64> = stmt
        .query_map([audit_before], |r| {
            Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let expected: HashMap<(String, i64, String), i64> = expected
        .into_iter()
        .map(|((who, arena, action), n)| ((who, arena, action.to_owned()), n))
        .collect();
    assert_eq!(logged, expected);
    let accepted: usize = outcomes.iter().map(|o| o.accepted.len()).sum();
    let audit_after = count(conn, "SELECT count(*) FROM audit");
    assert_eq!(audit_after - audit_before, accepted as i64);
}

/// Each accepted change is in the database, each raised its arena's version by exactly one (so
/// none was written over another), and each arena carries the title of its last accepted edit.
fn assert_each_change_stored(conn: &Connection, outcomes: &[Outcome]) {
    let exists = |sql: &str, id: i64| -> bool {
        conn.query_row(sql, [id], |r| r.get::<_, i64>(0)).unwrap() == 1
    };
    let mut bumps: HashMap<i64, i64> = HashMap::new();
    let mut last_edit: HashMap<i64, (i64, &str)> = HashMap::new();
    for change in outcomes.iter().flat_map(|o| &o.accepted) {
        match change {
            Accepted::Signal { arena } => {
                assert!(exists("SELECT count(*) FROM arenas WHERE id = ?1", *arena));
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
            Accepted::Need { need, .. } => {
                assert!(exists("SELECT count(*) FROM needs WHERE id = ?1", *need));
            }
            Accepted::Allocation { allocation, .. } => {
                assert!(exists(
                    "SELECT count(*) FROM allocations WHERE id = ?1",
                    *allocation
                ));
            }
        }
        *bumps.entry(change.arena()).or_default() += 1;
    }
    for (arena, changes) in &bumps {
        let (version, title): (i64, String) = conn
            .query_row(
                "SELECT version, title FROM arenas WHERE id = ?1",
                [arena],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(version, 1 + changes, "arena {arena}");
        if let Some((_, last)) = last_edit.get(arena) {
            assert_eq!(&title, last, "arena {arena} lost its last edit");
        }
    }
}

#[test]
fn eight_writers_lose_nothing_and_every_refusal_is_reported() {
    // Given a roster, some arenas, and eight sessions on one file
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    let people = roster_and_arenas(&path);
    let conn = Connection::open(&path).unwrap();
    let audit_before = count(&conn, "SELECT count(*) FROM audit");

    // When each makes 200 random changes at once
    let started = Instant::now();
    let outcomes = all_at_once(&path, people);
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

    // And every accepted one is stored and audited, and the file is sound
    assert_each_change_audited(&conn, &outcomes, audit_before);
    assert_each_change_stored(&conn, &outcomes);
    assert_sound(&path);
}
