//! The roster: units, people, competences and who holds them.

pub use puls_domain::read::{CompetenceRow, PersonRow, RosterGlance, Unit};
use std::collections::HashMap;
use std::sync::Arc;

use crate::sql::{Db, OptionalExtension, Question, SqlResult, SqlStore, ToValue, params};

use super::{Result, Stamp, StoreError, history, staffing, time};
use puls_domain::collation;
use puls_domain::roster::{Level, Load};
use puls_domain::text;

/// What a person form saves. The unit is named; an unknown unit is added as internal.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonEdit {
    pub name: String,
    pub unit: String,
    pub role: String,
    pub contact: String,
    pub capacity: u32,
    pub coordinator: bool,
    /// The OS account of their line manager; empty: none.
    pub manager: String,
    pub competences: Vec<(String, Level)>,
}

/// The id of the person called `name`, adding them when nobody is; marks them a coordinator.
pub(crate) fn find_or_add_coordinator(tx: &dyn Db, stamp: &Stamp, name: &str) -> Result<i64> {
    let found: Option<i64> = tx
        .query_row("SELECT id FROM people WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    let id = match found {
        Some(id) => id,
        None => insert_person(tx, stamp, name, None, "", "", 20, true)?,
    };
    tx.execute("UPDATE people SET coordinator = 1 WHERE id = ?1", [id])?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert_person(
    tx: &dyn Db,
    stamp: &Stamp,
    name: &str,
    unit_id: Option<i64>,
    role: &str,
    contact: &str,
    capacity: u32,
    coordinator: bool,
) -> Result<i64> {
    let now = time::to_text(stamp.at);
    tx.execute(
        "INSERT INTO people (name, unit_id, role, contact, capacity, coordinator, created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![name, unit_id, role, contact, capacity, coordinator, now, stamp.who],
    )?;
    let id = tx.last_insert_rowid();
    history::record(tx, stamp, "person", id, "create", name)?;
    Ok(id)
}

/// A unit's or a competence's name as the catalogue keeps it and is searched by: made safe, then
/// trimmed, so that a space before an invisible character does not make a second name.
fn catalogue_name(raw: &str) -> String {
    text::one_line(raw).trim().to_owned()
}

/// The id of the unit called `name`, adding it (internal) when it is new. Empty: no unit.
pub(super) fn unit_id(tx: &dyn Db, stamp: &Stamp, name: &str) -> Result<Option<i64>> {
    let name = catalogue_name(name);
    if name.is_empty() {
        return Ok(None);
    }
    let found: Option<i64> = tx
        .query_row("SELECT id FROM units WHERE name = ?1", [&name], |r| {
            r.get(0)
        })
        .optional()?;
    if found.is_some() {
        return Ok(found);
    }
    tx.execute(
        "INSERT INTO units (name, external, updated_at, updated_by) VALUES (?1, 0, ?2, ?3)",
        params![name, time::to_text(stamp.at), stamp.who],
    )?;
    let id = tx.last_insert_rowid();
    history::record(tx, stamp, "unit", id, "create", &name)?;
    Ok(Some(id))
}

/// Adds a competence to the catalogue, with its audit row.
pub(super) fn insert_competence(
    tx: &dyn Db,
    stamp: &Stamp,
    name: &str,
    category: &str,
) -> Result<i64> {
    let name = catalogue_name(name);
    if name.is_empty() {
        return Err(StoreError::NameMissing);
    }
    tx.execute(
        "INSERT INTO competences (name, category, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)",
        params![
            name,
            catalogue_name(category),
            time::to_text(stamp.at),
            stamp.who
        ],
    )?;
    let id = tx.last_insert_rowid();
    history::record(tx, stamp, "competence", id, "create", &name)?;
    Ok(id)
}

/// The competence called `name`, ignoring case, if the catalogue has it.
pub(super) fn competence_id_by_name(tx: &dyn Db, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM competences WHERE name = ?1",
            [catalogue_name(name)],
            |r| r.get(0),
        )
        .optional()?)
}

fn competence_id(tx: &dyn Db, name: &str) -> Result<i64> {
    tx.query_row(
        "SELECT id FROM competences WHERE name = ?1",
        [catalogue_name(name)],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownCompetence(catalogue_name(name)))
}

pub(super) fn write_holdings(
    tx: &dyn Db,
    person: i64,
    competences: &[(String, Level)],
) -> Result<()> {
    tx.execute("DELETE FROM holdings WHERE person_id = ?1", [person])?;
    for (name, level) in competences {
        let competence = competence_id(tx, name)?;
        tx.execute(
            "INSERT INTO holdings (person_id, competence_id, level) VALUES (?1, ?2, ?3)
             ON CONFLICT (person_id, competence_id) DO UPDATE SET level = excluded.level",
            params![person, competence, level.number()],
        )?;
    }
    Ok(())
}

fn person_version(tx: &dyn Db, id: i64, expected: i64) -> Result<()> {
    let (version, who, at): (i64, String, String) = tx
        .query_row(
            "SELECT version, updated_by, updated_at FROM people WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(StoreError::PersonNotFound(id))?;
    if version != expected {
        return Err(StoreError::Changed {
            what: format!("person {id}"),
            who,
            at: time::from_text(&at),
        });
    }
    Ok(())
}

fn bump_person(tx: &dyn Db, stamp: &Stamp, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE people SET version = version + 1, updated_at = ?2, updated_by = ?3 WHERE id = ?1",
        params![id, time::to_text(stamp.at), stamp.who],
    )?;
    Ok(())
}

/// Every holding as (person, competence, level): one plain scan, joined by the caller.
fn all_holdings(conn: &dyn Db) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT person_id, competence_id, level FROM holdings")?;
    let rows = stmt
        .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<SqlResult<_>>()?;
    Ok(rows)
}

/// The roster: people, units and the competence catalogue. Part of the store interface (see [`crate::Backend`]).
pub trait RosterStore {
    /// Everyone on the roster, active or not, with competences and current load, by name.
    ///
    /// Four plain scans joined here rather than a load subquery per person: at 5,000 people and
    /// 20,000 allocations the subqueries took 30 ms of every reload, the scans take a few.
    fn roster_people(&self) -> Result<Vec<PersonRow>>;

    /// One person, as the roster shows them.
    fn person(&self, id: i64) -> Result<PersonRow>;

    /// Every competence with its holders, free holders and gaps, by name.
    ///
    /// Holders and free time are counted here from plain scans: a correlated load subquery per
    /// holding took 34 ms at 300 competences and 12,000 holdings.
    fn roster_competences(&self) -> Result<Vec<CompetenceRow>>;

    /// How many people are active and how many are over capacity today, and how many
    /// competences the catalogue offers, without reading the people or the competence view.
    fn roster_glance(&self) -> Result<RosterGlance>;

    /// [`RosterStore::roster_competences`] and [`RosterStore::roster_glance`] together, as a
    /// reload wants them: everyone's load is read once for both (on a file of 50,000 people,
    /// 30 ms a reading).
    fn roster_overview(&self) -> Result<(Vec<CompetenceRow>, RosterGlance)>;

    fn units(&self) -> Result<Vec<Unit>>;

    /// Adds or updates a unit, marking it internal or external.
    fn set_unit(&mut self, name: &str, external: bool) -> Result<i64>;

    /// Adds a person with their competences; returns their id.
    fn add_person(&mut self, person: &PersonEdit) -> Result<i64>;

    /// Saves a person form, unless someone changed the person since `expected_version`.
    fn edit_person(&mut self, id: i64, expected_version: i64, person: &PersonEdit) -> Result<()>;

    /// Marks a person active or inactive; inactive people are kept but not offered as staff.
    fn set_person_active(&mut self, id: i64, expected_version: i64, active: bool) -> Result<()>;

    /// Removes a person who never had an allocation nor coordinated an arena.
    fn delete_person(&mut self, id: i64, expected_version: i64) -> Result<()>;

    /// Adds a competence to the catalogue; returns its id.
    fn add_competence(&mut self, name: &str, category: &str) -> Result<i64>;

    /// Renames or recategorises a competence, unless someone changed it first.
    fn edit_competence(
        &mut self,
        id: i64,
        expected_version: i64,
        name: &str,
        category: &str,
    ) -> Result<()>;

    /// Retires or restores a competence; retired ones stay on old records.
    fn set_competence_active(&mut self, id: i64, active: bool) -> Result<()>;
}

/// Every person's id, whether they are active, and their load today: what the competence
/// view and the roster's glance count from, by `Load`'s rules. Counting them in SQL instead
/// (one aggregate over people, holdings and the summed allocations) was measured on the large
/// demo: 10 ms faster on PostgreSQL for the two, but 8 ms slower on SQLite, whose GROUP BY and
/// joins cost more than these scans and the hashing here. So the allocations are summed here
/// either way, and PostgreSQL sends them summed per person already (5,000 rows, not 20,000).
fn people_loads<S: SqlStore>(store: &S) -> Result<Vec<(i64, bool, Load)>> {
    let db = store.db();
    let today = time::date_to_text(Some(store.today())).unwrap_or_default();
    let on_today: &[&dyn ToValue] = &[&today];
    let questions = load_questions(db, on_today);
    let [(allocations, _), (people, _)] = questions;
    db.together(&questions, || {
        let mut allocated: HashMap<i64, u32> = HashMap::new();
        db.for_each(allocations, on_today, |r| {
            *allocated.entry(r.get(0)?).or_default() += r.get::<_, u32>(1)?;
            Ok(())
        })?;
        let loads = db.query_map(people, params![], |r| {
            let id = r.get::<_, i64>(0)?;
            let load = Load {
                allocated: allocated.get(&id).copied().unwrap_or(0),
                capacity: r.get(2)?,
            };
            Ok((id, r.get::<_, bool>(1)?, load))
        })?;
        Ok(loads)
    })
}

/// The questions of everyone's load on `today`: the allocations (summed per person where a
/// server sums them) and the people.
pub(crate) fn load_questions<'q>(
    db: &dyn Db,
    on_today: &'q [&'q dyn ToValue],
) -> [Question<'q>; 2] {
    let allocations = db.pick(
        "SELECT person_id, percent FROM allocations NOT INDEXED
         WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1)",
        "SELECT person_id, CAST(sum(percent) AS bigint) FROM allocations
         WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1) GROUP BY person_id",
    );
    [
        (allocations, on_today),
        ("SELECT id, active, capacity FROM people", &[]),
    ]
}

/// The catalogue's competences in use, as the roster's glance counts them.
pub(crate) const ACTIVE_COMPETENCES: &str = "SELECT count(*) FROM competences WHERE active = 1";

/// How many people are active and how many of those are over capacity, from everyone's load,
/// and the catalogue's `competences` in use.
fn glance_of(loads: &[(i64, bool, Load)], competences: u32) -> RosterGlance {
    let mut glance = RosterGlance {
        competences,
        ..RosterGlance::default()
    };
    for (_, active, load) in loads {
        if *active {
            glance.active += 1;
            glance.over += u32::from(load.is_over());
        }
    }
    glance
}

/// Every competence with its holders by level, its free holders and its gaps, by name.
fn competence_rows<S: SqlStore>(
    store: &S,
    loads: &[(i64, bool, Load)],
) -> Result<Vec<CompetenceRow>> {
    let free: HashMap<i64, bool> = loads
        .iter()
        .map(|(id, active, load)| (*id, *active && load.free() > 0))
        .collect();
    let mut by_level: HashMap<i64, [u32; 4]> = HashMap::new();
    let mut with_free: HashMap<i64, u32> = HashMap::new();
    for (person, competence, level) in all_holdings(store.db())? {
        let Some(is_free) = free.get(&person) else {
            continue;
        };
        if let Some(count) = usize::try_from(level - 1)
            .ok()
            .and_then(|i| by_level.entry(competence).or_default().get_mut(i))
        {
            *count += 1;
        }
        if *is_free {
            *with_free.entry(competence).or_default() += 1;
        }
    }
    let mut stmt = store.db().prepare_cached(store.db().pick(
        "SELECT c.id, c.name, c.category, c.active, c.version
         FROM competences c ORDER BY c.name COLLATE NOCASE",
        // citext: the same order without a collation.
        "SELECT c.id, c.name, c.category, c.active, c.version
         FROM competences c ORDER BY c.name",
    ))?;
    let rows = stmt.query_map(params![], |r| {
        let id: i64 = r.get(0)?;
        Ok(CompetenceRow {
            id,
            name: r.get(1)?,
            category: r.get(2)?,
            active: r.get(3)?,
            version: r.get(4)?,
            by_level: by_level.get(&id).copied().unwrap_or_default(),
            with_free: with_free.get(&id).copied().unwrap_or(0),
            gaps: Vec::new(),
        })
    })?;
    let mut competences = rows.collect::<SqlResult<Vec<_>>>()?;
    let mut gaps: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    let mut stmt = store.db().prepare_cached(
        "SELECT n.competence_id, a.id, a.title FROM needs n JOIN arenas a ON a.id = n.arena_id
         WHERE n.status IN ('needed', 'requested') AND a.stage NOT IN ('closed', 'declined')
         ORDER BY a.id",
    )?;
    for row in stmt.query_map(params![], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (competence, arena, title) = row?;
        gaps.entry(competence).or_default().push((arena, title));
    }
    for c in &mut competences {
        c.gaps = gaps.remove(&c.id).unwrap_or_default();
    }
    Ok(competences)
}

impl<S: SqlStore> RosterStore for S {
    fn roster_people(&self) -> Result<Vec<PersonRow>> {
        let today = time::date_to_text(Some(self.today())).unwrap_or_default();
        let names: HashMap<i64, Arc<str>> = competence_names(self.db())?
            .into_iter()
            .map(|(id, name)| (id, Arc::from(name)))
            .collect();
        let mut holdings: HashMap<i64, Vec<(Arc<str>, Level)>> = HashMap::new();
        for (person, competence, level) in all_holdings(self.db())? {
            if let (Some(name), Some(level)) = (names.get(&competence), Level::from_number(level)) {
                holdings
                    .entry(person)
                    .or_default()
                    .push((name.clone(), level));
            }
        }
        let mut load: HashMap<i64, u32> = HashMap::new();
        let mut arenas: HashMap<i64, Vec<(i64, u32)>> = HashMap::new();
        let mut current = staffing::current_allocations(self.db(), &today)?;
        current.sort_unstable_by_key(|a| (a.person, a.arena));
        for a in current {
            *load.entry(a.person).or_default() += a.percent;
            let list = arenas.entry(a.person).or_default();
            match list.last_mut() {
                Some((arena, percent)) if *arena == a.arena => *percent += a.percent,
                _ => list.push((a.arena, a.percent)),
            }
        }
        let mut people = self.db().query_map(
            "SELECT p.id, p.name, u.name, coalesce(u.external, 0), p.role, p.contact, p.active, p.coordinator,
                    p.capacity, p.version, p.manager
             FROM people p LEFT JOIN units u ON u.id = p.unit_id",
            params![],
            |r| {
            let id: i64 = r.get(0)?;
            Ok(PersonRow {
                id,
                name: r.get(1)?,
                unit: r.get(2)?,
                external: r.get(3)?,
                role: r.get(4)?,
                contact: r.get(5)?,
                active: r.get(6)?,
                coordinator: r.get(7)?,
                manager: r.get(10)?,
                competences: Vec::new(),
                load: Load {
                    capacity: r.get(8)?,
                    allocated: 0,
                },
                arenas: Vec::new(),
                version: r.get(9)?,
            })
            },
        )?;
        // Sorted here: reading the table in order and sorting is three times faster than
        // reading it through the name index, a row lookup per person.
        let language = self.session().language;
        people.sort_by(|a, b| collation::compare_names(language, &a.name, &b.name));
        for person in &mut people {
            let mut competences = holdings.remove(&person.id).unwrap_or_default();
            // Strongest first, then by name as the catalogue sorts it.
            competences
                .sort_by(|(a, la), (b, lb)| lb.cmp(la).then_with(|| collation::nocase(a, b)));
            person.competences = competences;
            person.load.allocated = load.get(&person.id).copied().unwrap_or(0);
            person.arenas = arenas.remove(&person.id).unwrap_or_default();
        }
        Ok(people)
    }

    fn person(&self, id: i64) -> Result<PersonRow> {
        self.roster_people()?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(StoreError::PersonNotFound(id))
    }

    fn roster_glance(&self) -> Result<RosterGlance> {
        let competences = self
            .db()
            .query_row(ACTIVE_COMPETENCES, params![], |r| r.get(0))?;
        Ok(glance_of(&people_loads(self)?, competences))
    }

    fn roster_competences(&self) -> Result<Vec<CompetenceRow>> {
        competence_rows(self, &people_loads(self)?)
    }

    fn roster_overview(&self) -> Result<(Vec<CompetenceRow>, RosterGlance)> {
        let loads = people_loads(self)?;
        let competences = competence_rows(self, &loads)?;
        let active = competences.iter().filter(|c| c.active).count();
        let glance = glance_of(&loads, u32::try_from(active).unwrap_or(u32::MAX));
        Ok((competences, glance))
    }

    fn units(&self) -> Result<Vec<Unit>> {
        let db = self.db();
        let mut stmt = db.prepare_cached(db.pick(
            "SELECT id, name, external FROM units ORDER BY name COLLATE NOCASE",
            "SELECT id, name, external FROM units ORDER BY name",
        ))?;
        let units = stmt.query_map(params![], |r| {
            Ok(Unit {
                id: r.get(0)?,
                name: r.get(1)?,
                external: r.get(2)?,
            })
        })?;
        Ok(units.collect::<SqlResult<_>>()?)
    }

    fn set_unit(&mut self, name: &str, external: bool) -> Result<i64> {
        self.write(|tx, stamp| {
            let id = unit_id(tx, stamp, name)?.ok_or(StoreError::NameMissing)?;
            tx.execute(
                "UPDATE units SET external = ?2 WHERE id = ?1",
                params![id, external],
            )?;
            Ok(id)
        })
    }

    fn add_person(&mut self, person: &PersonEdit) -> Result<i64> {
        self.write(|tx, stamp| {
            let unit = unit_id(tx, stamp, &person.unit)?;
            let name = text::one_line(person.name.trim());
            let id = insert_person(
                tx,
                stamp,
                &name,
                unit,
                &text::one_line(&person.role),
                &text::one_line(&person.contact),
                person.capacity,
                person.coordinator,
            )?;
            tx.execute(
                "UPDATE people SET manager = ?2 WHERE id = ?1",
                params![id, text::one_line(person.manager.trim())],
            )?;
            write_holdings(tx, id, &person.competences)?;
            Ok(id)
        })
    }

    fn edit_person(&mut self, id: i64, expected_version: i64, person: &PersonEdit) -> Result<()> {
        self.write(|tx, stamp| {
            person_version(tx, id, expected_version)?;
            let unit = unit_id(tx, stamp, &person.unit)?;
            tx.execute(
                "UPDATE people SET name = ?2, unit_id = ?3, role = ?4, contact = ?5, capacity = ?6,
                        coordinator = ?7, manager = ?8 WHERE id = ?1",
                params![
                    id,
                    text::one_line(person.name.trim()),
                    unit,
                    text::one_line(&person.role),
                    text::one_line(&person.contact),
                    person.capacity,
                    person.coordinator,
                    text::one_line(person.manager.trim())
                ],
            )?;
            write_holdings(tx, id, &person.competences)?;
            bump_person(tx, stamp, id)?;
            history::record(tx, stamp, "person", id, "edit", &person.name)
        })
    }

    fn set_person_active(&mut self, id: i64, expected_version: i64, active: bool) -> Result<()> {
        self.write(|tx, stamp| {
            person_version(tx, id, expected_version)?;
            tx.execute(
                "UPDATE people SET active = ?2 WHERE id = ?1",
                params![id, active],
            )?;
            bump_person(tx, stamp, id)?;
            let action = if active { "activate" } else { "deactivate" };
            history::record(tx, stamp, "person", id, action, "")
        })
    }

    fn delete_person(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| {
            person_version(tx, id, expected_version)?;
            let ties: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM allocations WHERE person_id = ?1)
                      + (SELECT count(*) FROM arenas WHERE coordinator_id = ?1)
                      + (SELECT count(*) FROM needs WHERE person_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if ties > 0 {
                return Err(StoreError::PersonHasAllocations(id));
            }
            let name: String =
                tx.query_row("SELECT name FROM people WHERE id = ?1", [id], |r| r.get(0))?;
            tx.execute("DELETE FROM holdings WHERE person_id = ?1", [id])?;
            tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
            history::record(tx, stamp, "person", id, "delete", &name)
        })
    }

    fn add_competence(&mut self, name: &str, category: &str) -> Result<i64> {
        self.write(|tx, stamp| insert_competence(tx, stamp, name, category))
    }

    fn edit_competence(
        &mut self,
        id: i64,
        expected_version: i64,
        name: &str,
        category: &str,
    ) -> Result<()> {
        self.write(|tx, stamp| {
            let (version, who, at): (i64, String, String) = tx.query_row(
                "SELECT version, updated_by, updated_at FROM competences WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if version != expected_version {
                return Err(StoreError::Changed {
                    what: format!("competence {id}"),
                    who,
                    at: time::from_text(&at),
                });
            }
            tx.execute(
                "UPDATE competences SET name = ?2, category = ?3, version = version + 1, updated_at = ?4,
                        updated_by = ?5 WHERE id = ?1",
                params![
                    id,
                    catalogue_name(name),
                    catalogue_name(category),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            history::record(tx, stamp, "competence", id, "edit", name)
        })
    }

    fn set_competence_active(&mut self, id: i64, active: bool) -> Result<()> {
        self.write(|tx, stamp| {
            tx.execute(
                "UPDATE competences SET active = ?2, version = version + 1, updated_at = ?3, updated_by = ?4
                 WHERE id = ?1",
                params![id, active, time::to_text(stamp.at), stamp.who],
            )?;
            let action = if active { "activate" } else { "deactivate" };
            history::record(tx, stamp, "competence", id, action, "")
        })
    }
}

fn competence_names(db: &dyn Db) -> Result<HashMap<i64, String>> {
    let mut stmt = db.prepare_cached("SELECT id, name FROM competences")?;
    let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<SqlResult<_>>()?)
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;
    use puls_domain::clock::FixedClock;

    #[test]
    fn people_come_in_the_order_sqlite_sorts_names_without_case() {
        // Given names in both cases, with Swedish letters and a digit
        let dir = tempfile::tempdir().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut store =
            Store::open(&dir.path().join("r.db"), "maja", Arc::new(FixedClock(at))).unwrap();
        for name in [
            "bo Ek", "Anna", "Östen", "anders", "Åsa", "Zoe", "Bo 2", "ZOE B",
        ] {
            let person = PersonEdit {
                name: name.to_owned(),
                unit: String::new(),
                role: String::new(),
                contact: String::new(),
                capacity: 20,
                coordinator: false,
                competences: Vec::new(),
                manager: String::new(),
            };
            store.add_person(&person).unwrap();
        }

        // When the roster is read
        let names: Vec<String> = store
            .roster_people()
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();

        // Then it is in the order SQLite's NOCASE gives
        let mut stmt = store
            .conn
            .prepare("SELECT name FROM people ORDER BY name COLLATE NOCASE")
            .unwrap();
        let sqlite: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(names, sqlite);
    }
}
