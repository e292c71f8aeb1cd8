//! The opener: which database puls opens, chosen by how it is named. A path opens SQLite (the
//! default: one municipality on one machine); a `postgres://` or `postgresql://` URL opens
//! PostgreSQL (a region on a database server). Everything above the opener speaks to either
//! through the store interface.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use puls_domain::clock::Clock;
use puls_store::{Backend, Result, Store, StoreOptions};
use puls_store_postgres::{PgStore, is_postgres_url};

/// Where a database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file on this machine.
    File(PathBuf),
    /// A PostgreSQL database, by its URL.
    Server(String),
}

impl Location {
    /// What `--db`, `PULS_DB` or the config's `db` names.
    pub fn of(named: &Path) -> Location {
        match named.to_str() {
            Some(url) if is_postgres_url(url) => Location::Server(url.to_owned()),
            _ => Location::File(named.to_owned()),
        }
    }

    /// The file, when the database is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Server(_) => None,
        }
    }
}

/// A database as the commands use it: the store interface, and what depends on where it lives.
pub trait Database: Backend {
    /// Writes a file for people (an export, a report, an extract): new, whole or not at all,
    /// the team's when a group is configured.
    fn write_file(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()>;

    /// True when the files it writes are its team's.
    fn writes_for_team(&self) -> bool;

    /// A second session that only reads, for a worker thread, and what stops the question it
    /// is running; None when no second connection opens.
    fn reader(&self) -> Option<Reader>;
}

/// A reading session and its interrupt: `true` for a question of long statements, which the
/// server should stop at once; `false` for one of short statements, stopped before its next.
pub type Reader = (Box<dyn Backend + Send>, Box<dyn Fn(bool) + Send>);

impl Database for Store {
    fn write_file(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
        Store::write_file(self, target, bytes, replace)
    }

    fn writes_for_team(&self) -> bool {
        Store::writes_for_team(self)
    }

    fn reader(&self) -> Option<Reader> {
        let reader = Store::reader(self).ok()?;
        let interrupt = reader.interrupt_handle();
        // SQLite's interrupt costs nothing: a question of short statements is stopped too.
        Some((Box::new(reader), Box::new(move |_| interrupt.interrupt())))
    }
}

impl Database for PgStore {
    fn write_file(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
        PgStore::write_file(self, target, bytes, replace)
    }

    fn writes_for_team(&self) -> bool {
        PgStore::writes_for_team(self)
    }

    fn reader(&self) -> Option<Reader> {
        let reader = PgStore::reader(self).ok()?;
        let interrupt = reader.interrupt_handle();
        let stop = move |long: bool| {
            if long {
                interrupt.interrupt();
            } else {
                interrupt.stop();
            }
        };
        Some((Box::new(reader), Box::new(stop)))
    }
}

/// Opens (a file: creating if needed) the database at `location`, acting as `who`; its
/// schema is brought up to date, and one of a newer puls refused before anything is written.
pub fn open(
    location: &Location,
    who: &str,
    clock: Arc<dyn Clock>,
    options: &StoreOptions,
) -> Result<Box<dyn Database + Send>> {
    Ok(match location {
        Location::File(path) => Box::new(Store::open_with(path, who, clock, options)?),
        Location::Server(url) => Box::new(PgStore::open(url, who, clock, options)?),
    })
}

/// The store interface alone, for the app: every `Database` is a `Backend`.
pub fn backend(database: Box<dyn Database + Send>) -> Box<dyn Backend + Send> {
    database
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_a_server_and_anything_else_a_file() {
        assert_eq!(
            Location::of(Path::new("postgres://root@db.example/puls")),
            Location::Server("postgres://root@db.example/puls".into())
        );
        assert_eq!(
            Location::of(Path::new("postgresql://db.example/puls")),
            Location::Server("postgresql://db.example/puls".into())
        );
        assert_eq!(
            Location::of(Path::new("postgres.db")),
            Location::File("postgres.db".into())
        );
    }
}
