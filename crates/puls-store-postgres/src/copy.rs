//! A whole database copied in, for `puls migrate --from FILE.db --to postgres://...`: every
//! table in one transaction, every number kept (arena 12 stays arena 12, and the next arena
//! gets the number SQLite would have given), and every table counted before the commit.

use puls_store::StoreError;

use puls_store::sql::{Db, ToValue, params};

use crate::db::Value;
use crate::{PgStore, Result};

/// The tables puls keeps, parents before children: the order a copy writes them in.
pub const TABLES: &[&str] = &[
    "meta",
    "units",
    "people",
    "arenas",
    "arena_missions",
    "audit",
    "competences",
    "holdings",
    "needs",
    "allocations",
    "staffing_requests",
    "contacts",
    "criteria",
    "activities",
    "entries",
    "entry_tags",
    "entry_competences",
    "restricted_records",
    "read_log",
    "accounts",
    "account_roles",
    "account_keys",
    "drawn_up",
    "reviews",
    "review_answers",
    "problem_statements",
    "maturity_ratings",
    "maturity_scores",
    "purposes",
    "purpose_arenas",
    "purpose_notes",
    "courses",
    "course_sessions",
    "course_signups",
];

/// One table's rows as read from the source, in the order of its `columns`.
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// The number the source would give its next row (SQLite's `sqlite_sequence`), when it
    /// keeps one: numbers given once and removed are never given again.
    pub next_id: Option<i64>,
}

/// How many rows one statement writes: well under PostgreSQL's 65,535 parameters.
const ROWS_A_STATEMENT: usize = 500;

impl PgStore {
    /// The columns of `table` a copy writes: all but the generated ones and the municipality
    /// (the copying role's, by default), in the table's order.
    pub fn copy_columns(&self, table: &str) -> Result<Vec<String>> {
        let db: &dyn Db = &self.conn;
        let columns: Vec<String> = db.query_map(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1
               AND is_generated = 'NEVER' AND column_name <> 'municipality'
             ORDER BY ordinal_position",
            [table],
            |r| r.get(0),
        )?;
        if columns.is_empty() {
            return Err(StoreError::Backend(format!(
                "no table {table} to copy into"
            )));
        }
        Ok(columns)
    }

    /// Writes `tables` into this database, which must hold nothing yet, in one transaction:
    /// the rows, then each table's numbers set past the highest used, then each table counted.
    /// Returns each table's count; a count that differs from the rows given rolls all back.
    pub fn copy_in(&mut self, tables: &[Table]) -> Result<Vec<(String, usize)>> {
        self.write(|tx, _| {
            let tx: &dyn Db = tx;
            for name in TABLES {
                let rows: i64 =
                    tx.query_row(&format!("SELECT count(*) FROM {name}"), params![], |r| {
                        r.get(0)
                    })?;
                if rows > 0 {
                    return Err(StoreError::Backend(format!(
                        "the database already holds {name}; a copy goes into an empty one"
                    )));
                }
            }
            let mut counts = Vec::new();
            for table in tables {
                if !TABLES.contains(&table.name) {
                    return Err(StoreError::Backend(format!(
                        "no table {} to copy",
                        table.name
                    )));
                }
                let columns = table.columns.join(", ");
                for chunk in table.rows.chunks(ROWS_A_STATEMENT) {
                    let width = table.columns.len();
                    let rows: Vec<String> = (0..chunk.len())
                        .map(|r| {
                            let places: Vec<String> =
                                (1..=width).map(|c| format!("${}", r * width + c)).collect();
                            format!("({})", places.join(", "))
                        })
                        .collect();
                    let values: Vec<&dyn ToValue> =
                        chunk.iter().flatten().map(|v| v as &dyn ToValue).collect();
                    tx.execute(
                        &format!(
                            "INSERT INTO {} ({columns}) VALUES {}",
                            table.name,
                            rows.join(", ")
                        ),
                        values.as_slice(),
                    )?;
                }
                if table.columns.iter().any(|c| c == "id") {
                    let highest: Option<i64> = tx.query_row(
                        &format!("SELECT max(id) FROM {}", table.name),
                        params![],
                        |r| r.get(0),
                    )?;
                    let next = table.next_id.max(highest.map(|h| h + 1)).unwrap_or(1);
                    tx.query_row(
                        "SELECT setval(pg_get_serial_sequence($1, 'id'), $2, false)",
                        params![table.name, next],
                        |_| Ok(()),
                    )?;
                }
                let counted: i64 = tx.query_row(
                    &format!("SELECT count(*) FROM {}", table.name),
                    params![],
                    |r| r.get(0),
                )?;
                let counted = usize::try_from(counted).unwrap_or_default();
                if counted != table.rows.len() {
                    return Err(StoreError::Backend(format!(
                        "{} holds {counted} rows after the copy, not {}; nothing was copied",
                        table.name,
                        table.rows.len()
                    )));
                }
                counts.push((table.name.to_owned(), counted));
            }
            Ok(counts)
        })
    }
}
