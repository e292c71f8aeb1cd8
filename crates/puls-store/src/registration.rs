//! The arena's registration number (diarienummer): where the municipality's registry keeps it.

use crate::sql::{Db, OptionalExtension, SqlStore, params};

use super::{Result, StoreError, history, time};
use puls_domain::text;

/// The arena's registration number; empty when it has none.
pub(super) fn registration_of(conn: &dyn Db, arena: i64) -> Result<String> {
    conn.prepare_cached("SELECT registration FROM arenas WHERE id = ?1")?
        .query_row([arena], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))
}

/// An arena's registration number (diarienummer). Part of the store interface (see [`crate::Backend`]).
pub trait RegistrationStore {
    /// The arena's registration number; empty when it has none.
    fn registration(&self, arena: i64) -> Result<String>;

    /// Sets (or with empty text clears) the registration number, unless someone changed the
    /// arena since the caller read `expected_version`. One line, trimmed; audited.
    fn set_registration(&mut self, arena: i64, expected_version: i64, number: &str) -> Result<()>;
}

impl<S: SqlStore> RegistrationStore for S {
    fn registration(&self, arena: i64) -> Result<String> {
        registration_of(self.db(), arena)
    }

    fn set_registration(&mut self, arena: i64, expected_version: i64, number: &str) -> Result<()> {
        let number = text::one_line(number).trim().to_owned();
        self.write(|tx, stamp| {
            let (version, before, who, at): (i64, String, String, String) = tx
                .query_row(
                    "SELECT version, registration, updated_by, updated_at FROM arenas WHERE id = ?1",
                    [arena],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or(StoreError::ArenaNotFound(arena))?;
            if version != expected_version {
                return Err(StoreError::Conflict {
                    id: arena,
                    who,
                    at: time::from_text(&at),
                });
            }
            if before == number {
                return Ok(());
            }
            tx.execute(
                "UPDATE arenas SET registration = ?2, version = version + 1, updated_at = ?3,
                        updated_by = ?4 WHERE id = ?1",
                params![arena, number, time::to_text(stamp.at), stamp.who],
            )?;
            let dash = |s: &str| if s.is_empty() { "-".to_owned() } else { s.to_owned() };
            let detail = format!("registration: {} -> {}", dash(&before), dash(&number));
            history::record(tx, stamp, "arena", arena, "registration", &detail)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use crate::{NewSignal, Store, StoreError};
    use puls_domain::clock::FixedClock;

    fn store_with_arena(dir: &tempfile::TempDir) -> (Store, i64) {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut store =
            Store::open(&dir.path().join("r.db"), "maja", Arc::new(FixedClock(at))).unwrap();
        let arena = store
            .create_signal(&NewSignal {
                title: "Siblings absent from school".into(),
                need: String::new(),
                mission: "LF".into(),
                signalled_by: "Karin S".into(),
                manager: String::new(),
                target_date: None,
            })
            .unwrap();
        (store, arena.id)
    }

    #[test]
    fn a_new_arena_has_no_registration_number() {
        let dir = tempfile::tempdir().unwrap();
        let (store, arena) = store_with_arena(&dir);
        assert_eq!(store.registration(arena).unwrap(), "");
    }

    #[test]
    fn sets_the_registration_number_with_a_new_version_and_an_audit_row() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, arena) = store_with_arena(&dir);
        let version = store.arena(arena).unwrap().version;

        store
            .set_registration(arena, version, "  KS 2026/0142\u{1b}\n")
            .unwrap();

        assert_eq!(store.registration(arena).unwrap(), "KS 2026/0142");
        assert_eq!(store.arena(arena).unwrap().version, version + 1);
        let last = &store.arena_history(arena, 1).unwrap()[0];
        assert_eq!(
            (last.action.as_str(), last.detail.as_str()),
            ("registration", "registration: - -> KS 2026/0142")
        );
    }

    #[test]
    fn refuses_a_registration_over_a_change_not_seen() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, arena) = store_with_arena(&dir);
        let version = store.arena(arena).unwrap().version;
        store.set_registration(arena, version, "KS 1").unwrap();

        let stale = store.set_registration(arena, version, "KS 2");

        assert!(
            matches!(stale, Err(StoreError::Conflict { .. })),
            "{stale:?}"
        );
        assert_eq!(store.registration(arena).unwrap(), "KS 1");
    }

    #[test]
    fn a_missing_arena_has_no_registration() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = store_with_arena(&dir);
        assert!(matches!(
            store.registration(99),
            Err(StoreError::ArenaNotFound(99))
        ));
        assert!(matches!(
            store.set_registration(99, 1, "KS 1"),
            Err(StoreError::ArenaNotFound(99))
        ));
    }
}
