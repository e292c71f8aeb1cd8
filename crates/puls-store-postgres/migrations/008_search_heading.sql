-- A search ranks the entries it matches by reading each one's whole vector, bodies and all,
-- from TOAST: 20 to 40 microseconds an entry, so a one-letter word that matches 40,000 entries
-- took 1.8 s of the server's time. A search now ranks at most the newest few hundred entries
-- that match in their title or tags and as many that match anywhere (see
-- knowledge_search.rs); the title and tags get a small vector and index of their own so the
-- first of those is found without the bodies.
ALTER TABLE entries ADD COLUMN heading tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', lower(title COLLATE "und-x-icu")), 'A')
    || setweight(to_tsvector('simple', lower(tags_text COLLATE "und-x-icu")), 'B')
) STORED;
CREATE INDEX entries_heading ON entries USING gin (heading);
