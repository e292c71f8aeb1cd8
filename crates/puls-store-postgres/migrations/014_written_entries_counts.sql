-- The board counts each arena's written entries at every reload. Under the region's policies
-- (a municipality's own entries and everyone's shared ones) each of them was read from the
-- table for its municipality and its sharing: 35,000 rows on the region demo, 77 ms of
-- Norrby's first frame. With both in the index, the count reads the index alone: 23 ms.
DROP INDEX entries_written_by_arena;
CREATE INDEX entries_written_by_arena ON entries (arena_id) INCLUDE (shared, municipality)
    WHERE written = 1;
