-- Drawn-up records: each time an arena is closed, its program, evaluation and knowledge entries
-- as they stood, kept whole and never edited. Reopening marks the version reopened; the next
-- close adds the next version.
CREATE TABLE drawn_up (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id    INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    closed_at   TEXT NOT NULL,
    closed_by   TEXT NOT NULL,
    -- The record as JSON (see store::drawn_up::DrawnUpRecord).
    record      TEXT NOT NULL,
    reopened_at TEXT,
    reopened_by TEXT,
    UNIQUE (arena_id, version)
);
-- The UNIQUE index serves "the arena's latest version" and its list of versions.
