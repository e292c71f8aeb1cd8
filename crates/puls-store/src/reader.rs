//! A second connection for reading on another thread, and the means to cancel what it reads.

use rusqlite::{Connection, InterruptHandle, OpenFlags};

use super::files::BUSY_TIMEOUT;
use super::{Result, Store, StoreError};

impl Store {
    /// Another connection to this database that only reads: for a worker thread, so a slow
    /// query never holds up the connection the keys use. The file was checked and migrated
    /// when this store opened it.
    pub fn reader(&self) -> Result<Store> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::open(&self.path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Store {
            conn,
            path: self.path.clone(),
            who: self.who.clone(),
            clock: self.clock.clone(),
            warnings: Vec::new(),
            session: self.session,
            seen_version: self.seen_version,
            group: self.group,
            health_terms: self.health_terms.clone(),
            rules: self.rules,
        })
    }

    /// Stops whatever this connection is running, from any thread; the query fails with
    /// [`StoreError::is_interrupted`].
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }
}

/// Stops what one store is running, from another thread: the store's own handle, so no
/// backend's type reaches the caller.
pub struct Interrupt(InterruptHandle);

impl Interrupt {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl StoreError {
    /// True when the query was stopped by its [`Store::interrupt_handle`].
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Interrupted)
    }
}
