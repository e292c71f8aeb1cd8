//! A synchronous face on one PostgreSQL connection: rows for a statement and its values, which
//! `sql` turns into the connection interface the aggregates are written over.
//!
//! Why its own: the store interface is synchronous and the app calls it from inside a tokio
//! runtime, where the blocking `postgres` client panics (it starts a runtime of its own). Here
//! the connections are the pool's, driven on the pool's thread (`pool`), and each question is a
//! `tokio_postgres` future polled to its end by `futures_executor::block_on`, which needs no
//! runtime and refuses none. A `Connection` takes one of the pool's connections at its first
//! question and gives it back when told its session rests (`release`).
//!
//! Values are loose as SQLite's are: a number binds to whatever integer, boolean or text the
//! server expects, so the schema can keep SQLite's 0/1 flags and the SQL stays the same.

use std::cell::{Cell, Ref, RefCell};
use std::error::Error as StdError;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use bytes::BytesMut;
use deadpool_postgres::Object;
use futures_executor::block_on;
use futures_util::future::join_all;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use tokio_postgres::{CancelToken, Statement};

use puls_store::StoreError;

use crate::cancel::{self, Server};
use crate::pool::Pool;

/// What a question to the database can end in besides its answer.
#[derive(Debug)]
pub enum DbError {
    /// `query_row` found no row: `optional()` turns this into `None`.
    NoRows,
    Postgres(tokio_postgres::Error),
    /// A value read as a type it cannot be.
    Value(String),
    /// No connection: the pool's were all in use for too long, or the server is not reached.
    Store(StoreError),
}

pub type SqlResult<T> = std::result::Result<T, DbError>;

impl From<tokio_postgres::Error> for DbError {
    fn from(e: tokio_postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NoRows => StoreError::Backend("no row where one was expected".to_owned()),
            DbError::Value(v) => StoreError::Backend(v),
            DbError::Store(e) => e,
            DbError::Postgres(e) => backend_error(&e),
        }
    }
}

/// The server's words, the way SQLite's reach the user: a lock that waited too long is `Busy`,
/// a cancelled question `Interrupted`.
pub fn backend_error(e: &tokio_postgres::Error) -> StoreError {
    match e.code() {
        Some(c)
            if *c == SqlState::LOCK_NOT_AVAILABLE || *c == SqlState::T_R_SERIALIZATION_FAILURE =>
        {
            StoreError::Busy
        }
        Some(c) if *c == SqlState::QUERY_CANCELED => StoreError::Interrupted,
        _ => match e.as_db_error() {
            Some(db) => StoreError::Backend(db.message().to_owned()),
            None => StoreError::Backend(e.to_string()),
        },
    }
}

/// A value to bind, whatever type the server expects for its place.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Real(f64),
    Text(String),
}

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => int_to_sql(*i, ty, out),
            Value::Bool(b) => {
                if *ty == Type::BOOL {
                    b.to_sql(ty, out)
                } else {
                    int_to_sql(i64::from(*b), ty, out)
                }
            }
            Value::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::FLOAT8 => f.to_sql(ty, out),
                _ => text_to_sql(&f.to_string(), out),
            },
            Value::Text(s) => match *ty {
                Type::INT8 | Type::INT4 | Type::INT2 => {
                    int_to_sql(s.trim().parse::<i64>()?, ty, out)
                }
                _ => text_to_sql(s, out),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn int_to_sql(i: i64, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    match *ty {
        Type::INT8 => i.to_sql(ty, out),
        Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
        Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
        Type::BOOL => (i != 0).to_sql(ty, out),
        Type::FLOAT8 => (i as f64).to_sql(ty, out),
        _ => text_to_sql(&i.to_string(), out),
    }
}

/// Text in the binary format of `text`, `varchar`, `citext` and the rest: its UTF-8 bytes.
fn text_to_sql(s: &str, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    out.extend_from_slice(s.as_bytes());
    Ok(IsNull::No)
}

/// A session's way to the database: one of the pool's connections while it works, none while
/// it rests. Each connection keeps the statements it has prepared, whoever prepared them.
pub struct Connection {
    pool: Arc<Pool>,
    held: RefCell<Option<Object>>,
    /// Whose session it is: set on a connection taken unless the pool remembers it set up for
    /// it, for the restricted record's policy.
    account: String,
    /// How long a write waits for a lock, or for a connection, before it says `Busy`.
    lock_timeout: Duration,
    /// What cancels the question running on the connection held, for `Interrupt`.
    running: Arc<Running>,
    /// Answers to questions asked ahead (`ask_ahead`), each read once.
    ahead: RefCell<Vec<Answered>>,
    /// Inside a write: questions are not asked ahead there, where one that failed would end
    /// the transaction before the question's own turn could say why.
    writing: Cell<bool>,
}

/// A question asked ahead, and its answer.
struct Answered {
    sql: String,
    values: Vec<Value>,
    rows: Vec<tokio_postgres::Row>,
}

impl Answered {
    fn is(&self, sql: &str, values: &[Value]) -> bool {
        self.sql == sql && self.values == values
    }
}

/// What cancels a session's question, while it holds a connection. A cancel in flight holds
/// it until the server has acted on it (see `cancel`), so neither the connection's next
/// session nor this session's next question is the one it stops: the connection goes back to
/// the pool, and a question begins (`Connection::forget_stop`), only once no cancel is on its
/// way.
#[derive(Default)]
pub struct Running {
    /// Where the cancels go.
    server: Option<Server>,
    token: futures_util::lock::Mutex<Option<CancelToken>>,
    /// The second connection's, while questions are asked side by side on it, held the same
    /// way.
    beside: futures_util::lock::Mutex<Option<CancelToken>>,
    /// A cancel is being sent: each costs the server a connection's start, and keys typed
    /// meanwhile want the same question stopped, so they send none of their own.
    cancelling: AtomicBool,
    /// The session's question is to stop, though the server may not have it yet: a cancel
    /// that reaches the server before its statement does stops nothing, so the session's next
    /// statement is not sent. Cleared when the server says it cancelled one, and when the
    /// next question begins (`Connection::forget_stop`).
    stop: AtomicBool,
    /// A statement of the session's is on its way to the server or running there.
    asking: AtomicBool,
    /// The same, on the second connection of questions asked side by side.
    asking_beside: AtomicBool,
    /// How many cancels were sent to the server.
    pub(crate) sent: AtomicUsize,
}

/// How many cancels one interrupt sends at most, [`CANCEL_AGAIN`] apart, while its statement
/// still runs: a cancel that reaches the server between two messages of a statement (after its
/// bind, before its execute) is let go there, and in about one search in twenty a stale one
/// then ran its 25 ms to the end after the last letter.
const CANCEL_TRIES: usize = 4;
const CANCEL_AGAIN: Duration = Duration::from_millis(5);

impl Running {
    fn hold(&self, token: Option<CancelToken>) {
        *block_on(self.token.lock()) = token;
    }

    fn hold_beside(&self, token: Option<CancelToken>) {
        *block_on(self.beside.lock()) = token;
    }

    /// Stops the session's question before its next statement, and lets the statement
    /// running now end: for questions of short statements, whose cancel would cost the server
    /// more (a process forked to deliver it) than the rest of the statement does.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    /// Says that a statement of the session's is on its way (`asking`, or `asking_beside`),
    /// and whether its question is to stop after all: either this sees the stop, or the
    /// stop's cancel sees the statement out and cancels it. Asked once the connection is held,
    /// whose token the cancel needs: a stop that came while a connection was taken used to
    /// find nothing to cancel, and let a stale search run its 30 ms to the end.
    fn asks(&self, asking: &AtomicBool) -> bool {
        asking.store(true, Ordering::SeqCst);
        self.stop.load(Ordering::SeqCst)
    }

    /// Stops the session's question: its next statement is not sent, and the statement
    /// running now is cancelled on the pool's driver (unless a cancel is on its way already).
    /// Nothing is sent to the server when no connection is held, or when no statement runs
    /// any more.
    pub fn cancel(self: &Arc<Self>) {
        self.stop();
        if self.cancelling.swap(true, Ordering::AcqRel) {
            return;
        }
        let running = Arc::clone(self);
        let sent = crate::pool::spawn(async move {
            // Sent while the stop is not done (the server's cancel, or the stop refusing the
            // next statement, clears it) and a statement is still out.
            for _ in 0..CANCEL_TRIES {
                // Held while the cancels go out, not between tries: a connection goes back,
                // and a question begins, only once no cancel is on its way, and without
                // waiting for a retry.
                let held = running.token.lock().await;
                let beside = running.beside.lock().await;
                // Under the lock: once a question has begun, no stop meant for the one
                // before it sends a cancel.
                if !running.stop.load(Ordering::SeqCst) {
                    break;
                }
                // Only where a statement still runs: a cancel for an idle connection forks a
                // server process for nothing.
                let out = [
                    (held.as_ref(), &running.asking),
                    (beside.as_ref(), &running.asking_beside),
                ];
                let tokens: Vec<&CancelToken> = out
                    .into_iter()
                    .filter(|(_, asking)| asking.load(Ordering::SeqCst))
                    .filter_map(|(token, _)| token)
                    .collect();
                if tokens.is_empty() {
                    break;
                }
                let server = running.server.as_ref();
                running.sent.fetch_add(tokens.len(), Ordering::Relaxed);
                join_all(
                    tokens
                        .into_iter()
                        .map(|token| cancel::deliver(token, server)),
                )
                .await;
                drop((held, beside));
                tokio::time::sleep(CANCEL_AGAIN).await;
            }
            running.cancelling.store(false, Ordering::Release);
        });
        if sent.is_err() {
            self.cancelling.store(false, Ordering::Release);
        }
    }
}

/// The answers `client` gives to `questions`, all sent before any is read; a question the
/// server could not prepare is left out.
async fn answers<'q>(
    client: &Object,
    questions: Vec<&'q (String, Vec<Value>)>,
) -> Vec<(
    &'q (String, Vec<Value>),
    Result<Vec<tokio_postgres::Row>, tokio_postgres::Error>,
)> {
    let statements = join_all(questions.iter().map(|(sql, _)| client.prepare_cached(sql))).await;
    let asked: Vec<_> = questions
        .into_iter()
        .zip(statements)
        .filter_map(|(question, statement)| Some((question, statement.ok()?)))
        .collect();
    let answers = join_all(asked.iter().map(|((_, values), statement)| {
        let refs: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        async move { client.query(statement, &refs).await }
    }))
    .await;
    asked
        .into_iter()
        .map(|(question, _)| question)
        .zip(answers)
        .collect()
}

/// A write runs on the connection between `BEGIN` and `COMMIT`: the same calls.
pub type Transaction = Connection;

impl Connection {
    /// A session on `pool` for `account`; it takes a connection at its first question.
    pub fn new(pool: Arc<Pool>, account: &str, lock_timeout: Duration) -> Connection {
        Connection {
            running: Arc::new(Running {
                server: pool.cancels().cloned(),
                ..Running::default()
            }),
            pool,
            held: RefCell::new(None),
            account: account.to_owned(),
            lock_timeout,
            ahead: RefCell::default(),
            writing: Cell::new(false),
        }
    }

    /// Another session on the same pool, for the same account.
    pub fn beside(&self) -> Connection {
        Connection::new(Arc::clone(&self.pool), &self.account, self.lock_timeout)
    }

    /// The pool's connection this session holds, taken (and set up for the session) if it
    /// holds none.
    fn client(&self) -> SqlResult<Ref<'_, Object>> {
        if self.held.borrow().is_none() {
            let client = self
                .pool
                .checkout(self.lock_timeout)
                .map_err(DbError::Store)?;
            self.set_up(&client)?;
            self.running.hold(Some(client.cancel_token()));
            *self.held.borrow_mut() = Some(client);
        }
        Ref::filter_map(self.held.borrow(), Option::as_ref)
            .map_err(|_| DbError::Value("no connection held".to_owned()))
    }

    /// Sets `client` up for this session. A connection may have been another session's a
    /// moment ago: unless it was set up for this one, its settings are not this session's.
    /// They are set outside any transaction (a rollback would undo them, unknown to the pool's
    /// memory).
    fn set_up(&self, client: &Object) -> SqlResult<()> {
        let lock_timeout = self.lock_timeout.as_millis().max(1).to_string();
        let setup = format!("{}\n{lock_timeout}", self.account);
        if !self.pool.is_set_up_for(client, &setup) {
            // No JIT: puls asks short questions, and a plan the server thinks dear enough to
            // compile (a related-entries question under the region's policies) took 170 ms to
            // compile for a few ms of work.
            let statement = block_on(client.prepare_cached(
                "SELECT set_config('puls.account', $1, false), set_config('lock_timeout', $2, false),
                        set_config('jit', 'off', false)",
            ))?;
            block_on(client.query(&statement, &[&self.account, &lock_timeout]))?;
            self.pool.set_up(client, &setup);
        }
        Ok(())
    }

    /// A second connection for questions asked side by side, set up for this session: one the
    /// pool has free or room to open now, else none (the questions then share the one held).
    fn second(&self) -> Option<Object> {
        let client = self.pool.checkout(Duration::ZERO).ok()?;
        self.set_up(&client).ok()?;
        Some(client)
    }

    /// Takes a connection and gives it back set up for this session, so that the first
    /// question that needs one more finds it open: opening costs a connection's start on the
    /// server.
    pub fn warm(&self) {
        if let Some(client) = self.second() {
            drop(client);
        }
    }

    /// Gives the connection held back to the pool. Only between questions: never inside a
    /// write, whose transaction would go with it.
    pub fn release(&self) {
        self.let_go(false);
    }

    /// Lets go of the connection held: back to the pool, or (`for_good`) out of it, the pool
    /// starting another in its place.
    fn let_go(&self, for_good: bool) {
        self.forget_ahead();
        let held = self.held.borrow_mut().take();
        if let Some(held) = held {
            // Before another session can take it: an interrupt meant for this one must not
            // reach that one's question.
            self.running.hold(None);
            if for_good {
                drop(Object::take(held));
            }
        }
        // Between questions: nothing runs that a stop could still be for.
        self.forget_stop();
    }

    /// Lets go of the connection held if the server has closed it, so the next question takes
    /// another; true if it did. Between questions only, as `release`.
    pub fn release_if_closed(&self) -> bool {
        let closed = self.held.borrow().as_ref().is_some_and(|c| c.is_closed());
        if closed {
            self.release();
        }
        closed
    }

    /// The session's account from now on.
    pub fn set_account(&mut self, account: &str) {
        self.release();
        account.clone_into(&mut self.account);
    }

    /// A new question begins: a stop asked before it was for the one before. Once its cancel,
    /// if one is on its way, has been delivered.
    pub fn forget_stop(&self) {
        let _spent = block_on(self.running.token.lock());
        self.running.stop.store(false, Ordering::SeqCst);
    }

    /// What cancels the question this session is running, from another thread.
    pub fn running(&self) -> Arc<Running> {
        Arc::clone(&self.running)
    }

    fn statement(&self, sql: &str) -> SqlResult<Statement> {
        Ok(block_on(self.client()?.prepare_cached(sql))?)
    }

    /// From now until `writing(false)`, the session writes.
    pub fn writing(&self, writing: bool) {
        self.forget_ahead();
        self.writing.set(writing);
    }

    /// Sends every question before reading any answer (tokio-postgres pipelines questions
    /// whose futures are polled together): one round trip. The answers wait for `rows` to
    /// ask the same question with the same values. A question that fails is left to be asked
    /// again in its turn, which says why; one whose answer waits already is not asked again.
    /// `other` goes to a second connection (see `Db::ask_ahead_side_by_side`) when the pool
    /// has one, else after `one` on this one.
    pub fn ask_ahead(&self, one: Vec<(String, Vec<Value>)>, other: Vec<(String, Vec<Value>)>) {
        // A question to stop is stopped in its turn (see `rows`), not asked ahead.
        if self.writing.get() || self.running.stop.load(Ordering::SeqCst) {
            return;
        }
        let (one, other) = {
            let ahead = self.ahead.borrow();
            let new = |questions: &Vec<(String, Vec<Value>)>| -> Vec<_> {
                questions
                    .iter()
                    .filter(|(sql, values)| !ahead.iter().any(|a| a.is(sql, values)))
                    .cloned()
                    .collect()
            };
            (new(&one), new(&other))
        };
        if one.is_empty() && other.is_empty() {
            return;
        }
        let Ok(client) = self.client() else {
            return;
        };
        let second = if one.is_empty() || other.is_empty() {
            None
        } else {
            self.second()
        };
        if self.running.asks(&self.running.asking) {
            self.running.asking.store(false, Ordering::SeqCst);
            return;
        }
        let answers = match &second {
            Some(second) => {
                // An interrupt stops both halves: a stale search's other half ran on for up to
                // a hundred milliseconds on the region demo while the newest question waited.
                // Only while it runs: a cancel for a half that has ended forks a server
                // process for nothing. Let go of before the connection goes back, as `let_go`
                // does with the one held.
                self.running.hold_beside(Some(second.cancel_token()));
                if self.running.asks(&self.running.asking_beside) {
                    self.running.asking.store(false, Ordering::SeqCst);
                    self.running.asking_beside.store(false, Ordering::SeqCst);
                    self.running.hold_beside(None);
                    return;
                }
                let mine = async {
                    let answered = answers(&client, one.iter().collect()).await;
                    self.running.asking.store(false, Ordering::SeqCst);
                    answered
                };
                let theirs = async {
                    let answered = answers(second, other.iter().collect()).await;
                    self.running.asking_beside.store(false, Ordering::SeqCst);
                    answered
                };
                let (mut mine, its) = block_on(futures_util::future::join(mine, theirs));
                self.running.hold_beside(None);
                mine.extend(its);
                mine
            }
            None => block_on(answers(&client, one.iter().chain(&other).collect())),
        };
        self.running.asking.store(false, Ordering::SeqCst);
        drop(second);
        let mut ahead = self.ahead.borrow_mut();
        for ((sql, values), answer) in answers {
            match answer {
                Ok(rows) => ahead.push(Answered {
                    sql: sql.clone(),
                    values: values.clone(),
                    rows,
                }),
                // The stop it was cancelled for ends the reading at its next statement, which
                // would otherwise ask the cancelled question again from its start.
                Err(e) if e.code() == Some(&SqlState::QUERY_CANCELED) => {
                    self.running.stop.store(true, Ordering::SeqCst);
                }
                // Asked again in its turn, which says why.
                Err(_) => {}
            }
        }
    }

    /// Drops the answers asked ahead and not read.
    pub fn forget_ahead(&self) {
        self.ahead.borrow_mut().clear();
    }

    /// Drops the answers to `questions` asked ahead and not read.
    pub fn forget_answers(&self, questions: &[(String, Vec<Value>)]) {
        self.ahead
            .borrow_mut()
            .retain(|a| !questions.iter().any(|(sql, values)| a.is(sql, values)));
    }

    /// The answer asked ahead to `sql` with `values`, taken.
    fn answered(&self, sql: &str, values: &[Value]) -> Option<Vec<tokio_postgres::Row>> {
        let mut ahead = self.ahead.borrow_mut();
        let i = ahead.iter().position(|a| a.is(sql, values))?;
        Some(ahead.swap_remove(i).rows)
    }

    /// Every row `sql` answers with.
    pub fn rows(&self, sql: &str, values: Vec<Value>) -> SqlResult<Vec<tokio_postgres::Row>> {
        if let Some(rows) = self.answered(sql, &values) {
            if !self.writing.get() && self.running.stop.swap(false, Ordering::SeqCst) {
                return Err(DbError::Store(StoreError::Interrupted));
            }
            return Ok(rows);
        }
        self.client()?;
        if self.running.asks(&self.running.asking) && !self.writing.get() {
            self.running.asking.store(false, Ordering::SeqCst);
            self.running.stop.store(false, Ordering::SeqCst);
            return Err(DbError::Store(StoreError::Interrupted));
        }
        let asked = self.ask(sql, &values);
        self.running.asking.store(false, Ordering::SeqCst);
        asked
    }

    fn ask(&self, sql: &str, values: &[Value]) -> SqlResult<Vec<tokio_postgres::Row>> {
        let statement = self.statement(sql)?;
        let refs: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        self.heard(block_on(self.client()?.query(&statement, &refs)))
    }

    /// The server's answer; a cancel it reports is the stop asked for, done.
    fn heard<T>(&self, answer: Result<T, tokio_postgres::Error>) -> Result<T, DbError> {
        answer.map_err(|e| {
            if e.code() == Some(&tokio_postgres::error::SqlState::QUERY_CANCELED) {
                self.running.stop.store(false, Ordering::SeqCst);
            }
            DbError::from(e)
        })
    }

    pub fn execute(&self, sql: &str, values: Vec<Value>) -> SqlResult<usize> {
        // A change makes the answers asked ahead old.
        self.forget_ahead();
        let statement = self.statement(sql)?;
        let refs: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let n = block_on(self.client()?.execute(&statement, &refs))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// A write's `BEGIN` batch. On a connection the server has closed or is closing since the
    /// session's last question nothing was begun: it is let go for good, and another takes its
    /// place. (A closed connection may not know it yet when the server's farewell is the
    /// answer to this very batch.) The pool's other connections may have been dropped with
    /// it (a server restarting drops them all), so each that is is let go in turn: at most
    /// as many as the pool holds, and one it opens anew.
    pub fn begin(&self, sql: &str) -> SqlResult<()> {
        self.forget_ahead();
        let mut tries = self.pool.max_size() + 1;
        loop {
            let begun = {
                let client = self.client()?;
                block_on(client.batch_execute(sql))
            };
            match begun {
                Err(e)
                    if tries > 1
                        && (e.is_closed() || e.code() == Some(&SqlState::ADMIN_SHUTDOWN)) =>
                {
                    self.let_go(true);
                    tries -= 1;
                }
                begun => return Ok(begun?),
            }
        }
    }

    /// Statements with no parameters, separated by `;`: migrations, `BEGIN`, `COMMIT`.
    pub fn execute_batch(&self, sql: &str) -> SqlResult<()> {
        self.forget_ahead();
        Ok(block_on(self.client()?.batch_execute(sql))?)
    }

    /// The id the last insert drew from its sequence, as SQLite's `last_insert_rowid`.
    pub fn last_insert_rowid(&self) -> i64 {
        self.rows("SELECT lastval()", Vec::new())
            .ok()
            .and_then(|rows| rows.first()?.try_get(0).ok())
            .unwrap_or_default()
    }
}
