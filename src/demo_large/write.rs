//! Writes the planned municipality: one prepared statement per table, row ids counting from 1
//! in plan order, in the caller's transaction.

use rusqlite::{Transaction, params};

use super::knowledge;
use super::municipality::{DAY, Municipality, date_text, time_text};
use crate::store::Result;

/// The row id of the `i`th planned row.
fn id(i: usize) -> i64 {
    i as i64 + 1
}

impl Municipality<'_> {
    pub(super) fn write(&self, tx: &Transaction) -> Result<()> {
        let created = time_text(self.now - 1_100 * DAY);
        let mut stmt = tx.prepare(
            "INSERT INTO units (id, name, external, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, u) in self.units.iter().enumerate() {
            stmt.execute(params![id(i), u.name, u.external, created, self.who])?;
        }
        let mut stmt = tx.prepare(
            "INSERT INTO competences (id, name, category, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in self.competences.iter().enumerate() {
            stmt.execute(params![id(i), c.name, c.category, created, self.who])?;
        }
        self.write_people(tx)?;
        self.write_arenas(tx)?;
        self.write_staffing(tx)?;
        self.write_programs(tx)?;
        self.write_entries(tx)?;
        self.write_audit(tx)
    }

    fn write_people(&self, tx: &Transaction) -> Result<()> {
        let mut person = tx.prepare(
            "INSERT INTO people (id, name, unit_id, role, contact, capacity, active, coordinator,
                 version, created_at, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut holding = tx.prepare(
            "INSERT INTO holdings (person_id, competence_id, level) VALUES (?1, ?2, ?3)",
        )?;
        for (i, p) in self.people.iter().enumerate() {
            person.execute(params![
                id(i),
                p.name,
                id(p.unit),
                p.role,
                p.contact,
                p.capacity,
                p.active,
                p.coordinator,
                p.version,
                time_text(p.created),
                time_text(p.updated.0),
                self.name_of(p.updated.1),
            ])?;
            for (competence, level) in &p.holdings {
                holding.execute(params![id(i), id(*competence), level])?;
            }
        }
        Ok(())
    }

    fn write_arenas(&self, tx: &Transaction) -> Result<()> {
        let mut arena = tx.prepare(
            "INSERT INTO arenas (id, title, need, mission, stage, stage_since, signalled_by,
                 signalled_at, coordinator_id, mandate, commissioned_by, target_date, decline_reason,
                 recipient, communication_lead_id, feedback_days, version, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19)",
        )?;
        for (i, a) in self.arenas.iter().enumerate() {
            arena.execute(params![
                id(i),
                a.title,
                a.need,
                a.mission,
                a.stage.code(),
                time_text(a.stage_since),
                self.name_of(a.signalled_by),
                time_text(a.signalled),
                a.coordinator.map(id),
                a.mandate,
                a.commissioned_by,
                a.target.map(date_text),
                a.decline_reason,
                a.recipient,
                a.lead.map(id),
                a.rhythm_days,
                a.version,
                time_text(a.updated.0),
                self.name_of(a.updated.1),
            ])?;
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

    fn write_staffing(&self, tx: &Transaction) -> Result<()> {
        let mut need = tx.prepare(
            "INSERT INTO needs (arena_id, competence_id, reason, status, person_id, updated_at,
                 updated_by)
             VALUES (?1, ?2, '', ?3, ?4, ?5, ?6)",
        )?;
        for n in &self.needs {
            need.execute(params![
                id(n.arena),
                id(n.competence),
                n.status,
                n.person.map(id),
                time_text(n.at),
                self.writer_of(n.arena),
            ])?;
        }
        let mut allocation = tx.prepare(
            "INSERT INTO allocations (person_id, arena_id, competence_id, percent, from_date,
                 to_date, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for a in &self.allocations {
            allocation.execute(params![
                id(a.person),
                id(a.arena),
                a.competence.map(id),
                a.percent,
                date_text(a.from),
                a.to.map(date_text),
                time_text(a.at),
                self.writer_of(a.arena),
            ])?;
        }
        Ok(())
    }

    fn write_programs(&self, tx: &Transaction) -> Result<()> {
        let mut contact = tx.prepare(
            "INSERT INTO contacts (arena_id, on_date, channel, summary, by_whom, updated_at,
                 updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for c in &self.contacts {
            contact.execute(params![
                id(c.arena),
                date_text(c.on),
                c.channel,
                c.summary,
                self.name_of(c.by),
                time_text(self.now),
                self.writer_of(c.arena),
            ])?;
        }
        let mut criterion = tx.prepare(
            "INSERT INTO criteria (arena_id, text, measure, target, result, no_result_reason,
                 updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for c in &self.criteria {
            criterion.execute(params![
                id(c.arena),
                c.text,
                c.measure,
                c.target,
                c.result,
                c.no_result_reason,
                time_text(c.at),
                self.writer_of(c.arena),
            ])?;
        }
        let mut activity = tx.prepare(
            "INSERT INTO activities (arena_id, position, text, owner, due_date, status,
                 blocked_reason, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for a in &self.activities {
            activity.execute(params![
                id(a.arena),
                a.position as i64,
                a.text,
                self.name_of(a.owner),
                a.due.map(date_text),
                a.status.code(),
                a.blocked_reason,
                time_text(a.at),
                self.writer_of(a.arena),
            ])?;
        }
        Ok(())
    }

    /// The bank's entries; the schema's triggers index each one's text as it goes in.
    fn write_entries(&self, tx: &Transaction) -> Result<()> {
        let mut entry = tx.prepare(
            "INSERT INTO entries (id, title, body, kind, arena_id, tags_text, author, created_at,
                 updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?7)",
        )?;
        let mut tag = tx.prepare("INSERT INTO entry_tags (entry_id, tag) VALUES (?1, ?2)")?;
        let mut competence =
            tx.prepare("INSERT INTO entry_competences (entry_id, competence_id) VALUES (?1, ?2)")?;
        let words = knowledge::Vocabulary::new();
        for (i, e) in self.entries.iter().enumerate() {
            entry.execute(params![
                id(i),
                e.title,
                knowledge::body(e, &words),
                e.kind,
                e.arena.map(id),
                e.tags.join("\n"),
                self.name_of(e.author),
                time_text(e.at),
            ])?;
            for t in &e.tags {
                tag.execute(params![id(i), t])?;
            }
            for c in &e.competences {
                competence.execute(params![id(i), id(*c)])?;
            }
        }
        Ok(())
    }

    fn write_audit(&self, tx: &Transaction) -> Result<()> {
        let mut row = tx.prepare(
            "INSERT INTO audit (at, who, entity, entity_id, action, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for e in &self.audit {
            row.execute(params![
                time_text(e.at),
                self.name_of(e.who),
                e.entity,
                id(e.entity_id),
                e.action,
                e.detail,
            ])?;
        }
        Ok(())
    }
}
