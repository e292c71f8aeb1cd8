//! People as the foundation needs them: coordinators, found or added by name.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Stamp, Store, history, time};

/// The id of the person called `name`, adding them to the roster when nobody is.
pub(crate) fn find_or_add(tx: &Transaction, stamp: &Stamp, name: &str) -> Result<i64> {
    let found: Option<i64> = tx
        .query_row("SELECT id FROM people WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    add(tx, stamp, name, "", "")
}

fn add(tx: &Transaction, stamp: &Stamp, name: &str, unit: &str, role: &str) -> Result<i64> {
    let now = time::to_text(stamp.at);
    tx.execute(
        "INSERT INTO people (name, unit, role, created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
        params![name, unit, role, now, stamp.who],
    )?;
    let id = tx.last_insert_rowid();
    history::record(tx, stamp, "person", id, "create", name)?;
    Ok(id)
}

impl Store {
    /// Adds a person to the roster and returns their id.
    pub fn add_person(&mut self, name: &str, unit: &str, role: &str) -> Result<i64> {
        self.write(|tx, stamp| add(tx, stamp, name, unit, role))
    }

    /// Everyone's name, sorted: the coordinators a form can suggest.
    pub fn people_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM people ORDER BY name COLLATE NOCASE")?;
        let names = stmt.query_map([], |r| r.get(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }
}
