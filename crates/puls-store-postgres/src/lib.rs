//! PostgreSQL storage: the store interface of `puls-store` ([`puls_store::Backend`]) over a
//! database server, for a region where one SQLite file on one machine is not enough.
//!
//! The same behaviour as SQLite's `Store`, proven by the same conformance tests, and mostly by
//! the same code: the aggregates are puls-store's, run over this connection (`sql`); only the
//! searches are written here. Every write in one transaction with its
//! audit row; writes one at a time (a transaction-scoped advisory lock, as SQLite's
//! `BEGIN IMMEDIATE`), so a version read in a write is the version written over; a `NOTIFY` in
//! every write, which other sessions hear as `others_changed`.

mod cancel;
mod copy;
mod db;
mod knowledge_search;
mod link;
mod migrate;
mod pool;
mod region;
mod server;
mod sql;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use puls_domain::clock::Clock;
use puls_domain::session::Session;
#[allow(clippy::wildcard_imports)]
use puls_store::*;

pub use copy::{TABLES, Table};
pub use db::Value;
use db::{Connection, Transaction};
pub use link::shown;
use puls_store::shared::{history, time};
use puls_store::sql::Stamp;
pub use region::{DEMO_MUNICIPALITIES, DEMO_NUMBERS_APART};
pub use server::{create_database, drop_database, reachable, with_database};

pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// One session's store on a PostgreSQL database, acting for one person: a connection of the
/// process's pool for the database while it works (see `pool`).
pub struct PgStore {
    conn: Connection,
    pool: Arc<pool::Pool>,
    url: String,
    who: String,
    clock: Arc<dyn Clock>,
    health_terms: Vec<String>,
    session: Session,
    /// The team's group, given the files this store writes for people.
    group: Option<String>,
    /// The flow's rules the organisation chose.
    rules: puls_domain::arena::Rules,
    /// Other sessions' writes, as the pool's listener hears them.
    ear: link::Ear,
    /// The session's municipality, once asked (see `PgStore::here`).
    here: std::sync::OnceLock<String>,
}

/// The key of the advisory lock every write holds: one writer at a time, as SQLite's.
const WRITE_LOCK: i64 = 0x5055_4C53;

impl PgStore {
    /// Opens the database at `url` (`postgres://user@host:port/name`), bringing its schema up
    /// to date, acting as `who`. A database of a newer puls is refused before anything is
    /// written to it.
    pub fn open(
        url: &str,
        who: &str,
        clock: Arc<dyn Clock>,
        options: &StoreOptions,
    ) -> Result<PgStore> {
        let pool = pool::of(url, options.pool_size)?;
        let conn = Connection::new(Arc::clone(&pool), who, options.busy_timeout);
        // The listening connection is opened while the schema is checked, not after: each
        // costs a connection's start on the server.
        // So is a second connection, for the board's questions side by side; nothing waits
        // for it.
        let second = conn.beside();
        std::thread::spawn(move || second.warm());
        let (migrated, ear) = std::thread::scope(|scope| {
            let ear = scope.spawn(|| pool.listener.ear());
            let migrated = migrate::to_latest(&conn, url);
            (migrated, ear.join())
        });
        migrated?;
        conn.release();
        let ear =
            ear.map_err(|_| StoreError::Backend("the listener's start failed".to_owned()))??;
        Ok(PgStore {
            conn,
            pool,
            url: url.to_owned(),
            who: who.to_owned(),
            clock,
            health_terms: options.health_terms.clone(),
            session: Session::default(),
            group: options.group.clone(),
            rules: options.rules,
            ear,
            here: std::sync::OnceLock::new(),
        })
    }

    /// The database as it may be shown: its URL without a password.
    pub fn url(&self) -> String {
        link::shown(&self.url)
    }

    /// A second session on the same database, for a worker thread: a slow question holds a
    /// connection of the pool's of its own, never the one the keys use.
    pub fn reader(&self) -> Result<PgStore> {
        Ok(PgStore {
            conn: self.conn.beside(),
            pool: Arc::clone(&self.pool),
            url: self.url.clone(),
            who: self.who.clone(),
            clock: self.clock.clone(),
            health_terms: self.health_terms.clone(),
            session: self.session,
            group: self.group.clone(),
            rules: self.rules,
            ear: self.pool.listener.ear()?,
            here: self.here.clone(),
        })
    }

    /// Writes a file for people (an export, a report, an extract), as SQLite's store does: new,
    /// whole or not at all, the team's when a group is configured.
    pub fn write_file(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
        let options = StoreOptions {
            group: self.group.clone(),
            ..StoreOptions::default()
        };
        puls_store::write_for_people(target, bytes, &options, replace)
    }

    /// True when the files this store writes are its team's.
    pub fn writes_for_team(&self) -> bool {
        self.group.is_some()
    }

    /// Stops whatever this store is running, from any thread; the question fails with
    /// `StoreError::Interrupted`.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.running())
    }

    /// Runs `f` in one transaction, alone among writers: all of it lands, or none of it.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &Stamp) -> Result<T>,
    ) -> Result<T> {
        let stamp = Stamp {
            rules: self.rules,
            who: &self.who,
            at: self.clock.now(),
            health_terms: &self.health_terms,
            session: self.session,
        };
        let tx = &self.conn;
        tx.writing(true);
        // Two round trips, not four: the lock is taken with the `BEGIN`, the notification
        // sent with the `COMMIT`.
        let begin = format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})");
        let begun = tx.begin(&begin);
        // Marked as this store's: its own write is no news to it. The payload is the pool's
        // mark and a number, quoted all the same.
        let payload = sql::text_literal(&self.pool.listener.payload(self.ear.store()));
        let done = begun
            .map_err(StoreError::from)
            .and_then(|()| f(tx, &stamp))
            .and_then(|value| {
                tx.execute_batch(&format!(
                    "SELECT pg_notify('{}', {payload}); COMMIT",
                    link::CHANNEL
                ))?;
                Ok(value)
            });
        if done.is_err() {
            // A connection that broke mid-write has rolled back on the server already.
            let _ = tx.execute_batch("ROLLBACK");
        }
        tx.writing(false);
        // The end of a write is a pause of its own: a session that never rests (a command, a
        // worker of the caller's) holds a connection only while it reads.
        tx.release();
        done
    }
}

/// Stops what one store is running, from another thread.
pub struct Interrupt(Arc<db::Running>);

impl Interrupt {
    /// Asks the server to cancel the question running now on the connection the store holds,
    /// over a connection of its own; nothing when the store holds none (it runs nothing).
    pub fn interrupt(&self) {
        self.0.cancel();
    }

    /// Stops the question at its next statement, sending the server nothing: the statement
    /// running now ends as it would.
    pub fn stop(&self) {
        self.0.stop();
    }
}

impl SessionStore for PgStore {
    fn warnings(&self) -> &[Warning] {
        &[]
    }

    fn set_session(&mut self, session: Session) {
        self.session = session;
    }

    fn session(&self) -> Session {
        self.session
    }

    fn who(&self) -> &str {
        &self.who
    }

    fn act_as(&mut self, who: &str) -> Result<()> {
        // The restricted record's policy asks the connection whose session it is.
        self.conn.set_account(who);
        who.clone_into(&mut self.who);
        Ok(())
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn today(&self) -> chrono::NaiveDate {
        self.session.day(self.clock.now())
    }

    /// Another session's `NOTIFY`, heard by the pool's listener (see `Listener::others_changed`
    /// for why a commit finished before this call is always heard).
    fn others_changed(&mut self) -> Result<bool> {
        let changed = self.pool.listener.others_changed(&mut self.ear);
        // A connection the server dropped is not kept for the reload that follows.
        self.conn.release_if_closed();
        changed
    }

    /// The session rests: its connection goes back to the pool for another.
    fn rest(&mut self) {
        self.conn.release();
    }

    fn begin(&mut self) {
        self.conn.forget_stop();
    }

    fn is_empty(&self) -> Result<bool> {
        puls_store::sql::is_empty(&self.conn)
    }

    fn meta(&self, key: &str) -> Result<Option<String>> {
        puls_store::sql::meta(&self.conn, key)
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, _| puls_store::sql::set_meta(tx, key, value))
    }
}

/// A database named by its URL where the store's errors name a path.
pub(crate) fn as_path(url: &str) -> PathBuf {
    PathBuf::from(link::shown(url))
}

impl puls_store::sql::SqlStore for PgStore {
    fn db(&self) -> &dyn puls_store::sql::Db {
        &self.conn
    }

    fn write<T>(
        &mut self,
        f: impl FnOnce(&dyn puls_store::sql::Db, &Stamp) -> Result<T>,
    ) -> Result<T> {
        PgStore::write(self, |tx, stamp| f(tx, stamp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use puls_domain::clock::SystemClock;
    use puls_store::sql::{Db, SqlResult, params};

    /// A fresh database on the tests' server (the server's URL, the database's name and URL),
    /// or None (saying why) where none answers, except under `CI=true`.
    fn database(name: &str) -> Option<(String, String, String)> {
        let server = std::env::var("PULS_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/postgres".to_owned());
        if let Err(e) = reachable(&server) {
            assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "{e}");
            eprintln!("skipping: {e}");
            return None;
        }
        let name = format!("puls_unit_{name}_{}", std::process::id());
        let url = create_database(&server, &name).ok()?;
        Some((server, name, url))
    }

    fn session(url: &str, who: &str) -> PgStore {
        let options = StoreOptions {
            pool_size: 1,
            ..StoreOptions::default()
        };
        PgStore::open(url, who, Arc::new(SystemClock), &options).unwrap()
    }

    fn asked(store: &PgStore, sql: &str) -> String {
        (&store.conn as &dyn Db)
            .query_row(sql, params![], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_connection_taken_from_the_pool_names_the_account_of_the_session_that_took_it() {
        let Some((server, name, url)) = database("account") else {
            return;
        };
        // Given the pool's one connection, last used by the coordinator's session
        let (mut maja, jonas) = (session(&url, "maja"), session(&url, "jonas"));
        let majas = asked(&maja, "SELECT pg_backend_pid()::text");
        assert_eq!(
            asked(&maja, "SELECT current_setting('puls.account')"),
            "maja"
        );
        maja.rest();

        // When another session takes it
        let jonass = asked(&jonas, "SELECT pg_backend_pid()::text");

        // Then it is the same connection, and it names the account whose session it now is,
        // which the restricted record's policy asks
        assert_eq!(majas, jonass);
        assert_eq!(
            asked(&jonas, "SELECT current_setting('puls.account')"),
            "jonas"
        );
        // and runs no question through the JIT compiler
        assert_eq!(asked(&jonas, "SELECT current_setting('jit')"), "off");
        drop((maja, jonas));
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn a_connection_set_up_for_the_session_that_takes_it_back_is_not_set_up_again() {
        let Some((server, name, url)) = database("setup") else {
            return;
        };
        // Given the pool's one connection, set up for the coordinator's session, whose setting
        // is then changed behind the pool's back (puls itself never does)
        let (mut maja, mut jonas) = (session(&url, "maja"), session(&url, "jonas"));
        asked(&maja, "SELECT set_config('puls.account', 'marked', false)");
        maja.rest();

        // When the same session takes it back, no round trip sets it up again
        assert_eq!(
            asked(&maja, "SELECT current_setting('puls.account')"),
            "marked"
        );
        maja.rest();

        // Then another account's session sets it up for itself, and the first again after it
        assert_eq!(
            asked(&jonas, "SELECT current_setting('puls.account')"),
            "jonas"
        );
        jonas.rest();
        assert_eq!(
            asked(&maja, "SELECT current_setting('puls.account')"),
            "maja"
        );
        drop((maja, jonas));
        drop_database(&server, &name).unwrap();
    }

    /// The probe's one value, asked through the shared connection interface.
    fn probe(db: &dyn Db) -> i64 {
        db.query_row("SELECT x FROM probe", params!(), |r| r.get(0))
            .unwrap()
    }

    const PROBE: &str = "SELECT x FROM probe";

    #[test]
    fn questions_asked_ahead_are_answered_before_they_are_read_and_never_after_a_change() {
        let Some((server, name, url)) = database("ahead") else {
            return;
        };
        let mut store = session(&url, "maja");
        store
            .conn
            .execute_batch("CREATE TABLE probe (x bigint); INSERT INTO probe VALUES (1)")
            .unwrap();
        let db: &dyn Db = &store.conn;

        // A question asked ahead is answered before its reading runs
        let now = "SELECT clock_timestamp()::text";
        let (ahead, read_at) = db.together(&[(now, &[])], || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            let read_at: String = db
                .query_row(
                    "SELECT clock_timestamp()::text AS read_at",
                    params!(),
                    |r| r.get(0),
                )
                .unwrap();
            let ahead: String = db.query_row(now, params!(), |r| r.get(0)).unwrap();
            (ahead, read_at)
        });
        assert!(ahead < read_at, "{ahead} was asked ahead of {read_at}");

        // A change in the reading makes the answer asked ahead old: it is asked again
        let changed = db.together(&[(PROBE, &[])], || {
            db.execute("UPDATE probe SET x = 2", params!()).unwrap();
            probe(db)
        });
        assert_eq!(changed, 2);

        // An answer not read in its reading is not kept for a later one
        db.together(&[(now, &[])], || ());
        std::thread::sleep(std::time::Duration::from_millis(200));
        let later: String = db.query_row(now, params!(), |r| r.get(0)).unwrap();
        assert!(
            later > read_at,
            "{later} is an answer from before {read_at}"
        );

        // Inside a write nothing is asked ahead: a question that fails would end the write's
        // transaction before its own turn
        let written = store.write(|tx, _| {
            let db: &dyn Db = tx;
            Ok(db.together(&[("SELECT 1 / 0", &[])], || probe(db)))
        });
        assert_eq!(written.unwrap(), 2);
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn the_board_counts_each_team_from_its_index_alone_in_arena_order() {
        let Some((server, name, url)) = database("team") else {
            return;
        };
        let store = session(&url, "maja");
        let db: &dyn Db = &store.conn;
        // (The planner told to prefer reading an index in its order, as it does once the
        // allocations are many.)
        store
            .conn
            .execute_batch("SET enable_seqscan = off; SET enable_bitmapscan = off")
            .unwrap();
        let plan = db
            .query_map(
                "EXPLAIN SELECT arena_id, count(DISTINCT person_id) FROM allocations
                 WHERE from_date <= '2026-12-07' AND (to_date IS NULL OR to_date >= '2026-12-07')
                 GROUP BY arena_id",
                params!(),
                |r| r.get::<_, String>(0),
            )
            .unwrap()
            .join("\n");
        assert!(
            plan.contains("Index Only Scan using allocations_team"),
            "{plan}"
        );
        assert!(!plan.contains("Sort"), "{plan}");
        store
            .conn
            .execute_batch("RESET enable_seqscan; RESET enable_bitmapscan")
            .unwrap();
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn questions_side_by_side_run_on_two_connections_at_once_when_the_pool_has_two() {
        let Some((server, name, url)) = database("side") else {
            return;
        };
        let nap = "SELECT pg_backend_pid() FROM pg_sleep(0.5)";
        let other_nap = "SELECT pg_backend_pid() AS other FROM pg_sleep(0.5)";
        let pid =
            |db: &dyn Db, sql: &str| -> i32 { db.query_row(sql, params!(), |r| r.get(0)).unwrap() };
        let two_naps = |store: &PgStore| {
            let db: &dyn Db = &store.conn;
            let started = std::time::Instant::now();
            let pids = db.side_by_side(&[(nap, &[])], &[(other_nap, &[])], || {
                (pid(db, nap), pid(db, other_nap))
            });
            (pids, started.elapsed())
        };

        // Given a pool with room for two connections, two half-second questions side by side
        // take half a second, each on a connection of its own
        let options = StoreOptions {
            pool_size: 2,
            ..StoreOptions::default()
        };
        let store = PgStore::open(&url, "maja", Arc::new(SystemClock), &options).unwrap();
        let ((one, other), took) = two_naps(&store);
        assert_ne!(one, other);
        assert!(took < std::time::Duration::from_millis(900), "{took:?}");
        drop(store);

        // and a pool of one asks both on its one connection, one after the other
        let store = session(&url, "maja");
        let ((one, other), took) = two_naps(&store);
        assert_eq!(one, other);
        assert!(took >= std::time::Duration::from_millis(1000), "{took:?}");
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn a_reading_made_of_readings_asks_each_question_once_and_keeps_the_rest_for_its_parts() {
        let Some((server, name, url)) = database("parts") else {
            return;
        };
        let store = session(&url, "maja");
        store.conn.execute_batch("CREATE SEQUENCE asked").unwrap();
        let db: &dyn Db = &store.conn;
        let next = |sql: &str| -> i64 { db.query_row(sql, params!(), |r| r.get(0)).unwrap() };
        let part = "SELECT nextval('asked')";
        let rest = "SELECT nextval('asked') AS rest";

        // Given a whole asked ahead, whose part asks its own question ahead and reads it
        let (from_part, from_rest) = db.side_by_side(&[(part, &[])], &[(rest, &[])], || {
            let from_part = db.together(&[(part, &[])], || next(part));
            (from_part, next(rest))
        });

        // Then the part's question was not asked again, and the rest's answer outlived the
        // part's end: the sequence was drawn twice
        assert_eq!([from_part.min(from_rest), from_part.max(from_rest)], [1, 2]);
        assert_eq!(next("SELECT nextval('asked') AS after"), 3);
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn an_interrupt_stops_the_question_the_session_runs_on_its_pooled_connection() {
        let Some((server, name, url)) = database("interrupt") else {
            return;
        };
        // Given a session running a long question on a connection of the pool's
        let store = session(&url, "maja");
        let interrupt = store.interrupt_handle();
        let state = store.conn.running();
        let started = std::time::Instant::now();
        let running = std::thread::spawn(move || {
            let asked: SqlResult<()> =
                (&store.conn as &dyn Db).query_row("SELECT pg_sleep(20)", params![], |_| Ok(()));
            asked.map_err(StoreError::from)
        });

        // When it is interrupted from another thread
        std::thread::sleep(std::time::Duration::from_millis(500));
        interrupt.interrupt();

        // Then the question ends at once, interrupted, by a cancel sent to the server
        let ended = running.join().unwrap();
        assert!(matches!(ended, Err(StoreError::Interrupted)), "{ended:?}");
        assert!(started.elapsed().as_secs() < 10);
        assert!(state.sent.load(std::sync::atomic::Ordering::Relaxed) >= 1);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn an_interrupt_of_questions_asked_ahead_stops_the_reading_instead_of_asking_again() {
        let Some((server, name, url)) = database("interrupt_ahead") else {
            return;
        };
        // Given a reading whose long question is asked ahead, interrupted while the server
        // answers
        let (ended, took) = interrupted(session(&url, "maja"), |db| {
            let long = "SELECT pg_sleep(3)";
            db.together(&[(long, &[])], || db.query_row(long, params![], |_| Ok(())))
        });

        // Then the reading ends interrupted, without asking its question once more
        assert!(matches!(ended, Err(StoreError::Interrupted)), "{ended:?}");
        assert!(took < std::time::Duration::from_secs(2));
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn an_interrupt_stops_both_halves_of_questions_asked_side_by_side() {
        let Some((server, name, url)) = database("interrupt_beside") else {
            return;
        };
        // Given a reading whose two long questions run side by side on two connections
        let options = StoreOptions {
            pool_size: 2,
            ..StoreOptions::default()
        };
        let store = PgStore::open(&url, "maja", Arc::new(SystemClock), &options).unwrap();

        // When it is interrupted while the server answers both
        let (ended, took) = interrupted(store, |db| {
            let (one, other) = ("SELECT pg_sleep(3)", "SELECT pg_sleep(3.0)");
            db.side_by_side(&[(one, &[])], &[(other, &[])], || {
                db.query_row(one, params![], |_| Ok(()))?;
                db.query_row(other, params![], |_| Ok(()))
            })
        });

        // Then both are cancelled: the reading ends interrupted long before either's end
        assert!(matches!(ended, Err(StoreError::Interrupted)), "{ended:?}");
        assert!(took < std::time::Duration::from_secs(2));
        drop_database(&server, &name).unwrap();
    }

    /// How `read` ended on `store`'s connection, interrupted 300 ms after it began, and how
    /// long it took.
    fn interrupted(
        store: PgStore,
        read: impl FnOnce(&dyn Db) -> SqlResult<()> + Send + 'static,
    ) -> (Result<()>, std::time::Duration) {
        let interrupt = store.interrupt_handle();
        let started = std::time::Instant::now();
        let running = std::thread::spawn(move || read(&store.conn).map_err(StoreError::from));
        std::thread::sleep(std::time::Duration::from_millis(300));
        interrupt.interrupt();
        (running.join().unwrap(), started.elapsed())
    }

    #[test]
    fn a_stop_lets_the_statement_running_end_and_refuses_the_next() {
        let Some((server, name, url)) = database("stop") else {
            return;
        };
        // Given a session running a short statement of a question of several
        let store = session(&url, "maja");
        let interrupt = store.interrupt_handle();
        let state = store.conn.running();
        let running = std::thread::spawn(move || {
            let db = &store.conn as &dyn Db;
            let first: SqlResult<i64> =
                db.query_row("SELECT 7 FROM pg_sleep(0.5)", params![], |r| r.get(0));
            let next: SqlResult<i64> = db.query_row("SELECT 8", params![], |r| r.get(0));
            (
                first.map_err(StoreError::from),
                next.map_err(StoreError::from),
            )
        });

        // When it is stopped while the statement runs
        std::thread::sleep(std::time::Duration::from_millis(100));
        interrupt.stop();

        // Then the statement ends with its answer, the next is not sent, and the server was
        // sent no cancel
        let (first, next) = running.join().unwrap();
        assert_eq!(first.unwrap(), 7);
        assert!(matches!(next, Err(StoreError::Interrupted)), "{next:?}");
        assert_eq!(state.sent.load(std::sync::atomic::Ordering::Relaxed), 0);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn an_interrupt_between_two_statements_stops_the_next_without_a_cancel_to_the_server() {
        let Some((server, name, url)) = database("interrupt_between") else {
            return;
        };
        // Given a session that asked a statement and still holds its connection
        let store = session(&url, "maja");
        assert_eq!(one(&store).unwrap(), 1);

        // When it is interrupted while none of its statements runs
        store.interrupt_handle().interrupt();
        std::thread::sleep(std::time::Duration::from_millis(200));

        // Then its next statement is not sent, no cancel went to the server (a process forked
        // there for nothing), and the statement after that runs
        assert!(matches!(one(&store), Err(StoreError::Interrupted)));
        let sent = store
            .conn
            .running()
            .sent
            .load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(sent, 0);
        assert_eq!(one(&store).unwrap(), 1);
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn a_cancel_the_server_lets_go_is_sent_again_while_the_question_runs() {
        let Some((server, name, url)) = database("interrupt_again") else {
            return;
        };
        // Given a question that lets the first cancel go, as the server does with one that
        // arrives between two messages of a statement
        let store = session(&url, "maja");
        let db = &store.conn as &dyn Db;
        db.run(
            "CREATE FUNCTION stubborn() RETURNS bigint LANGUAGE plpgsql AS $$
             BEGIN
                 BEGIN PERFORM pg_sleep(10); EXCEPTION WHEN query_canceled THEN NULL; END;
                 PERFORM pg_sleep(10);
                 RETURN 1;
             END $$",
            &[],
        )
        .unwrap();
        let interrupt = store.interrupt_handle();
        let started = std::time::Instant::now();
        let running = std::thread::spawn(move || {
            let asked: Result<i64> =
                Ok((&store.conn as &dyn Db)
                    .query_row("SELECT stubborn()", params![], |r| r.get(0))?);
            asked
        });

        // When it is interrupted once
        std::thread::sleep(std::time::Duration::from_millis(500));
        interrupt.interrupt();

        // Then it is cancelled again, and stops long before its twenty seconds
        let ended = running.join().unwrap();
        assert!(matches!(ended, Err(StoreError::Interrupted)), "{ended:?}");
        assert!(started.elapsed().as_secs() < 5);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn a_cancel_for_a_question_that_just_ended_never_stops_the_next_one() {
        let Some((server, name, url)) = database("interrupt_late") else {
            return;
        };
        // Given a session whose short questions are interrupted about as they end, each time
        // a little earlier or later (keys typed while the bank's worker answers)
        let mut store = session(&url, "maja");
        let interrupt = store.interrupt_handle();
        let (started, begun) = std::sync::mpsc::channel();
        let (interrupted, heard) = std::sync::mpsc::channel();
        let running = std::thread::spawn(move || {
            let mut next = Vec::new();
            for _ in 0..ROUNDS {
                store.begin();
                started.send(()).unwrap();
                let _stale = (&store.conn as &dyn Db).query_row(
                    "SELECT 1 FROM pg_sleep(0.02)",
                    params![],
                    |r| r.get::<_, i64>(0),
                );
                heard.recv().unwrap();
                // When the next question begins after the interrupt
                store.begin();
                next.push(
                    (&store.conn as &dyn Db)
                        .query_row("SELECT 2 FROM pg_sleep(0.03)", params![], |r| {
                            r.get::<_, i64>(0)
                        })
                        .map_err(StoreError::from),
                );
            }
            next
        });
        for round in 0..ROUNDS {
            begun.recv().unwrap();
            let late = 16 + u64::try_from(round % 8).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(late));
            interrupt.interrupt();
            interrupted.send(()).unwrap();
        }

        // Then every next question runs to its answer: no cancel meant for the one before
        // reached it
        let next = running.join().unwrap();
        let stopped: Vec<_> = next.iter().filter(|n| n.is_err()).collect();
        assert!(
            stopped.is_empty(),
            "{} of {ROUNDS}: {stopped:?}",
            stopped.len()
        );
        drop_database(&server, &name).unwrap();
    }

    /// How many questions are interrupted about as they end.
    const ROUNDS: usize = 40;

    #[test]
    fn an_interrupt_while_the_session_waits_for_a_connection_stops_its_question_unasked() {
        let Some((server, name, url)) = database("interrupt_waiting") else {
            return;
        };
        const LONG: &str = "SELECT pg_sleep(2)";
        let asked_alone = |db: &dyn Db| db.query_row(LONG, params![], |_| Ok(()));
        let asked_ahead =
            |db: &dyn Db| db.together(&[(LONG, &[])], || db.query_row(LONG, params![], |_| Ok(())));
        let reads: [fn(&dyn Db) -> SqlResult<()>; 2] = [asked_alone, asked_ahead];
        for read in reads {
            // Given a session waiting for the pool's one connection, which another holds
            let store = session(&url, "maja");
            let other = session(&url, "jonas");
            assert_eq!(one(&other).unwrap(), 1);
            let interrupt = store.interrupt_handle();
            let running = std::thread::spawn(move || {
                let ended = read(&store.conn as &dyn Db).map_err(StoreError::from);
                (ended, std::time::Instant::now())
            });

            // When it is interrupted while it waits, and then gets the connection
            std::thread::sleep(std::time::Duration::from_millis(200));
            interrupt.interrupt();
            std::thread::sleep(std::time::Duration::from_millis(100));
            let given = std::time::Instant::now();
            other.conn.release();

            // Then its question ends interrupted at once, never sent to run its two seconds
            let (ended, at) = running.join().unwrap();
            assert!(matches!(ended, Err(StoreError::Interrupted)), "{ended:?}");
            assert!(at - given < std::time::Duration::from_secs(1));
        }
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn a_search_asked_again_keeps_its_plan_with_or_without_a_filter() {
        let Some((server, name, url)) = database("search_plan") else {
            return;
        };
        // Given a session on one connection, searching a word again and again, as keys do,
        // with no filter and with a kind and a tag
        let store = session(&url, "maja");
        let filtered = EntryFilter {
            kind: Some(puls_domain::knowledge::EntryKind::Method),
            tag: Some("samverkan".to_owned()),
            ..EntryFilter::default()
        };
        for filter in [EntryFilter::default(), filtered] {
            for _ in 0..8 {
                store.search_entries("samordning", &filter, 50).unwrap();
            }
        }

        // Then the server planned each ranking a few times, and has used a plan it keeps
        // since: no question pays for its planning any more
        let kept: Vec<(i64, i64)> = (&store.conn as &dyn Db)
            .query_map(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements
                 WHERE statement LIKE '%ts_rank_cd(%' AND name <> '' AND statement NOT LIKE '%generic_plans%'
                 ORDER BY name",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(kept.iter().all(|(generic, _)| *generic >= 3), "{kept:?}");
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn the_ranked_vectors_follow_every_write_of_the_entries_and_stay_inline() {
        let Some((server, name, url)) = database("entry_vectors") else {
            return;
        };
        // Given a session that adds two entries, edits one's words, shares it, and deletes
        // the other
        let mut store = session(&url, "maja");
        let entry = |title: &str, body: &str| EntryEdit {
            title: title.to_owned(),
            body: body.to_owned(),
            kind: puls_domain::knowledge::EntryKind::Lesson,
            tags: vec!["samverkan".to_owned()],
            ..EntryEdit::default()
        };
        let kept = store
            .add_entry(&entry("Samordnad utskrivning", "Vårdplanen först"))
            .unwrap();
        let gone = store.add_entry(&entry("Hembesök", "Två och två")).unwrap();
        store
            .edit_entry(
                kept,
                1,
                &entry("Samordnad hemgång", "Läkemedelslistan först"),
            )
            .unwrap();
        store.share_entry(kept, true).unwrap();
        store.delete_entry(gone, 1).unwrap();

        // Then each entry left has its vector as it is now, and no other is kept
        let vectors = |sql: &str| -> i64 {
            (&store.conn as &dyn Db)
                .query_row(sql, params![], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(vectors("SELECT count(*) FROM entry_vectors"), 1);
        assert_eq!(
            vectors(
                "SELECT count(*) FROM entries e JOIN entry_vectors v ON v.entry_id = e.id
                 WHERE v.search = e.search AND v.municipality = e.municipality"
            ),
            1
        );
        let hits = store
            .search_entries("läkemedelslistan", &EntryFilter::default(), 10)
            .unwrap();
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [kept]);
        // And they are kept in the table's own pages, not out of line with the bodies
        assert_eq!(
            asked(
                &store,
                "SELECT attstorage::text FROM pg_attribute
                 WHERE attrelid = 'entry_vectors'::regclass AND attname = 'search'"
            ),
            "m"
        );
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    /// The session's shortest question.
    fn one(store: &PgStore) -> Result<i64> {
        Ok((&store.conn as &dyn Db).query_row("SELECT 1", params![], |r| r.get(0))?)
    }

    #[test]
    fn an_interrupt_before_the_question_reaches_the_server_stops_it_and_nothing_after() {
        let Some((server, name, url)) = database("interrupt_early") else {
            return;
        };
        // Given a session holding its connection between two questions
        let store = session(&url, "maja");
        let ask = || one(&store);
        ask().unwrap();

        // When it is interrupted before its next question is sent (a key typed as the bank's
        // worker takes up a question that is already old)
        store.interrupt_handle().interrupt();

        // Then that question stops instead of running to its end, and the one after runs
        let stopped = ask();
        assert!(
            matches!(stopped, Err(StoreError::Interrupted)),
            "{stopped:?}"
        );
        assert_eq!(ask().unwrap(), 1);
        // and the cancel sent meanwhile, which found nothing running, stops nothing later
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(ask().unwrap(), 1);
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn an_interrupt_between_questions_is_forgotten_when_the_connection_goes_back() {
        let Some((server, name, url)) = database("interrupt_rest") else {
            return;
        };
        // Given a session interrupted after its question ended
        let store = session(&url, "maja");
        let ask = || one(&store);
        ask().unwrap();
        store.interrupt_handle().interrupt();

        // When it gives its connection back, as the worker does after a pause
        store.conn.release();

        // Then its next question, a new one, runs
        assert_eq!(ask().unwrap(), 1);
        drop(store);
        drop_database(&server, &name).unwrap();
    }

    #[test]
    fn interrupts_asked_while_one_is_on_its_way_stop_nothing_after_it() {
        let Some((server, name, url)) = database("interrupts") else {
            return;
        };
        // Given a session running a long question
        let mut store = session(&url, "maja");
        let interrupt = store.interrupt_handle();
        let (go, next_begins) = std::sync::mpsc::channel::<()>();
        let running = std::thread::spawn(move || {
            let first: SqlResult<()> =
                (&store.conn as &dyn Db).query_row("SELECT pg_sleep(20)", params![], |_| Ok(()));
            // and, once stopped and the keys typed, its next question, begun as the bank's
            // worker begins each
            next_begins.recv().unwrap();
            store.begin();
            let next: SqlResult<()> =
                (&store.conn as &dyn Db).query_row("SELECT pg_sleep(1)", params![], |_| Ok(()));
            (
                first.map_err(StoreError::from),
                next.map_err(StoreError::from),
            )
        });

        // When a key after key asks to stop it, as fast typing does
        std::thread::sleep(std::time::Duration::from_millis(500));
        for _ in 0..20 {
            interrupt.interrupt();
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        go.send(()).unwrap();

        // Then the long question stops, and no cancel left behind stops the next one
        let (first, next) = running.join().unwrap();
        assert!(matches!(first, Err(StoreError::Interrupted)), "{first:?}");
        assert!(next.is_ok(), "{next:?}");
        drop_database(&server, &name).unwrap();
    }
}
