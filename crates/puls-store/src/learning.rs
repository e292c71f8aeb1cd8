//! Collegial learning as the roster and the bank hold it: who can teach a competence, the
//! courses for it, and the knowledge capital across the organisation.

pub use puls_domain::learning::{CompetenceCapital, Learning};

use super::Result;
use crate::sql::{SqlResult, SqlStore, params};

/// Collegial learning. Part of the store interface (see [`crate::Backend`]).
pub trait LearningStore {
    /// The colleagues at level 4 and the bank's courses for one competence.
    fn learning_for(&self, competence: i64) -> Result<Learning>;

    /// Every active competence someone holds: how many hold it at each level, by name.
    fn knowledge_capital(&self) -> Result<Vec<CompetenceCapital>>;
}

impl<S: SqlStore> LearningStore for S {
    fn learning_for(&self, competence: i64) -> Result<Learning> {
        // holdings_by_competence serves the teachers, entry_competences_by_competence the courses.
        let mut stmt = self.db().prepare_cached(
            "SELECT p.name FROM holdings h JOIN people p ON p.id = h.person_id
             WHERE h.competence_id = ?1 AND h.level = 4 AND p.active = 1 ORDER BY p.name",
        )?;
        let teachers = stmt
            .query_map([competence], |r| r.get(0))?
            .collect::<SqlResult<_>>()?;
        let mut stmt = self.db().prepare_cached(
            "SELECT e.title, e.author FROM entry_competences c JOIN entries e ON e.id = c.entry_id
             WHERE c.competence_id = ?1 AND e.kind = 'course' ORDER BY e.title",
        )?;
        let courses = stmt
            .query_map([competence], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<SqlResult<_>>()?;
        Ok(Learning { teachers, courses })
    }

    fn knowledge_capital(&self) -> Result<Vec<CompetenceCapital>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT c.name,
                    count(*) FILTER (WHERE h.level = 1), count(*) FILTER (WHERE h.level = 2),
                    count(*) FILTER (WHERE h.level = 3), count(*) FILTER (WHERE h.level = 4)
             FROM competences c JOIN holdings h ON h.competence_id = c.id
             JOIN people p ON p.id = h.person_id
             WHERE c.active = 1 AND p.active = 1
             GROUP BY c.id ORDER BY c.name",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(CompetenceCapital {
                competence: r.get(0)?,
                at_level: [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }
}
