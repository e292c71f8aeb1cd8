//! The whole knowledge bank as a file: written out for people or another database, and read back
//! in all or nothing.

use puls_store::*;

use std::collections::HashSet;

use crate::db::{Connection, OptionalExtension, params};
use chrono::{DateTime, Utc};

use super::knowledge::{Clean, insert_entry};

use super::{EntryEdit, PgStore, Result, time};
use puls_domain::text;

/// An entry to add, cleaned, with its arena resolved in this database.
struct Addition {
    clean: Clean,
    author: String,
    created: Option<DateTime<Utc>>,
}

/// Works the import out against the database (or the transaction that will apply it).
fn plan(conn: &Connection, records: &[EntryRecord]) -> Result<(Vec<Addition>, BankImport)> {
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
                    "SELECT title FROM arenas WHERE id = $1 AND stage <> 'closed'",
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
                .query_row("SELECT 1 FROM competences WHERE name = $1", [name], |_| {
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

impl BankStore for PgStore {
    fn bank_record(&self) -> Result<BankRecord> {
        let ids: Vec<(i64, Option<String>)> = self
            .conn
            .prepare(
                "SELECT e.id, a.title FROM entries e LEFT JOIN arenas a ON a.id = e.arena_id
                 ORDER BY e.id",
            )?
            .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::SqlResult<_>>()?;
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
        Ok(plan(&self.conn, records)?.1)
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
