//! Retention: what the municipality's retention decision says may not be kept, anonymised (or,
//! for the read log, deleted) with a note of what, when and under which rule.

use crate::sql::{Db, Dialect, SqlResult, SqlStore, params};
use chrono::{DateTime, Duration, Utc};

use super::transfer::ArenaRecord;
use super::{Result, Stamp, drawn_up, history, time};
use puls_domain::retention::{RetentionKind, RetentionRule};

/// What one rule changes, or would change, in one arena.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionChange {
    pub rule: String,
    pub arena: i64,
    pub title: String,
    /// When the arena closed; `None` for a rule over the read log.
    pub closed_at: Option<DateTime<Utc>>,
    /// The recipient is anonymised.
    pub recipient: bool,
    /// How many contact summaries are anonymised.
    pub contacts: usize,
    /// The restricted record (name, contact details, note) is anonymised.
    pub restricted: bool,
    /// How many drawn-up versions still hold the recipient or a contact summary.
    pub drawn_up: usize,
    /// How many history rows still name the recipient (a change to the program's P line).
    pub history: usize,
    /// How many read-log rows are deleted.
    pub read_log: usize,
}

impl RetentionChange {
    /// True when the rule finds something left to do.
    pub fn is_due(&self) -> bool {
        self.recipient
            || self.contacts > 0
            || self.restricted
            || self.drawn_up > 0
            || self.history > 0
            || self.read_log > 0
    }
}

/// What the retention decision has anonymised in one arena: what a subject extract says.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Anonymised {
    pub recipient: bool,
    /// Contact summaries, in the arena as it is now.
    pub contacts: usize,
    pub restricted: bool,
    /// Drawn-up versions with anonymised fields.
    pub drawn_up: usize,
}

impl Anonymised {
    pub fn any(&self) -> bool {
        self.recipient || self.contacts > 0 || self.restricted || self.drawn_up > 0
    }
}

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

/// What an anonymised field reads from then on.
pub fn anonymised_note(on: chrono::NaiveDate, rule: &str) -> String {
    format!("[anonymised {on} under rule {rule}]")
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
fn history_naming_recipient(conn: &dyn Db, arena: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, detail FROM audit WHERE entity = 'arena' AND entity_id = ?1
           AND action = 'proactivity' ORDER BY id",
    )?;
    let rows = stmt
        .query_map([arena], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?
        .collect::<SqlResult<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, detail)| recipient_in_history(detail).is_some())
        .collect())
}

/// How many of the arena's drawn-up versions still hold what the contacts rule covers.
fn drawn_up_holding(conn: &dyn Db, arena: i64) -> Result<usize> {
    Ok(drawn_up::versions_of(conn, arena)?
        .iter()
        .filter(|(_, v)| holds_contacts(&v.arena))
        .count())
}

/// The closed arenas past the rule's time, with anything left to anonymise. Read through
/// `arenas_by_stage` (stage, id), `contacts_by_arena` and the restricted records' key.
fn contacts_due(
    conn: &dyn Db,
    rule: &RetentionRule,
    now: DateTime<Utc>,
) -> Result<Vec<RetentionChange>> {
    let before = time::to_text(now - Duration::days(i64::from(rule.days)));
    let mut stmt = conn.prepare_cached(conn.pick(
        "SELECT a.id, a.title, a.stage_since,
                a.recipient <> '' AND substr(a.recipient, 1, 12) <> ?2,
                (SELECT count(*) FROM contacts c WHERE c.arena_id = a.id
                   AND c.summary <> '' AND substr(c.summary, 1, 12) <> ?2),
                EXISTS (SELECT 1 FROM restricted_records r WHERE r.arena_id = a.id
                   AND substr(r.name, 1, 12) <> ?2)
         FROM arenas a WHERE a.stage = 'closed' AND a.stage_since < ?1 ORDER BY a.id",
        // The restricted record's policy hides it from all but its readers: its function
        // answers for whoever runs retention.
        "SELECT a.id, a.title, a.stage_since,
                a.recipient <> '' AND substr(a.recipient, 1, 12) <> ?2,
                (SELECT count(*) FROM contacts c WHERE c.arena_id = a.id
                   AND c.summary <> '' AND substr(c.summary, 1, 12) <> ?2),
                puls_anonymise_restricted(a.id, ?2, NULL, NULL, NULL)
         FROM arenas a WHERE a.stage = 'closed' AND a.stage_since < ?1 ORDER BY a.id",
    ))?;
    let rows = stmt.query_map(params![before, NOTE_PREFIX], |r| {
        Ok(RetentionChange {
            rule: rule.name.clone(),
            arena: r.get(0)?,
            title: r.get(1)?,
            closed_at: Some(time::from_text(r.text(2)?)),
            recipient: r.get(3)?,
            contacts: r.get::<_, i64>(4)?.try_into().unwrap_or(0),
            restricted: r.get(5)?,
            drawn_up: 0,
            history: 0,
            read_log: 0,
        })
    })?;
    let mut all = rows.collect::<SqlResult<Vec<_>>>()?;
    // Every copy: the versions drawn up at each close, and the history of the P line.
    for change in &mut all {
        change.drawn_up = drawn_up_holding(conn, change.arena)?;
        change.history = history_naming_recipient(conn, change.arena)?.len();
    }
    Ok(all.into_iter().filter(RetentionChange::is_due).collect())
}

/// Read-log rows past the rule's time, counted by arena. Read through `read_log_by_time`.
fn read_log_due(
    conn: &dyn Db,
    rule: &RetentionRule,
    now: DateTime<Utc>,
) -> Result<Vec<RetentionChange>> {
    let before = time::to_text(now - Duration::days(i64::from(rule.days)));
    let mut stmt = conn.prepare_cached(
        "SELECT l.arena_id, coalesce(a.title, ''), count(*) FROM read_log l
         LEFT JOIN arenas a ON a.id = l.arena_id WHERE l.at < ?1
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
    Ok(rows.collect::<SqlResult<_>>()?)
}

fn due(conn: &dyn Db, rules: &[RetentionRule], now: DateTime<Utc>) -> Result<Vec<RetentionChange>> {
    let mut changes = Vec::new();
    for rule in rules {
        changes.extend(match rule.what {
            RetentionKind::Contacts => contacts_due(conn, rule, now)?,
            RetentionKind::ReadLog => read_log_due(conn, rule, now)?,
        });
    }
    Ok(changes)
}

fn anonymise(tx: &dyn Db, stamp: &Stamp, change: &RetentionChange, note: &str) -> Result<()> {
    let at = time::to_text(stamp.at);
    if change.recipient {
        tx.execute(
            "UPDATE arenas SET recipient = ?2, version = version + 1, updated_at = ?3,
                    updated_by = ?4 WHERE id = ?1",
            params![change.arena, note, at, stamp.who],
        )?;
    }
    tx.execute(
        "UPDATE contacts SET summary = ?2, version = version + 1, updated_at = ?3,
                updated_by = ?4
         WHERE arena_id = ?1 AND summary <> '' AND substr(summary, 1, 12) <> ?5",
        params![change.arena, note, at, stamp.who, NOTE_PREFIX],
    )?;
    if change.restricted {
        match tx.dialect() {
            Dialect::Sqlite => tx.execute(
                "UPDATE restricted_records SET name = ?2, contact = ?2, note = ?2,
                        version = version + 1, updated_at = ?3, updated_by = ?4
                 WHERE arena_id = ?1",
                params![change.arena, note, at, stamp.who],
            )?,
            // Overwritten whoever runs retention, though only its readers read the record.
            Dialect::Postgres => tx.query_row(
                "SELECT puls_anonymise_restricted(?1, ?2, ?3, ?4, ?5)",
                params![change.arena, NOTE_PREFIX, note, at, stamp.who],
                |_| Ok(0),
            )?,
        };
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
                "UPDATE audit SET detail = ?2 WHERE id = ?1",
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

/// The retention decision's rules, applied. Part of the store interface (see [`crate::Backend`]).
pub trait RetentionStore {
    /// What `run_retention` would change now under `rules`, changing nothing: the dry run.
    fn retention_due(&self, rules: &[RetentionRule]) -> Result<Vec<RetentionChange>>;

    /// Applies the rules, all in one transaction, with an audit row per arena and rule naming
    /// the rule; returns what it changed. The retention decision is the one thing that may
    /// change a drawn-up arena.
    fn run_retention(&mut self, rules: &[RetentionRule]) -> Result<Vec<RetentionChange>>;
}

impl<S: SqlStore> RetentionStore for S {
    fn retention_due(&self, rules: &[RetentionRule]) -> Result<Vec<RetentionChange>> {
        due(self.db(), rules, self.now())
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
                            "DELETE FROM read_log WHERE arena_id = ?1 AND at < ?2",
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

#[cfg(test)]
mod tests {
    use crate::Store;
    use crate::prelude::*;
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::{ArenaRecord, ContactEdit, RECORD_FORMAT};
    use puls_domain::clock::ManualClock;
    use puls_domain::retention::default_rules as rules;

    fn record(stage: &str) -> ArenaRecord {
        let contact = |summary: &str| ContactEdit {
            on: NaiveDate::from_ymd_opt(2025, 1, 10).unwrap(),
            channel: "phone".into(),
            summary: summary.into(),
            by: "Karin S".into(),
        };
        ArenaRecord {
            format: RECORD_FORMAT,
            title: "Siblings absent".into(),
            need: String::new(),
            mission: "LF".into(),
            stage: stage.into(),
            coordinator: None,
            mandate: String::new(),
            commissioned_by: None,
            target_date: None,
            recipient: "LF-2025-014".into(),
            communication_lead: None,
            rhythm_days: None,
            contacts: vec![contact("Mother worried about the eldest"), contact("")],
            needs: vec![],
            criteria: vec![],
            activities: vec![],
            registration: String::new(),
            manager: String::new(),
            participating: vec![],
            decision: None,
        }
    }

    /// A store whose clock stands at 2025-02-01 with one closed and one active arena, both
    /// imported (so entering their stage) then.
    fn given_arenas(dir: &tempfile::TempDir) -> (Store, Arc<ManualClock>) {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2025, 2, 1, 9, 0, 0).unwrap(),
        ));
        let mut store = Store::open(&dir.path().join("r.db"), "maja", clock.clone()).unwrap();
        store.import_arena(&record("closed")).unwrap();
        store.import_arena(&record("active")).unwrap();
        (store, clock)
    }

    #[test]
    fn nothing_is_due_until_365_days_after_the_close() {
        let dir = tempfile::tempdir().unwrap();
        let (store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 1, 8, 0, 0).unwrap());
        assert_eq!(store.retention_due(&rules()).unwrap(), vec![]);
    }

    #[test]
    fn a_dry_run_lists_the_closed_arena_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 2, 10, 0, 0).unwrap());

        let due = store.retention_due(&rules()).unwrap();

        assert_eq!(due.len(), 1);
        assert_eq!(
            (due[0].arena, due[0].recipient, due[0].contacts),
            (1, true, 1)
        );
        assert_eq!(due[0].rule, "contacts-365");
        assert_eq!(store.plan(1).unwrap().proactivity.recipient, "LF-2025-014");
    }

    #[test]
    fn a_run_anonymises_recipient_and_summaries_with_a_note_and_an_audit_row() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 2, 10, 0, 0).unwrap());

        let done = store.run_retention(&rules()).unwrap();

        assert_eq!(done.len(), 1);
        let note = "[anonymised 2026-02-02 under rule contacts-365]";
        let plan = store.plan(1).unwrap();
        assert_eq!(plan.proactivity.recipient, note);
        let summaries: Vec<&str> = plan.contacts.iter().map(|c| c.summary.as_str()).collect();
        assert!(summaries.contains(&note), "{summaries:?}");
        assert!(
            summaries.contains(&""),
            "an empty summary stays empty: {summaries:?}"
        );
        let last = &store.arena_history(1, 1).unwrap()[0];
        assert_eq!(last.action, "retention");
        assert_eq!(
            last.detail,
            "rule contacts-365: anonymised the recipient and 1 contact summaries and 1 drawn-up versions"
        );
        assert_eq!(
            store.plan(2).unwrap().proactivity.recipient,
            "LF-2025-014",
            "an open arena is kept"
        );
    }

    #[test]
    fn a_second_run_finds_nothing_left() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 2, 10, 0, 0).unwrap());
        store.run_retention(&rules()).unwrap();

        assert_eq!(store.retention_due(&rules()).unwrap(), vec![]);
        assert_eq!(store.run_retention(&rules()).unwrap(), vec![]);
    }
}
