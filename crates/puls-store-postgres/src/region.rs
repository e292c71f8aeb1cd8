//! The region: which municipality each database role acts for. PostgreSQL's policies keep the
//! municipalities apart (migration 006); this is how an administrator maps a role.

use puls_domain::text;

use crate::{PgStore, Result, StoreError, history};
use puls_store::sql::{Db, SqlResult, SqlStore, params};

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
            let tx: &dyn Db = tx;
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

/// The region demo's other municipalities, after the one that fills it.
pub const DEMO_MUNICIPALITIES: [&str; 9] = [
    "Norrby",
    "Söderby",
    "Västerby",
    "Österby",
    "Åby",
    "Bergby",
    "Dalby",
    "Sjöby",
    "Skogby",
];

/// How far apart the region demo numbers each municipality's rows: past any the large demo
/// gives (its audit log, the largest, counts 200,000).
pub const DEMO_NUMBERS_APART: i64 = 10_000_000;

impl PgStore {
    /// Copies every row of the session's municipality into `to`, for the region demo: each
    /// row's number, and every number that points at a row (a foreign key, an audit row's
    /// entity), moved up by `offset`, so the copy's rows point at each other. The competence
    /// catalogue is the region's and stays one. Returns the rows copied.
    ///
    /// Only a role that passes the policies (superuser or BYPASSRLS) may write another
    /// municipality's rows: others are refused before anything is written.
    pub fn copy_municipality(&mut self, to: &str, offset: i64) -> Result<usize> {
        let may: bool = self.db().query_row(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
            params![],
            |r| r.get(0),
        )?;
        if !may {
            return Err(StoreError::Backend(
                "only a superuser or a BYPASSRLS role may fill a region's municipalities"
                    .to_owned(),
            ));
        }
        let tables = crate::TABLES
            .iter()
            .filter(|t| **t != "competences")
            .map(|t| Ok((*t, self.copy_columns(t)?)))
            .collect::<Result<Vec<_>>>()?;
        let from = self.municipality()?;
        self.write(|tx, _| {
            let tx: &dyn Db = tx;
            let pointers: Vec<(String, String)> = tx
                .prepare_cached(
                    "SELECT c.conrelid::regclass::text, a.attname::text
                     FROM pg_constraint c
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                     WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
                       AND c.confrelid <> 'competences'::regclass
                       AND c.connamespace = current_schema()::regnamespace",
                )?
                .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<SqlResult<_>>()?;
            let moved = |table: &str, column: &str| {
                column == "id"
                    || (table == "audit" && column == "entity_id")
                    || pointers.iter().any(|(t, c)| t == table && c == column)
            };
            let mut copied = 0;
            for (table, columns) in &tables {
                let values: Vec<String> = columns
                    .iter()
                    .map(|c| {
                        if moved(table, c) {
                            format!("{c} + {offset}")
                        } else {
                            c.clone()
                        }
                    })
                    .collect();
                copied += tx.execute(
                    &format!(
                        "INSERT INTO {table} ({}, municipality) SELECT {}, $1 FROM {table}
                         WHERE municipality = $2",
                        columns.join(", "),
                        values.join(", ")
                    ),
                    params![to, from],
                )?;
                if columns.iter().any(|c| c == "id") {
                    tx.query_row(
                        &format!(
                            "SELECT setval(pg_get_serial_sequence($1, 'id'),
                                           (SELECT max(id) FROM {table}) + 1, false)"
                        ),
                        params![table],
                        |_| Ok(()),
                    )?;
                }
            }
            Ok(copied)
        })
    }
}

impl PgStore {
    /// Shares one entry in `every` with the region, for the region demo: as a region's
    /// municipalities would have chosen some to share.
    pub fn share_demo_entries(&mut self, every: i64) -> Result<usize> {
        self.write(|tx, _| {
            let tx: &dyn Db = tx;
            Ok(tx.execute(
                "UPDATE entries SET shared = 1 WHERE id % $1 = 0",
                params![every],
            )?)
        })
    }

    /// The municipality this session acts for.
    pub fn municipality(&self) -> Result<String> {
        Ok(self.db().query_row(
            "SELECT coalesce(puls_municipality(), 'default')",
            params![],
            |r| r.get(0),
        )?)
    }

    /// The session's municipality, asked once: its login role's, which only the region's
    /// administration changes (a role moved searches as its new municipality from its next
    /// session on; until then its searches find only what is shared).
    pub(crate) fn here(&self) -> Result<&str> {
        if let Some(here) = self.here.get() {
            return Ok(here);
        }
        let here = self.municipality()?;
        Ok(self.here.get_or_init(|| here))
    }
}
