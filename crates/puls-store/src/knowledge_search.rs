//! Finding entries: the bank's list, full-text search with highlighted snippets, and the
//! entries related to an arena. Every query here reads `entries` through an index of migration
//! 004, or through `entries_fts`.

use rusqlite::{OptionalExtension, Row, params};

use super::{EntryFilter, EntryHit, Result, Store, StoreError, time};
use puls_domain::knowledge::{self, EntryKind, START_CHARS, SearchQuery, body_start};
use puls_domain::related::{Candidate, Topic};
use puls_domain::text;

/// How many tokens of the body a search snippet shows.
const SNIPPET_TOKENS: usize = 20;
fn tags_of(tags_text: &str) -> Vec<String> {
    tags_text
        .split('\n')
        .filter(|t| !t.is_empty())
        .map(|t| text::one_line(t).into_owned())
        .collect()
}

/// The columns every hit query selects, in this order; the entry is `e`, the snippet or body
/// start is column 5.
const HIT_COLUMNS: &str = "e.id, e.title, e.kind, e.tags_text, e.arena_id";

/// The filter's conditions on `e` but its kind, parameters ?2 tag, ?3 competence, ?4 mission:
/// tag through `entry_tags`'s primary key, competence through `entry_competences`'s, mission
/// through the arena's row.
const FILTER: &str = "(?2 IS NULL OR EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ?2))
    AND (?3 IS NULL OR EXISTS (SELECT 1 FROM entry_competences ec JOIN competences c ON c.id = ec.competence_id
                               WHERE ec.entry_id = e.id AND c.name = ?3))
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM arenas a WHERE a.id = e.arena_id AND a.mission = ?4))";

/// The kind condition of the list (?1): its own statement per case, so a kind reads
/// `entries_by_kind` and everything reads `entries_by_time`, both already in order.
fn kind_condition(kind: Option<&str>) -> &'static str {
    if kind.is_some() {
        "e.kind = ?1"
    } else {
        "?1 IS NULL"
    }
}

fn hit(r: &Row, snippet: impl Fn(&str) -> Vec<(String, bool)>) -> rusqlite::Result<EntryHit> {
    Ok(EntryHit {
        id: r.get(0)?,
        title: text::one_line(&r.get::<_, String>(1)?).into_owned(),
        kind: EntryKind::from_code(&r.get::<_, String>(2)?).unwrap_or_default(),
        tags: tags_of(&r.get::<_, String>(3)?),
        arena: r.get(4)?,
        snippet: snippet(&r.get::<_, String>(5)?),
        updated_at: time::from_text(&r.get::<_, String>(6)?),
        // One SQLite file is one municipality.
        elsewhere: false,
    })
}

type FilterParams = (
    Option<&'static str>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn filter_params(filter: &EntryFilter) -> FilterParams {
    (
        filter.kind.map(EntryKind::code),
        filter.tag.as_deref().and_then(knowledge::tag),
        filter
            .competence
            .as_deref()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty()),
        filter
            .mission
            .as_deref()
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty()),
    )
}

/// SQL for how many written entries arena `a` has: a macro, so that the plan's summary can
/// `concat!` it into its constant.
macro_rules! written_entries_of_a {
    () => {
        "(SELECT count(*) FROM entries e WHERE e.arena_id = a.id AND e.written = 1)"
    };
}
pub(super) use written_entries_of_a;

/// How many bank entries the arena returned; none for an arena that is not there.
pub(super) fn entry_count_of(conn: &dyn crate::sql::Db, arena: i64) -> Result<u32> {
    use crate::sql::OptionalExtension;
    let count = conn
        .query_row(
            concat!(
                "SELECT ",
                written_entries_of_a!(),
                " FROM arenas a WHERE a.id = ?1"
            ),
            [arena],
            |r| r.get(0),
        )
        .optional()?;
    Ok(count.unwrap_or(0))
}

/// Finding knowledge: searches, related entries, tags. Part of the store interface (see [`crate::Backend`]).
pub trait SearchStore {
    /// Entries newest first (by last change), each with the start of its body.
    fn entries(&self, filter: &EntryFilter, limit: usize) -> Result<Vec<EntryHit>>;

    /// Entries matching what the user typed, best first (bm25, a title match above a body
    /// match), each with a snippet of the body around the matched words. A query with nothing
    /// searchable in it lists entries as [`Store::entries`] does.
    fn search_entries(
        &self,
        query: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntryHit>>;

    /// "Have we met this before?": the entries whose text best matches the arena's title and
    /// need, leaving out the arena's own entries.
    fn related_entries(&self, arena: i64, limit: usize) -> Result<Vec<EntryHit>>;

    /// The entries an arena returned, newest first.
    fn arena_entries(&self, arena: i64, limit: usize) -> Result<Vec<EntryHit>>;

    /// Every tag in use, sorted.
    fn entry_tags(&self) -> Result<Vec<String>>;

    fn arena_entry_count(&self, arena: i64) -> Result<u32>;
}

impl SearchStore for Store {
    fn entries(&self, filter: &EntryFilter, limit: usize) -> Result<Vec<EntryHit>> {
        let (kind, tag, competence, mission) = filter_params(filter);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HIT_COLUMNS}, substr(e.body, 1, {}), e.updated_at FROM entries e
             WHERE {} AND {FILTER} ORDER BY e.updated_at DESC, e.id DESC LIMIT ?5",
            START_CHARS + 1,
            kind_condition(kind)
        ))?;
        let hits = stmt
            .query_map(
                params![kind, tag, competence, mission, sql_limit(limit)],
                |r| hit(r, body_start),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
    }

    fn search_entries(
        &self,
        query: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntryHit>> {
        match knowledge::search_query(query) {
            Some(fts) => self.matching(&fts, filter, limit),
            None => self.entries(filter, limit),
        }
    }

    fn related_entries(&self, arena: i64, limit: usize) -> Result<Vec<EntryHit>> {
        let (title, need, mission): (String, String, String) = self
            .conn
            .query_row(
                "SELECT title, need, mission FROM arenas WHERE id = ?1",
                [arena],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(StoreError::ArenaNotFound(arena))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT c.name FROM needs n JOIN competences c ON c.id = n.competence_id
             WHERE n.arena_id = ?1 AND n.status <> 'released' ORDER BY c.name",
        )?;
        let competences = stmt
            .query_map([arena], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let topic = Topic::of(&title, &need, &[mission], &competences);
        let mut features = Vec::new();
        for id in self.related_candidates(&topic)? {
            if let Some(entry) = self.candidate(id, arena)? {
                features.push((id, entry));
            }
        }
        let ranked = topic.rank(
            features.iter().map(|(id, e)| {
                let candidate = Candidate {
                    title: &e.title,
                    tags: &e.tags,
                    competences: &e.competences,
                    mission: e.mission.as_deref(),
                };
                (*id, candidate)
            }),
            limit,
        );
        let question = topic.every_word();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HIT_COLUMNS}, e.body, e.updated_at FROM entries e WHERE e.id = ?1"
        ))?;
        let mut hits = Vec::with_capacity(ranked.len());
        for id in ranked {
            hits.push(stmt.query_row([id], |r| {
                hit(r, |body| {
                    match question.as_ref().map(|q| q.snippet(body, SNIPPET_TOKENS)) {
                        Some(snippet) if !snippet.is_empty() => snippet,
                        _ => body_start(body),
                    }
                })
            })?);
        }
        Ok(hits)
    }

    fn arena_entries(&self, arena: i64, limit: usize) -> Result<Vec<EntryHit>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HIT_COLUMNS}, substr(e.body, 1, {}), e.updated_at FROM entries e
             WHERE e.arena_id = ?1 ORDER BY e.updated_at DESC, e.id DESC LIMIT ?2",
            START_CHARS + 1
        ))?;
        let hits = stmt
            .query_map(params![arena, sql_limit(limit)], |r| hit(r, body_start))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
    }

    fn entry_tags(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT tag FROM entry_tags ORDER BY tag")?;
        let tags = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tags)
    }

    fn arena_entry_count(&self, arena: i64) -> Result<u32> {
        entry_count_of(&self.conn, arena)
    }
}

impl Store {
    /// The entries that may be related to `topic`: those sharing a word with it in their title
    /// or tags (the body is left out, since nearly every body shares some word with any arena),
    /// then those about a competence it needs, each newest first. Newest first, not by rank:
    /// ranking every match of a common word costs a large bank ten times as much, and the
    /// ranking here is the topic's own.
    fn related_candidates(&self, topic: &Topic) -> Result<Vec<i64>> {
        let mut ids: Vec<i64> = Vec::new();
        if let Some(question) = topic.query() {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )?;
            let within = format!("{{title tags_text}} : ({})", fts5(&question));
            for id in stmt.query_map(params![within, RELATED_CANDIDATES], |r| r.get(0))? {
                ids.push(id?);
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT ec.entry_id FROM competences c
             JOIN entry_competences ec ON ec.competence_id = c.id
             WHERE c.name = ?1 ORDER BY ec.entry_id DESC LIMIT ?2",
        )?;
        for competence in topic.competences() {
            for id in stmt.query_map(params![competence, RELATED_CANDIDATES], |r| r.get(0))? {
                let id = id?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    /// What the ranking reads of entry `id`; none for an entry of arena `own`.
    fn candidate(&self, id: i64, own: i64) -> Result<Option<CandidateRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.title, e.tags_text, a.mission FROM entries e
             LEFT JOIN arenas a ON a.id = e.arena_id
             WHERE e.id = ?1 AND e.arena_id IS NOT ?2",
        )?;
        let Some((title, tags_text, mission)) = stmt
            .query_row(params![id, own], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.name FROM entry_competences ec JOIN competences c ON c.id = ec.competence_id
             WHERE ec.entry_id = ?1",
        )?;
        let competences = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(CandidateRow {
            title,
            tags: tags_of(&tags_text),
            competences,
            mission,
        }))
    }

    /// Entries matching `fts`, best first. The ranking
    /// reads only ids and ranks; bodies are read for the hits alone, and their snippets made
    /// here, since FTS5's `snippet()` is computed for every match before the sort.
    fn matching(
        &self,
        fts: &SearchQuery,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntryHit>> {
        let (kind, tag, competence, mission) = filter_params(filter);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HIT_COLUMNS}, e.body, e.updated_at
             FROM (SELECT entries_fts.rowid AS id, entries_fts.rank AS score
                   FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
                   WHERE entries_fts MATCH ?6 AND (?1 IS NULL OR e.kind = ?1) AND {FILTER}
                   ORDER BY entries_fts.rank LIMIT ?5) AS best
             JOIN entries e ON e.id = best.id
             ORDER BY best.score, e.id"
        ))?;
        let hits = stmt
            .query_map(
                params![kind, tag, competence, mission, sql_limit(limit), fts5(fts)],
                |r| {
                    // A match in the title or tags alone: the body's start says what it is about.
                    hit(r, |body| match fts.snippet(body, SNIPPET_TOKENS) {
                        none if none.is_empty() => body_start(body),
                        snippet => snippet,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
    }
}

/// A question as an FTS5 MATCH expression: every word a quoted term (the `unicode61`
/// tokenizer sees the same words the question holds, so a word cannot be FTS5 syntax), a
/// prefix `"wor"*`, joined with a space (all) or `OR` (any).
fn fts5(query: &SearchQuery) -> String {
    let joiner = if query.any() { " OR " } else { " " };
    query
        .terms()
        .iter()
        .map(|t| {
            let star = if t.prefix { "*" } else { "" };
            format!("\"{}\"{star}", t.word.replace('"', "\"\""))
        })
        .collect::<Vec<_>>()
        .join(joiner)
}

/// How many entries each way of finding related ones (shared words, shared competences) reads
/// at most: enough for the ranking to choose from, few enough to stay fast on a large bank.
const RELATED_CANDIDATES: i64 = 100;

/// One candidate of the related entries, as read for the ranking.
struct CandidateRow {
    title: String,
    tags: Vec<String>,
    competences: Vec<String>,
    mission: Option<String>,
}

fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_question_becomes_quoted_fts5_terms_the_last_a_prefix() {
        let all = knowledge::search_query("Language café").unwrap();
        assert_eq!(fts5(&all), "\"language\" \"café\"*");
        let words = knowledge::search_query("title:x NEAR(a AND -b* OR \"cc").unwrap();
        assert_eq!(
            fts5(&words),
            "\"title\" \"x\" \"near\" \"a\" \"and\" \"b\" \"or\" \"cc\"*"
        );
        let any = Topic::of("alpha bravo", "", &[], &[]).query().unwrap();
        assert_eq!(fts5(&any), "\"alph\"* OR \"brav\"*");
    }

    use std::sync::Arc;

    use super::*;
    use crate::query_plan::query_plan;
    use puls_domain::clock::SystemClock;

    /// How SQLite runs a list's `sql`, its filters unset.
    fn plan(store: &Store, sql: &str) -> String {
        let none = None::<String>;
        query_plan(store, sql, params![none, none, none, none, 10])
    }

    #[test]
    fn the_list_reads_its_index_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("k.db"), "maja", Arc::new(SystemClock)).unwrap();
        for (kind, index) in [
            (None, "entries_by_time"),
            (Some("lesson"), "entries_by_kind"),
        ] {
            let sql = format!(
                "SELECT {HIT_COLUMNS}, e.body, e.updated_at FROM entries e WHERE {} AND {FILTER}
                 ORDER BY e.updated_at DESC, e.id DESC LIMIT ?5",
                kind_condition(kind)
            );
            let steps = plan(&store, &sql);
            assert!(steps.contains(index), "{steps}");
            assert!(!steps.contains("TEMP B-TREE"), "{steps}");
        }
    }
}
