//! `puls migrate --from FILE.db --to postgres://...`: a SQLite database copied whole into an
//! empty PostgreSQL one (history, versions, drawn-up records, read log), in one transaction,
//! every table counted on both sides.

use std::path::Path;
use std::sync::Arc;

use color_eyre::Result;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::cli::UserError;
use crate::domain::clock::Clock;
use crate::messages;
use crate::output;
use crate::store::prelude::*;
use crate::store::{Store, StoreError, StoreOptions};
use crate::store_postgres::{PgStore, TABLES, Table, Value, is_postgres_url, shown};

/// Tables of a SQLite database that hold nothing of their own: its numbers (read as each
/// table's next number) and the search index (PostgreSQL builds its own).
fn derived(table: &str) -> bool {
    table == "sqlite_sequence" || table.starts_with("entries_fts")
}

pub(crate) fn run(
    from: &Path,
    to: &str,
    who: &str,
    clock: Arc<dyn Clock>,
    options: &StoreOptions,
) -> Result<()> {
    if !is_postgres_url(to) {
        return Err(UserError(messages::migrate_needs_url(to)).into());
    }
    if !from.exists() {
        return Err(StoreError::NoSuchFile(from.to_owned()).into());
    }
    // Opened as puls opens it: refused if it is not puls's, brought up to date if older.
    drop(Store::open_with(from, who, clock.clone(), options)?);
    let mut target = PgStore::open(to, who, clock, options)?;
    let target_shown = Path::new(&shown(to)).to_owned();
    if !target.is_empty()? || target.meta(crate::demo::DEMO_MARK)?.is_some() {
        return Err(UserError(messages::migrate_target_not_empty(&target_shown)).into());
    }
    let counts = copy(from, &mut target)?;
    let rows = counts.iter().map(|(_, n)| n).sum();
    output::line(messages::migrated(from, &target_shown, rows, counts.len()))?;
    Ok(())
}

/// Copies the SQLite database `from` (current, as puls opened it) into the empty `target`;
/// each table's count.
pub(crate) fn copy(from: &Path, target: &mut PgStore) -> Result<Vec<(String, usize)>> {
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(StoreError::from)?;
    for table in tables_of(&source)? {
        if !derived(&table) && !TABLES.contains(&table.as_str()) && rows_in(&source, &table)? > 0 {
            return Err(UserError(messages::migrate_unknown_table(from, &table)).into());
        }
    }
    let mut tables = Vec::new();
    for name in TABLES {
        tables.push(read(&source, name, target.copy_columns(name)?)?);
    }
    let counts = target.copy_in(&tables)?;
    for (table, rows) in &counts {
        if rows_in(&source, table)? != *rows {
            return Err(UserError(messages::migrate_counts_differ(table)).into());
        }
    }
    Ok(counts)
}

fn tables_of(source: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// `table` is one of [`TABLES`] or a name `sqlite_master` gave: never text from a user.
fn rows_in(source: &Connection, table: &str) -> Result<usize, StoreError> {
    let rows: i64 = source.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
        r.get(0)
    })?;
    Ok(usize::try_from(rows).unwrap_or_default())
}

/// Every row of `name`, its `columns` in order, and the number it would give next.
fn read(source: &Connection, name: &'static str, columns: Vec<String>) -> Result<Table> {
    let sql = format!("SELECT {} FROM {name}", columns.join(", "));
    let mut stmt = source.prepare(&sql).map_err(StoreError::from)?;
    let width = columns.len();
    let rows = stmt
        .query_map([], |r| {
            (0..width)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        ValueRef::Null => Value::Null,
                        ValueRef::Integer(n) => Value::Int(n),
                        ValueRef::Real(x) => Value::Real(x),
                        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                        ValueRef::Blob(b) => Value::Text(String::from_utf8_lossy(b).into_owned()),
                    })
                })
                .collect::<rusqlite::Result<Vec<Value>>>()
        })
        .map_err(StoreError::from)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(StoreError::from)?;
    let next_id: Option<i64> = source
        .query_row(
            "SELECT seq + 1 FROM sqlite_sequence WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::from)?;
    Ok(Table {
        name,
        columns,
        rows,
        next_id,
    })
}
