-- Meetings an arena holds: sponsor reviews, citizen reviews, case discussions (issue 18).
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id    INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    -- 'sponsor', 'citizen' or 'case' (domain::review::ReviewKind).
    kind        TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    led_by      TEXT NOT NULL DEFAULT '',
    -- The sponsor's traffic light: 'green', 'amber', 'red', or none.
    light       TEXT,
    -- The knowledge entry a case discussion became.
    entry_id    INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
-- An arena's meetings, and its latest of each kind (the board's due and late).
CREATE INDEX reviews_by_arena ON reviews (arena_id, kind, held_on);

-- One answer a line: the questions differ by kind (domain::review::Question).
CREATE TABLE review_answers (
    review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    PRIMARY KEY (review_id, question)
);

-- The problem statement's iterations: a sponsor review whose statement differs from the last
-- adds the next number; earlier ones are never rewritten, so its change shows.
CREATE TABLE problem_statements (
    arena_id    INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    statement   TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    review_id   INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
    PRIMARY KEY (arena_id, number)
);
CREATE INDEX problem_statements_by_review ON problem_statements (review_id);
CREATE INDEX reviews_by_entry ON reviews (entry_id);

-- Partnering maturity: the team's ratings of seven dimensions, 1 to 6, each with a note.
CREATE TABLE maturity_ratings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    arena_id    INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    rated_on    TEXT NOT NULL,
    -- 'baseline', 'returning' or 'check' (domain::maturity::Occasion).
    occasion    TEXT NOT NULL,
    -- The outside partner the rating is about; empty for the arena's own partners.
    partner     TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
-- An arena's ratings in order, and every arena's for the key figures.
CREATE INDEX maturity_by_arena ON maturity_ratings (arena_id, rated_on, id);

CREATE TABLE maturity_scores (
    rating_id   INTEGER NOT NULL REFERENCES maturity_ratings(id) ON DELETE CASCADE,
    dimension   TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rating_id, dimension)
);

-- Purposes: arenas grouped under one purpose ("Every child in school"), whose six-monthly
-- purpose meeting reads their results, and the notes, dilemmas and decisions recorded there.
CREATE TABLE purposes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- An arena serves at most one purpose.
CREATE TABLE purpose_arenas (
    arena_id    INTEGER PRIMARY KEY REFERENCES arenas(id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id) ON DELETE CASCADE
);
CREATE INDEX purpose_arenas_by_purpose ON purpose_arenas (purpose_id);

CREATE TABLE purpose_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id) ON DELETE CASCADE,
    -- 'note', 'dilemma' or 'decision' (domain::purpose::NoteKind).
    kind        TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    text        TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX purpose_notes_by_purpose ON purpose_notes (purpose_id, on_date);

-- Collegial learning: a course in the bank is given by a colleague on the roster, in sessions
-- (a day, a place, a number of seats) that people sign up for.
CREATE TABLE courses (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    teacher_id  INTEGER NOT NULL REFERENCES people(id)
);
CREATE INDEX courses_by_teacher ON courses (teacher_id);

CREATE TABLE course_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    seats       INTEGER NOT NULL CHECK (seats > 0),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX course_sessions_by_entry ON course_sessions (entry_id, on_date);

CREATE TABLE course_signups (
    session_id  INTEGER NOT NULL REFERENCES course_sessions(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    signed_at   TEXT NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX course_signups_by_person ON course_signups (person_id);
