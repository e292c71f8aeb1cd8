//! The bank's questions of every screen `puls serve` holds, answered by a few threads with a
//! reading session each (on PostgreSQL, a pooled connection while it answers), shared by all
//! the screens: ranking thousands of entries never holds up a key, and a hundred screens do not
//! make a hundred threads. A screen's newer question makes its older ones moot: a worker skips
//! a question its screen has since asked again. Screens on one board ask the same questions
//! (the related entries of the arena selected), so each worker keeps its answers until its
//! session sees a commit.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use crate::app::bank_query::{BankQueries, BankQuery};
use crate::database::Database;
use crate::store::{Backend, EntryHit, StoreError};
use crate::tui::Answers;
use crate::tui::bank_worker::{BankAnswer, run_as_batch};

/// A question, the newest ticket of the screen that asked, and where its answer goes.
struct Question {
    ticket: u64,
    query: BankQuery,
    newest: Arc<AtomicU64>,
    answers: UnboundedSender<BankAnswer>,
}

pub struct BankPool {
    questions: Sender<Question>,
}

impl BankPool {
    /// `threads` workers over `database`; None when their connections cannot be opened (then
    /// every screen asks its own store).
    pub fn start(database: &dyn Database, threads: usize) -> Option<BankPool> {
        let (questions, inbox) = mpsc::channel();
        let inbox = Arc::new(Mutex::new(inbox));
        for n in 0..threads.max(1) {
            let (mut reader, _) = database.reader()?;
            let inbox = Arc::clone(&inbox);
            std::thread::Builder::new()
                .name(format!("bank-{n}"))
                .spawn(move || {
                    run_as_batch();
                    answer(reader.as_mut(), &inbox)
                })
                .ok()?;
        }
        Some(BankPool { questions })
    }

    /// A screen's way to the pool, and where its answers arrive.
    pub fn desk(&self) -> (Box<dyn BankQueries>, Answers) {
        let (answers, received) = unbounded_channel();
        let desk = Desk {
            questions: self.questions.clone(),
            newest: Arc::new(AtomicU64::new(0)),
            answers,
        };
        (Box::new(desk), received)
    }
}

struct Desk {
    questions: Sender<Question>,
    newest: Arc<AtomicU64>,
    answers: UnboundedSender<BankAnswer>,
}

impl BankQueries for Desk {
    fn ask(&self, ticket: u64, query: BankQuery) -> bool {
        self.newest.fetch_max(ticket, Ordering::Relaxed);
        let question = Question {
            ticket,
            query,
            newest: Arc::clone(&self.newest),
            answers: self.answers.clone(),
        };
        self.questions.send(question).is_ok()
    }
}

/// Answers kept by one worker, as long as its connection has seen no commit.
struct Kept {
    answers: HashMap<String, Vec<EntryHit>>,
}

/// How many answers a worker keeps before it starts afresh.
const KEPT: usize = 512;

impl Kept {
    /// The answer to `query`, kept or asked of `reader`.
    fn answer(
        &mut self,
        reader: &mut (dyn Backend + Send),
        query: &BankQuery,
    ) -> Result<Vec<EntryHit>, StoreError> {
        if reader.others_changed()? || self.answers.len() >= KEPT {
            self.answers.clear();
        }
        let key = format!("{query:?}");
        if let Some(hits) = self.answers.get(&key) {
            return Ok(hits.clone());
        }
        let hits = query.run(reader)?;
        self.answers.insert(key, hits.clone());
        Ok(hits)
    }
}

/// Answers questions until the server ends, skipping those a newer one has made moot.
fn answer(reader: &mut (dyn Backend + Send), inbox: &Mutex<Receiver<Question>>) {
    let mut kept = Kept {
        answers: HashMap::new(),
    };
    loop {
        let next = inbox.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(question) = next else { return };
        if question.ticket < question.newest.load(Ordering::Relaxed) {
            continue;
        }
        let answer = kept.answer(reader, &question.query);
        // Its connection serves the screens until the next question.
        reader.rest();
        // The screen has closed: nobody waits for this answer.
        let _ = question.answers.send((question.ticket, answer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::SystemClock;
    use crate::store::{EntryFilter, Store};

    fn search(text: &str) -> BankQuery {
        BankQuery::Search {
            query: text.to_owned(),
            filter: EntryFilter::default(),
        }
    }

    #[tokio::test]
    async fn each_screen_gets_its_own_answers_from_the_shared_workers() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a.db"), "puls", Arc::new(SystemClock)).unwrap();
        let pool = BankPool::start(&store, 2).unwrap();
        let (one, mut one_answers) = pool.desk();
        let (two, mut two_answers) = pool.desk();
        assert!(one.ask(7, search("housing")));
        assert!(two.ask(3, search("school")));
        let (ticket, answer) = one_answers.recv().await.unwrap();
        assert_eq!(ticket, 7);
        assert!(answer.unwrap().is_empty());
        assert_eq!(two_answers.recv().await.unwrap().0, 3);
    }

    #[tokio::test]
    async fn a_kept_answer_is_asked_again_once_the_database_changed() {
        use crate::store::prelude::*;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let mut writer = Store::open(&path, "maja", Arc::new(SystemClock)).unwrap();
        let pool = BankPool::start(&writer, 1).unwrap();
        let (desk, mut answers) = pool.desk();
        desk.ask(1, search(""));
        assert!(answers.recv().await.unwrap().1.unwrap().is_empty());
        writer
            .add_entry(&crate::store::EntryEdit {
                title: "Kept answers go stale".to_owned(),
                ..Default::default()
            })
            .unwrap();
        desk.ask(2, search(""));
        let hits = answers.recv().await.unwrap().1.unwrap();
        assert_eq!(hits.len(), 1, "the kept empty answer was not given again");
    }

    #[tokio::test]
    async fn a_question_asked_again_is_answered_for_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a.db"), "puls", Arc::new(SystemClock)).unwrap();
        let pool = BankPool::start(&store, 1).unwrap();
        let (desk, mut answers) = pool.desk();
        for ticket in 1..=20 {
            desk.ask(ticket, search("h"));
        }
        let mut last = 0;
        while last < 20 {
            let (ticket, _) = answers.recv().await.unwrap();
            assert!(
                ticket > last,
                "answers come in order, the moot ones skipped"
            );
            last = ticket;
        }
    }
}
