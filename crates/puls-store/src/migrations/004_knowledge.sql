-- The knowledge bank: lessons, methods, case summaries, contacts and courses that arenas
-- returned, tagged, linked to competences and to the arena they came from, searchable in full text.

CREATE TABLE entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL CHECK (kind IN ('lesson', 'method', 'case', 'contact', 'course')),
    -- An entry outlives its arena: it is what the organisation keeps.
    arena_id   INTEGER REFERENCES arenas(id) ON DELETE SET NULL,
    -- The entry's tags (as in entry_tags) one a line, for the full-text index only.
    tags_text  TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);
-- The bank's list, newest first.
CREATE INDEX entries_by_time ON entries (updated_at, id);
-- The list filtered by kind, newest first.
CREATE INDEX entries_by_kind ON entries (kind, updated_at, id);
-- An arena's entries and their count; the foreign key.
CREATE INDEX entries_by_arena ON entries (arena_id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
-- The tag filter, and every tag in use.
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

CREATE TABLE entry_competences (
    entry_id      INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    PRIMARY KEY (entry_id, competence_id)
) WITHOUT ROWID;
-- The competence filter; the foreign key.
CREATE INDEX entry_competences_by_competence ON entry_competences (competence_id, entry_id);

-- Full text over title, body and tags, reading its text from `entries` (external content) and
-- kept in step by the triggers below, in the same transaction as every change.
--
-- Diacritics are NOT removed (remove_diacritics 0): in Swedish å, ä and ö are letters of their
-- own, not a with a mark. Folding them would make "hälsa" (health) find "halsa" (to swig from
-- the bottle), "här" (here) find "har" (has), "för" find "for", and, as prefixes while typing,
-- mix every "hä..." with every "ha...". So "hälsa" finds "hälsa", "Hälsan" and "HÄLSA" (case is
-- still folded, for å, ä and ö too) but not "halsa"; and "cafe" does not find "café": type the
-- accent, or tag the entry with the spelling people will search for.
--
-- No prefix index: ranking every match dominates a search, and one tripled the cost of writing.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body, tags_text,
    content = 'entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
-- bm25 with a word in the title worth ten in the body, and one in the tags five.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 5.0)');

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, tags_text)
    VALUES (new.id, new.title, new.body, new.tags_text);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags_text)
    VALUES ('delete', old.id, old.title, old.body, old.tags_text);
END;

-- Only a change to indexed text touches the index (not a version bump or an arena unlinked).
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, tags_text ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, tags_text)
    VALUES ('delete', old.id, old.title, old.body, old.tags_text);
    INSERT INTO entries_fts (rowid, title, body, tags_text)
    VALUES (new.id, new.title, new.body, new.tags_text);
END;
