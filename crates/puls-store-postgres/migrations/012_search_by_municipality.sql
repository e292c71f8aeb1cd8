-- A search in a region looked through the whole region's index and kept what the policies let
-- through: "samordningen" matched 34,750 entries in ten municipalities, of which a
-- municipality sees 6,661 (its own and the others' shared). A search now asks for its own
-- municipality's matches and the others' shared ones apart (knowledge_search.rs), each from
-- an index of its own: the whole question, 200 bodies sent, took 40 ms in psql on the region
-- demo, now 23.

-- The region's shared entries, in their own indexes.
CREATE INDEX entries_search_shared ON entries USING gin (search) WHERE shared = 1;
CREATE INDEX entries_heading_shared ON entries USING gin (heading) WHERE shared = 1;

-- A municipality's own entries get their own search indexes once the region has a second
-- municipality (a database of one has its whole-table indexes already, and two of the same
-- would double every write's work). The role map names the municipalities that search; the
-- names of the indexes come from the municipality's name, which may be any text.
CREATE FUNCTION puls_index_municipalities() RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    place text;
BEGIN
    IF (SELECT count(DISTINCT municipality) FROM puls_roles) < 2 THEN
        RETURN;
    END IF;
    FOR place IN SELECT DISTINCT municipality FROM puls_roles LOOP
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON entries USING gin (search)
                        WHERE municipality = %L', 'entries_search_' || md5(place), place);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON entries USING gin (heading)
                        WHERE municipality = %L', 'entries_heading_' || md5(place), place);
    END LOOP;
END $$;

-- Mapping a role indexes its municipality, if the region needs it.
CREATE OR REPLACE FUNCTION puls_add_role(grantee text, place text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO puls_roles (role, municipality) VALUES (grantee, place)
        ON CONFLICT (role) DO UPDATE SET municipality = excluded.municipality;
    PERFORM puls_grant(grantee);
    PERFORM puls_index_municipalities();
END $$;

REVOKE EXECUTE ON FUNCTION puls_index_municipalities() FROM PUBLIC;
SELECT puls_index_municipalities();
