//! PostgreSQL storage: the store interface of `puls-store` ([`puls_store::Backend`]) over a
//! database server, for a region where one SQLite file on one machine is not enough.
//!
//! The same behaviour as SQLite's `Store`, proven by the same conformance tests, and mostly by
//! the same code: the aggregates are puls-store's, run over this connection (`sql`); only the
//! searches, courses and ratings are written here. Every write in one transaction with its
//! audit row; writes one at a time (a transaction-scoped advisory lock, as SQLite's
//! `BEGIN IMMEDIATE`), so a version read in a write is the version written over; a `NOTIFY` in
//! every write, which other sessions hear as `others_changed`.

mod copy;
mod courses;
mod db;
mod knowledge_search;
mod link;
mod maturity;
mod migrate;
mod region;
mod server;
mod sql;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::{DateTime, Utc};

use puls_domain::clock::Clock;
use puls_domain::session::Session;
#[allow(clippy::wildcard_imports)]
use puls_store::*;

pub use copy::{TABLES, Table};
pub use db::Value;
use db::{Connection, Transaction};
pub use link::shown;
use puls_store::shared::{drawn_up, history, time};
use puls_store::sql::Stamp;
pub use region::{DEMO_MUNICIPALITIES, DEMO_NUMBERS_APART};
pub use server::{create_database, drop_database, reachable, with_database};

pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// One session's store on a PostgreSQL database, acting for one person.
pub struct PgStore {
    conn: Connection,
    url: String,
    who: String,
    clock: Arc<dyn Clock>,
    health_terms: Vec<String>,
    session: Session,
    lock_timeout: Duration,
    /// The team's group, given the files this store writes for people.
    group: Option<String>,
    /// The flow's rules the organisation chose.
    rules: puls_domain::arena::Rules,
    heard: Arc<link::Heard>,
    /// The count of other sessions' notifications last seen by `others_changed`.
    seen: u64,
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
        let (conn, heard) = listen(url, who, options.busy_timeout)?;
        migrate::to_latest(&conn, url)?;
        let seen = heard.changes.load(Ordering::Acquire);
        Ok(PgStore {
            conn,
            url: url.to_owned(),
            who: who.to_owned(),
            clock,
            health_terms: options.health_terms.clone(),
            session: Session::default(),
            lock_timeout: options.busy_timeout,
            group: options.group.clone(),
            rules: options.rules,
            heard,
            seen,
        })
    }

    /// The database as it may be shown: its URL without a password.
    pub fn url(&self) -> String {
        link::shown(&self.url)
    }

    /// A second connection to the same database, for a worker thread: a slow question never
    /// holds up the connection the keys use.
    pub fn reader(&self) -> Result<PgStore> {
        let (conn, heard) = listen(&self.url, &self.who, self.lock_timeout)?;
        let seen = heard.changes.load(Ordering::Acquire);
        Ok(PgStore {
            conn,
            url: self.url.clone(),
            who: self.who.clone(),
            clock: self.clock.clone(),
            health_terms: self.health_terms.clone(),
            session: self.session,
            lock_timeout: self.lock_timeout,
            group: self.group.clone(),
            rules: self.rules,
            heard,
            seen,
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

    /// Stops whatever this store's connection is running, from any thread; the question fails
    /// with `StoreError::Interrupted`.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.client().cancel_token())
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
        tx.execute_batch("BEGIN")?;
        let done = tx
            .query_row(
                "SELECT pg_advisory_xact_lock($1)",
                params![WRITE_LOCK],
                |_| Ok(()),
            )
            .map_err(StoreError::from)
            .and_then(|()| f(tx, &stamp))
            .and_then(|value| {
                tx.execute_batch(&format!("NOTIFY {}", link::CHANNEL))?;
                tx.execute_batch("COMMIT")?;
                Ok(value)
            });
        if done.is_err() {
            // A connection that broke mid-write has rolled back on the server already.
            let _ = tx.execute_batch("ROLLBACK");
        }
        done
    }
}

/// Connects and listens for other sessions' writes, with the time a write waits for another
/// session before it says `Busy`. The connection names the session's account (`puls.account`),
/// whom the restricted record's policy asks about.
fn listen(url: &str, who: &str, lock_timeout: Duration) -> Result<(Connection, Arc<link::Heard>)> {
    let (client, heard) = link::connect(url)?;
    let conn = Connection::new(client);
    conn.query_row(
        "SELECT set_config('puls.account', $1, false)",
        [who],
        |_| Ok(()),
    )?;
    // This connection's own notifications are not news.
    let pid: i32 = conn.query_row("SELECT pg_backend_pid()", params![], |r| r.get(0))?;
    heard.own_pid.store(pid, Ordering::Release);
    conn.execute_batch(&format!(
        "SET lock_timeout = {}; LISTEN {}",
        lock_timeout.as_millis().max(1),
        link::CHANNEL
    ))?;
    Ok((conn, heard))
}

/// Stops what one store is running, from another thread.
pub struct Interrupt(tokio_postgres::CancelToken);

impl Interrupt {
    /// Asks the server to cancel the question running now, over a connection of its own.
    pub fn interrupt(&self) {
        let token = self.0.clone();
        let _ = std::thread::Builder::new()
            .name("cancel".to_owned())
            .spawn(move || {
                if let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    let _ = runtime.block_on(token.cancel_query(tokio_postgres::NoTls));
                }
            });
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
        self.conn.query_row(
            "SELECT set_config('puls.account', $1, false)",
            [who],
            |_| Ok(()),
        )?;
        who.clone_into(&mut self.who);
        Ok(())
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn today(&self) -> chrono::NaiveDate {
        self.session.day(self.clock.now())
    }

    /// Another session's `NOTIFY`, heard on this connection's thread. One round trip first:
    /// the server hands over what it holds for us before it answers, so a commit that finished
    /// before this call is always heard. A connection that dropped is opened again, and counts
    /// as a change: what it missed is unknown.
    fn others_changed(&mut self) -> Result<bool> {
        let alive = !self.conn.client().is_closed() && self.conn.execute_batch("SELECT 1").is_ok();
        if !alive {
            let (conn, heard) = listen(&self.url, &self.who, self.lock_timeout)?;
            self.conn = conn;
            self.seen = heard.changes.load(Ordering::Acquire);
            self.heard = heard;
            return Ok(true);
        }
        let heard = self.heard.changes.load(Ordering::Acquire);
        let changed = heard != self.seen;
        self.seen = heard;
        Ok(changed)
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
