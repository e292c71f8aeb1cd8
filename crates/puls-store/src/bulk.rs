//! Filling a new, empty database in one go: the large demo today, a copy between backends
//! later. Rows come as plain data with the ids the caller gave them, and are written with
//! prepared statements in one transaction that lands whole or not at all.
//!
//! No audit row is written for them: the caller brings the history it wants ([`BulkAudit`]),
//! since the rows stand for years of work, not for one change made now.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use puls_domain::privacy;
use puls_domain::review::{Light, Question, ReviewKind};

use super::{Result, Store, history, time};

pub struct BulkUnit<'a> {
    pub id: i64,
    pub name: &'a str,
    pub external: bool,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkCompetence<'a> {
    pub id: i64,
    pub name: &'a str,
    pub category: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkPerson<'a> {
    pub id: i64,
    pub name: &'a str,
    pub unit: i64,
    pub role: &'a str,
    pub contact: &'a str,
    pub capacity: u32,
    pub active: bool,
    pub coordinator: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: &'a str,
    /// Competence ids and levels (1 to 4).
    pub holdings: &'a [(i64, u8)],
}

pub struct BulkArena<'a> {
    pub id: i64,
    pub title: &'a str,
    pub need: &'a str,
    pub mission: &'a str,
    /// The stage's code (`signal`, `active`...).
    pub stage: &'a str,
    pub stage_since: DateTime<Utc>,
    pub signalled_by: &'a str,
    pub signalled_at: DateTime<Utc>,
    pub coordinator: Option<i64>,
    pub mandate: &'a str,
    pub commissioned_by: Option<&'a str>,
    /// The deciding body's code and the day it decided.
    pub decision: Option<(&'a str, NaiveDate)>,
    pub target: Option<NaiveDate>,
    pub decline_reason: Option<&'a str>,
    pub recipient: &'a str,
    pub lead: Option<i64>,
    pub feedback_days: Option<u32>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub updated_by: &'a str,
}

pub struct BulkNeed<'a> {
    pub arena: i64,
    pub competence: i64,
    /// The need status's code (`needed`, `filled`...).
    pub status: &'a str,
    pub person: Option<i64>,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkAllocation<'a> {
    pub person: i64,
    pub arena: i64,
    pub competence: Option<i64>,
    pub percent: u32,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkContact<'a> {
    pub arena: i64,
    pub on: NaiveDate,
    pub channel: &'a str,
    pub summary: &'a str,
    pub by_whom: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkCriterion<'a> {
    pub arena: i64,
    pub text: &'a str,
    pub measure: &'a str,
    pub target: &'a str,
    pub result: &'a str,
    pub no_result_reason: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkActivity<'a> {
    pub arena: i64,
    pub position: i64,
    pub text: &'a str,
    pub owner: &'a str,
    pub due: Option<NaiveDate>,
    /// The activity status's code (`todo`, `blocked`...).
    pub status: &'a str,
    pub blocked_reason: &'a str,
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkEntry<'a> {
    pub id: i64,
    pub title: &'a str,
    pub body: &'a str,
    /// The entry kind's code (`lesson`, `method`...).
    pub kind: &'a str,
    pub arena: Option<i64>,
    pub tags: &'a [&'a str],
    pub competences: &'a [i64],
    pub author: &'a str,
    pub at: DateTime<Utc>,
}

/// A meeting an arena held, with its answers.
pub struct BulkReview<'a> {
    pub arena: i64,
    pub kind: ReviewKind,
    pub held_on: NaiveDate,
    pub led_by: &'a str,
    pub light: Option<Light>,
    pub answers: &'a [(Question, &'a str)],
    pub at: DateTime<Utc>,
    pub by: &'a str,
}

pub struct BulkAudit<'a> {
    pub at: DateTime<Utc>,
    pub who: &'a str,
    pub entity: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub detail: &'a str,
}

/// Writes rows into the transaction of one [`Store::bulk_load`].
pub struct BulkWriter<'t> {
    tx: &'t Transaction<'t>,
    /// The history is masked here as everywhere (see `history::record`).
    health_terms: &'t [String],
}

impl Store {
    /// Fills this database through `fill` in one transaction: all of it, or (when `fill` or a
    /// row fails) none. For a new, empty file: pages are not synced one by one on the way.
    pub fn bulk_load<T>(&mut self, fill: impl FnOnce(&BulkWriter) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;")?;
        let tx = self.conn.transaction()?;
        let writer = BulkWriter {
            tx: &tx,
            health_terms: &self.health_terms,
        };
        let value = fill(&writer)?;
        tx.commit()?;
        self.conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
        Ok(value)
    }
}

impl BulkWriter<'_> {
    pub fn unit(&self, u: &BulkUnit) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO units (id, name, external, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![u.id, u.name, u.external, time::to_text(u.at), u.by])?;
        Ok(())
    }

    pub fn competence(&self, c: &BulkCompetence) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO competences (id, name, category, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![c.id, c.name, c.category, time::to_text(c.at), c.by])?;
        Ok(())
    }

    pub fn person(&self, p: &BulkPerson) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO people (id, name, unit_id, role, contact, capacity, active,
                     coordinator, version, created_at, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                p.id,
                p.name,
                p.unit,
                p.role,
                p.contact,
                p.capacity,
                p.active,
                p.coordinator,
                p.version,
                time::to_text(p.created_at),
                time::to_text(p.updated_at),
                p.updated_by,
            ])?;
        let mut holding = self.tx.prepare_cached(
            "INSERT INTO holdings (person_id, competence_id, level) VALUES (?1, ?2, ?3)",
        )?;
        for (competence, level) in p.holdings {
            holding.execute(params![p.id, competence, level])?;
        }
        Ok(())
    }

    pub fn arena(&self, a: &BulkArena) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO arenas (id, title, need, mission, stage, stage_since, signalled_by,
                     signalled_at, coordinator_id, mandate, commissioned_by, target_date,
                     decline_reason, recipient, communication_lead_id, feedback_days, version,
                     updated_at, updated_by, decision_body, decision_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20, ?21)",
            )?
            .execute(params![
                a.id,
                a.title,
                a.need,
                a.mission,
                a.stage,
                time::to_text(a.stage_since),
                a.signalled_by,
                time::to_text(a.signalled_at),
                a.coordinator,
                a.mandate,
                a.commissioned_by,
                time::date_to_text(a.target),
                a.decline_reason,
                a.recipient,
                a.lead,
                a.feedback_days,
                a.version,
                time::to_text(a.updated_at),
                a.updated_by,
                a.decision.map(|(body, _)| body),
                time::date_to_text(a.decision.map(|(_, on)| on)),
            ])?;
        Ok(())
    }

    pub fn need(&self, n: &BulkNeed) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO needs (arena_id, competence_id, reason, status, person_id,
                     updated_at, updated_by)
                 VALUES (?1, ?2, '', ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                n.arena,
                n.competence,
                n.status,
                n.person,
                time::to_text(n.at),
                n.by,
            ])?;
        Ok(())
    }

    pub fn allocation(&self, a: &BulkAllocation) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO allocations (person_id, arena_id, competence_id, percent, from_date,
                     to_date, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                a.person,
                a.arena,
                a.competence,
                a.percent,
                time::date_to_text(Some(a.from)),
                time::date_to_text(a.to),
                time::to_text(a.at),
                a.by,
            ])?;
        Ok(())
    }

    pub fn contact(&self, c: &BulkContact) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO contacts (arena_id, on_date, channel, summary, by_whom, updated_at,
                     updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                c.arena,
                time::date_to_text(Some(c.on)),
                c.channel,
                c.summary,
                c.by_whom,
                time::to_text(c.at),
                c.by,
            ])?;
        Ok(())
    }

    pub fn criterion(&self, c: &BulkCriterion) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO criteria (arena_id, text, measure, target, result, no_result_reason,
                     updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                c.arena,
                c.text,
                c.measure,
                c.target,
                c.result,
                c.no_result_reason,
                time::to_text(c.at),
                c.by,
            ])?;
        Ok(())
    }

    pub fn activity(&self, a: &BulkActivity) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO activities (arena_id, position, text, owner, due_date, status,
                     blocked_reason, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                a.arena,
                a.position,
                a.text,
                a.owner,
                time::date_to_text(a.due),
                a.status,
                a.blocked_reason,
                time::to_text(a.at),
                a.by,
            ])?;
        Ok(())
    }

    /// An entry, its tags and competences; the schema's triggers index its text as it goes in.
    pub fn entry(&self, e: &BulkEntry) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO entries (id, title, body, kind, arena_id, tags_text, author,
                     created_at, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?7)",
            )?
            .execute(params![
                e.id,
                e.title,
                e.body,
                e.kind,
                e.arena,
                e.tags.join("\n"),
                e.author,
                time::to_text(e.at),
            ])?;
        let mut tag = self
            .tx
            .prepare_cached("INSERT INTO entry_tags (entry_id, tag) VALUES (?1, ?2)")?;
        for t in e.tags {
            tag.execute(params![e.id, t])?;
        }
        let mut competence = self.tx.prepare_cached(
            "INSERT INTO entry_competences (entry_id, competence_id) VALUES (?1, ?2)",
        )?;
        for c in e.competences {
            competence.execute(params![e.id, c])?;
        }
        Ok(())
    }

    pub fn review(&self, r: &BulkReview) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO reviews (arena_id, kind, held_on, led_by, light, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                r.arena,
                r.kind.code(),
                time::date_to_text(Some(r.held_on)),
                r.led_by,
                r.light.map(Light::code),
                time::to_text(r.at),
                r.by,
            ])?;
        let review = self.tx.last_insert_rowid();
        let mut answer = self.tx.prepare_cached(
            "INSERT INTO review_answers (review_id, question, answer) VALUES (?1, ?2, ?3)",
        )?;
        for (question, text) in r.answers {
            answer.execute(params![review, question.code(), text])?;
        }
        Ok(())
    }

    pub fn audit(&self, a: &BulkAudit) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO audit (at, who, entity, entity_id, action, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                time::to_text(a.at),
                a.who,
                a.entity,
                a.entity_id,
                a.action,
                privacy::masked(a.detail, self.health_terms, history::MASK),
            ])?;
        Ok(())
    }

    /// A setting of the database itself (`meta`): the demo's mark, for one.
    pub fn meta(&self, key: &str, value: &str) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO meta (key, value) VALUES (?1, ?2)")?
            .execute(params![key, value])?;
        Ok(())
    }
}
