-- SQLite's migration 010, governance (issue 17): who decides, the signal's route, arenas
-- across missions, criteria set before the work, and drafts that are not yet knowledge.

-- The decision that commissioned or declined an arena: the body's code from the config's
-- [[bodies]] (its name at the time is in commissioned_by), the day, and the authorities given.
ALTER TABLE arenas ADD COLUMN decision_body TEXT COLLATE "C";
ALTER TABLE arenas ADD COLUMN decision_on TEXT COLLATE "C";
ALTER TABLE arenas ADD COLUMN budget TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN may_ask TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN authority_until TEXT COLLATE "C";

-- The signal's route: the signaller's nearest manager, and the body whose meeting it waits
-- for with the meeting's day.
ALTER TABLE arenas ADD COLUMN manager TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN agenda_body TEXT COLLATE "C";
ALTER TABLE arenas ADD COLUMN agenda_on TEXT COLLATE "C";
-- `puls agenda SSG`: a body's waiting signals by meeting day.
CREATE INDEX arenas_by_agenda ON arenas (agenda_body, agenda_on, id);

-- The missions taking part in an arena besides its lead mission (`arenas.mission`).
CREATE TABLE arena_missions (
    arena_id BIGINT NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    mission  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (arena_id, mission)
);
-- The board and the figures read a mission's participating arenas.
CREATE INDEX arena_missions_by_mission ON arena_missions (mission, arena_id);

-- A criterion whose text, measure or target changed once the arena was active says so.
ALTER TABLE criteria ADD COLUMN changed_after_start BIGINT NOT NULL DEFAULT 0
    CHECK (changed_after_start IN (0, 1));
-- The prefilled draft saved untouched is 0 until someone edits it.
ALTER TABLE entries ADD COLUMN written BIGINT NOT NULL DEFAULT 1 CHECK (written IN (0, 1));
