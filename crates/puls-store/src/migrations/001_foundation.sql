-- The foundation: arenas on the board, the people who coordinate them, and the audit log.
-- Times are UTC RFC 3339 text ("2026-11-23T09:00:00Z"), which sorts as it reads.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    unit       TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- AUTOINCREMENT: an arena's number is what people say aloud ("arena 12"); a number undone
-- away must never come back on another arena.
CREATE TABLE arenas (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    need            TEXT NOT NULL DEFAULT '',
    mission         TEXT NOT NULL,
    stage           TEXT NOT NULL CHECK (stage IN
                    ('signal','commissioned','staffing','active','returning','closed','declined')),
    stage_since     TEXT NOT NULL,
    signalled_by    TEXT NOT NULL,
    signalled_at    TEXT NOT NULL,
    coordinator_id  INTEGER REFERENCES people(id),
    mandate         TEXT NOT NULL DEFAULT '',
    commissioned_by TEXT,
    target_date     TEXT,
    decline_reason  TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
-- The board reads arenas by stage in number order.
CREATE INDEX arenas_by_stage ON arenas (stage, id);
-- Every foreign key has its index.
CREATE INDEX arenas_by_coordinator ON arenas (coordinator_id);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL
);
-- An arena's history, newest first.
CREATE INDEX audit_by_entity ON audit (entity, entity_id, id);
-- "What changed since": the history command and stand-ups.
CREATE INDEX audit_by_time ON audit (at);
