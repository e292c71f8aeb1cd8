-- Citizen data kept apart: the restricted record of an arena's recipient, who read it, and the
-- OS accounts puls knows with their roles.

-- Name and contact details of the recipient, if kept at all: never in the arena's own row, so
-- no board, plan, export or history query can reach them by accident. One per arena.
CREATE TABLE restricted_records (
    arena_id   INTEGER PRIMARY KEY REFERENCES arenas(id) ON DELETE CASCADE,
    name       TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Every opening of a restricted record: who, when, which arena, why (open, extract).
CREATE TABLE read_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    who      TEXT NOT NULL,
    arena_id INTEGER NOT NULL,
    what     TEXT NOT NULL
);
-- An arena's read log (subject extracts); the log's own retention reads by time.
CREATE INDEX read_log_by_arena ON read_log (arena_id, id);
CREATE INDEX read_log_by_time ON read_log (at);

-- OS accounts (the real uid's user name) and the roster person each one is, if any: how puls
-- knows that the account at the keyboard is an arena's coordinator or communication lead.
CREATE TABLE accounts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE,
    person_id INTEGER UNIQUE REFERENCES people(id) ON DELETE SET NULL
);
-- The foreign key (UNIQUE gives person_id its index).

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('coordinator', 'member', 'external', 'administrator')),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    PRIMARY KEY (account_id, role)
) WITHOUT ROWID;
-- "Are there administrators?" and the list of them.
CREATE INDEX account_roles_by_role ON account_roles (role, account_id);
