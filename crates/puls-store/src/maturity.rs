//! Partnering maturity ratings of an arena, or of a partnership with an outside partner: seven
//! dimensions, 1 to 6, each with a note. Every change is audited, an arena's on its history
//! and a partnership's as entity "partnership", and a drawn-up arena's ratings are locked.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};
use chrono::NaiveDate;

use super::{Result, Stamp, StoreError, drawn_up, history, time};
pub use puls_domain::maturity::{Dimension, MaturityFigures, Occasion, Partnership, Rating, Score};
use puls_domain::maturity::{HIGHEST, LOWEST, by_subject, figures, partner_key, partnerships};
use puls_domain::text;

/// What a rating form saves: a level and a note for each of the seven dimensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingEdit {
    pub on: NaiveDate,
    pub occasion: Occasion,
    pub partner: String,
    pub scores: Vec<Score>,
}

/// The rules and audit text of a rating, alike in every backend.
impl RatingEdit {
    /// Every dimension once, each level from 1 to 6.
    pub fn check(&self) -> Result<()> {
        for dimension in Dimension::ALL {
            let mut scores = self.scores.iter().filter(|s| s.dimension == dimension);
            match (scores.next(), scores.next()) {
                (Some(s), None) if (LOWEST..=HIGHEST).contains(&s.level) => {}
                _ => return Err(StoreError::MaturityLevel(dimension.code().to_owned())),
            }
        }
        Ok(())
    }

    /// A partnership's rating names its partner.
    pub fn check_partner(&self) -> Result<()> {
        if self.partner.trim().is_empty() {
            return Err(StoreError::PartnerMissing);
        }
        Ok(())
    }

    /// Where the audit row of rating `id` goes: its arena's history, or the partnership's own.
    pub fn audit_entity(arena: Option<i64>, id: i64) -> (&'static str, i64) {
        match arena {
            Some(arena) => ("arena", arena),
            None => ("partnership", id),
        }
    }

    /// `baseline 2026-06-01: 2 3 2 1 2 2 3`: the levels in dimension order, for the history;
    /// a partnership's say which partner first: `Fryshuset: baseline 2026-06-01: ...`.
    pub fn audit_detail(&self, arena: Option<i64>) -> String {
        let levels: Vec<String> = Dimension::ALL
            .iter()
            .filter_map(|d| self.scores.iter().find(|s| s.dimension == *d))
            .map(|s| s.level.to_string())
            .collect();
        let detail = format!("{} {}: {}", self.occasion.code(), self.on, levels.join(" "));
        match arena {
            Some(_) => detail,
            None => format!("{}: {detail}", self.partner.trim()),
        }
    }
}

/// An arena's partnering maturity. Part of the store interface (see [`crate::Backend`]).
pub trait MaturityStore {
    /// The arena's ratings, oldest first.
    fn ratings(&self, arena: i64) -> Result<Vec<Rating>>;

    /// Records a rating of all seven dimensions; returns its id.
    fn add_rating(&mut self, arena: i64, rating: &RatingEdit) -> Result<i64>;

    /// Saves an edited rating, unless someone changed it since `expected_version`.
    fn edit_rating(&mut self, id: i64, expected_version: i64, rating: &RatingEdit) -> Result<()>;

    /// Every rating, or only the partnerships' (of no arena), oldest first.
    fn rated(&self, partnerships_only: bool) -> Result<Vec<Rating>>;

    /// Across arenas and partnerships: how many stand at each level, and the change from
    /// their baseline.
    fn maturity_figures(&self) -> Result<MaturityFigures> {
        Ok(figures(&by_subject(self.rated(false)?)))
    }

    /// The partnerships with an outside partner that have been rated, by name.
    fn partnerships(&self) -> Result<Vec<Partnership>> {
        Ok(partnerships(self.rated(true)?))
    }

    /// A partnership's ratings, oldest first; the name matches whatever its case.
    fn partner_ratings(&self, partner: &str) -> Result<Vec<Rating>> {
        let key = partner_key(partner);
        let mut ratings = self.rated(true)?;
        ratings.retain(|r| partner_key(&r.partner) == key);
        Ok(ratings)
    }

    /// Records a rating of the partnership with `rating.partner`, of no arena; returns its id.
    fn add_partner_rating(&mut self, rating: &RatingEdit) -> Result<i64>;
}

fn scores_of(conn: &dyn Db, id: i64) -> SqlResult<Vec<Score>> {
    let mut stmt = conn.prepare_cached(
        "SELECT dimension, level, note FROM maturity_scores WHERE rating_id = ?1",
    )?;
    let stored: Vec<(String, u8, String)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<SqlResult<_>>()?;
    Ok(Dimension::ALL
        .into_iter()
        .filter_map(|dimension| {
            stored
                .iter()
                .find(|(code, _, _)| code == dimension.code())
                .map(|(_, level, note)| Score {
                    dimension,
                    level: *level,
                    note: note.clone(),
                })
        })
        .collect())
}

fn rating_row(conn: &dyn Db, r: &Row) -> SqlResult<Rating> {
    let id: i64 = r.get(0)?;
    let occasion: String = r.get(3)?;
    Ok(Rating {
        id,
        arena: r.get(1)?,
        on: time::date_from_text(r.get(2)?).unwrap_or_default(),
        occasion: Occasion::from_code(&occasion).unwrap_or(Occasion::Check),
        partner: r.get(4)?,
        scores: scores_of(conn, id)?,
        version: r.get(5)?,
    })
}

const RATING_SELECT: &str =
    "SELECT id, arena_id, rated_on, occasion, partner, version FROM maturity_ratings";

fn write_scores(tx: &dyn Db, id: i64, rating: &RatingEdit) -> Result<()> {
    tx.execute("DELETE FROM maturity_scores WHERE rating_id = ?1", [id])?;
    for score in &rating.scores {
        tx.execute(
            "INSERT INTO maturity_scores (rating_id, dimension, level, note) VALUES (?1, ?2, ?3, ?4)",
            params![
                id,
                score.dimension.code(),
                score.level,
                text::multi_line(score.note.trim())
            ],
        )?;
    }
    Ok(())
}

/// Inserts a rating of `arena`, or of the partnership it names when there is none, with its
/// scores and audit row.
fn insert_rating(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: Option<i64>,
    rating: &RatingEdit,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO maturity_ratings (arena_id, rated_on, occasion, partner, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            arena,
            time::date_to_text(Some(rating.on)),
            rating.occasion.code(),
            text::one_line(rating.partner.trim()),
            time::to_text(stamp.at),
            stamp.who
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_scores_and_audit(tx, stamp, arena, id, rating, &rating.audit_detail(arena))?;
    Ok(id)
}

/// Writes rating `id`'s scores and its audit row saying `detail`, on the arena it rates or
/// on its partnership.
fn write_scores_and_audit(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: Option<i64>,
    id: i64,
    rating: &RatingEdit,
    detail: &str,
) -> Result<()> {
    write_scores(tx, id, rating)?;
    let (entity, entity_id) = RatingEdit::audit_entity(arena, id);
    history::record(tx, stamp, entity, entity_id, "maturity", detail)
}

impl<S: SqlStore> MaturityStore for S {
    fn ratings(&self, arena: i64) -> Result<Vec<Rating>> {
        let mut stmt = self.db().prepare_cached(&format!(
            "{RATING_SELECT} WHERE arena_id = ?1 ORDER BY rated_on, id"
        ))?;
        let rows = stmt.query_map([arena], |r| rating_row(self.db(), r))?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn add_rating(&mut self, arena: i64, rating: &RatingEdit) -> Result<i64> {
        rating.check()?;
        self.write(|tx, stamp| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM arenas WHERE id = ?1)",
                [arena],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(StoreError::ArenaNotFound(arena));
            }
            drawn_up::ensure_open(tx, arena)?;
            insert_rating(tx, stamp, Some(arena), rating)
        })
    }

    fn edit_rating(&mut self, id: i64, expected_version: i64, rating: &RatingEdit) -> Result<()> {
        rating.check()?;
        self.write(|tx, stamp| {
            let (arena, version, who, at): (Option<i64>, i64, String, String) = tx
                .query_row(
                    "SELECT arena_id, version, updated_by, updated_at FROM maturity_ratings WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::Removed(format!("rating {id}")))?;
            if version != expected_version {
                return Err(StoreError::Changed {
                    what: format!("rating {id}"),
                    who,
                    at: time::from_text(&at),
                });
            }
            match arena {
                Some(arena) => drawn_up::ensure_open(tx, arena)?,
                None => rating.check_partner()?,
            }
            tx.execute(
                "UPDATE maturity_ratings SET rated_on = ?2, occasion = ?3, partner = ?4,
                 version = version + 1, updated_at = ?5, updated_by = ?6 WHERE id = ?1",
                params![
                    id,
                    time::date_to_text(Some(rating.on)),
                    rating.occasion.code(),
                    text::one_line(rating.partner.trim()),
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let detail = format!("edited {}", rating.audit_detail(arena));
            write_scores_and_audit(tx, stamp, arena, id, rating, &detail)
        })
    }

    fn rated(&self, partnerships_only: bool) -> Result<Vec<Rating>> {
        // The partnerships' (arena_id IS NULL) in order through maturity_by_arena.
        let only = if partnerships_only {
            "WHERE arena_id IS NULL"
        } else {
            ""
        };
        let mut stmt = self
            .db()
            .prepare_cached(&format!("{RATING_SELECT} {only} ORDER BY rated_on, id"))?;
        let rows = stmt.query_map(params![], |r| rating_row(self.db(), r))?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn add_partner_rating(&mut self, rating: &RatingEdit) -> Result<i64> {
        rating.check()?;
        rating.check_partner()?;
        self.write(|tx, stamp| insert_rating(tx, stamp, None, rating))
    }
}
