//! Finding entries: the bank's list, full-text search with highlighted snippets, and the
//! entries related to an arena. A search reads the GIN index on the generated vector
//! `entries.search` (see migrations/001_schema.sql) and ranks with `ts_rank_cd`.

use std::collections::HashMap;

use puls_store::*;

use puls_store::sql::{Db, OptionalExtension, Question, Row, SqlResult, SqlStore, ToValue, params};

use super::{EntryFilter, EntryHit, PgStore, Result, StoreError, time};
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
/// start is column 6. Column 5 says whether another municipality of the region wrote it
/// (`knowledge::ELSEWHERE`, on `e`).
const HIT_COLUMNS: &str = "e.id, e.title, e.kind, e.tags_text, e.arena_id,
    e.municipality IS DISTINCT FROM coalesce((SELECT puls_municipality()), 'default')";

fn hit(r: &Row, snippet: impl Fn(&str) -> Vec<(String, bool)>) -> SqlResult<EntryHit> {
    Ok(EntryHit {
        id: r.get(0)?,
        title: text::one_line(&r.get::<_, String>(1)?).into_owned(),
        kind: EntryKind::from_code(&r.get::<_, String>(2)?).unwrap_or_default(),
        tags: tags_of(&r.get::<_, String>(3)?),
        arena: r.get(4)?,
        snippet: snippet(&r.get::<_, String>(6)?),
        updated_at: time::from_text(&r.get::<_, String>(7)?),
        elsewhere: r.get(5)?,
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

/// The conditions of `filter` on `e` that it sets, each ` AND ...`, their values numbered
/// from `$first`, with those values in order: tag through `entry_tags`'s primary key,
/// competence through `entry_competences`'s, mission through the arena's row. The list and the
/// search ask a statement of their own for each combination: one that also said
/// `$n IS NULL OR ...` for the conditions not set would be planned again at every question
/// (the server's generic plan keeps them all, so it never looks cheaper), a millisecond or two
/// of each keystroke's ranking on the large demo.
fn present_conditions(filter: &FilterParams, first: usize) -> (String, Vec<&dyn ToValue>) {
    let (kind, tag, competence, mission) = filter;
    let set: [(Option<&dyn ToValue>, &str); 4] = [
        (kind.as_ref().map(|k| k as &dyn ToValue), "e.kind = $?"),
        (
            tag.as_ref().map(|t| t as &dyn ToValue),
            "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = $?)",
        ),
        (
            competence.as_ref().map(|c| c as &dyn ToValue),
            "EXISTS (SELECT 1 FROM entry_competences ec JOIN competences c ON c.id = ec.competence_id
                     WHERE ec.entry_id = e.id AND c.name = $?::citext)",
        ),
        (
            mission.as_ref().map(|m| m as &dyn ToValue),
            "EXISTS (SELECT 1 FROM arenas a WHERE a.id = e.arena_id AND a.mission = $?)",
        ),
    ];
    let mut conditions = String::new();
    let mut values = Vec::new();
    for (value, condition) in set {
        if let Some(value) = value {
            let place = format!("${}", first + values.len());
            conditions.push_str(" AND ");
            conditions.push_str(&condition.replace("$?", &place));
            values.push(value);
        }
    }
    (conditions, values)
}

/// How many bank entries the arena returned.
pub(super) fn entry_count_of(conn: &dyn Db, arena: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM entries WHERE arena_id = $1 AND written = 1",
        [arena],
        |r| r.get(0),
    )?)
}

impl SearchStore for PgStore {
    fn entries(&self, filter: &EntryFilter, limit: usize) -> Result<Vec<EntryHit>> {
        let filter = filter_params(filter);
        let (conditions, filter_values) = present_conditions(&filter, 2);
        // A statement of its own for each combination (see `present_conditions`): with a kind
        // the list reads `entries_by_kind`, without one `entries_by_time`, both in order.
        let sql = format!(
            "SELECT {HIT_COLUMNS}, substr(e.body, 1, {}), e.updated_at FROM entries e
             WHERE true{conditions} ORDER BY e.updated_at DESC, e.id DESC LIMIT $1",
            START_CHARS + 1,
        );
        let limit = sql_limit(limit);
        let values: Vec<&dyn ToValue> = std::iter::once(&limit as &dyn ToValue)
            .chain(filter_values)
            .collect();
        let hits = self
            .db()
            .prepare_cached(&sql)?
            .query_map(&values[..], |r| hit(r, body_start))?
            .collect::<SqlResult<_>>()?;
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
        let db = self.db();
        // The arena's words and the competences it needs: one round trip.
        let arena_only: &[&dyn ToValue] = &[&arena];
        let ((title, need, mission), competences) = db.together(
            &[(ARENA_WORDS, arena_only), (NEEDED_COMPETENCES, arena_only)],
            || -> Result<_> {
                let words: (String, String, String) = db
                    .query_row(ARENA_WORDS, [arena], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()?
                    .ok_or(StoreError::ArenaNotFound(arena))?;
                let competences = db
                    .prepare_cached(NEEDED_COMPETENCES)?
                    .query_map([arena], |r| r.get(0))?
                    .collect::<SqlResult<Vec<String>>>()?;
                Ok((words, competences))
            },
        )?;
        let topic = Topic::of(&title, &need, &[mission], &competences);
        let ids = self.related_candidates(&topic)?;
        let rows = self.candidates(&ids, arena)?;
        let ranked = topic.rank(
            ids.iter().filter_map(|id| {
                let e = rows.get(id)?;
                let candidate = Candidate {
                    title: &e.title,
                    tags: &e.tags,
                    competences: &e.competences,
                    mission: e.mission.as_deref(),
                };
                Some((*id, candidate))
            }),
            limit,
        );
        let question = topic.every_word();
        self.hits(&ranked, |body| {
            match question.as_ref().map(|q| q.snippet(body, SNIPPET_TOKENS)) {
                Some(snippet) if !snippet.is_empty() => snippet,
                _ => body_start(body),
            }
        })
    }

    fn arena_entries(&self, arena: i64, limit: usize) -> Result<Vec<EntryHit>> {
        let mut stmt = self.db().prepare_cached(&format!(
            "SELECT {HIT_COLUMNS}, substr(e.body, 1, {}), e.updated_at FROM entries e
             WHERE e.arena_id = $1 ORDER BY e.updated_at DESC, e.id DESC LIMIT $2",
            START_CHARS + 1
        ))?;
        let hits = stmt
            .query_map(params![arena, sql_limit(limit)], |r| hit(r, body_start))?
            .collect::<SqlResult<_>>()?;
        Ok(hits)
    }

    fn entry_tags(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .db()
            .prepare_cached("SELECT DISTINCT tag FROM entry_tags ORDER BY tag")?;
        let tags = stmt
            .query_map(params![], |r| r.get(0))?
            .collect::<SqlResult<_>>()?;
        Ok(tags)
    }

    fn arena_entry_count(&self, arena: i64) -> Result<u32> {
        entry_count_of(self.db(), arena)
    }
}

impl PgStore {
    /// The entries that may be related to `topic`, as SQLite's store finds them: those sharing
    /// a word with it in their title or tags (the `heading` vector, which holds just those, so
    /// no body's vector is read), then those about a competence it needs, each newest first.
    fn related_candidates(&self, topic: &Topic) -> Result<Vec<i64>> {
        let db = self.db();
        let heading = topic.query().map(|question| tsquery(&question));
        let limit = RELATED_CANDIDATES;
        let by_heading = heading.as_ref().map(|q| [q as &dyn ToValue, &limit]);
        let by_competence: Vec<[&dyn ToValue; 2]> = topic
            .competences()
            .iter()
            .map(|c| [c as &dyn ToValue, &limit])
            .collect();
        // Every question at once: one round trip, not one and one per competence.
        let questions: Vec<Question<'_>> = by_heading
            .iter()
            .map(|values| (BY_HEADING, &values[..]))
            .chain(
                by_competence
                    .iter()
                    .map(|values| (BY_COMPETENCE, &values[..])),
            )
            .collect();
        db.together(&questions, || {
            let mut ids: Vec<i64> = Vec::new();
            if let Some(question) = &heading {
                let mut stmt = db.prepare_cached(BY_HEADING)?;
                for id in stmt.query_map(params![question, limit], |r| r.get(0))? {
                    ids.push(id?);
                }
            }
            let mut stmt = db.prepare_cached(BY_COMPETENCE)?;
            for competence in topic.competences() {
                for id in stmt.query_map(params![competence, limit], |r| r.get(0))? {
                    let id = id?;
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            Ok(ids)
        })
    }

    /// What the ranking reads of each of `ids`, by id, in two questions asked together; none
    /// for an entry of arena `own`.
    fn candidates(&self, ids: &[i64], own: i64) -> Result<HashMap<i64, CandidateRow>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let db = self.db();
        let ids = id_list(ids);
        let rows_of: &[&dyn ToValue] = &[&ids, &own];
        let ids_only: &[&dyn ToValue] = &[&ids];
        db.together(
            &[(CANDIDATE_ROWS, rows_of), (CANDIDATE_COMPETENCES, ids_only)],
            || {
                let mut rows = HashMap::new();
                let mut stmt = db.prepare_cached(CANDIDATE_ROWS)?;
                for row in stmt.query_map(params![ids, own], |r| {
                    let tags_text: String = r.get(2)?;
                    Ok((
                        r.get::<_, i64>(0)?,
                        CandidateRow {
                            title: r.get(1)?,
                            tags: tags_of(&tags_text),
                            competences: Vec::new(),
                            mission: r.get(3)?,
                        },
                    ))
                })? {
                    let (id, row) = row?;
                    rows.insert(id, row);
                }
                let mut stmt = db.prepare_cached(CANDIDATE_COMPETENCES)?;
                for competence in
                    stmt.query_map([&ids], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?
                {
                    let (id, name) = competence?;
                    if let Some(row) = rows.get_mut(&id) {
                        row.competences.push(name);
                    }
                }
                Ok(rows)
            },
        )
    }

    /// Entries matching `fts`, best first. Ranked are the newest [`RANKED_EACH`] that match
    /// in their title or tags and the newest as many that match anywhere: ranking reads each
    /// entry's whole vector, so a word in a quarter of the bank would otherwise cost the server
    /// a second a keystroke. A title match is never crowded out by body matches, and a question
    /// that matches fewer is ranked whole, as SQLite's is. The vectors ranked are the inline
    /// copies of `entry_vectors` (migration 016), not the entries' own in TOAST, which cost
    /// the server twenty times as much to read. The candidates come from the
    /// indexes alone (`q` is a CTE, so the planner cannot guess how common the word is and
    /// reads the vector's index, which needs no vector to say which entries match). Bodies are
    /// read for the hits alone, and their snippets made here.
    ///
    /// The two ways of finding candidates are ranked side by side, on two connections when the
    /// pool has a second (the best of their best is the best of all: an entry found both ways
    /// has one score), and the hits' bodies read in two halves the same way. Asked as one
    /// statement, one backend did it all in turn: on the large demo, "samordningen" took the
    /// server about 19 ms, the heading's candidates and their ranking 5 of them, the body's 7,
    /// the 200 bodies 5.
    ///
    /// What a session may read is its municipality's entries and the region's shared ones
    /// (the policies of migration 006); each is asked for apart, from indexes of its own
    /// (migration 012), so a municipality's search does not read through the whole region's
    /// matches. The municipality is written into the statement: a partial index is chosen only
    /// for the value its condition names. A superuser, whom no policy holds, searches as the
    /// municipality it is mapped to, as every other session does.
    ///
    /// Measured and left as it is (large demo, "samordningen": 3,475 matches): the newest 500
    /// by id take a visit to each match's row (about 4 ms), ranking them 1-2 (5 while the
    /// vectors were read from TOAST). Taking them from
    /// windows of the newest ids first reads fewer rows only for a common word, and costs a
    /// scan of the search index per window; carrying the vector (or the hit's columns) through
    /// the sorts instead of reading the row again by id was no faster, with the columns slower.
    fn matching(
        &self,
        fts: &SearchQuery,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntryHit>> {
        let filter = filter_params(filter);
        let (conditions, filter_values) = present_conditions(&filter, 2);
        let here = crate::sql::text_literal(self.here()?);
        let ranked = |vector: &str| {
            format!(
                "WITH q AS (SELECT to_tsquery('simple', $1) AS q),
                 found AS (
                     (SELECT e.id FROM entries e, q
                      WHERE e.municipality = {here} AND e.{vector} @@ q.q{conditions}
                      ORDER BY e.id DESC LIMIT {RANKED_EACH})
                     UNION ALL
                     (SELECT e.id FROM entries e, q
                      WHERE e.shared = 1 AND e.municipality <> {here} AND e.{vector} @@ q.q{conditions}
                      ORDER BY e.id DESC LIMIT {RANKED_EACH})),
                 candidates AS (SELECT id FROM found ORDER BY id DESC LIMIT {RANKED_EACH})
                 SELECT v.entry_id,
                     ts_rank_cd('{RANK_WEIGHTS}', v.search, q.q, {RANK_BY_LENGTH})::float8 AS score
                 FROM candidates c JOIN entry_vectors v ON v.entry_id = c.id, q
                 ORDER BY score DESC, v.entry_id LIMIT {limit}"
            )
        };
        let (by_heading, anywhere) = (ranked("heading"), ranked("search"));
        let question = tsquery(fts);
        let values: Vec<&dyn ToValue> = std::iter::once(&question as &dyn ToValue)
            .chain(filter_values)
            .collect();
        let db = self.db();
        let scored = db.side_by_side(
            &[(&by_heading, &values)],
            &[(&anywhere, &values)],
            || -> Result<Vec<(i64, f64)>> {
                let mut scored = Vec::new();
                for sql in [&by_heading, &anywhere] {
                    let mut stmt = db.prepare_cached(sql)?;
                    for row in stmt.query_map(&values[..], |r| Ok((r.get(0)?, r.get(1)?)))? {
                        scored.push(row?);
                    }
                }
                Ok(scored)
            },
        )?;
        let best = best_of(scored, limit);
        // A match in the title or tags alone: the body's start says what it is about.
        let hits = self.hits(&best, |body| match fts.snippet(body, SNIPPET_TOKENS) {
            none if none.is_empty() => body_start(body),
            snippet => snippet,
        })?;
        Ok(hits)
    }

    /// The hits of `ids`, in that order, each body made a snippet by `snippet`: a search's
    /// in two halves side by side, and their snippets too; the related entries' few on one
    /// connection and one thread, where a second would cost more than it saves.
    fn hits(
        &self,
        ids: &[i64],
        snippet: impl Fn(&str) -> Vec<(String, bool)> + Sync,
    ) -> Result<Vec<EntryHit>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let db = self.db();
        let per_connection = if ids.len() > HITS_ON_ONE {
            ids.len().div_ceil(2)
        } else {
            ids.len()
        };
        let halves: Vec<String> = ids.chunks(per_connection).map(id_list).collect();
        let sql = format!(
            "SELECT {HIT_COLUMNS}, e.body, e.updated_at FROM entries e
             WHERE e.id = ANY(string_to_array($1, ',')::bigint[])"
        );
        let values: Vec<[&dyn ToValue; 1]> = halves.iter().map(|h| [h as &dyn ToValue]).collect();
        let questions: Vec<Question<'_>> = values.iter().map(|v| (sql.as_str(), &v[..])).collect();
        let (one, other) = questions.split_at(1);
        let mut read = db.side_by_side(one, other, || {
            let mut stmt = db.prepare_cached(&sql)?;
            let mut read = Vec::with_capacity(ids.len());
            for half in &halves {
                let rows = stmt.query_map([half], |r| Ok((hit(r, |_| Vec::new())?, r.get(6)?)))?;
                for row in rows {
                    read.push(row?);
                }
            }
            Ok::<_, StoreError>(read)
        })?;
        with_snippets(&mut read, &snippet, halves.len() > 1);
        let mut hits: Vec<EntryHit> = read.into_iter().map(|(hit, _)| hit).collect();
        hits.sort_by_key(|h| ids.iter().position(|id| *id == h.id));
        Ok(hits)
    }
}

/// Makes each hit's snippet of its body, the second half of them on a thread of its own when
/// `beside`: a search's 200 bodies took the worker 7 ms on the large demo, while the other
/// core waited for nothing.
fn with_snippets(
    read: &mut [(EntryHit, String)],
    snippet: &(impl Fn(&str) -> Vec<(String, bool)> + Sync),
    beside: bool,
) {
    let make = |part: &mut [(EntryHit, String)]| {
        for (hit, body) in part {
            hit.snippet = snippet(body);
        }
    };
    let (first, second) = read.split_at_mut(if beside { read.len() / 2 } else { read.len() });
    let spawned = std::thread::scope(|scope| {
        let spawned = beside
            && std::thread::Builder::new()
                .spawn_scoped(scope, || make(&mut *second))
                .is_ok();
        make(first);
        spawned
    });
    // No thread could be started: the second half is made here.
    if !spawned {
        make(second);
    }
}

/// The ids of the `limit` best of `scored` (id and score, an id found two ways once), best
/// first, the lower id first among equals.
fn best_of(mut scored: Vec<(i64, f64)>, limit: usize) -> Vec<i64> {
    scored.sort_by_key(|(id, _)| *id);
    scored.dedup_by_key(|(id, _)| *id);
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().take(limit).map(|(id, _)| id).collect()
}

/// `ts_rank_cd`'s weights for D, C, B and A: a word in the title (A) counts ten times one in
/// the body (C), one in the tags (B) five times, as SQLite's `bm25(10.0, 1.0, 5.0)`.
const RANK_WEIGHTS: &str = "{0.1, 0.1, 0.5, 1.0}";

/// `ts_rank_cd`'s normalization: its rank divided by 1 + the log of the entry's length, as
/// `bm25` weighs a match in a short entry above one in a long entry that mentions it in passing.
/// Without it the longest entries came first: on the large demo, of the entries both stores
/// rank for "samordningen", SQLite's best 200 hold 56 and PostgreSQL's held 24 of them (now
/// all 56, their order agreeing in 87 % of pairs); and its 200 hits carried twice the body
/// text to make snippets of.
const RANK_BY_LENGTH: u8 = 1;

/// A question as `to_tsquery` text: every word a quoted lexeme (so no word can be tsquery
/// syntax), lowered as the vector is, the prefix one `:*`, joined with `&` (all) or `|` (any).
/// A word that holds no letters or digits becomes no lexeme, and matches nothing.
fn tsquery(query: &SearchQuery) -> String {
    let joiner = if query.any() { " | " } else { " & " };
    query
        .terms()
        .iter()
        .map(|t| {
            let star = if t.prefix { ":*" } else { "" };
            let word = t
                .word
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('\'', "''");
            format!("'{word}'{star}")
        })
        .collect::<Vec<_>>()
        .join(joiner)
}

/// How many of the entries a search matches in their title or tags, and how many it matches
/// anywhere, are ranked at most, newest first (see `PgStore::matching`): at about 30
/// microseconds an entry, a keystroke's ranking stays near 30 ms however common its word.
const RANKED_EACH: usize = 500;

/// How many hits' bodies are read on one connection at most (see `PgStore::hits`).
const HITS_ON_ONE: usize = 50;

/// How many entries each way of finding related ones reads at most, as SQLite's store.
const RELATED_CANDIDATES: i64 = 100;

/// What the related entries are found by: the arena's words.
const ARENA_WORDS: &str = "SELECT title, need, mission FROM arenas WHERE id = $1";

/// The competences the arena still needs, each once.
const NEEDED_COMPETENCES: &str =
    "SELECT DISTINCT c.name::text FROM needs n JOIN competences c ON c.id = n.competence_id
     WHERE n.arena_id = $1 AND n.status <> 'released' ORDER BY 1";

/// The newest entries sharing a word with the arena in their title or tags (the `heading`
/// vector, which holds just those, so no body's vector is read).
const BY_HEADING: &str = "SELECT e.id FROM entries e WHERE e.heading @@ to_tsquery('simple', $1)
     ORDER BY e.id DESC LIMIT $2";

/// The newest entries about a competence, by its name. One question per competence (an arena
/// needs a few): one for all of them, over a list of names, is estimated dear enough under the
/// region's policies for the server to compile it first (JIT, 170 ms a question on the region
/// demo).
const BY_COMPETENCE: &str = "SELECT ec.entry_id FROM competences c
     JOIN entry_competences ec ON ec.competence_id = c.id
     WHERE c.name = $1 ORDER BY ec.entry_id DESC LIMIT $2";

/// What the ranking reads of each candidate (`$1`, ids joined by commas) but the arena `$2`'s.
const CANDIDATE_ROWS: &str = "SELECT e.id, e.title, e.tags_text, a.mission FROM entries e
     LEFT JOIN arenas a ON a.id = e.arena_id
     WHERE e.id = ANY(string_to_array($1, ',')::bigint[]) AND e.arena_id IS DISTINCT FROM $2";

/// The candidates' competences.
const CANDIDATE_COMPETENCES: &str = "SELECT ec.entry_id, c.name::text FROM entry_competences ec
     JOIN competences c ON c.id = ec.competence_id
     WHERE ec.entry_id = ANY(string_to_array($1, ',')::bigint[])";

/// One candidate of the related entries, as read for the ranking.
struct CandidateRow {
    title: String,
    tags: Vec<String>,
    competences: Vec<String>,
    mission: Option<String>,
}

/// Ids as one text value, for `= ANY(string_to_array($1, ',')::bigint[])`: a statement's
/// values are single values, and one question for a hundred ids beats a hundred questions.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::{EntryHit, EntryKind, best_of, with_snippets};

    #[test]
    fn the_best_of_two_rankings_holds_an_entry_found_both_ways_once() {
        // Given the title's ranking and the body's, entry 7 in both with its one score
        let by_heading = [(7, 0.9), (3, 0.4), (5, 0.4)];
        let anywhere = [(9, 0.95), (7, 0.9), (2, 0.1)];
        let scored = by_heading.into_iter().chain(anywhere).collect();

        // When the best four are taken
        let best = best_of(scored, 4);

        // Then best first, the lower id first among equals, 7 once
        assert_eq!(best, [9, 7, 3, 5]);
    }

    #[test]
    fn every_hit_gets_the_snippet_of_its_own_body_on_one_thread_or_two() {
        for beside in [false, true] {
            // Given five hits read with their bodies
            let mut read: Vec<(EntryHit, String)> = (1..=5)
                .map(|id| {
                    let hit = EntryHit {
                        id,
                        title: format!("entry {id}"),
                        kind: EntryKind::default(),
                        tags: Vec::new(),
                        arena: None,
                        snippet: Vec::new(),
                        updated_at: chrono::DateTime::default(),
                        elsewhere: false,
                    };
                    (hit, format!("body {id}"))
                })
                .collect();

            // When their snippets are made
            with_snippets(
                &mut read,
                &|body: &str| vec![(body.to_owned(), false)],
                beside,
            );

            // Then each hit, in its place, shows its own body's
            let shown: Vec<(i64, String)> = read
                .iter()
                .map(|(hit, _)| (hit.id, hit.snippet[0].0.clone()))
                .collect();
            let expected: Vec<(i64, String)> =
                (1..=5).map(|id| (id, format!("body {id}"))).collect();
            assert_eq!(shown, expected, "beside: {beside}");
        }
    }
}
