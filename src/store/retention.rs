//! Retention: what the municipality's retention decision says may not be kept, anonymised with
//! a note of what, when and under which rule.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, params};

use super::{Result, Store, history, time};

/// The default rule: the recipient and the contact summaries of arenas closed more than 365
/// days ago.
pub const CONTACTS_RULE: &str = "contacts-365";
const CONTACTS_RULE_DAYS: i64 = 365;

/// What the rule changes, or would change, in one arena.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionChange {
    pub arena: i64,
    pub title: String,
    pub closed_at: DateTime<Utc>,
    /// The recipient is anonymised.
    pub recipient: bool,
    /// How many contact summaries are anonymised.
    pub contacts: usize,
}

/// What an anonymised field reads from then on.
pub fn anonymised_note(on: chrono::NaiveDate, rule: &str) -> String {
    format!("[anonymised {on} under rule {rule}]")
}

const NOTE_PREFIX: &str = "[anonymised ";

/// The closed arenas past the rule's time, with anything left to anonymise. Read through
/// `arenas_by_stage` (stage, id) and `contacts_by_arena`.
fn due(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<RetentionChange>> {
    let before = time::to_text(now - Duration::days(CONTACTS_RULE_DAYS));
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, a.stage_since,
                a.recipient <> '' AND substr(a.recipient, 1, 12) <> ?2,
                (SELECT count(*) FROM contacts c WHERE c.arena_id = a.id
                   AND c.summary <> '' AND substr(c.summary, 1, 12) <> ?2)
         FROM arenas a WHERE a.stage = 'closed' AND a.stage_since < ?1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map(params![before, NOTE_PREFIX], |r| {
        Ok(RetentionChange {
            arena: r.get(0)?,
            title: r.get(1)?,
            closed_at: time::from_text(&r.get::<_, String>(2)?),
            recipient: r.get(3)?,
            contacts: r.get::<_, i64>(4)?.try_into().unwrap_or(0),
        })
    })?;
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .into_iter()
        .filter(|c| c.recipient || c.contacts > 0)
        .collect())
}

impl Store {
    /// What `run_retention` would change now, changing nothing: the dry run.
    pub fn retention_due(&self) -> Result<Vec<RetentionChange>> {
        due(&self.conn, self.now())
    }

    /// Anonymises what the rule says, all in one transaction, with an audit row per arena
    /// naming the rule; returns what it changed.
    pub fn run_retention(&mut self) -> Result<Vec<RetentionChange>> {
        let today = self.today();
        self.write(|tx, stamp| {
            let changes = due(tx, stamp.at)?;
            let note = anonymised_note(today, CONTACTS_RULE);
            let at = time::to_text(stamp.at);
            for change in &changes {
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
                let detail = format!(
                    "rule {CONTACTS_RULE}: anonymised {}{} contact summaries",
                    if change.recipient {
                        "the recipient and "
                    } else {
                        ""
                    },
                    change.contacts
                );
                history::record(tx, stamp, "arena", change.arena, "retention", &detail)?;
            }
            Ok(changes)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::domain::clock::ManualClock;
    use crate::store::{ArenaRecord, ContactEdit, RECORD_FORMAT};

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
        assert_eq!(store.retention_due().unwrap(), vec![]);
    }

    #[test]
    fn a_dry_run_lists_the_closed_arena_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 2, 10, 0, 0).unwrap());

        let due = store.retention_due().unwrap();

        assert_eq!(due.len(), 1);
        assert_eq!(
            (due[0].arena, due[0].recipient, due[0].contacts),
            (1, true, 1)
        );
        assert_eq!(store.plan(1).unwrap().proactivity.recipient, "LF-2025-014");
    }

    #[test]
    fn a_run_anonymises_recipient_and_summaries_with_a_note_and_an_audit_row() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, clock) = given_arenas(&dir);
        clock.set(Utc.with_ymd_and_hms(2026, 2, 2, 10, 0, 0).unwrap());

        let done = store.run_retention().unwrap();

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
            "rule contacts-365: anonymised the recipient and 1 contact summaries"
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
        store.run_retention().unwrap();

        assert_eq!(store.retention_due().unwrap(), vec![]);
        assert_eq!(store.run_retention().unwrap(), vec![]);
    }
}
