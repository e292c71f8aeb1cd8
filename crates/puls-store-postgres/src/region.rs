//! The region: which municipality each database role acts for. PostgreSQL's policies keep the
//! municipalities apart (migration 006); this is how an administrator maps a role.

use puls_domain::text;

use crate::db::params;
use crate::{PgStore, Result, StoreError, history};

impl PgStore {
    /// Maps the database role `role` to `municipality` and gives it what puls's tables need;
    /// a role mapped before moves. Only the role map's owner (who ran puls's migrations) may:
    /// the server refuses everyone else.
    pub fn map_role(&mut self, role: &str, municipality: &str) -> Result<()> {
        let role = role.trim();
        let municipality = text::one_line(municipality.trim()).into_owned();
        if role.is_empty() || municipality.is_empty() {
            return Err(StoreError::NameMissing);
        }
        self.write(|tx, stamp| {
            tx.query_row(
                "SELECT puls_add_role($1, $2)",
                params![role, municipality],
                |_| Ok(()),
            )?;
            history::record(
                tx,
                stamp,
                "region",
                0,
                "map",
                &format!("{role} to {municipality}"),
            )
        })
    }
}
