//! The whole knowledge bank as a file: written out for people or another database, and read back
//! in all or nothing.

use std::collections::HashSet;

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::knowledge::{Clean, insert_entry};
use super::prelude::*;
use super::{EntryEdit, Result, time};
use puls_domain::{calendar, text};

/// The version of the bank file format; a newer one is refused rather than half read.
pub const BANK_FORMAT: u32 = 1;

/// Every entry of a bank, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankRecord {
    pub format: u32,
    pub entries: Vec<EntryRecord>,
}

/// One entry as written to a file: the form, who wrote it and when, and the title of the arena
/// it came from (an arena number means nothing in another database without it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRecord {
    #[serde(flatten)]
    pub entry: EntryEdit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arena_title: Option<String>,
    /// Empty: the person importing.
    #[serde(default)]
    pub author: String,
    /// None: the time of the import.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// Something wrong with a bank file, and in which entry (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankProblem {
    pub entry: Option<usize>,
    pub kind: BankProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankProblemKind {
    /// Not JSON at all: serde's message, with line and column.
    NotJson(String),
    /// JSON, but without a format number or a list of entries.
    NotABank,
    TooNew(u32),
    /// An entry that is not one (a missing title, an unknown kind): serde's message.
    NotAnEntry(String),
    TitleEmpty,
    TitleTooLong {
        chars: usize,
    },
    /// A creation time outside the years puls keeps (`calendar::YEARS`).
    TimeOutOfRange(DateTime<Utc>),
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankImport {
    pub added: usize,
    /// Entries with the title, author and creation time of one already in the bank (or earlier
    /// in the file): left out, so importing a file twice adds nothing.
    pub already: usize,
    /// Entries whose arena is not in this database (another number, or another title there):
    /// added without the link.
    pub unlinked: usize,
    pub new_competences: Vec<String>,
}

/// Reads a bank file, checking every entry; lists every problem, or gives every entry.
pub fn parse_bank(json: &str) -> std::result::Result<Vec<EntryRecord>, Vec<BankProblem>> {
    let whole = |kind| vec![BankProblem { entry: None, kind }];
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| whole(BankProblemKind::NotJson(e.to_string())))?;
    let format = value.get("format").and_then(serde_json::Value::as_u64);
    let list = value.get("entries").and_then(serde_json::Value::as_array);
    let (Some(format), Some(list)) = (format, list) else {
        return Err(whole(BankProblemKind::NotABank));
    };
    if format > u64::from(BANK_FORMAT) {
        return Err(whole(BankProblemKind::TooNew(
            u32::try_from(format).unwrap_or(u32::MAX),
        )));
    }
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let problem = |kind| BankProblem {
            entry: Some(i + 1),
            kind,
        };
        match serde_json::from_value::<EntryRecord>(item.clone()) {
            Err(e) => problems.push(problem(BankProblemKind::NotAnEntry(e.to_string()))),
            Ok(record) => match text::title(&record.entry.title) {
                Err(text::TitleProblem::Empty) => {
                    problems.push(problem(BankProblemKind::TitleEmpty))
                }
                Err(text::TitleProblem::TooLong { chars }) => {
                    problems.push(problem(BankProblemKind::TitleTooLong { chars }))
                }
                Ok(_) => match record.created_at {
                    Some(at) if !calendar::in_range(at.date_naive()) => {
                        problems.push(problem(BankProblemKind::TimeOutOfRange(at)))
                    }
                    _ => entries.push(record),
                },
            },
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// An entry to add, cleaned, with its arena resolved in this database.
struct Addition {
    clean: Clean,
    author: String,
    created: Option<DateTime<Utc>>,
}

/// Works the import out against the database (or the transaction that will apply it).
fn plan(conn: &dyn Db, records: &[EntryRecord]) -> Result<(Vec<Addition>, BankImport)> {
    let mut seen: HashSet<(String, String, String)> = HashSet::new();
    {
        let mut stmt = conn.prepare("SELECT title, author, created_at FROM entries")?;
        for key in stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            seen.insert(key?);
        }
    }
    let mut summary = BankImport::default();
    let mut additions = Vec::new();
    for record in records {
        let mut clean = Clean::of(&record.entry)?;
        let author = text::one_line(record.author.trim()).into_owned();
        if let Some(created) = record.created_at {
            let key = (clean.title.clone(), author.clone(), time::to_text(created));
            if !seen.insert(key) {
                summary.already += 1;
                continue;
            }
        }
        if let Some(arena) = clean.arena {
            let title: Option<String> = conn
                .query_row(
                    // A drawn-up arena's entries are locked: a new one comes in unlinked.
                    "SELECT title FROM arenas WHERE id = ?1 AND stage <> 'closed'",
                    [arena],
                    |r| r.get(0),
                )
                .optional()?;
            let same = title.is_some_and(|t| {
                record
                    .arena_title
                    .as_deref()
                    .is_none_or(|wanted| wanted.trim() == t)
            });
            if !same {
                clean.arena = None;
                summary.unlinked += 1;
            }
        }
        for name in &clean.competences {
            let known = conn
                .query_row("SELECT 1 FROM competences WHERE name = ?1", [name], |_| {
                    Ok(())
                })
                .optional()?
                .is_some();
            let folded = name.to_lowercase();
            if !known
                && !summary
                    .new_competences
                    .iter()
                    .any(|c| c.to_lowercase() == folded)
            {
                summary.new_competences.push(name.clone());
            }
        }
        summary.added += 1;
        additions.push(Addition {
            clean,
            author,
            created: record.created_at,
        });
    }
    Ok((additions, summary))
}

/// The knowledge bank as a file, all or nothing. Part of the store interface (see [`crate::Backend`]).
pub trait BankStore {
    /// Every entry, oldest first, as a file another database can import.
    fn bank_record(&self) -> Result<BankRecord>;

    /// What importing `records` would do, writing nothing.
    fn preview_bank_import(&self, records: &[EntryRecord]) -> Result<BankImport>;

    /// Adds the entries in one transaction: all of them, or none. Entries already in the bank
    /// are left out; an entry keeps its author and creation time, and the audit row names the
    /// person importing.
    fn import_bank(&mut self, records: &[EntryRecord]) -> Result<BankImport>;
}

impl<S: SqlStore> BankStore for S {
    fn bank_record(&self) -> Result<BankRecord> {
        let ids: Vec<(i64, Option<String>)> = self
            .db()
            .prepare(
                "SELECT e.id, a.title FROM entries e LEFT JOIN arenas a ON a.id = e.arena_id
                 ORDER BY e.id",
            )?
            .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<SqlResult<_>>()?;
        let mut entries = Vec::with_capacity(ids.len());
        for (id, arena_title) in ids {
            let entry = self.entry(id)?;
            entries.push(EntryRecord {
                entry: EntryEdit::from(&entry),
                arena_title,
                author: entry.author,
                created_at: Some(entry.created_at),
            });
        }
        Ok(BankRecord {
            format: BANK_FORMAT,
            entries,
        })
    }

    fn preview_bank_import(&self, records: &[EntryRecord]) -> Result<BankImport> {
        Ok(plan(self.db(), records)?.1)
    }

    fn import_bank(&mut self, records: &[EntryRecord]) -> Result<BankImport> {
        self.write(|tx, stamp| {
            let (additions, summary) = plan(tx, records)?;
            for a in &additions {
                let author = if a.author.is_empty() {
                    stamp.who
                } else {
                    &a.author
                };
                let created = a.created.unwrap_or(stamp.at);
                insert_entry(tx, stamp, &a.clean, author, created, "import")?;
            }
            Ok(summary)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_bad_entry_with_its_number() {
        let json = r#"{"format": 1, "entries": [
            {"title": "Fine", "kind": "lesson"},
            {"title": "  ", "kind": "lesson"},
            {"title": "Odd", "kind": "poem"},
            {"kind": "method"}
        ]}"#;
        let problems = parse_bank(json).unwrap_err();
        let numbered: Vec<Option<usize>> = problems.iter().map(|p| p.entry).collect();
        assert_eq!(numbered, vec![Some(2), Some(3), Some(4)]);
        assert_eq!(problems[0].kind, BankProblemKind::TitleEmpty);
    }

    #[test]
    fn refuses_a_newer_format_and_what_is_not_a_bank() {
        let newer = parse_bank(r#"{"format": 2, "entries": []}"#).unwrap_err();
        assert_eq!(newer[0].kind, BankProblemKind::TooNew(2));
        let arena = parse_bank(r#"{"format": 1, "title": "an arena"}"#).unwrap_err();
        assert_eq!(arena[0].kind, BankProblemKind::NotABank);
        let broken = parse_bank("{").unwrap_err();
        assert!(matches!(broken[0].kind, BankProblemKind::NotJson(_)));
    }

    #[test]
    fn a_minimal_entry_reads_with_defaults() {
        let entries =
            parse_bank(r#"{"format": 1, "entries": [{"title": "T", "kind": "case"}]}"#).unwrap();
        assert_eq!(entries[0].entry.tags, Vec::<String>::new());
        assert_eq!(entries[0].created_at, None);
        assert_eq!(entries[0].author, "");
    }
}
