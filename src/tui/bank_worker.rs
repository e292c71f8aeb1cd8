//! The bank's questions answered on a thread of their own, over a connection of their own, so
//! that ranking thousands of entries never holds up a key. A newer question interrupts the one
//! running: when keys come fast, only the last is answered.

use std::sync::mpsc::{self, Receiver, Sender};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::app::bank_query::{BankQueries, BankQuery};
use crate::database::Reader;
use crate::store::{Backend, EntryHit, StoreError};

/// An answer and the number of the question it answers.
pub type BankAnswer = (u64, Result<Vec<EntryHit>, StoreError>);

pub struct BankWorker {
    questions: Sender<(u64, BankQuery)>,
    interrupt: Box<dyn Fn() + Send>,
}

impl BankWorker {
    /// Starts a worker asking `reader` (a second session on the database, and what stops its
    /// question), and returns it with where its answers arrive. None when no thread starts:
    /// the app then asks its own store.
    pub fn start(
        (mut reader, interrupt): Reader,
    ) -> Option<(BankWorker, UnboundedReceiver<BankAnswer>)> {
        let (questions, inbox) = mpsc::channel();
        let (answers, received) = unbounded_channel();
        std::thread::Builder::new()
            .name("bank".to_owned())
            .spawn(move || serve(&mut *reader, &inbox, &answers))
            .ok()?;
        Some((
            BankWorker {
                questions,
                interrupt,
            },
            received,
        ))
    }
}

impl BankQueries for BankWorker {
    fn ask(&self, ticket: u64, query: BankQuery) -> bool {
        let sent = self.questions.send((ticket, query)).is_ok();
        // Whatever runs now answers a question nobody waits for any more. With nothing
        // running, an interrupt is a no-op for the statements that follow it.
        (self.interrupt)();
        sent
    }
}

/// Answers questions until the app hangs up; of those waiting, only the newest.
fn serve(
    reader: &mut dyn Backend,
    inbox: &Receiver<(u64, BankQuery)>,
    answers: &UnboundedSender<BankAnswer>,
) {
    while let Ok(first) = inbox.recv() {
        let mut question = newest(first, inbox);
        loop {
            match question.1.run(&*reader) {
                // Interrupted for a newer question, or just as this one started: then again.
                Err(e) if e.is_interrupted() => {
                    if let Ok(newer) = inbox.try_recv() {
                        question = newest(newer, inbox);
                    }
                }
                answer => {
                    if answers.send((question.0, answer)).is_err() {
                        return;
                    }
                    // Its connection serves others until the next question.
                    reader.rest();
                    break;
                }
            }
        }
    }
}

fn newest(mut question: (u64, BankQuery), inbox: &Receiver<(u64, BankQuery)>) -> (u64, BankQuery) {
    while let Ok(newer) = inbox.try_recv() {
        question = newer;
    }
    question
}
