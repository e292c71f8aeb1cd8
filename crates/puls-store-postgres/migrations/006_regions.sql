-- Regions (issue 16): several municipalities on one database, kept apart by PostgreSQL's own
-- row-level security rather than by puls's code.
--
-- * Every row carries its municipality. A session's municipality comes from the database role
--   it logged in as (`puls_roles`, readable by nobody but its owner), never from a setting a
--   user could change; a role that is not mapped sees nothing and writes nothing.
-- * Superusers and BYPASSRLS roles pass every policy (PostgreSQL's rule): a region connects as
--   ordinary roles. The role that runs this migration (the schema's owner) is mapped to the
--   one municipality every existing row belongs to, so a single-municipality install goes on
--   as before.
-- * Shared across the region: the competence catalogue, and the knowledge entries marked
--   `shared` (read, not written, by the other municipalities).
-- * The restricted record is read only by the arena's coordinator or communication lead, or an
--   administrator: the account puls sets on the connection (`puls.account`) for its session.

-- Which municipality each database role acts for. Owned by the schema's owner; nobody else
-- reads it, so nobody learns the region's other roles or picks a municipality of their own.
CREATE TABLE puls_roles (
    role         TEXT COLLATE "C" PRIMARY KEY,
    municipality TEXT COLLATE "C" NOT NULL CHECK (municipality <> '')
);
REVOKE ALL ON puls_roles FROM PUBLIC;
INSERT INTO puls_roles (role, municipality) VALUES (current_user, 'default');

-- The session's municipality: the login role's (session_user, so neither SET ROLE nor this
-- function's own owner changes it), or NULL for a role not mapped.
CREATE FUNCTION puls_municipality() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    AS $$ SELECT municipality FROM puls_roles WHERE role = session_user $$;

-- What a mapped role may do: read and write puls's tables (the policies decide which rows),
-- read the schema's version, never the role map.
CREATE FUNCTION puls_grant(grantee text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    -- The owner has every right already, and must keep the role map's.
    IF grantee = (SELECT tableowner FROM pg_tables
                  WHERE schemaname = current_schema() AND tablename = 'puls_roles') THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), grantee);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                   current_schema(), grantee);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I',
                   current_schema(), grantee);
    EXECUTE format('REVOKE ALL ON puls_roles FROM %I', grantee);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON puls_schema FROM %I', grantee);
END $$;

-- Maps a role to its municipality (again: a role moves) and gives it its grants. Only the
-- role map's owner may: everyone else is refused at the table.
CREATE FUNCTION puls_add_role(grantee text, place text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO puls_roles (role, municipality) VALUES (grantee, place)
        ON CONFLICT (role) DO UPDATE SET municipality = excluded.municipality;
    PERFORM puls_grant(grantee);
END $$;

-- Makes a table regional: its municipality (the writer's, by default), row-level security
-- forced on its owner too, and the policy that keeps each municipality to its own rows. A
-- later migration's new table calls it, and the mapped roles get the table at once.
CREATE FUNCTION puls_regional(t regclass) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ADD COLUMN IF NOT EXISTS municipality TEXT COLLATE "C" NOT NULL DEFAULT %L',
                   t, 'default');
    EXECUTE format('ALTER TABLE %s ALTER COLUMN municipality SET DEFAULT coalesce(puls_municipality(), %L)',
                   t, 'default');
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t AND polname = 'region') THEN
        -- The sub-select asks the role map once per question, not once per row.
        EXECUTE format('CREATE POLICY region ON %s
                        USING (municipality = (SELECT puls_municipality()))
                        WITH CHECK (municipality = (SELECT puls_municipality()))', t);
    END IF;
    PERFORM puls_grant(role) FROM puls_roles;
END $$;

-- The region's administration is the owner's: nobody else calls it (it would be refused at
-- the tables anyway).
REVOKE EXECUTE ON FUNCTION puls_grant(text), puls_add_role(text, text), puls_regional(regclass)
    FROM PUBLIC;

-- The tables the whole region shares, and the bookkeeping of the schema itself. Every other
-- table of the schema, now and in every later migration, is regional.
CREATE FUNCTION puls_shared_tables() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT ARRAY['competences', 'puls_schema', 'puls_roles'] $$;

ALTER TABLE entries ADD COLUMN shared BIGINT NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));

DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN
        SELECT c.oid::regclass FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND NOT c.relname = ANY (puls_shared_tables())
        ORDER BY c.relname
    LOOP
        PERFORM puls_regional(t);
    END LOOP;
END $$;

-- Names that are unique within a municipality, not across the region: two municipalities may
-- each have a unit, a person or an account of the same name, and a key of their own.
ALTER TABLE meta DROP CONSTRAINT meta_pkey, ADD PRIMARY KEY (municipality, key);
ALTER TABLE units DROP CONSTRAINT units_name_key, ADD UNIQUE (municipality, name);
ALTER TABLE people DROP CONSTRAINT people_name_key, ADD UNIQUE (municipality, name);
ALTER TABLE accounts DROP CONSTRAINT accounts_name_key, ADD UNIQUE (municipality, name);
ALTER TABLE account_keys DROP CONSTRAINT account_keys_fingerprint_key,
    ADD UNIQUE (municipality, fingerprint);

-- The board, the roster, the bank and the history read one municipality's rows of a region.
CREATE INDEX arenas_by_municipality ON arenas (municipality, id);
CREATE INDEX people_by_municipality ON people (municipality, id);
CREATE INDEX entries_by_municipality ON entries (municipality, updated_at, id);
CREATE INDEX audit_by_municipality ON audit (municipality, id);
-- The other municipalities' shared entries, beside one's own.
CREATE INDEX entries_shared ON entries (updated_at, id) WHERE shared = 1;

-- A shared entry is read across the region, with its tags and competences; writing it stays
-- its own municipality's (the `region` policy).
CREATE POLICY shared ON entries FOR SELECT USING (shared = 1);
CREATE POLICY shared ON entry_tags FOR SELECT
    USING (EXISTS (SELECT 1 FROM entries e WHERE e.id = entry_id AND e.shared = 1));
CREATE POLICY shared ON entry_competences FOR SELECT
    USING (EXISTS (SELECT 1 FROM entries e WHERE e.id = entry_id AND e.shared = 1));

-- The restricted record's rule as puls keeps it (domain::access::may_open_restricted), and
-- administrators, who anonymise and extract: the session's account must be the arena's
-- coordinator or communication lead and not external. Restrictive: on top of `region`.
-- The table's owner passes while it asks whether a record exists or anonymises it for
-- retention (puls_has_restricted, puls_anonymise_restricted: they run as the owner and say so
-- in `puls.asking_exists` meanwhile): only the owner passes so, and the owner could switch the
-- policy off anyway.
CREATE FUNCTION puls_may_read_restricted(arena bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT (current_setting('puls.asking_exists', true) = 'on'
            AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class
                                WHERE oid = 'restricted_records'::regclass))
    OR EXISTS (
        SELECT 1 FROM accounts ac
        WHERE ac.name = current_setting('puls.account', true)
          AND (EXISTS (SELECT 1 FROM account_roles r
                       WHERE r.account_id = ac.id AND r.role = 'administrator')
               OR (NOT EXISTS (SELECT 1 FROM account_roles r
                               WHERE r.account_id = ac.id AND r.role = 'external')
                   AND EXISTS (SELECT 1 FROM arenas a
                               WHERE a.id = arena
                                 AND ac.person_id IN (a.coordinator_id, a.communication_lead_id)))))
$$;
CREATE POLICY readers ON restricted_records AS RESTRICTIVE FOR SELECT
    USING (puls_may_read_restricted(arena_id));

-- Whether an arena of the session's municipality has a restricted record: everyone may know
-- that much, though only its readers see the record.
CREATE FUNCTION puls_has_restricted(arena bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    held boolean;
BEGIN
    PERFORM set_config('puls.asking_exists', 'on', true);
    SELECT EXISTS (SELECT 1 FROM restricted_records r
                   WHERE r.arena_id = arena
                     AND r.municipality = coalesce(puls_municipality(), 'default'))
        INTO held;
    PERFORM set_config('puls.asking_exists', '', true);
    RETURN held;
END $$;

-- Retention anonymises a closed arena's restricted record whoever runs it, as on SQLite: the
-- record is not read, only overwritten with the note. Returns whether one was still to do
-- (its name does not begin with `prefix`); a dry run asks with `mark` NULL and writes nothing.
CREATE FUNCTION puls_anonymise_restricted(arena bigint, prefix text, mark text, at text, who text)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    due boolean;
BEGIN
    PERFORM set_config('puls.asking_exists', 'on', true);
    SELECT EXISTS (SELECT 1 FROM restricted_records r
                   WHERE r.arena_id = arena AND substr(r.name, 1, 12) <> prefix
                     AND r.municipality = coalesce(puls_municipality(), 'default'))
        INTO due;
    IF due AND mark IS NOT NULL THEN
        UPDATE restricted_records r
            SET name = mark, contact = mark, note = mark, version = r.version + 1,
                updated_at = at, updated_by = who
            WHERE r.arena_id = arena
              AND r.municipality = coalesce(puls_municipality(), 'default');
    END IF;
    PERFORM set_config('puls.asking_exists', '', true);
    RETURN due;
END $$;

-- A function that runs with its owner's rights, or that a policy calls, finds its tables in
-- puls's schema only: a temporary table of the same name must not stand in for the role map
-- or the accounts.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION puls_municipality() SET search_path = %I, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION puls_may_read_restricted(bigint) SET search_path = %I, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION puls_has_restricted(bigint) SET search_path = %I, pg_temp',
                   current_schema());
    EXECUTE format('ALTER FUNCTION puls_anonymise_restricted(bigint, text, text, text, text)
                    SET search_path = %I, pg_temp', current_schema());
END $$;

-- A superuser's session (one municipality, no policies) asks for a person by name alone.
CREATE INDEX people_by_name ON people (name);

-- Searches under the policies. PostgreSQL reads an index for a condition ahead of a policy's
-- only when the condition's function is leakproof, and neither the text-search match nor
-- citext's equality is marked so: every search would read every entry the session may see
-- (500 ms on the large demo's 50,000 entries instead of 90), every name every person (4 ms
-- instead of 0.7). Both raise no error that depends on a row's text and tell nothing but
-- whether it matches. Marking them takes a superuser: when one runs this migration they are
-- marked in this database; otherwise searches stay right but slow until a superuser runs the
-- same statements (README, "A region").
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
        ALTER FUNCTION citext_eq(citext, citext) LEAKPROOF;
    END IF;
END $$;
