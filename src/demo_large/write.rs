//! Writes the planned municipality through the store's bulk writer: row ids counting on in plan
//! order from where the file's rows end (1 for the first), every row in the one transaction of
//! `Store::bulk_load`.

use chrono::{DateTime, Utc};

use super::Counts;
use super::knowledge;
use super::municipality::{DAY, Member, Municipality};
use crate::store::Result;
use crate::store::bulk::{
    BulkActivity, BulkAllocation, BulkArena, BulkAudit, BulkCompetence, BulkContact, BulkCriterion,
    BulkEntry, BulkNeed, BulkPerson, BulkReview, BulkUnit, BulkWriter,
};

/// The row id of the `i`th planned row.
fn id(i: usize) -> i64 {
    i as i64 + 1
}

/// Where a municipality's row ids start: after the rows of the municipalities written before it
/// into the same file (a region's). The competence catalogue is the first's, ids from 1.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Start {
    units: usize,
    people: usize,
    arenas: usize,
    entries: usize,
}

impl Start {
    /// Where the next municipality starts, after one that holds `counts` from here.
    pub(super) fn after(self, counts: &Counts) -> Start {
        Start {
            units: self.units + counts.units,
            people: self.people + counts.people,
            arenas: self.arenas + counts.arenas,
            entries: self.entries + counts.entries,
        }
    }

    fn unit(&self, i: usize) -> i64 {
        id(self.units + i)
    }

    fn person(&self, i: usize) -> i64 {
        id(self.people + i)
    }

    fn arena(&self, i: usize) -> i64 {
        id(self.arenas + i)
    }

    fn entry(&self, i: usize) -> i64 {
        id(self.entries + i)
    }

    /// The row an audit row of `entity` is about.
    fn entity(&self, entity: &str, i: usize) -> i64 {
        match entity {
            "unit" => self.unit(i),
            "person" => self.person(i),
            "arena" => self.arena(i),
            "entry" => self.entry(i),
            _ => id(i),
        }
    }
}

/// A planned moment (seconds since 1970) as the store takes it.
fn moment(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl Municipality<'_> {
    /// Writes every row, numbered on from `start`; the competence catalogue only when it is
    /// this municipality's own.
    pub(super) fn write(&self, out: &BulkWriter, start: Start) -> Result<()> {
        let created = moment(self.now - 1_100 * DAY);
        for (i, u) in self.units.iter().enumerate() {
            out.unit(&BulkUnit {
                id: start.unit(i),
                name: &u.name,
                external: u.external,
                at: created,
                by: self.who,
            })?;
        }
        let catalogue = match self.member {
            Member::First => &self.competences[..],
            Member::Other { .. } => &[],
        };
        for (i, c) in catalogue.iter().enumerate() {
            out.competence(&BulkCompetence {
                id: id(i),
                name: &c.name,
                category: c.category,
                at: created,
                by: self.who,
            })?;
        }
        self.write_people(out, start)?;
        self.write_arenas(out, start)?;
        self.write_staffing(out, start)?;
        self.write_programs(out, start)?;
        self.write_reviews(out, start)?;
        self.write_entries(out, start)?;
        self.write_audit(out, start)
    }

    fn write_people(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for (i, p) in self.people.iter().enumerate() {
            let holdings: Vec<(i64, u8)> = p
                .holdings
                .iter()
                .map(|(c, level)| (id(*c), *level))
                .collect();
            out.person(&BulkPerson {
                id: start.person(i),
                name: &p.name,
                unit: start.unit(p.unit),
                role: p.role,
                contact: &p.contact,
                capacity: p.capacity,
                active: p.active,
                coordinator: p.coordinator,
                version: p.version,
                created_at: moment(p.created),
                updated_at: moment(p.updated.0),
                updated_by: self.name_of(p.updated.1),
                holdings: &holdings,
            })?;
        }
        Ok(())
    }

    fn write_arenas(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for (i, a) in self.arenas.iter().enumerate() {
            out.arena(&BulkArena {
                id: start.arena(i),
                title: &a.title,
                need: &a.need,
                mission: a.mission,
                stage: a.stage.code(),
                stage_since: moment(a.stage_since),
                signalled_by: self.name_of(a.signalled_by),
                signalled_at: moment(a.signalled),
                coordinator: a.coordinator.map(|p| start.person(p)),
                mandate: a.mandate,
                commissioned_by: a.commissioned_by,
                decision: a.decided,
                target: a.target,
                decline_reason: a.decline_reason,
                recipient: &a.recipient,
                lead: a.lead.map(|p| start.person(p)),
                feedback_days: a.rhythm_days,
                version: a.version,
                updated_at: moment(a.updated.0),
                updated_by: self.name_of(a.updated.1),
            })?;
        }
        Ok(())
    }

    /// Who wrote an arena's rows: its coordinator, or the generator's user.
    fn writer_of(&self, arena: usize) -> &str {
        match self.arenas[arena].coordinator {
            Some(c) => self.name_of(c),
            None => self.who,
        }
    }

    fn write_staffing(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for n in &self.needs {
            out.need(&BulkNeed {
                arena: start.arena(n.arena),
                competence: id(n.competence),
                status: n.status,
                person: n.person.map(|p| start.person(p)),
                at: moment(n.at),
                by: self.writer_of(n.arena),
            })?;
        }
        for a in &self.allocations {
            out.allocation(&BulkAllocation {
                person: start.person(a.person),
                arena: start.arena(a.arena),
                competence: a.competence.map(id),
                percent: a.percent,
                from: a.from,
                to: a.to,
                at: moment(a.at),
                by: self.writer_of(a.arena),
            })?;
        }
        Ok(())
    }

    fn write_programs(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for c in &self.contacts {
            out.contact(&BulkContact {
                arena: start.arena(c.arena),
                on: c.on,
                channel: c.channel,
                summary: c.summary,
                by_whom: self.name_of(c.by),
                at: moment(self.now),
                by: self.writer_of(c.arena),
            })?;
        }
        for c in &self.criteria {
            out.criterion(&BulkCriterion {
                arena: start.arena(c.arena),
                text: c.text,
                measure: c.measure,
                target: c.target,
                result: c.result,
                no_result_reason: c.no_result_reason,
                at: moment(c.at),
                by: self.writer_of(c.arena),
            })?;
        }
        for a in &self.activities {
            out.activity(&BulkActivity {
                arena: start.arena(a.arena),
                position: a.position as i64,
                text: a.text,
                owner: self.name_of(a.owner),
                due: a.due,
                status: a.status.code(),
                blocked_reason: a.blocked_reason,
                at: moment(a.at),
                by: self.writer_of(a.arena),
            })?;
        }
        Ok(())
    }

    fn write_reviews(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for r in &self.reviews {
            out.review(&BulkReview {
                arena: start.arena(r.arena),
                kind: r.kind,
                held_on: moment(r.held).date_naive(),
                led_by: self.name_of(r.led_by),
                light: r.light,
                answers: &r.answers,
                at: moment(r.held),
                by: self.writer_of(r.arena),
            })?;
        }
        Ok(())
    }

    /// The bank's entries, each body drawn from its seed as it is written.
    fn write_entries(&self, out: &BulkWriter, start: Start) -> Result<()> {
        let words = knowledge::Vocabulary::new();
        for (i, e) in self.entries.iter().enumerate() {
            let competences: Vec<i64> = e.competences.iter().map(|c| id(*c)).collect();
            out.entry(&BulkEntry {
                id: start.entry(i),
                title: &e.title,
                body: &knowledge::body(e, &words),
                kind: e.kind,
                arena: e.arena.map(|a| start.arena(a)),
                tags: &e.tags,
                competences: &competences,
                author: self.name_of(e.author),
                at: moment(e.at),
            })?;
        }
        Ok(())
    }

    fn write_audit(&self, out: &BulkWriter, start: Start) -> Result<()> {
        for e in &self.audit {
            out.audit(&BulkAudit {
                at: moment(e.at),
                who: self.name_of(e.who),
                entity: e.entity,
                entity_id: start.entity(e.entity, e.entity_id),
                action: e.action,
                detail: &e.detail,
            })?;
        }
        Ok(())
    }
}
