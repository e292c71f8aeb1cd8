-- A search ranks its candidates by their whole vectors, and `entries.search`, 4.8 kB on
-- average on the large demo, lives out of line in TOAST with the bodies: ranking the 500
-- candidates a word brings took the server 24 ms in psql, a TOAST lookup and a read of each
-- vector's chunks. Kept inline, in a table of their own, the same 500 take 1.1 ms. The
-- entries keep theirs too: the search indexes are built from it, and the rows of the bank's
-- list stay small (inline in `entries`, the vectors would make its heap ten times larger).
-- A copy is kept by the database as entries are written, as `plan_counts` is.
CREATE TABLE entry_vectors (
    entry_id BIGINT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    search   tsvector NOT NULL
);
-- Compressed, and out of line only when a row could not fit a page otherwise.
ALTER TABLE entry_vectors ALTER COLUMN search SET STORAGE MAIN;
SELECT puls_regional('entry_vectors');
-- Another municipality's shared entry is ranked too, as it is found.
CREATE POLICY shared ON entry_vectors FOR SELECT
    USING (EXISTS (SELECT 1 FROM entries e WHERE e.id = entry_id AND e.shared = 1));

-- After each statement that writes entries, their vectors as they are now: once per
-- statement, so a copy of thousands of entries writes them in one go. Written as the writer,
-- under the writer's policies, in the entry's municipality. A deleted entry's goes with it.
CREATE FUNCTION puls_keep_vectors() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entry_vectors AS v (entry_id, municipality, search)
    SELECT id, municipality, search FROM changed
    ON CONFLICT (entry_id) DO UPDATE SET search = excluded.search
        WHERE v.search IS DISTINCT FROM excluded.search;
    RETURN NULL;
END $$;

CREATE TRIGGER entries_vectors_in AFTER INSERT ON entries REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION puls_keep_vectors();
CREATE TRIGGER entries_vectors_again AFTER UPDATE ON entries REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION puls_keep_vectors();

-- The entries there are now, every municipality's: the policies are lifted for this copy
-- alone, inside the migration's transaction (see 015).
ALTER TABLE entries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE entry_vectors NO FORCE ROW LEVEL SECURITY;
INSERT INTO entry_vectors (entry_id, municipality, search)
    SELECT id, municipality, search FROM entries;
ALTER TABLE entries FORCE ROW LEVEL SECURITY;
ALTER TABLE entry_vectors FORCE ROW LEVEL SECURITY;
