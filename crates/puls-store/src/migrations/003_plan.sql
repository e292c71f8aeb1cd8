-- The PULS program: proactivity on the arena, contacts, evaluation criteria and activities.

ALTER TABLE arenas ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN communication_lead_id INTEGER REFERENCES people(id);
ALTER TABLE arenas ADD COLUMN feedback_days INTEGER CHECK (feedback_days IS NULL OR feedback_days BETWEEN 1 AND 365);
CREATE INDEX arenas_by_lead ON arenas (communication_lead_id);

-- The contact log with the recipient.
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id   INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    channel    TEXT NOT NULL DEFAULT '',
    summary    TEXT NOT NULL DEFAULT '',
    by_whom    TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
-- An arena's log in date order, and its last contact.
CREATE INDEX contacts_by_arena ON contacts (arena_id, on_date);

-- The evaluation plan.
CREATE TABLE criteria (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id         INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    measure          TEXT NOT NULL DEFAULT '',
    target           TEXT NOT NULL DEFAULT '',
    result           TEXT NOT NULL DEFAULT '',
    no_result_reason TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL
);
CREATE INDEX criteria_by_arena ON criteria (arena_id);

-- The activity plan, in the order the coordinator keeps it.
CREATE TABLE activities (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id       INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    owner          TEXT NOT NULL DEFAULT '',
    due_date       TEXT,
    status         TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'blocked', 'done')),
    blocked_reason TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX activities_by_arena ON activities (arena_id, position);
