//! The region demo in one SQLite file: a region's whole volume, ten municipalities' worth, as
//! one organisation's data. A SQLite file has no municipalities to keep apart (PostgreSQL's
//! policies do that), so everything in it is visible to everyone who opens it.
//!
//! Each municipality is planned from a seed of its own, written, and let go before the next is
//! planned, all in one transaction: the file holds the region whole or nothing, and memory holds
//! one municipality's plan at a time.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::municipality::{Member, Municipality};
use super::write::Start;
use super::{Counts, DemoError, Outcome, Rng, Size, demo, empty_for, region_mark};
use crate::store_postgres::DEMO_MUNICIPALITIES;

/// Fills the file at `path` with the region demo of `seed`: the large demo of `seed` first, as
/// `fill` makes it, then one municipality of `size` for each of `DEMO_MUNICIPALITIES`, its
/// people's and units' names carrying the municipality's, staffed from the first one's
/// competence catalogue. A new or empty file is filled; one that holds this very demo is left
/// alone; any other is refused.
pub fn fill_region(
    path: &Path,
    who: &str,
    now: DateTime<Utc>,
    size: &Size,
    seed: u64,
) -> Result<Outcome, DemoError> {
    let Some(mut store) = empty_for(path, who, now, &region_mark(seed))? else {
        return Ok(Outcome::AlreadyThere);
    };
    let counts = store.bulk_load(|out| {
        let mut first = Municipality::plan(size, seed, now, who, Member::First);
        first.write(out, Start::default())?;
        let mut counts = first.counts();
        let mut start = Start::default().after(&counts);
        let catalogue = std::mem::take(&mut first.competences);
        drop(first);
        for (name, seed) in DEMO_MUNICIPALITIES.iter().zip(seeds(seed)) {
            let member = Member::Other {
                name,
                catalogue: &catalogue,
            };
            let municipality = Municipality::plan(size, seed, now, who, member);
            municipality.write(out, start)?;
            let more = municipality.counts();
            start = start.after(&more);
            counts = counts.and(more);
        }
        out.meta(demo::DEMO_MARK, &region_mark(seed))?;
        Ok(counts)
    })?;
    Ok(Outcome::Generated(counts))
}

/// The seeds of the region's other municipalities, drawn from the region's: one seed gives the
/// whole region, and each municipality a life of its own.
fn seeds(seed: u64) -> impl Iterator<Item = u64> {
    let mut rng = Rng(seed);
    std::iter::repeat_with(move || rng.next())
}

impl Counts {
    /// What two municipalities of one region hold together: the competence catalogue is the
    /// region's, one for all.
    fn and(self, other: Counts) -> Counts {
        Counts {
            arenas: self.arenas + other.arenas,
            people: self.people + other.people,
            units: self.units + other.units,
            competences: self.competences,
            holdings: self.holdings + other.holdings,
            needs: self.needs + other.needs,
            allocations: self.allocations + other.allocations,
            contacts: self.contacts + other.contacts,
            criteria: self.criteria + other.criteria,
            activities: self.activities + other.activities,
            entries: self.entries + other.entries,
            reviews: self.reviews + other.reviews,
            audit_rows: self.audit_rows + other.audit_rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use rusqlite::Connection;

    use super::super::fill;
    use super::*;

    /// A municipality small enough that ten of them are quick to write.
    const TINY: Size = Size {
        arenas: 12,
        people: 40,
        units: 6,
        competences: 20,
        allocations: 60,
        needs_per_arena: 2,
        contacts_per_arena: 2,
        criteria_per_arena: 2,
        activities_per_arena: 3,
        entries: 8,
        audit_rows: 800,
    };

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    fn generated(outcome: Outcome) -> Counts {
        match outcome {
            Outcome::Generated(c) => c,
            Outcome::AlreadyThere => panic!("nothing generated"),
        }
    }

    fn count(conn: &Connection, sql: &str) -> usize {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize
    }

    /// The rows `sql` gives, each as text.
    fn rows(path: &Path, sql: &str) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_region_file_holds_ten_municipalities_under_names_of_their_own_and_one_catalogue() {
        // Given an empty file
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("region.db");

        // When the region demo of a tiny municipality is filled into it
        let region = generated(fill_region(&path, "maja", now(), &TINY, 3).unwrap());

        // Then it holds ten municipalities' rows and the catalogue once, as it says
        let conn = Connection::open(&path).unwrap();
        let held = |table: &str| count(&conn, &format!("SELECT count(*) FROM {table}"));
        assert_eq!(
            (
                held("arenas"),
                held("people"),
                held("units"),
                held("entries")
            ),
            (120, 400, 60, 80)
        );
        assert_eq!((held("competences"), region.competences), (20, 20));
        assert_eq!(
            (held("audit"), held("allocations"), held("holdings")),
            (region.audit_rows, region.allocations, region.holdings)
        );
        assert_eq!(region.audit_rows, 8_000);
        // Each of the nine others' people and units carries its name
        for name in DEMO_MUNICIPALITIES {
            let carried = |table: &str| {
                count(
                    &conn,
                    &format!("SELECT count(*) FROM {table} WHERE name LIKE '% ({name})'"),
                )
            };
            assert_eq!((carried("people"), carried("units")), (40, 6), "{name}");
        }
        // And the store's own check finds nothing wrong
        let report = crate::store::check(&path).unwrap();
        assert_eq!(report.problems(), 0, "{report:?}");
    }

    #[test]
    fn every_row_of_a_region_file_points_into_its_own_municipality() {
        // Given a region file of tiny municipalities
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("region.db");
        fill_region(&path, "maja", now(), &TINY, 4).unwrap();
        let conn = Connection::open(&path).unwrap();

        // When the rows that point at people and arenas are read with the municipality of each
        // end: the tenth of the file its number falls in
        let (arenas, people) = (TINY.arenas, TINY.people);
        let crossing = [
            format!(
                "SELECT count(*) FROM arenas WHERE coordinator_id IS NOT NULL
                   AND (id - 1) / {arenas} <> (coordinator_id - 1) / {people}"
            ),
            format!(
                "SELECT count(*) FROM arenas WHERE communication_lead_id IS NOT NULL
                   AND (id - 1) / {arenas} <> (communication_lead_id - 1) / {people}"
            ),
            format!(
                "SELECT count(*) FROM allocations
                 WHERE (arena_id - 1) / {arenas} <> (person_id - 1) / {people}"
            ),
            format!(
                "SELECT count(*) FROM needs WHERE person_id IS NOT NULL
                   AND (arena_id - 1) / {arenas} <> (person_id - 1) / {people}"
            ),
            format!(
                "SELECT count(*) FROM people
                 WHERE (id - 1) / {people} <> (unit_id - 1) / {}",
                TINY.units
            ),
            format!(
                "SELECT count(*) FROM entries WHERE arena_id IS NOT NULL
                   AND (id - 1) / {} <> (arena_id - 1) / {arenas}",
                TINY.entries
            ),
        ];

        // Then none crosses into another municipality
        for sql in &crossing {
            assert_eq!(count(&conn, sql), 0, "{sql}");
        }
        // And each arena's history is its own: one audit row per version, as the large demo
        // writes them, and each person's rows name that person
        let history = "SELECT count(*) FROM arenas a
             WHERE a.version <> (SELECT count(*) FROM audit
                                 WHERE entity = 'arena' AND entity_id = a.id)";
        assert_eq!(count(&conn, history), 0);
        let named = "SELECT count(*) FROM audit h JOIN people p ON p.id = h.entity_id
             WHERE h.entity = 'person' AND h.detail <> p.name";
        assert_eq!(count(&conn, named), 0);
        let persons = "SELECT count(*) FROM audit WHERE entity = 'person'";
        assert!(count(&conn, persons) >= 400);
    }

    #[test]
    fn a_region_file_begins_with_the_large_demo_of_its_seed_and_one_seed_gives_one_file() {
        // Given the large demo and two region files, all of seed 5
        let dir = tempfile::tempdir().unwrap();
        let (large, a, b) = (
            dir.path().join("large.db"),
            dir.path().join("a.db"),
            dir.path().join("b.db"),
        );
        let alone = generated(fill(&large, "maja", now(), &TINY, 5).unwrap());
        fill_region(&a, "maja", now(), &TINY, 5).unwrap();
        fill_region(&b, "maja", now(), &TINY, 5).unwrap();

        // When their arenas, people and history are read
        let arenas = "SELECT id || title || version || stage FROM arenas ORDER BY id";
        let people = "SELECT id || name || contact || unit_id FROM people ORDER BY id";
        let audit =
            "SELECT id || at || who || entity || entity_id || detail FROM audit ORDER BY id";

        // Then the region's first municipality is the large demo, row for row
        for sql in [arenas, people, audit] {
            let (first, region) = (rows(&large, sql), rows(&a, sql));
            assert_eq!(first[..], region[..first.len()], "{sql}");
        }
        assert_eq!(rows(&a, audit).len(), alone.audit_rows * 10);
        // And the same seed gave the same region
        for sql in [arenas, people, audit] {
            assert_eq!(rows(&a, sql), rows(&b, sql), "{sql}");
        }
    }

    #[test]
    fn a_file_holding_the_region_is_left_alone_and_any_other_demo_refused_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("region.db");
        fill_region(&path, "maja", now(), &TINY, 6).unwrap();
        assert_eq!(
            fill_region(&path, "maja", now(), &TINY, 6).unwrap(),
            Outcome::AlreadyThere
        );
        assert!(matches!(
            fill_region(&path, "maja", now(), &TINY, 7),
            Err(DemoError::Refused(_))
        ));
        assert!(matches!(
            fill(&path, "maja", now(), &TINY, 6),
            Err(DemoError::Refused(_))
        ));
    }
}
