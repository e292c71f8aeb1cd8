-- The competence roster: units, people's competences and capacity, arenas' needs, allocations.

CREATE TABLE units (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    external   INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)),
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

INSERT INTO units (name, external, updated_at, updated_by)
    SELECT DISTINCT unit, 0, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration'
    FROM people WHERE unit <> '';
ALTER TABLE people ADD COLUMN unit_id INTEGER REFERENCES units(id);
UPDATE people SET unit_id = (SELECT id FROM units WHERE units.name = people.unit);
ALTER TABLE people DROP COLUMN unit;
ALTER TABLE people ADD COLUMN contact TEXT NOT NULL DEFAULT '';
-- Share of a full-time week the person can give to arenas.
ALTER TABLE people ADD COLUMN capacity INTEGER NOT NULL DEFAULT 20 CHECK (capacity BETWEEN 0 AND 100);
ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE people ADD COLUMN coordinator INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0, 1));
UPDATE people SET coordinator = 1 WHERE id IN (SELECT coordinator_id FROM arenas);
-- The roster list filters by unit.
CREATE INDEX people_by_unit ON people (unit_id);

CREATE TABLE competences (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    category   TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Who holds which competence, at which level (1 aware .. 4 can teach others).
CREATE TABLE holdings (
    person_id     INTEGER NOT NULL REFERENCES people(id),
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    PRIMARY KEY (person_id, competence_id)
) WITHOUT ROWID;
-- "Who holds this competence?": find staff and the competence view.
CREATE INDEX holdings_by_competence ON holdings (competence_id, level);

-- The competences an arena needs (its recruitment plan) and who fills each.
CREATE TABLE needs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id      INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    reason        TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'needed'
                  CHECK (status IN ('needed', 'requested', 'filled', 'released')),
    person_id     INTEGER REFERENCES people(id),
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE INDEX needs_by_arena ON needs (arena_id);
-- Gaps per competence.
CREATE INDEX needs_by_competence ON needs (competence_id, status);
CREATE INDEX needs_by_person ON needs (person_id);

-- A person giving part of their time to an arena, for one competence, over a period.
CREATE TABLE allocations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     INTEGER NOT NULL REFERENCES people(id),
    arena_id      INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    competence_id INTEGER REFERENCES competences(id),
    percent       INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    from_date     TEXT NOT NULL,
    to_date       TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
-- A person's load: their allocations still running.
CREATE INDEX allocations_by_person ON allocations (person_id, to_date);
-- An arena's team.
CREATE INDEX allocations_by_arena ON allocations (arena_id);
CREATE INDEX allocations_by_competence ON allocations (competence_id);
