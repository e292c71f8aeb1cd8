//! The knowledge bank: entries arenas returned, their tags and competences, written with their
//! audit rows. The search vector is a generated column of `entries`, in step with every write;
//! searching is in `knowledge_search`.

use puls_store::*;

use crate::db::{OptionalExtension, Transaction, params};
use chrono::{DateTime, Utc};
pub use puls_domain::read::Entry;

use super::{PgStore, Result, Stamp, StoreError, access, history, roster, time};
use puls_domain::knowledge::{self, EntryKind};
use puls_domain::text;

/// An entry cleaned for storage.
pub(super) struct Clean {
    pub title: String,
    pub body: String,
    pub kind: EntryKind,
    pub tags: Vec<String>,
    pub competences: Vec<String>,
    pub arena: Option<i64>,
}

impl Clean {
    pub fn of(e: &EntryEdit) -> Result<Clean> {
        let title = text::title(&e.title).map_err(|_| StoreError::EntryTitle)?;
        let mut competences: Vec<String> = Vec::new();
        for name in &e.competences {
            let name = text::one_line(name).trim().to_owned();
            let folded = name.to_lowercase();
            if !name.is_empty() && !competences.iter().any(|c| c.to_lowercase() == folded) {
                competences.push(name);
            }
        }
        Ok(Clean {
            title,
            body: text::multi_line(e.body.trim()).into_owned(),
            kind: e.kind,
            tags: knowledge::tags(&e.tags),
            competences,
            arena: e.arena,
        })
    }

    fn tags_text(&self) -> String {
        self.tags.join("\n")
    }
}

/// The arena an entry links to exists and is not drawn up: its entries may change.
fn check_arena(tx: &Transaction, arena: Option<i64>) -> Result<()> {
    match arena {
        Some(id) => super::drawn_up::ensure_open(tx, id),
        None => Ok(()),
    }
}

/// The entry's own arena, if drawn up, locks it.
fn entry_open(tx: &Transaction, id: i64) -> Result<()> {
    let arena: Option<i64> = tx
        .query_row("SELECT arena_id FROM entries WHERE id = $1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    check_arena(tx, arena)
}

/// Writes the entry's tags and competences (new competences join the catalogue).
fn write_links(tx: &Transaction, stamp: &Stamp, id: i64, e: &Clean) -> Result<()> {
    tx.execute("DELETE FROM entry_tags WHERE entry_id = $1", [id])?;
    tx.execute("DELETE FROM entry_competences WHERE entry_id = $1", [id])?;
    for tag in &e.tags {
        tx.execute(
            "INSERT INTO entry_tags (entry_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            params![id, tag],
        )?;
    }
    for name in &e.competences {
        let competence = match roster::competence_id_by_name(tx, name)? {
            Some(c) => c,
            None => roster::insert_competence(tx, stamp, name, "")?,
        };
        tx.execute(
            "INSERT INTO entry_competences (entry_id, competence_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
            params![id, competence],
        )?;
    }
    Ok(())
}

/// The audit action of a draft puls prefilled, saved untouched: not yet knowledge a person
/// returned.
const DRAFTED: &str = "draft";

/// Inserts a cleaned entry by `author`, created at `created`; audited as `action`.
pub(super) fn insert_entry(
    tx: &Transaction,
    stamp: &Stamp,
    e: &Clean,
    author: &str,
    created: DateTime<Utc>,
    action: &str,
) -> Result<i64> {
    check_arena(tx, e.arena)?;
    tx.execute(
        "INSERT INTO entries (title, body, kind, arena_id, tags_text, author, created_at, updated_at, updated_by,
                written)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        params![
            e.title,
            e.body,
            e.kind.code(),
            e.arena,
            e.tags_text(),
            text::one_line(author.trim()),
            time::to_text(created),
            time::to_text(stamp.at),
            stamp.who,
            action != DRAFTED
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_links(tx, stamp, id, e)?;
    history::record(tx, stamp, "entry", id, action, &e.title)?;
    Ok(id)
}

/// Whether the entry (`entries`, unaliased or as `e`) is another municipality's, shared with
/// the region: the session's municipality is its role's, and the one municipality's for a
/// role not mapped (a superuser sees every row).
pub(crate) const ELSEWHERE: &str =
    "municipality IS DISTINCT FROM coalesce((SELECT puls_municipality()), 'default')";

/// Checks nobody changed the entry since `expected`, and that it is this municipality's.
fn unchanged(tx: &Transaction, id: i64, expected: i64) -> Result<()> {
    let (version, who, at, elsewhere): (i64, String, String, bool) = tx
        .query_row(
            &format!(
                "SELECT version, updated_by, updated_at, {ELSEWHERE} FROM entries WHERE id = $1"
            ),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or(StoreError::EntryNotFound(id))?;
    if elsewhere {
        return Err(StoreError::EntryElsewhere(id));
    }
    if version != expected {
        return Err(StoreError::Changed {
            what: format!("entry {id}"),
            who,
            at: time::from_text(&at),
        });
    }
    Ok(())
}

impl KnowledgeStore for PgStore {
    fn add_entry(&mut self, e: &EntryEdit) -> Result<i64> {
        let clean = Clean::of(e)?;
        self.write(|tx, stamp| insert_entry(tx, stamp, &clean, stamp.who, stamp.at, "create"))
    }

    fn add_entry_by(&mut self, author: &str, e: &EntryEdit) -> Result<i64> {
        let clean = Clean::of(e)?;
        self.write(|tx, stamp| insert_entry(tx, stamp, &clean, author, stamp.at, "create"))
    }

    fn add_draft_entry(&mut self, e: &EntryEdit) -> Result<i64> {
        let clean = Clean::of(e)?;
        self.write(|tx, stamp| insert_entry(tx, stamp, &clean, stamp.who, stamp.at, DRAFTED))
    }

    fn edit_entry(&mut self, id: i64, expected_version: i64, e: &EntryEdit) -> Result<()> {
        let clean = Clean::of(e)?;
        self.write(|tx, stamp| {
            unchanged(tx, id, expected_version)?;
            entry_open(tx, id)?;
            check_arena(tx, clean.arena)?;
            tx.execute(
                "UPDATE entries SET title = $2, body = $3, kind = $4, arena_id = $5, tags_text = $6,
                        version = version + 1, updated_at = $7, updated_by = $8, written = 1
                 WHERE id = $1",
                params![
                    id,
                    clean.title,
                    clean.body,
                    clean.kind.code(),
                    clean.arena,
                    clean.tags_text(),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            write_links(tx, stamp, id, &clean)?;
            history::record(tx, stamp, "entry", id, "edit", &clean.title)
        })
    }

    fn delete_entry(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| {
            unchanged(tx, id, expected_version)?;
            entry_open(tx, id)?;
            let title: String =
                tx.query_row("SELECT title FROM entries WHERE id = $1", [id], |r| {
                    r.get(0)
                })?;
            tx.execute("DELETE FROM entries WHERE id = $1", [id])?;
            history::record(tx, stamp, "entry", id, "delete", &title)
        })
    }

    fn share_entry(&mut self, id: i64, shared: bool) -> Result<()> {
        self.write(|tx, stamp| {
            let roles = access::roles_of(tx, stamp.who)?;
            if !puls_domain::access::may_share(&roles, access::administrators(tx)? > 0) {
                return Err(StoreError::NotSharer(stamp.who.to_owned()));
            }
            let (title, elsewhere): (String, bool) = tx
                .query_row(
                    &format!("SELECT title, {ELSEWHERE} FROM entries WHERE id = $1"),
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::EntryNotFound(id))?;
            if elsewhere {
                return Err(StoreError::EntryElsewhere(id));
            }
            tx.execute(
                "UPDATE entries SET shared = $2 WHERE id = $1",
                params![id, shared],
            )?;
            history::record(tx, stamp, "entry", id, share_action(shared), &title)
        })
    }

    fn entry(&self, id: i64) -> Result<Entry> {
        let mut entry = self
            .conn
            .query_row(
                &format!(
                    "SELECT id, title, body, kind, arena_id, author, created_at, updated_at, version,
                        shared, {ELSEWHERE}
                 FROM entries WHERE id = $1"
                ),
                [id],
                |r| {
                    Ok(Entry {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        body: r.get(2)?,
                        kind: EntryKind::from_code(&r.get::<_, String>(3)?).unwrap_or_default(),
                        tags: Vec::new(),
                        competences: Vec::new(),
                        arena: r.get(4)?,
                        author: r.get(5)?,
                        created_at: time::from_text(&r.get::<_, String>(6)?),
                        updated_at: time::from_text(&r.get::<_, String>(7)?),
                        version: r.get(8)?,
                        shared: r.get(9)?,
                        elsewhere: r.get(10)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::EntryNotFound(id))?;
        entry.tags = self
            .conn
            .prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = $1 ORDER BY tag")?
            .query_map([id], |r| r.get(0))?
            .collect::<crate::db::SqlResult<_>>()?;
        entry.competences = self
            .conn
            .prepare_cached(
                "SELECT c.name FROM entry_competences ec JOIN competences c ON c.id = ec.competence_id
                 WHERE ec.entry_id = $1 ORDER BY c.name",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<crate::db::SqlResult<_>>()?;
        Ok(entry)
    }
}
