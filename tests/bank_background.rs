//! The bank's lists answered in the background: keys never wait for a ranking, a stale answer
//! is never shown, and the worker thread answers the newest question as the store would.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use puls::app::App;
use puls::app::bank_query::{BankQueries, BankQuery};
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::database::Database;
use puls::store::{EntryFilter, EntryHit};
use puls::tui::Answers;
use puls::tui::bank_worker::{BankAnswer, BankWorker};

#[path = "shared/app.rs"]
pub mod app;
use app::{demo_store, press};

/// Keeps the questions asked, for the test to answer when it chooses.
#[derive(Clone, Default)]
struct Questions(Arc<Mutex<Vec<(u64, BankQuery)>>>);

impl BankQueries for Questions {
    fn ask(&self, ticket: u64, query: BankQuery) -> bool {
        self.0.lock().unwrap().push((ticket, query));
        true
    }
}

fn search(query: &str) -> BankQuery {
    BankQuery::Search {
        query: query.to_owned(),
        filter: EntryFilter::default(),
    }
}

fn titles(hits: &[EntryHit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

/// The worker's next answer, None when it hung up; Err after ten seconds of silence.
fn next(
    runtime: &tokio::runtime::Runtime,
    answers: &mut Answers,
) -> Result<Option<BankAnswer>, tokio::time::error::Elapsed> {
    runtime.block_on(async { tokio::time::timeout(Duration::from_secs(10), answers.recv()).await })
}

#[test]
fn keys_ask_in_the_background_and_only_the_latest_answer_is_shown() {
    let (_dir, store) = demo_store();
    let reader = store.reader().unwrap();
    let questions = Questions::default();
    let mut app = App::with_background(
        store,
        Config::default(),
        Keymap::default_keys(),
        120,
        40,
        Some(Box::new(questions.clone())),
    )
    .unwrap();
    // The first load already asks: the related entries of the selected arena.
    assert!(matches!(
        questions.0.lock().unwrap().first(),
        Some((1, BankQuery::Related { .. }))
    ));
    press(&mut app, "4z/disch");
    let asked = questions.0.lock().unwrap().clone();
    let (latest, query) = asked.last().unwrap().clone();
    assert_eq!(query, search("disch"));
    let text = app::text(&app, 120, 40);
    assert!(text.contains("searching…"), "{text}");

    // An answer to an older question arrives late: nobody waits for it any more.
    let (older, older_query) = asked[asked.len() - 2].clone();
    assert_eq!(older_query, search("disc"));
    let stale = older_query.run(&reader);
    assert!(!app.bank_answer(older, stale));
    assert!(app::text(&app, 120, 40).contains("searching…"));

    assert!(app.bank_answer(latest, query.run(&reader)));
    let text = app::text(&app, 120, 40);
    assert!(!text.contains("searching…"), "{text}");
    assert!(text.contains("▶One discharge checklist"), "{text}");
    // Answered once is answered: the same ticket again changes nothing.
    assert!(!app.bank_answer(latest, Ok(Vec::new())));
}

#[test]
fn the_worker_answers_the_newest_question_as_the_store_would() {
    let (_dir, store) = demo_store();
    let (worker, mut answers) = BankWorker::start(Database::reader(&store).unwrap()).unwrap();
    let typed = ["d", "di", "dis", "disc", "dischar", "discharge"];
    for (ticket, query) in (1..).zip(typed) {
        assert!(worker.ask(ticket, search(query)));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let mut seen = Vec::new();
    let last = loop {
        let answer = next(&runtime, &mut answers)
            .expect("an answer within ten seconds")
            .expect("the worker is running");
        seen.push(answer.0);
        if answer.0 == 6 {
            break answer.1.unwrap();
        }
    };
    assert!(seen.is_sorted(), "answers in the order asked: {seen:?}");
    let expected = search("discharge").run(&store).unwrap();
    assert_eq!(titles(&last), titles(&expected));
    assert_eq!(
        titles(&last)[0],
        "One discharge checklist, owned by the ward"
    );
}

#[test]
fn the_worker_stops_when_the_app_lets_go_of_it() {
    let (_dir, store) = demo_store();
    let (worker, mut answers) = BankWorker::start(Database::reader(&store).unwrap()).unwrap();
    drop(worker);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let closed = next(&runtime, &mut answers).expect("the worker hangs up");
    assert!(closed.is_none());
}

#[test]
fn a_worker_waiting_for_its_next_question_is_not_interrupted() {
    // Given a worker whose interrupts are counted
    let (_dir, store) = demo_store();
    let (reader, _) = Database::reader(&store).unwrap();
    let interrupts = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&interrupts);
    let count = Box::new(move |_| *counted.lock().unwrap() += 1);
    let (worker, mut answers) = BankWorker::start((reader, count)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();

    // When each question is asked after the last one was answered
    for (ticket, query) in (1..).zip(["di", "dis", "disc"]) {
        assert!(worker.ask(ticket, search(query)));
        let answer = next(&runtime, &mut answers).unwrap().unwrap();
        assert_eq!(answer.0, ticket);
    }

    // Then nothing was interrupted: there was nothing to stop
    assert_eq!(*interrupts.lock().unwrap(), 0);
}
