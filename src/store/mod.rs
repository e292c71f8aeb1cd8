//! SQLite storage: the only place SQL lives.
//!
//! One connection per process, WAL so readers never block the writer, a busy timeout so a
//! colleague's save makes us wait instead of fail, and every write in a `BEGIN IMMEDIATE`
//! transaction together with its audit row.

mod arenas;
mod error;
mod history;
mod roster;
mod roster_import;
mod staffing;
mod time;

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

pub use arenas::{ArenaCard, ArenaEdit, NewSignal};
pub use error::StoreError;
pub use history::AuditRow;
pub use roster::{CompetenceRow, PersonEdit, PersonRow, Unit};
pub use roster_import::{ImportRow, ImportSummary};
pub use staffing::{NeedRow, NewAllocation, TeamMember};

use crate::domain::clock::Clock;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/001_foundation.sql")),
    M::up(include_str!("migrations/002_roster.sql")),
];

/// How long a write waits for another session's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open puls database, acting for one person.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    who: String,
    clock: Arc<dyn Clock>,
}

/// Who and when, for the audit row of the write in progress.
pub(crate) struct Stamp<'a> {
    pub who: &'a str,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, acting as `who`.
    pub fn open(path: &Path, who: &str, clock: Arc<dyn Clock>) -> Result<Store> {
        prepare_file(path)?;
        let mut conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // journal_mode answers with a row, so it is read rather than executed.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::open(path, e))?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut conn)
            .map_err(|e| StoreError::migration(path, e))?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            who: who.to_owned(),
            clock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The person this store writes as.
    pub fn who(&self) -> &str {
        &self.who
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today in the user's time zone: what "current" and "late" are measured against.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().with_timezone(&chrono::Local).date_naive()
    }

    /// Changes whenever another connection commits: the cheap "has anything changed?" check.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// True when the database holds no arenas and no people: safe to fill with the demo.
    pub fn is_empty(&self) -> Result<bool> {
        let rows: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM arenas) + (SELECT count(*) FROM people)",
            [],
            |r| r.get(0),
        )?;
        Ok(rows == 0)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// Runs `f` in one immediate transaction: all of it lands, or none of it.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &Stamp) -> Result<T>,
    ) -> Result<T> {
        let stamp = Stamp {
            who: &self.who,
            at: self.clock.now(),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx, &stamp)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Creates a new database file readable by its owner only, and refuses one anyone may write.
fn prepare_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| StoreError::io(dir, e))?;
        }
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let mode = fs::metadata(path)
                .map_err(|e| StoreError::io(path, e))?
                .permissions()
                .mode();
            if mode & 0o002 != 0 {
                Err(StoreError::WorldWritable(path.to_owned()))
            } else {
                Ok(())
            }
        }
        Err(e) => Err(StoreError::io(path, e)),
    }
}
