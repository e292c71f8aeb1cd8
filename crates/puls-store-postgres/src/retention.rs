//! Retention: what the municipality's retention decision says may not be kept, anonymised (or,
//! for the read log, deleted) with a note of what, when and under which rule.

use puls_store::*;

use crate::db::{Connection, Transaction, params};
use chrono::{DateTime, Duration, Utc};

use super::{PgStore, Result, Stamp, drawn_up, history, time};
use puls_domain::retention::{RetentionKind, RetentionRule};

/// What of `record`, its restricted record and its drawn-up versions reads as anonymised.
pub(super) fn anonymised(
    record: &ArenaRecord,
    restricted: Option<&super::RestrictedPart>,
    versions: &[super::DrawnUpRecord],
) -> Anonymised {
    let note = |text: &str| text.starts_with(NOTE_PREFIX);
    let touched =
        |r: &ArenaRecord| note(&r.recipient) || r.contacts.iter().any(|c| note(&c.summary));
    Anonymised {
        recipient: note(&record.recipient),
        contacts: record.contacts.iter().filter(|c| note(&c.summary)).count(),
        restricted: restricted.is_some_and(|r| note(&r.name)),
        drawn_up: versions.iter().filter(|v| touched(&v.arena)).count(),
    }
}

const NOTE_PREFIX: &str = "[anonymised ";

/// Whether `text` still holds something: not empty, not already anonymised.
fn held(text: &str) -> bool {
    !text.trim().is_empty() && !text.starts_with(NOTE_PREFIX)
}

/// Whether a drawn-up version still holds what the contacts rule covers: its recipient or a
/// contact summary.
fn holds_contacts(record: &ArenaRecord) -> bool {
    held(&record.recipient) || record.contacts.iter().any(|c| held(&c.summary))
}

/// Anonymises what the contacts rule covers in a drawn-up version.
fn anonymise_record(record: &mut ArenaRecord, note: &str) {
    let texts = std::iter::once(&mut record.recipient)
        .chain(record.contacts.iter_mut().map(|c| &mut c.summary));
    for text in texts.filter(|t| held(t)) {
        note.clone_into(text);
    }
}

/// The recipient as a history row of the P line names it (`recipient LF-2026-014; lead ...`):
/// the byte range of the case reference, when one is still there.
fn recipient_in_history(detail: &str) -> Option<std::ops::Range<usize>> {
    let start = "recipient ".len();
    let end = detail.find("; lead ")?;
    (detail.starts_with("recipient ") && end >= start && held(&detail[start..end]))
        .then_some(start..end)
}

/// The arena's history rows that still name its recipient, with their ids. Read through
/// `audit_by_entity`.
fn history_naming_recipient(conn: &Connection, arena: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, detail FROM audit WHERE entity = 'arena' AND entity_id = $1
           AND action = 'proactivity' ORDER BY id",
    )?;
    let rows = stmt
        .query_map([arena], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?
        .collect::<crate::db::SqlResult<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, detail)| recipient_in_history(detail).is_some())
        .collect())
}

/// How many of the arena's drawn-up versions still hold what the contacts rule covers.
fn drawn_up_holding(conn: &Connection, arena: i64) -> Result<usize> {
    Ok(drawn_up::versions_of(conn, arena)?
        .iter()
        .filter(|(_, v)| holds_contacts(&v.arena))
        .count())
}

/// The closed arenas past the rule's time, with anything left to anonymise. Read through
/// `arenas_by_stage` (stage, id), `contacts_by_arena` and the restricted records' key (in
/// `puls_anonymise_restricted`, which asks for whoever runs retention).
fn contacts_due(
    conn: &Connection,
    rule: &RetentionRule,
    now: DateTime<Utc>,
) -> Result<Vec<RetentionChange>> {
    let before = time::to_text(now - Duration::days(i64::from(rule.days)));
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, a.stage_since,
                a.recipient <> '' AND substr(a.recipient, 1, 12) <> $2,
                (SELECT count(*) FROM contacts c WHERE c.arena_id = a.id
                   AND c.summary <> '' AND substr(c.summary, 1, 12) <> $2),
                puls_anonymise_restricted(a.id, $2, NULL, NULL, NULL)
         FROM arenas a WHERE a.stage = 'closed' AND a.stage_since < $1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map(params![before, NOTE_PREFIX], |r| {
        Ok(RetentionChange {
            rule: rule.name.clone(),
            arena: r.get(0)?,
            title: r.get(1)?,
            closed_at: Some(time::from_text(&r.get::<_, String>(2)?)),
            recipient: r.get(3)?,
            contacts: r.get::<_, i64>(4)?.try_into().unwrap_or(0),
            restricted: r.get(5)?,
            drawn_up: 0,
            history: 0,
            read_log: 0,
        })
    })?;
    let mut all = rows.collect::<crate::db::SqlResult<Vec<_>>>()?;
    // Every copy: the versions drawn up at each close, and the history of the P line.
    for change in &mut all {
        change.drawn_up = drawn_up_holding(conn, change.arena)?;
        change.history = history_naming_recipient(conn, change.arena)?.len();
    }
    Ok(all.into_iter().filter(RetentionChange::is_due).collect())
}

/// Read-log rows past the rule's time, counted by arena. Read through `read_log_by_time`.
fn read_log_due(
    conn: &Connection,
    rule: &RetentionRule,
    now: DateTime<Utc>,
) -> Result<Vec<RetentionChange>> {
    let before = time::to_text(now - Duration::days(i64::from(rule.days)));
    let mut stmt = conn.prepare_cached(
        "SELECT l.arena_id, coalesce(a.title, ''), count(*) FROM read_log l
         LEFT JOIN arenas a ON a.id = l.arena_id WHERE l.at < $1
         GROUP BY l.arena_id, a.title ORDER BY l.arena_id",
    )?;
    let rows = stmt.query_map([before], |r| {
        Ok(RetentionChange {
            rule: rule.name.clone(),
            arena: r.get(0)?,
            title: r.get(1)?,
            closed_at: None,
            recipient: false,
            contacts: 0,
            restricted: false,
            drawn_up: 0,
            history: 0,
            read_log: r.get::<_, i64>(2)?.try_into().unwrap_or(0),
        })
    })?;
    Ok(rows.collect::<crate::db::SqlResult<_>>()?)
}

fn due(
    conn: &Connection,
    rules: &[RetentionRule],
    now: DateTime<Utc>,
) -> Result<Vec<RetentionChange>> {
    let mut changes = Vec::new();
    for rule in rules {
        changes.extend(match rule.what {
            RetentionKind::Contacts => contacts_due(conn, rule, now)?,
            RetentionKind::ReadLog => read_log_due(conn, rule, now)?,
        });
    }
    Ok(changes)
}

fn anonymise(tx: &Transaction, stamp: &Stamp, change: &RetentionChange, note: &str) -> Result<()> {
    let at = time::to_text(stamp.at);
    if change.recipient {
        tx.execute(
            "UPDATE arenas SET recipient = $2, version = version + 1, updated_at = $3,
                    updated_by = $4 WHERE id = $1",
            params![change.arena, note, at, stamp.who],
        )?;
    }
    tx.execute(
        "UPDATE contacts SET summary = $2, version = version + 1, updated_at = $3,
                updated_by = $4
         WHERE arena_id = $1 AND summary <> '' AND substr(summary, 1, 12) <> $5",
        params![change.arena, note, at, stamp.who, NOTE_PREFIX],
    )?;
    if change.restricted {
        // Overwritten whoever runs retention, though only its readers read the record.
        tx.query_row(
            "SELECT puls_anonymise_restricted($1, $2, $3, $4, $5)",
            params![change.arena, NOTE_PREFIX, note, at, stamp.who],
            |_| Ok(()),
        )?;
    }
    for (id, mut version) in drawn_up::versions_of(tx, change.arena)? {
        if holds_contacts(&version.arena) {
            anonymise_record(&mut version.arena, note);
            drawn_up::rewrite(tx, id, &version)?;
        }
    }
    for (id, mut detail) in history_naming_recipient(tx, change.arena)? {
        if let Some(range) = recipient_in_history(&detail) {
            detail.replace_range(range, note);
            tx.execute(
                "UPDATE audit SET detail = $2 WHERE id = $1",
                params![id, detail],
            )?;
        }
    }
    let mut what = Vec::new();
    if change.recipient {
        what.push("the recipient".to_owned());
    }
    what.push(format!("{} contact summaries", change.contacts));
    if change.restricted {
        what.push("the restricted record".to_owned());
    }
    if change.drawn_up > 0 {
        what.push(format!("{} drawn-up versions", change.drawn_up));
    }
    if change.history > 0 {
        what.push(format!("the recipient in {} history rows", change.history));
    }
    let detail = format!("rule {}: anonymised {}", change.rule, what.join(" and "));
    history::record(tx, stamp, "arena", change.arena, "retention", &detail)
}

impl RetentionStore for PgStore {
    fn retention_due(&self, rules: &[RetentionRule]) -> Result<Vec<RetentionChange>> {
        due(&self.conn, rules, self.now())
    }

    fn run_retention(&mut self, rules: &[RetentionRule]) -> Result<Vec<RetentionChange>> {
        let today = self.today();
        self.write(|tx, stamp| {
            let changes = due(tx, rules, stamp.at)?;
            for change in &changes {
                let rule = rules.iter().find(|r| r.name == change.rule);
                match rule.map(|r| r.what) {
                    Some(RetentionKind::Contacts) => {
                        anonymise(tx, stamp, change, &anonymised_note(today, &change.rule))?
                    }
                    Some(RetentionKind::ReadLog) => {
                        let before = time::to_text(
                            stamp.at - Duration::days(i64::from(rule.map_or(0, |r| r.days))),
                        );
                        tx.execute(
                            "DELETE FROM read_log WHERE arena_id = $1 AND at < $2",
                            params![change.arena, before],
                        )?;
                        let detail = format!(
                            "rule {}: deleted {} read-log rows",
                            change.rule, change.read_log
                        );
                        history::record(tx, stamp, "arena", change.arena, "retention", &detail)?;
                    }
                    None => {}
                }
            }
            Ok(changes)
        })
    }
}
