-- A maturity rating of a partnership with an outside partner, not only of an arena (issue 18):
-- arena_id becomes optional, and a rating without an arena must name its partner.
-- SQLite cannot drop NOT NULL, so the table is rebuilt. foreign_keys is on while migrations
-- run, so dropping the old table would cascade into maturity_scores: the scores are moved to
-- a table of their own pointing at the new ratings before the old ones go.
ALTER TABLE maturity_ratings RENAME TO maturity_ratings_old;

CREATE TABLE maturity_ratings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The arena rated; none for a partnership with an outside partner.
    arena_id    INTEGER REFERENCES arenas(id) ON DELETE CASCADE,
    rated_on    TEXT NOT NULL,
    -- 'baseline', 'returning' or 'check' (domain::maturity::Occasion).
    occasion    TEXT NOT NULL,
    -- The outside partner the rating is about; empty for the arena's own partners.
    partner     TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    CHECK (arena_id IS NOT NULL OR partner <> '')
);
INSERT INTO maturity_ratings (id, arena_id, rated_on, occasion, partner, version, updated_at, updated_by)
    SELECT id, arena_id, rated_on, occasion, partner, version, updated_at, updated_by
      FROM maturity_ratings_old;

ALTER TABLE maturity_scores RENAME TO maturity_scores_old;
CREATE TABLE maturity_scores (
    rating_id   INTEGER NOT NULL REFERENCES maturity_ratings(id) ON DELETE CASCADE,
    dimension   TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rating_id, dimension)
);
INSERT INTO maturity_scores (rating_id, dimension, level, note)
    SELECT rating_id, dimension, level, note FROM maturity_scores_old;

DROP TABLE maturity_scores_old;
DROP TABLE maturity_ratings_old;

-- An arena's ratings in order, every arena's for the key figures, and the partnerships'
-- (arena_id IS NULL).
CREATE INDEX maturity_by_arena ON maturity_ratings (arena_id, rated_on, id);
