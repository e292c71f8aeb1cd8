-- SQLite's migration 014 (issue 18): a maturity rating of a partnership with an outside
-- partner, not only of an arena. A rating without an arena must name its partner.
ALTER TABLE maturity_ratings ALTER COLUMN arena_id DROP NOT NULL;
ALTER TABLE maturity_ratings
    ADD CONSTRAINT maturity_rating_of_arena_or_partner CHECK (arena_id IS NOT NULL OR partner <> '');
-- The partnerships' ratings in order (MaturityStore::rated) are read through maturity_by_arena,
-- arena_id IS NULL, already in order: no index of their own.
