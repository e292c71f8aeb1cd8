//! The arena's registration number (diarienummer): where the municipality's registry keeps it.

use puls_store::*;

use crate::db::{OptionalExtension, params};

use super::{PgStore, Result, StoreError, history, time};
use puls_domain::text;

/// The arena's registration number; empty when it has none.
pub(super) fn registration_of(conn: &crate::db::Connection, arena: i64) -> Result<String> {
    conn.prepare_cached("SELECT registration FROM arenas WHERE id = $1")?
        .query_row([arena], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))
}

impl RegistrationStore for PgStore {
    fn registration(&self, arena: i64) -> Result<String> {
        registration_of(&self.conn, arena)
    }

    fn set_registration(&mut self, arena: i64, expected_version: i64, number: &str) -> Result<()> {
        let number = text::one_line(number).trim().to_owned();
        self.write(|tx, stamp| {
            let (version, before, who, at): (i64, String, String, String) = tx
                .query_row(
                    "SELECT version, registration, updated_by, updated_at FROM arenas WHERE id = $1",
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
                "UPDATE arenas SET registration = $2, version = version + 1, updated_at = $3,
                        updated_by = $4 WHERE id = $1",
                params![arena, number, time::to_text(stamp.at), stamp.who],
            )?;
            let dash = |s: &str| if s.is_empty() { "-".to_owned() } else { s.to_owned() };
            let detail = format!("registration: {} -> {}", dash(&before), dash(&number));
            history::record(tx, stamp, "arena", arena, "registration", &detail)
        })
    }
}
