//! The knowledge bank: entries arenas returned, their tags and competences, written with their
//! audit rows. The full-text index follows `entries` by triggers (migration 004); searching is in
//! `knowledge_search`.

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, ToValue, params};
use chrono::{DateTime, Utc};
pub use puls_domain::read::{Entry, EntryHit};
use serde::{Deserialize, Serialize};

use super::{Result, Stamp, StoreError, access, history, roster, time};
use puls_domain::knowledge::{self, EntryKind};
use puls_domain::text;

/// An entry as a form or a file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EntryEdit {
    pub title: String,
    #[serde(default)]
    pub body: String,
    pub kind: EntryKind,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Competence names; one the catalogue lacks is added to it.
    #[serde(default)]
    pub competences: Vec<String>,
    #[serde(default)]
    pub arena: Option<i64>,
}

impl From<&Entry> for EntryEdit {
    fn from(e: &Entry) -> Self {
        EntryEdit {
            title: e.title.clone(),
            body: e.body.clone(),
            kind: e.kind,
            tags: e.tags.clone(),
            competences: e.competences.clone(),
            arena: e.arena,
        }
    }
}

/// What to narrow a list or search to; all None is everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub kind: Option<EntryKind>,
    pub tag: Option<String>,
    /// A competence name, in any case.
    pub competence: Option<String>,
    /// The mission code of the entry's arena.
    pub mission: Option<String>,
}

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
fn check_arena(tx: &dyn Db, arena: Option<i64>) -> Result<()> {
    match arena {
        Some(id) => super::drawn_up::ensure_open(tx, id),
        None => Ok(()),
    }
}

/// The entry's own arena, if drawn up, locks it.
fn entry_open(tx: &dyn Db, id: i64) -> Result<()> {
    let arena: Option<i64> = tx
        .query_row("SELECT arena_id FROM entries WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    check_arena(tx, arena)
}

/// Writes the entry's tags and competences (new competences join the catalogue).
fn write_links(tx: &dyn Db, stamp: &Stamp, id: i64, e: &Clean) -> Result<()> {
    tx.execute("DELETE FROM entry_tags WHERE entry_id = ?1", [id])?;
    tx.execute("DELETE FROM entry_competences WHERE entry_id = ?1", [id])?;
    for tag in &e.tags {
        tx.execute(
            "INSERT INTO entry_tags (entry_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![id, tag],
        )?;
    }
    for name in &e.competences {
        let competence = match roster::competence_id_by_name(tx, name)? {
            Some(c) => c,
            None => roster::insert_competence(tx, stamp, name, "")?,
        };
        tx.execute(
            "INSERT INTO entry_competences (entry_id, competence_id) VALUES (?1, ?2)
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
    tx: &dyn Db,
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
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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

/// Checks nobody changed the entry since `expected`.
fn unchanged(tx: &dyn Db, id: i64, expected: i64) -> Result<()> {
    let (version, who, at, elsewhere): (i64, String, String, bool) = tx
        .query_row(
            &format!(
                "SELECT version, updated_by, updated_at, {} FROM entries WHERE id = ?1",
                elsewhere(tx)
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

/// Whether the entry (`entries`, unaliased or as `e`) is another municipality's, shared with
/// the region. PostgreSQL: the session's municipality is its role's, and the one
/// municipality's for a role not mapped (a superuser sees every row). SQLite holds one
/// municipality: never.
fn elsewhere(db: &dyn Db) -> &'static str {
    db.pick(
        "0",
        "municipality IS DISTINCT FROM coalesce((SELECT puls_municipality()), 'default')",
    )
}

/// The knowledge bank's entries. Part of the store interface (see [`crate::Backend`]).
pub trait KnowledgeStore {
    /// Adds an entry written by the store's user; returns its id.
    fn add_entry(&mut self, e: &EntryEdit) -> Result<i64>;

    /// Adds an entry on behalf of `author` (the demo, and knowledge managers filing what others
    /// wrote); the audit row names the store's user.
    fn add_entry_by(&mut self, author: &str, e: &EntryEdit) -> Result<i64>;

    /// Adds the draft puls prefilled for a returning arena, saved as offered: it stays in the
    /// bank, but does not count as knowledge returned until someone edits it.
    fn add_draft_entry(&mut self, e: &EntryEdit) -> Result<i64>;

    /// Saves an edited entry, unless someone changed it since `expected_version`; an edited
    /// draft is knowledge a person returned.
    fn edit_entry(&mut self, id: i64, expected_version: i64, e: &EntryEdit) -> Result<()>;

    /// Deletes an entry, unless someone changed it since `expected_version`.
    fn delete_entry(&mut self, id: i64, expected_version: i64) -> Result<()>;

    fn entry(&self, id: i64) -> Result<Entry>;

    /// Shares the entry with every municipality of the region, or stops sharing it: a
    /// coordinator or an administrator may. Only the flag changes: the entry's text and version
    /// stay as they are, and a drawn-up arena's entry may be shared too.
    fn share_entry(&mut self, id: i64, shared: bool) -> Result<()>;
}

/// The audit action of sharing an entry, or of no longer sharing it.
pub fn share_action(shared: bool) -> &'static str {
    if shared { "share" } else { "unshare" }
}

const ENTRY_TAGS: &str = "SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag";

const ENTRY_COMPETENCES: &str =
    "SELECT c.name FROM entry_competences ec JOIN competences c ON c.id = ec.competence_id
     WHERE ec.entry_id = ?1 ORDER BY c.name";

impl<S: SqlStore> KnowledgeStore for S {
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
                "UPDATE entries SET title = ?2, body = ?3, kind = ?4, arena_id = ?5, tags_text = ?6,
                        version = version + 1, updated_at = ?7, updated_by = ?8, written = 1
                 WHERE id = ?1",
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
                tx.query_row("SELECT title FROM entries WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            tx.execute("DELETE FROM entries WHERE id = ?1", [id])?;
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
                    &format!("SELECT title, {} FROM entries WHERE id = ?1", elsewhere(tx)),
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::EntryNotFound(id))?;
            if elsewhere {
                return Err(StoreError::EntryElsewhere(id));
            }
            tx.execute(
                "UPDATE entries SET shared = ?2 WHERE id = ?1",
                params![id, shared],
            )?;
            history::record(tx, stamp, "entry", id, share_action(shared), &title)
        })
    }

    fn entry(&self, id: i64) -> Result<Entry> {
        let db = self.db();
        let head = format!(
            "SELECT id, title, body, kind, arena_id, author, created_at, updated_at, version,
                shared, {}
             FROM entries WHERE id = ?1",
            elsewhere(db)
        );
        // The entry, its tags and its competences wait for no answer of each other's: asked
        // together, a database server answers them in one round trip (a bank key's preview).
        let entry_only: &[&dyn ToValue] = &[&id];
        let questions = [
            (head.as_str(), entry_only),
            (ENTRY_TAGS, entry_only),
            (ENTRY_COMPETENCES, entry_only),
        ];
        db.together(&questions, || {
            let mut entry = db
                .query_row(&head, [id], |r| {
                    Ok(Entry {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        body: r.get(2)?,
                        kind: EntryKind::from_code(r.text(3)?).unwrap_or_default(),
                        tags: Vec::new(),
                        competences: Vec::new(),
                        arena: r.get(4)?,
                        author: r.get(5)?,
                        created_at: time::from_text(r.text(6)?),
                        updated_at: time::from_text(r.text(7)?),
                        version: r.get(8)?,
                        shared: r.get(9)?,
                        elsewhere: r.get(10)?,
                    })
                })
                .optional()?
                .ok_or(StoreError::EntryNotFound(id))?;
            entry.tags = db
                .prepare_cached(ENTRY_TAGS)?
                .query_map([id], |r| r.get(0))?
                .collect::<SqlResult<_>>()?;
            entry.competences = db
                .prepare_cached(ENTRY_COMPETENCES)?
                .query_map([id], |r| r.get(0))?
                .collect::<SqlResult<_>>()?;
            Ok(entry)
        })
    }
}
