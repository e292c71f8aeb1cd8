-- Each arena's plan counts, kept by the database as its needs, criteria, activities and
-- written entries change, so the board reads one row per arena at every reload instead of
-- counting four whole tables: on the large demo the four counts took a fresh connection 27 ms,
-- this table 2. The counts are those `plan::SUMMARY_COLUMNS` gives for a single arena, and the
-- conformance tests hold the board to them after every kind of change.
CREATE TABLE plan_counts (
    arena_id          BIGINT PRIMARY KEY REFERENCES arenas(id) ON DELETE CASCADE,
    needs_total       BIGINT NOT NULL,
    needs_filled      BIGINT NOT NULL,
    criteria_total    BIGINT NOT NULL,
    criteria_resolved BIGINT NOT NULL,
    activities_total  BIGINT NOT NULL,
    activities_done   BIGINT NOT NULL,
    entries           BIGINT NOT NULL
);
SELECT puls_regional('plan_counts');

-- Counts the arenas `ids` afresh from their rows. Run as the writer, under the writer's
-- policies: a session writes only its own municipality's arenas, and counts them whole.
CREATE FUNCTION puls_recount(ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO plan_counts AS c (arena_id, municipality, needs_total, needs_filled,
                                  criteria_total, criteria_resolved, activities_total,
                                  activities_done, entries)
    SELECT a.id, a.municipality, n.total, n.filled, k.total, k.resolved, t.total, t.done, e.written
    FROM arenas a,
        LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE status = 'filled') AS filled
                 FROM needs WHERE arena_id = a.id AND status <> 'released') n,
        LATERAL (SELECT count(*) AS total,
                        count(*) FILTER (WHERE result <> '' OR no_result_reason <> '') AS resolved
                 FROM criteria WHERE arena_id = a.id) k,
        LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done
                 FROM activities WHERE arena_id = a.id) t,
        LATERAL (SELECT count(*) AS written FROM entries WHERE arena_id = a.id AND written = 1) e
    WHERE a.id = ANY (ids)
    ON CONFLICT (arena_id) DO UPDATE SET
        needs_total = excluded.needs_total, needs_filled = excluded.needs_filled,
        criteria_total = excluded.criteria_total, criteria_resolved = excluded.criteria_resolved,
        activities_total = excluded.activities_total, activities_done = excluded.activities_done,
        entries = excluded.entries
$$;

-- After each statement that writes a counted table, the arenas its rows belong to (before
-- and after) are counted again: once per statement, so a copy of thousands of rows counts
-- each arena once. An arena deleted meanwhile is found no more, and goes with its row here.
CREATE FUNCTION puls_recount_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM puls_recount(ARRAY(SELECT DISTINCT arena_id FROM changed));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM puls_recount(ARRAY(SELECT DISTINCT arena_id FROM before));
    ELSE
        PERFORM puls_recount(ARRAY(SELECT arena_id FROM changed UNION SELECT arena_id FROM before));
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['needs', 'criteria', 'activities', 'entries'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION puls_recount_changed()',
                       t || '_counted_in', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I
                        REFERENCING OLD TABLE AS before NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION puls_recount_changed()',
                       t || '_counted_again', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS before
                        FOR EACH STATEMENT EXECUTE FUNCTION puls_recount_changed()',
                       t || '_counted_out', t);
    END LOOP;
END $$;

-- The arenas there are now, every municipality's: the schema's owner is held by the policies
-- too (they are forced), so they are lifted for this count alone, inside the migration's
-- transaction.
ALTER TABLE arenas NO FORCE ROW LEVEL SECURITY;
ALTER TABLE needs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE criteria NO FORCE ROW LEVEL SECURITY;
ALTER TABLE activities NO FORCE ROW LEVEL SECURITY;
ALTER TABLE entries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_counts NO FORCE ROW LEVEL SECURITY;
SELECT puls_recount(ARRAY(SELECT id FROM arenas));
ALTER TABLE arenas FORCE ROW LEVEL SECURITY;
ALTER TABLE needs FORCE ROW LEVEL SECURITY;
ALTER TABLE criteria FORCE ROW LEVEL SECURITY;
ALTER TABLE activities FORCE ROW LEVEL SECURITY;
ALTER TABLE entries FORCE ROW LEVEL SECURITY;
ALTER TABLE plan_counts FORCE ROW LEVEL SECURITY;
