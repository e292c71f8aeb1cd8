//! The bank's questions answered on a thread of their own, over a connection of their own, so
//! that ranking thousands of entries never holds up a key. A newer question interrupts the one
//! running: when keys come fast, only the last is answered.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::app::bank_query::{BankQueries, BankQuery};
use crate::database::Reader;
use crate::store::{Backend, EntryHit, StoreError};

/// An answer and the number of the question it answers.
pub type BankAnswer = (u64, Result<Vec<EntryHit>, StoreError>);

pub struct BankWorker {
    questions: Sender<(u64, BankQuery)>,
    interrupt: Box<dyn Fn(bool) + Send>,
    tickets: Arc<Tickets>,
}

/// Which questions were asked, which one runs and which one was interrupted, shared by the
/// keys and the worker. An interrupt costs a connection to the server of its own (on
/// PostgreSQL, a process forked to deliver it): a key interrupts only a question that runs,
/// never an idle worker, and the same question again only after [`RETRY`] (on SQLite, an
/// interrupt that comes between two of a question's statements is lost; PostgreSQL's session
/// keeps it for its next statement), so a word typed fast costs an interrupt or two per
/// question started instead of one per letter.
#[derive(Default)]
struct Tickets {
    newest: AtomicU64,
    /// The ticket of the question running; 0 while none runs.
    running: AtomicU64,
    /// Whether the question running is of long statements (see [`BankQuery::runs_long`]).
    long: AtomicBool,
    /// The question last interrupted, and when; only the keys' thread asks.
    interrupted: Mutex<Option<(u64, Instant)>>,
}

/// How long an interrupted question may go on before a key interrupts it again.
const RETRY: Duration = Duration::from_millis(5);

impl Tickets {
    /// `ticket` was just asked, `at` this moment: whether the question running should be
    /// interrupted, and if so whether it is of long statements.
    fn asked(&self, ticket: u64, at: Instant) -> Option<bool> {
        self.newest.fetch_max(ticket, Ordering::SeqCst);
        let running = self.running.load(Ordering::SeqCst);
        if running == 0 || running >= ticket {
            return None;
        }
        let mut interrupted = self.interrupted.lock().unwrap_or_else(|p| p.into_inner());
        if matches!(*interrupted, Some((last, when)) if last == running && at < when + RETRY) {
            return None;
        }
        *interrupted = Some((running, at));
        Some(self.long.load(Ordering::SeqCst))
    }

    /// The worker starts answering `ticket`: false when a newer one was asked meanwhile (it is
    /// on its way, and the worker takes it instead). Either this sees the newer ticket or the
    /// key that asked it sees this one running, and interrupts it.
    fn start(&self, ticket: u64, long: bool) -> bool {
        self.long.store(long, Ordering::SeqCst);
        self.running.store(ticket, Ordering::SeqCst);
        if self.newest.load(Ordering::SeqCst) > ticket {
            self.running.store(0, Ordering::SeqCst);
            return false;
        }
        true
    }

    fn stop(&self) {
        self.running.store(0, Ordering::SeqCst);
    }
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
        let tickets = Arc::new(Tickets::default());
        let shared = Arc::clone(&tickets);
        std::thread::Builder::new()
            .name("bank".to_owned())
            .spawn(move || {
                run_as_batch();
                serve(&mut *reader, &inbox, &answers, &shared)
            })
            .ok()?;
        Some((
            BankWorker {
                questions,
                interrupt,
                tickets,
            },
            received,
        ))
    }
}

impl BankQueries for BankWorker {
    fn ask(&self, ticket: u64, query: BankQuery) -> bool {
        let sent = self.questions.send((ticket, query)).is_ok();
        // Whatever runs now answers a question nobody waits for any more.
        if let Some(long) = self.tickets.asked(ticket, Instant::now()) {
            (self.interrupt)(long);
        }
        sent
    }
}

/// Marks the calling thread as batch work (Linux's SCHED_BATCH, at nice 0): it keeps its fair
/// share of the cores, but being woken no longer lets it take the core of the thread that
/// woke it. A bank worker is woken by a key's question. On SQLite, which answers in the
/// worker's own thread, a board step at rest waited for the related entries to be ranked one
/// time in ten: its p95 went from 5.0 to 1.3 ms on the large demo. Where the system refuses,
/// the thread runs as it did.
pub fn run_as_batch() {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::{
            NormalThreadSchedulePolicy, ThreadPriority, ThreadPriorityValue, ThreadSchedulePolicy,
            set_thread_priority_and_policy, thread_native_id,
        };
        // The crate's scale for the normal policies runs from nice 19 (0) to nice -20 (99):
        // 48 is nice 0, the priority every thread of puls has.
        let Ok(nice_zero) = ThreadPriorityValue::try_from(48u8) else {
            return;
        };
        let batch = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Batch);
        let priority = ThreadPriority::Crossplatform(nice_zero);
        // Refused only where the policy is missing: the worker then runs as before.
        let _ = set_thread_priority_and_policy(thread_native_id(), priority, batch);
    }
}

/// Answers questions until the app hangs up; of those waiting, only the newest.
fn serve(
    reader: &mut dyn Backend,
    inbox: &Receiver<(u64, BankQuery)>,
    answers: &UnboundedSender<BankAnswer>,
    tickets: &Tickets,
) {
    while let Ok(first) = inbox.recv() {
        let mut question = newest(first, inbox);
        loop {
            // Before the question can be interrupted: what stops it from here on is its own.
            reader.begin();
            if !tickets.start(question.0, question.1.runs_long()) {
                let Ok(newer) = inbox.recv() else { return };
                question = newest(newer, inbox);
                continue;
            }
            let answer = question.1.run(&*reader);
            tickets.stop();
            match answer {
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
                    match next_in_burst(inbox) {
                        Ok(next) => question = next,
                        Err(RecvTimeoutError::Timeout) => {
                            // Its connection serves others until the next question.
                            reader.rest();
                            break;
                        }
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            }
        }
    }
}

/// How long the worker keeps its connection after an answer, for the next question of keys
/// typed in a row. A session's interrupt reaches only the connection it holds: one that
/// takes a connection anew for each question cannot be interrupted until it has one, and a
/// key typed in that moment would leave a stale question to run to its end.
const BURST: Duration = Duration::from_millis(100);

/// The newest question asked within [`BURST`] of the last answer.
fn next_in_burst(inbox: &Receiver<(u64, BankQuery)>) -> Result<(u64, BankQuery), RecvTimeoutError> {
    inbox.recv_timeout(BURST).map(|next| newest(next, inbox))
}

fn newest(mut question: (u64, BankQuery), inbox: &Receiver<(u64, BankQuery)>) -> (u64, BankQuery) {
    while let Ok(newer) = inbox.try_recv() {
        question = newer;
    }
    question
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(query: &str) -> BankQuery {
        BankQuery::Search {
            query: query.to_owned(),
            filter: crate::store::EntryFilter::default(),
        }
    }

    /// The calling thread's nice value and scheduling policy, as Linux reports them.
    #[cfg(target_os = "linux")]
    fn nice_and_policy() -> (i64, i64) {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
        // After the command's name (which may hold spaces) come fields 3 (the state) on:
        // nice is field 19, the policy field 41.
        let fields: Vec<i64> = stat
            .rsplit(')')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(-1))
            .collect();
        (fields[19 - 3], fields[41 - 3])
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_worker_runs_as_batch_work_at_the_priority_of_the_keys() {
        // Given a thread as the keys' own: nice 0, the normal policy
        let (nice, policy) = std::thread::spawn(|| {
            let before = nice_and_policy();
            // When it is made a worker
            run_as_batch();
            (before, nice_and_policy())
        })
        .join()
        .unwrap();

        // Then it is batch work (SCHED_BATCH, 3), at the nice value it had
        let (before, after) = (nice, policy);
        assert_eq!(before.1, 0, "SCHED_OTHER before");
        assert_eq!(after, (before.0, 3));
    }

    #[test]
    fn the_next_question_of_a_burst_is_taken_at_once_the_newest_of_those_waiting() {
        // Given two questions asked while the worker answered
        let (questions, inbox) = mpsc::channel();
        questions.send((2, search("sa"))).unwrap();
        questions.send((3, search("sam"))).unwrap();

        // Then the worker goes on with the newest, keeping its connection
        assert_eq!(next_in_burst(&inbox).unwrap().0, 3);
    }

    #[test]
    fn after_a_pause_the_worker_lets_its_connection_go() {
        // Given no question after an answer
        let (_questions, inbox) = mpsc::channel::<(u64, BankQuery)>();

        // Then, the burst over, the worker rests
        assert!(matches!(
            next_in_burst(&inbox),
            Err(RecvTimeoutError::Timeout)
        ));
    }

    #[test]
    fn a_running_question_is_interrupted_once_while_keys_come_fast() {
        // Given a worker answering question 1
        let tickets = Tickets::default();
        let at = Instant::now();
        assert_eq!(tickets.asked(1, at), None);
        assert!(tickets.start(1, true));

        // When three more are typed a millisecond apart before it stops
        let interrupts: Vec<bool> = (2..=4)
            .map(|t| tickets.asked(t, at + Duration::from_millis(t)).is_some())
            .collect();

        // Then only the first of them interrupts it
        assert_eq!(interrupts, [true, false, false]);
    }

    #[test]
    fn a_question_still_running_after_its_interrupt_is_interrupted_again() {
        // Given question 1 interrupted by 2, its interrupt lost
        let tickets = Tickets::default();
        let at = Instant::now();
        assert!(tickets.start(1, true));
        assert!(tickets.asked(2, at).is_some());

        // When a key comes once the retry is due, it interrupts 1 again
        assert!(tickets.asked(3, at + RETRY).is_some());
    }

    #[test]
    fn an_interrupt_says_whether_the_question_it_stops_runs_long() {
        // Given a worker answering the related entries (short statements)
        let tickets = Tickets::default();
        let at = Instant::now();
        assert!(tickets.start(1, BankQuery::Related { arena: 1 }.runs_long()));

        // When a search is asked, the related entries are stopped before their next statement
        assert_eq!(tickets.asked(2, at), Some(false));

        // and when the worker is on to the search, a newer letter stops it at once
        tickets.stop();
        assert!(tickets.start(2, search("sa").runs_long()));
        assert_eq!(tickets.asked(3, at), Some(true));
    }

    #[test]
    fn an_idle_worker_is_not_interrupted() {
        // Given a worker that answered question 1 and waits
        let tickets = Tickets::default();
        let at = Instant::now();
        assert_eq!(tickets.asked(1, at), None);
        assert!(tickets.start(1, true));
        tickets.stop();

        // When the next is asked, nothing is interrupted
        assert_eq!(tickets.asked(2, at), None);
    }

    #[test]
    fn the_question_started_next_is_interrupted_by_the_key_after_it() {
        // Given question 1 interrupted by 2, and the worker on to 3, the newest
        let tickets = Tickets::default();
        let at = Instant::now();
        assert!(tickets.start(1, true));
        assert!(tickets.asked(2, at).is_some());
        assert_eq!(tickets.asked(3, at), None);
        tickets.stop();
        assert!(tickets.start(3, true));

        // When 4 is asked at once, 3 is interrupted in its turn
        assert!(tickets.asked(4, at).is_some());
    }

    #[test]
    fn a_question_superseded_as_it_starts_is_not_run() {
        // Given question 1 taken from the inbox as question 2 is asked
        let tickets = Tickets::default();
        let at = Instant::now();
        assert_eq!(tickets.asked(1, at), None);
        assert_eq!(tickets.asked(2, at), None);

        // When the worker starts 1, it is told to take the newer one
        assert!(!tickets.start(1, true));
        assert!(tickets.start(2, true));
    }
}
