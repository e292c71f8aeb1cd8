//! An arena's meetings: sponsor reviews, citizen reviews and case discussions, with the
//! problem statement's iterations and the knowledge entry a case discussion may become.
//! Every change is audited on the arena's history, and a drawn-up arena's meetings are locked.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};
use chrono::NaiveDate;

use super::knowledge::{Clean, insert_entry};
use super::{EntryEdit, Result, Stamp, StoreError, drawn_up, history, time};
use puls_domain::arena::Stage;
use puls_domain::knowledge::EntryKind;
pub use puls_domain::review::{Light, ProblemStatement, Question, Review, ReviewDates, ReviewKind};
use puls_domain::text;

/// What a review form saves: the answers of its kind's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEdit {
    pub kind: ReviewKind,
    pub held_on: NaiveDate,
    pub led_by: String,
    /// Answers to questions of other kinds are not kept.
    pub answers: Vec<(Question, String)>,
    pub light: Option<Light>,
}

impl ReviewEdit {
    /// The form's answer to `question`, as stored: trimmed, its lines cleaned. Every backend
    /// stores it so.
    pub fn answer(&self, question: Question) -> String {
        self.answers
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, a)| text::multi_line(a.trim()).into_owned())
            .unwrap_or_default()
    }
}

/// Every running arena's stage, start and last review of each kind: three seeks of
/// `reviews_by_arena` an arena, each reading one row. On the large demo's 28,765 reviews
/// (1,064 running arenas) that took SQLite 2-5 ms and PostgreSQL 5-6, where one pass over all
/// the reviews, grouped by arena, took 15 and 11.
pub(crate) const REVIEW_DATES: &str = "SELECT a.id, a.stage, a.signalled_at,
        (SELECT held_on FROM reviews r WHERE r.arena_id = a.id AND r.kind = 'sponsor'
         ORDER BY held_on DESC LIMIT 1),
        (SELECT held_on FROM reviews r WHERE r.arena_id = a.id AND r.kind = 'citizen'
         ORDER BY held_on DESC LIMIT 1),
        (SELECT held_on FROM reviews r WHERE r.arena_id = a.id AND r.kind = 'case'
         ORDER BY held_on DESC LIMIT 1)
     FROM arenas a
     WHERE a.stage IN ('staffing', 'active', 'returning')";

/// An arena's meetings and what they leave behind. Part of the store interface (see
/// [`crate::Backend`]).
pub trait ReviewStore {
    /// The arena's meetings, newest first.
    fn reviews(&self, arena: i64) -> Result<Vec<Review>>;

    /// Records a meeting; a sponsor review whose problem statement differs from the last
    /// adds its next iteration. Returns the review's id.
    fn add_review(&mut self, arena: i64, review: &ReviewEdit) -> Result<i64>;

    /// Saves an edited meeting, unless someone changed it since `expected_version`.
    fn edit_review(&mut self, id: i64, expected_version: i64, review: &ReviewEdit) -> Result<()>;

    /// The problem statement's iterations, first first.
    fn problem_statements(&self, arena: i64) -> Result<Vec<ProblemStatement>>;

    /// Files what a case discussion learned as a knowledge entry of its arena; returns the
    /// entry's id. Refused for another kind, or one already filed.
    fn file_review(&mut self, id: i64, expected_version: i64) -> Result<i64>;

    /// When each arena with a team at work last held each kind of meeting.
    fn review_dates(&self) -> Result<Vec<ReviewDates>>;
}

const REVIEW_SELECT: &str =
    "SELECT id, arena_id, kind, held_on, led_by, light, entry_id, version FROM reviews";

fn review_row(conn: &dyn Db, r: &Row) -> SqlResult<Review> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(2)?;
    let kind = ReviewKind::from_code(&kind).unwrap_or(ReviewKind::Case);
    let light: Option<String> = r.get(5)?;
    let mut stmt =
        conn.prepare_cached("SELECT question, answer FROM review_answers WHERE review_id = ?1")?;
    let stored: Vec<(String, String)> = stmt
        .query_map([id], |a| Ok((a.get(0)?, a.get(1)?)))?
        .collect::<SqlResult<_>>()?;
    let answers = kind
        .questions()
        .iter()
        .map(|q| {
            let answer = stored
                .iter()
                .find(|(code, _)| code == q.code())
                .map(|(_, a)| a.clone())
                .unwrap_or_default();
            (*q, answer)
        })
        .collect();
    Ok(Review {
        id,
        arena: r.get(1)?,
        kind,
        held_on: time::date_from_text(r.get(3)?).unwrap_or_default(),
        led_by: r.get(4)?,
        answers,
        light: light.as_deref().and_then(Light::from_code),
        entry: r.get(6)?,
        version: r.get(7)?,
    })
}

fn review_of(conn: &dyn Db, id: i64) -> Result<Review> {
    conn.query_row(&format!("{REVIEW_SELECT} WHERE id = ?1"), [id], |r| {
        review_row(conn, r)
    })
    .optional()?
    .ok_or_else(|| StoreError::Removed(format!("review {id}")))
}

/// The arena exists and is not drawn up.
fn arena_open(tx: &dyn Db, arena: i64) -> Result<()> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM arenas WHERE id = ?1)",
        [arena],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(StoreError::ArenaNotFound(arena));
    }
    drawn_up::ensure_open(tx, arena)
}

/// Checks nobody changed the review since `expected`; returns its arena.
fn unchanged(tx: &dyn Db, id: i64, expected: i64) -> Result<i64> {
    let (arena, version, who, at): (i64, i64, String, String) = tx
        .query_row(
            "SELECT arena_id, version, updated_by, updated_at FROM reviews WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::Removed(format!("review {id}")))?;
    if version != expected {
        return Err(StoreError::Changed {
            what: format!("review {id}"),
            who,
            at: time::from_text(&at),
        });
    }
    drawn_up::ensure_open(tx, arena)?;
    Ok(arena)
}

fn write_answers(tx: &dyn Db, id: i64, review: &ReviewEdit) -> Result<()> {
    tx.execute("DELETE FROM review_answers WHERE review_id = ?1", [id])?;
    for question in review.kind.questions() {
        let answer = review.answer(*question);
        if !answer.is_empty() {
            tx.execute(
                "INSERT INTO review_answers (review_id, question, answer) VALUES (?1, ?2, ?3)",
                params![id, question.code(), answer],
            )?;
        }
    }
    Ok(())
}

/// Adds the next iteration of the problem statement when this one says something new.
fn keep_statement(tx: &dyn Db, arena: i64, id: i64, review: &ReviewEdit) -> Result<()> {
    if review.kind != ReviewKind::Sponsor {
        return Ok(());
    }
    let statement = review.answer(Question::ProblemStatement);
    if statement.is_empty() {
        return Ok(());
    }
    let last: Option<(u32, String)> = tx
        .query_row(
            "SELECT number, statement FROM problem_statements WHERE arena_id = ?1
             ORDER BY number DESC LIMIT 1",
            [arena],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if last.as_ref().is_some_and(|(_, text)| *text == statement) {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO problem_statements (arena_id, number, statement, on_date, review_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            arena,
            last.map_or(1, |(n, _)| n + 1),
            statement,
            time::date_to_text(Some(review.held_on)),
            id
        ],
    )?;
    Ok(())
}

fn audit_detail(review: &ReviewEdit) -> String {
    let light = review
        .light
        .map(|l| format!(" {}", l.code()))
        .unwrap_or_default();
    format!("{} {}{light}", review.kind.code(), review.held_on)
}

fn set_review(tx: &dyn Db, stamp: &Stamp, id: i64, review: &ReviewEdit) -> Result<()> {
    tx.execute(
        "UPDATE reviews SET kind = ?2, held_on = ?3, led_by = ?4, light = ?5,
         version = version + 1, updated_at = ?6, updated_by = ?7 WHERE id = ?1",
        params![
            id,
            review.kind.code(),
            time::date_to_text(Some(review.held_on)),
            text::one_line(review.led_by.trim()),
            review.light.map(Light::code),
            time::to_text(stamp.at),
            stamp.who
        ],
    )?;
    Ok(())
}

impl<S: SqlStore> ReviewStore for S {
    fn reviews(&self, arena: i64) -> Result<Vec<Review>> {
        let mut stmt = self.db().prepare_cached(&format!(
            "{REVIEW_SELECT} WHERE arena_id = ?1 ORDER BY held_on DESC, id DESC"
        ))?;
        let rows = stmt.query_map([arena], |r| review_row(self.db(), r))?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn add_review(&mut self, arena: i64, review: &ReviewEdit) -> Result<i64> {
        self.write(|tx, stamp| {
            arena_open(tx, arena)?;
            tx.execute(
                "INSERT INTO reviews (arena_id, kind, held_on, led_by, light, version, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, '', NULL, 0, ?4, ?5)",
                params![
                    arena,
                    review.kind.code(),
                    time::date_to_text(Some(review.held_on)),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            set_review(tx, stamp, id, review)?;
            write_answers(tx, id, review)?;
            keep_statement(tx, arena, id, review)?;
            history::record(tx, stamp, "arena", arena, "review", &audit_detail(review))?;
            Ok(id)
        })
    }

    fn edit_review(&mut self, id: i64, expected_version: i64, review: &ReviewEdit) -> Result<()> {
        self.write(|tx, stamp| {
            let arena = unchanged(tx, id, expected_version)?;
            set_review(tx, stamp, id, review)?;
            write_answers(tx, id, review)?;
            keep_statement(tx, arena, id, review)?;
            history::record(
                tx,
                stamp,
                "arena",
                arena,
                "review",
                &format!("edited {}", audit_detail(review)),
            )
        })
    }

    fn problem_statements(&self, arena: i64) -> Result<Vec<ProblemStatement>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT number, statement, on_date FROM problem_statements WHERE arena_id = ?1
             ORDER BY number",
        )?;
        let rows = stmt.query_map([arena], |r| {
            Ok(ProblemStatement {
                number: r.get(0)?,
                text: r.get(1)?,
                on: time::date_from_text(r.get(2)?).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn file_review(&mut self, id: i64, expected_version: i64) -> Result<i64> {
        let review = review_of(self.db(), id)?;
        if review.kind != ReviewKind::Case {
            return Err(StoreError::NotACaseDiscussion(id));
        }
        if let Some(entry) = review.entry {
            return Err(StoreError::ReviewFiled { review: id, entry });
        }
        let question = review.answer(Question::CaseQuestion);
        let title = text::one_line(question.lines().next().unwrap_or_default()).into_owned();
        let body = [
            question.to_owned(),
            review.answer(Question::Learned).to_owned(),
        ]
        .join("\n\n");
        let clean = Clean::of(&EntryEdit {
            title: if title.trim().is_empty() {
                format!("#{} {}", review.arena, review.held_on)
            } else {
                title.chars().take(text::TITLE_MAX_CHARS).collect()
            },
            body: body.trim().to_owned(),
            kind: EntryKind::Lesson,
            tags: vec!["intervision".to_owned()],
            competences: Vec::new(),
            arena: Some(review.arena),
        })?;
        self.write(|tx, stamp| {
            let arena = unchanged(tx, id, expected_version)?;
            let entry = insert_entry(tx, stamp, &clean, stamp.who, stamp.at, "create")?;
            tx.execute(
                "UPDATE reviews SET entry_id = ?2, version = version + 1, updated_at = ?3,
                 updated_by = ?4 WHERE id = ?1",
                params![id, entry, time::to_text(stamp.at), stamp.who],
            )?;
            history::record(
                tx,
                stamp,
                "arena",
                arena,
                "review",
                &format!("case filed as entry {entry}"),
            )?;
            Ok(entry)
        })
    }

    fn review_dates(&self) -> Result<Vec<ReviewDates>> {
        let mut stmt = self.db().prepare_cached(REVIEW_DATES)?;
        let rows = stmt.query_map(params![], |r| {
            let stage: String = r.get(1)?;
            let since: String = r.get(2)?;
            Ok(ReviewDates {
                arena: r.get(0)?,
                stage: Stage::from_code(&stage).unwrap_or(Stage::Active),
                since: time::from_text(&since).date_naive(),
                sponsor: time::date_from_text(r.get(3)?),
                citizen: time::date_from_text(r.get(4)?),
                case: time::date_from_text(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use puls_domain::clock::SystemClock;

    use super::REVIEW_DATES;
    use crate::Store;
    use crate::query_plan::query_plan;

    #[test]
    fn the_review_dates_seek_each_arenas_last_meeting_of_each_kind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("r.db"), "maja", Arc::new(SystemClock)).unwrap();
        let steps = query_plan(&store, REVIEW_DATES, []);
        // Each kind's last meeting from the index, in its order: no pass over every review,
        // and no sort.
        let seeks = steps
            .lines()
            .filter(|s| s.contains("reviews_by_arena (arena_id=? AND kind=?)"))
            .count();
        assert_eq!(seeks, 3, "{steps}");
        assert!(!steps.contains("SCAN r"), "{steps}");
        assert!(!steps.contains("TEMP B-TREE"), "{steps}");
    }
}
