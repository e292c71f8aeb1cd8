-- Staffing through line managers (issue 17): a person's line manager, by OS account, releases
-- their time to arenas. Empty: nobody is recorded.
ALTER TABLE people ADD COLUMN manager TEXT NOT NULL DEFAULT '';
-- "Requests to me": the people whose manager is the acting account.
CREATE INDEX people_by_manager ON people (manager);

-- A coordinator asks a person's line manager for a share of their time; the allocation is made
-- only when the manager approves.
CREATE TABLE staffing_requests (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    arena_id      INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    competence_id INTEGER REFERENCES competences(id),
    percent       INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    from_date     TEXT NOT NULL,
    to_date       TEXT,
    asked_by      TEXT NOT NULL,
    asked_at      TEXT NOT NULL,
    -- 'pending', 'approved', 'declined' or 'withdrawn' (domain::request::RequestStatus).
    status        TEXT NOT NULL DEFAULT 'pending',
    -- The manager's reason for a decline.
    reason        TEXT NOT NULL DEFAULT '',
    decided_by    TEXT,
    decided_at    TEXT,
    -- The allocation an approval made.
    allocation_id INTEGER REFERENCES allocations(id) ON DELETE SET NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
-- A manager's pending requests oldest first, and the asked-for load of a person.
CREATE INDEX staffing_requests_by_person ON staffing_requests (person_id, status, asked_at);
-- An arena's requests in find-staff.
CREATE INDEX staffing_requests_by_arena ON staffing_requests (arena_id, status);
CREATE INDEX staffing_requests_by_competence ON staffing_requests (competence_id);
CREATE INDEX staffing_requests_by_allocation ON staffing_requests (allocation_id);
