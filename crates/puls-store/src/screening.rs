//! Every text column of the schema and how what is written into it is screened for personal
//! data: one list, so that a new column cannot be forgotten (its test fails until the column is
//! here, screened or exempt with a reason).
//!
//! The rule itself is `domain::privacy` (`Screen`, `screened`); the commands, forms, prompts and
//! imports that write a column apply it before the store saves, and the history masks it again
//! as it is written (`history::record`). The list is the decision record its test holds the
//! schema to; `tests/privacy.rs` and `tests/ui_privacy.rs` attack the paths that write.
//! `arenas.commissioned_by` also comes from the config on a commission, which is not screened.

use puls_domain::privacy::Screen;

/// How one text column is kept free of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// Text a person writes, screened as [`Screen`] says before it is saved.
    Screened(Screen),
    /// Masked as it is written, whoever writes it: the history's text.
    Masked,
    /// Not text a person writes, or kept apart on purpose: why.
    Exempt(&'static str),
}

use Column::{Exempt, Masked, Screened};

const CITIZEN: Column = Screened(Screen::Citizen);
const VOCABULARY: Column = Screened(Screen::Vocabulary);
const TIME: Column = Exempt("a time or date puls writes");
const ACCOUNT: Column =
    Exempt("an OS account name: the system's, or one an administrator names to grant a role");
const SSH_KEY: Column = Exempt("an SSH public key or its fingerprint, which ssh-keygen derives");
const CODE: Column = Exempt("a code from a fixed list");
const ENTRIES_INDEX: Column =
    Exempt("the full-text index of entries, derived from screened columns");

/// Every text column, by table and column.
pub(crate) const TEXT_COLUMNS: &[(&str, &str, Column)] = &[
    ("account_roles", "role", CODE),
    ("account_roles", "granted_at", TIME),
    ("account_roles", "granted_by", ACCOUNT),
    ("account_keys", "public_key", SSH_KEY),
    ("account_keys", "fingerprint", SSH_KEY),
    ("account_keys", "kind", CODE),
    ("account_keys", "comment", VOCABULARY),
    ("account_keys", "added_at", TIME),
    ("account_keys", "added_by", ACCOUNT),
    ("accounts", "name", ACCOUNT),
    ("accounts", "language", CODE),
    (
        "accounts",
        "time_zone",
        Exempt("an IANA time zone's name, checked as it is set"),
    ),
    ("activities", "text", CITIZEN),
    ("activities", "owner", CITIZEN),
    ("activities", "due_date", TIME),
    ("activities", "status", CODE),
    ("activities", "blocked_reason", CITIZEN),
    ("activities", "updated_at", TIME),
    ("activities", "updated_by", ACCOUNT),
    ("allocations", "from_date", TIME),
    ("allocations", "to_date", TIME),
    ("allocations", "updated_at", TIME),
    ("allocations", "updated_by", ACCOUNT),
    ("arenas", "title", CITIZEN),
    ("arenas", "need", CITIZEN),
    ("arenas", "mission", CITIZEN),
    ("arenas", "stage", CODE),
    ("arenas", "stage_since", TIME),
    ("arenas", "signalled_by", CITIZEN),
    ("arenas", "signalled_at", TIME),
    ("arenas", "mandate", CITIZEN),
    ("arenas", "commissioned_by", CITIZEN),
    ("arenas", "target_date", TIME),
    ("arenas", "decline_reason", CITIZEN),
    ("arenas", "updated_at", TIME),
    ("arenas", "updated_by", ACCOUNT),
    ("arenas", "recipient", CITIZEN),
    ("arenas", "registration", CITIZEN),
    ("arenas", "decision_body", CODE),
    ("arenas", "decision_on", TIME),
    ("arenas", "budget", CITIZEN),
    ("arenas", "may_ask", CITIZEN),
    ("arenas", "authority_until", TIME),
    ("arenas", "manager", CITIZEN),
    ("arenas", "agenda_body", CODE),
    ("arenas", "agenda_on", TIME),
    ("arena_missions", "mission", CITIZEN),
    ("audit", "at", TIME),
    ("audit", "who", ACCOUNT),
    ("audit", "entity", CODE),
    ("audit", "action", CODE),
    ("audit", "detail", Masked),
    ("competences", "name", VOCABULARY),
    ("competences", "category", VOCABULARY),
    ("competences", "updated_at", TIME),
    ("competences", "updated_by", ACCOUNT),
    ("contacts", "on_date", TIME),
    ("contacts", "channel", CITIZEN),
    ("contacts", "summary", CITIZEN),
    ("contacts", "by_whom", CITIZEN),
    ("contacts", "updated_at", TIME),
    ("contacts", "updated_by", ACCOUNT),
    ("criteria", "text", CITIZEN),
    ("criteria", "measure", CITIZEN),
    ("criteria", "target", CITIZEN),
    ("criteria", "result", CITIZEN),
    ("criteria", "no_result_reason", CITIZEN),
    ("criteria", "updated_at", TIME),
    ("criteria", "updated_by", ACCOUNT),
    (
        "drawn_up",
        "record",
        Exempt("a copy of screened columns as they stood at the close"),
    ),
    ("course_sessions", "on_date", TIME),
    ("course_sessions", "place", VOCABULARY),
    ("course_sessions", "updated_at", TIME),
    ("course_sessions", "updated_by", ACCOUNT),
    ("course_signups", "signed_at", TIME),
    ("drawn_up", "closed_at", TIME),
    ("drawn_up", "closed_by", ACCOUNT),
    ("drawn_up", "reopened_at", TIME),
    ("drawn_up", "reopened_by", ACCOUNT),
    ("entries", "title", VOCABULARY),
    ("entries", "body", VOCABULARY),
    ("entries", "kind", CODE),
    ("entries", "tags_text", VOCABULARY),
    ("entries", "author", VOCABULARY),
    ("entries", "created_at", TIME),
    ("entries", "updated_at", TIME),
    ("entries", "updated_by", ACCOUNT),
    ("entries_fts", "title", ENTRIES_INDEX),
    ("entries_fts", "body", ENTRIES_INDEX),
    ("entries_fts", "tags_text", ENTRIES_INDEX),
    ("entries_fts_config", "k", ENTRIES_INDEX),
    ("entries_fts_config", "v", ENTRIES_INDEX),
    ("entries_fts_idx", "segid", ENTRIES_INDEX),
    ("entries_fts_idx", "term", ENTRIES_INDEX),
    ("entries_fts_idx", "pgno", ENTRIES_INDEX),
    ("entry_tags", "tag", VOCABULARY),
    (
        "meta",
        "key",
        Exempt("puls's own settings of the file (the demo mark)"),
    ),
    (
        "meta",
        "value",
        Exempt("puls's own settings of the file (the demo mark)"),
    ),
    ("needs", "reason", CITIZEN),
    ("needs", "status", CODE),
    ("needs", "updated_at", TIME),
    ("needs", "updated_by", ACCOUNT),
    ("people", "name", VOCABULARY),
    ("people", "role", VOCABULARY),
    ("people", "created_at", TIME),
    ("people", "updated_at", TIME),
    ("people", "updated_by", ACCOUNT),
    ("people", "contact", VOCABULARY),
    ("people", "manager", ACCOUNT),
    ("read_log", "at", TIME),
    ("read_log", "who", ACCOUNT),
    ("read_log", "what", CODE),
    (
        "restricted_records",
        "name",
        Exempt("the restricted record: where a name and contact details belong, read-logged"),
    ),
    (
        "restricted_records",
        "contact",
        Exempt("the restricted record: where a name and contact details belong, read-logged"),
    ),
    (
        "restricted_records",
        "note",
        Exempt("the restricted record: where a name and contact details belong, read-logged"),
    ),
    ("maturity_ratings", "rated_on", TIME),
    ("maturity_ratings", "occasion", CODE),
    ("maturity_ratings", "partner", VOCABULARY),
    ("maturity_ratings", "updated_at", TIME),
    ("maturity_ratings", "updated_by", ACCOUNT),
    ("maturity_scores", "dimension", CODE),
    ("maturity_scores", "note", CITIZEN),
    ("problem_statements", "statement", CITIZEN),
    ("problem_statements", "on_date", TIME),
    ("purpose_notes", "kind", CODE),
    ("purpose_notes", "on_date", TIME),
    ("purpose_notes", "text", CITIZEN),
    ("purpose_notes", "updated_at", TIME),
    ("purpose_notes", "updated_by", ACCOUNT),
    ("purposes", "name", VOCABULARY),
    ("purposes", "description", CITIZEN),
    ("purposes", "updated_at", TIME),
    ("purposes", "updated_by", ACCOUNT),
    ("restricted_records", "updated_at", TIME),
    ("restricted_records", "updated_by", ACCOUNT),
    ("review_answers", "question", CODE),
    ("review_answers", "answer", CITIZEN),
    ("reviews", "kind", CODE),
    ("reviews", "held_on", TIME),
    ("reviews", "led_by", CITIZEN),
    ("reviews", "light", CODE),
    ("reviews", "updated_at", TIME),
    ("reviews", "updated_by", ACCOUNT),
    ("staffing_requests", "from_date", TIME),
    ("staffing_requests", "to_date", TIME),
    ("staffing_requests", "asked_by", ACCOUNT),
    ("staffing_requests", "asked_at", TIME),
    ("staffing_requests", "status", CODE),
    ("staffing_requests", "reason", CITIZEN),
    ("staffing_requests", "decided_by", ACCOUNT),
    ("staffing_requests", "decided_at", TIME),
    ("staffing_requests", "updated_at", TIME),
    ("staffing_requests", "updated_by", ACCOUNT),
    ("units", "name", VOCABULARY),
    ("units", "updated_at", TIME),
    ("units", "updated_by", ACCOUNT),
];

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::Store;
    use puls_domain::clock::SystemClock;

    /// Every column of a fresh database that can hold text (declared TEXT, CHAR or CLOB, or
    /// with no type at all, as virtual tables' columns are), as (table, column).
    fn text_columns_of_a_fresh_database() -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db"), "maja", Arc::new(SystemClock)).unwrap();
        let tables: Vec<String> = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut columns = Vec::new();
        for table in tables {
            let mut stmt = store
                .conn
                .prepare("SELECT name, upper(type) FROM pragma_table_info(?1)")
                .unwrap();
            let rows = stmt
                .query_map([&table], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })
                .unwrap();
            for row in rows {
                let (column, kind) = row.unwrap();
                let text =
                    kind.is_empty() || ["TEXT", "CHAR", "CLOB"].iter().any(|t| kind.contains(t));
                if text {
                    columns.push((table.clone(), column));
                }
            }
        }
        columns
    }

    #[test]
    fn every_text_column_is_screened_masked_or_exempt_with_a_reason() {
        let columns = text_columns_of_a_fresh_database();
        let listed = |table: &str, column: &str| {
            TEXT_COLUMNS
                .iter()
                .any(|(t, c, _)| *t == table && *c == column)
        };

        let forgotten: Vec<String> = columns
            .iter()
            .filter(|(t, c)| !listed(t, c))
            .map(|(t, c)| format!("{t}.{c}"))
            .collect();

        assert!(
            forgotten.is_empty(),
            "text columns nobody decided about; screen them or say in TEXT_COLUMNS why not: {forgotten:?}"
        );
    }

    #[test]
    fn the_list_names_only_columns_that_exist() {
        let columns = text_columns_of_a_fresh_database();
        let stale: Vec<String> = TEXT_COLUMNS
            .iter()
            .filter(|(t, c, _)| !columns.iter().any(|(ct, cc)| ct == t && cc == c))
            .map(|(t, c, _)| format!("{t}.{c}"))
            .collect();
        assert!(stale.is_empty(), "{stale:?}");
    }

    #[test]
    fn every_exemption_says_why() {
        for (table, column, kind) in TEXT_COLUMNS {
            if let Exempt(why) = kind {
                assert!(why.len() > 10, "{table}.{column}: {why:?}");
            }
        }
    }
}
