//! The roster from a spreadsheet: many people, their units and competences, in one transaction.
//!
//! Names are matched ignoring case, with Unicode folding done here rather than by SQLite's
//! NOCASE, which folds only A-Z: "ÅSA LIND" in a file is the "Åsa Lind" already on the roster.
//! The plan is read inside the same transaction that applies it, so the counts reported are
//! the changes made.

use std::collections::{HashMap, HashSet};

use crate::sql::{Db, SqlStore, params};

use super::roster::{insert_competence, insert_person, unit_id, write_holdings};
use super::{PersonEdit, Result, Stamp, StoreError, history, time};
use puls_domain::roster::Level;
use puls_domain::text;

/// One person as a spreadsheet row gives them: a person form, and whether their unit is an
/// outside partner (used only when the unit is new).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    pub person: PersonEdit,
    pub external: bool,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    /// Rows that match the roster already: left alone, so colleagues' open forms stay valid.
    pub unchanged: usize,
    pub new_competences: Vec<String>,
    pub new_units: Vec<String>,
}

/// What happens to one row's person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Add,
    Update(i64),
    Same,
}

/// A person on the roster now, in the terms a row is compared with.
struct Current {
    id: i64,
    unit: String,
    role: String,
    contact: String,
    capacity: u32,
    coordinator: bool,
    manager: String,
}

/// The import worked out against the database, before anything is written.
struct Plan {
    /// Each row, cleaned and with unit and competences spelled as the catalogue spells them.
    people: Vec<(Target, PersonEdit)>,
    new_competences: Vec<String>,
    /// New units with their outside-partner mark, in the order first met.
    new_units: Vec<(String, bool)>,
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

fn clean(s: &str) -> String {
    text::one_line(s.trim()).trim().to_owned()
}

/// Every name in `sql`'s first column, by its folded form; the first spelling wins.
fn names(conn: &dyn Db, sql: &str) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(sql)?;
    let mut found = HashMap::new();
    for name in stmt.query_map(params![], |r| r.get::<_, String>(0))? {
        let name = name?;
        found.entry(fold(&name)).or_insert(name);
    }
    Ok(found)
}

fn current_people(conn: &dyn Db) -> Result<HashMap<String, Current>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, coalesce(u.name, ''), p.role, p.contact, p.capacity, p.coordinator,
                p.manager
         FROM people p LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.id",
    )?;
    let mut people = HashMap::new();
    let rows = stmt.query_map(params![], |r| {
        Ok((
            r.get::<_, String>(1)?,
            Current {
                id: r.get(0)?,
                unit: r.get(2)?,
                role: r.get(3)?,
                contact: r.get(4)?,
                capacity: r.get(5)?,
                coordinator: r.get(6)?,
                manager: r.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let (name, current) = row?;
        people.entry(fold(&name)).or_insert(current);
    }
    Ok(people)
}

/// Each person's holdings as (folded competence name, level), sorted for comparison.
fn current_holdings(conn: &dyn Db) -> Result<HashMap<i64, Vec<(String, u8)>>> {
    let mut stmt = conn.prepare(
        "SELECT h.person_id, c.name, h.level FROM holdings h
         JOIN competences c ON c.id = h.competence_id",
    )?;
    let mut holdings: HashMap<i64, Vec<(String, u8)>> = HashMap::new();
    for row in stmt.query_map(params![], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
    })? {
        let (person, name, level) = row?;
        holdings
            .entry(person)
            .or_default()
            .push((fold(&name), level));
    }
    for list in holdings.values_mut() {
        list.sort();
    }
    Ok(holdings)
}

fn same_holdings(current: Option<&Vec<(String, u8)>>, wanted: &[(String, Level)]) -> bool {
    let mut wanted: Vec<(String, u8)> = wanted
        .iter()
        .map(|(name, level)| (fold(name), level.number()))
        .collect();
    wanted.sort();
    current.map_or(wanted.is_empty(), |current| *current == wanted)
}

/// The roster as it is, in the terms the rows are matched against.
struct Known {
    /// Folded name: the spelling in the catalogue (or in the file, for one it adds).
    competences: HashMap<String, String>,
    units: HashMap<String, String>,
    people: HashMap<String, Current>,
    holdings: HashMap<i64, Vec<(String, u8)>>,
}

impl Known {
    fn read(conn: &dyn Db) -> Result<Known> {
        Ok(Known {
            competences: names(conn, "SELECT name FROM competences ORDER BY id")?,
            units: names(conn, "SELECT name FROM units ORDER BY id")?,
            people: current_people(conn)?,
            holdings: current_holdings(conn)?,
        })
    }

    fn target(&self, person: &PersonEdit) -> Target {
        match self.people.get(&fold(&person.name)) {
            None => Target::Add,
            Some(now)
                if fold(&now.unit) == fold(&person.unit)
                    && now.role == person.role
                    && now.contact == person.contact
                    && now.capacity == person.capacity
                    && now.coordinator == person.coordinator
                    && (person.manager.is_empty() || now.manager == person.manager)
                    && same_holdings(self.holdings.get(&now.id), &person.competences) =>
            {
                Target::Same
            }
            Some(now) => Target::Update(now.id),
        }
    }
}

impl Plan {
    fn read(conn: &dyn Db, rows: &[ImportRow]) -> Result<Plan> {
        let mut known = Known::read(conn)?;
        let mut plan = Plan {
            people: Vec::with_capacity(rows.len()),
            new_competences: Vec::new(),
            new_units: Vec::new(),
        };
        let mut seen = HashSet::new();
        for row in rows {
            let person = plan.spell(&mut known, row)?;
            if !seen.insert(fold(&person.name)) {
                return Err(StoreError::ImportNameTwice(person.name));
            }
            plan.people.push((known.target(&person), person));
        }
        Ok(plan)
    }

    /// The row's person cleaned, with unit and competences spelled as the roster spells them;
    /// the ones it does not know yet are noted as new.
    fn spell(&mut self, known: &mut Known, row: &ImportRow) -> Result<PersonEdit> {
        let mut person = row.person.clone();
        person.name = clean(&person.name);
        person.role = clean(&person.role);
        person.contact = clean(&person.contact);
        person.manager = clean(&person.manager);
        if person.name.is_empty() {
            return Err(StoreError::NameMissing);
        }
        for (name, _) in &mut person.competences {
            let clean = clean(name);
            if clean.is_empty() {
                return Err(StoreError::NameMissing);
            }
            *name = known
                .competences
                .entry(fold(&clean))
                .or_insert_with(|| {
                    self.new_competences.push(clean.clone());
                    clean
                })
                .clone();
        }
        let unit = clean(&person.unit);
        person.unit = if unit.is_empty() {
            unit
        } else {
            known
                .units
                .entry(fold(&unit))
                .or_insert_with(|| {
                    self.new_units.push((unit.clone(), row.external));
                    unit
                })
                .clone()
        };
        Ok(person)
    }

    fn summary(&self) -> ImportSummary {
        let count =
            |wanted: fn(&Target) -> bool| self.people.iter().filter(|(t, _)| wanted(t)).count();
        ImportSummary {
            added: count(|t| *t == Target::Add),
            updated: count(|t| matches!(t, Target::Update(_))),
            unchanged: count(|t| *t == Target::Same),
            new_competences: self.new_competences.clone(),
            new_units: self
                .new_units
                .iter()
                .map(|(name, _)| name.clone())
                .collect(),
        }
    }

    fn apply(&self, tx: &dyn Db, stamp: &Stamp) -> Result<()> {
        for name in &self.new_competences {
            insert_competence(tx, stamp, name, "")?;
        }
        for (name, external) in &self.new_units {
            if let (Some(id), true) = (unit_id(tx, stamp, name)?, *external) {
                tx.execute("UPDATE units SET external = 1 WHERE id = ?1", [id])?;
            }
        }
        for (target, person) in &self.people {
            let id = match *target {
                Target::Same => continue,
                Target::Add => {
                    let unit = unit_id(tx, stamp, &person.unit)?;
                    insert_person(
                        tx,
                        stamp,
                        &person.name,
                        unit,
                        &person.role,
                        &person.contact,
                        person.capacity,
                        person.coordinator,
                    )?
                }
                Target::Update(id) => {
                    update_person(tx, stamp, id, person)?;
                    id
                }
            };
            if *target == Target::Add && !person.manager.is_empty() {
                tx.execute(
                    "UPDATE people SET manager = ?2 WHERE id = ?1",
                    params![id, person.manager],
                )?;
            }
            write_holdings(tx, id, &person.competences)?;
        }
        Ok(())
    }
}

/// Replaces what a spreadsheet says about a person; the name keeps the roster's spelling.
fn update_person(tx: &dyn Db, stamp: &Stamp, id: i64, person: &PersonEdit) -> Result<()> {
    let unit = unit_id(tx, stamp, &person.unit)?;
    tx.execute(
        "UPDATE people SET unit_id = ?2, role = ?3, contact = ?4, capacity = ?5, coordinator = ?6,
                manager = CASE WHEN ?9 = '' THEN manager ELSE ?9 END,
                version = version + 1, updated_at = ?7, updated_by = ?8 WHERE id = ?1",
        params![
            id,
            unit,
            person.role,
            person.contact,
            person.capacity,
            person.coordinator,
            time::to_text(stamp.at),
            stamp.who,
            person.manager
        ],
    )?;
    history::record(tx, stamp, "person", id, "import", &person.name)
}

/// The roster from a spreadsheet, all or nothing. Part of the store interface (see [`crate::Backend`]).
pub trait RosterImportStore {
    /// What `import_roster` would do with `rows`, writing nothing.
    fn preview_import(&self, rows: &[ImportRow]) -> Result<ImportSummary>;

    /// Adds the people in `rows` who are new and updates those already on the roster (by name,
    /// ignoring case), adding unknown units and competences: all of it in one transaction.
    fn import_roster(&mut self, rows: &[ImportRow]) -> Result<ImportSummary>;
}

impl<S: SqlStore> RosterImportStore for S {
    fn preview_import(&self, rows: &[ImportRow]) -> Result<ImportSummary> {
        Ok(Plan::read(self.db(), rows)?.summary())
    }

    fn import_roster(&mut self, rows: &[ImportRow]) -> Result<ImportSummary> {
        self.write(|tx, stamp| {
            let plan = Plan::read(tx, rows)?;
            plan.apply(tx, stamp)?;
            Ok(plan.summary())
        })
    }
}
