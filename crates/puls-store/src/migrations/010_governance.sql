-- Who decides (issue 17): the decision that commissioned or declined an arena. The body is
-- a code from the config's [[bodies]]; its name at the time is kept in commissioned_by. The
-- registration number of the decision is the arena's own (`registration`). Read by arena id
-- (the primary key); no index of their own.
ALTER TABLE arenas ADD COLUMN decision_body TEXT;
ALTER TABLE arenas ADD COLUMN decision_on TEXT;
ALTER TABLE arenas ADD COLUMN budget TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN may_ask TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN authority_until TEXT;

-- The signal's route: the signaller's nearest manager, who takes it on, and the body whose
-- meeting it waits for (a code of [[bodies]]) with the meeting's day.
ALTER TABLE arenas ADD COLUMN manager TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN agenda_body TEXT;
ALTER TABLE arenas ADD COLUMN agenda_on TEXT;
-- `puls agenda SSG`: a body's waiting signals by meeting day.
CREATE INDEX arenas_by_agenda ON arenas (agenda_body, agenda_on, id);

-- Arenas across missions: besides the lead mission (`arenas.mission`), the missions that take
-- part in the arena.
CREATE TABLE arena_missions (
    arena_id INTEGER NOT NULL REFERENCES arenas(id) ON DELETE CASCADE,
    mission  TEXT NOT NULL,
    PRIMARY KEY (arena_id, mission)
) WITHOUT ROWID;
-- The board and the figures read a mission's participating arenas.
CREATE INDEX arena_missions_by_mission ON arena_missions (mission, arena_id);

-- Evaluation set before the work: a criterion whose text, measure or target changed once the
-- arena was active says so (its earlier text is in the history).
ALTER TABLE criteria ADD COLUMN changed_after_start INTEGER NOT NULL DEFAULT 0;
-- Knowledge returned is what a person wrote: the prefilled draft saved untouched is 0 until
-- someone edits it.
ALTER TABLE entries ADD COLUMN written INTEGER NOT NULL DEFAULT 1;
-- The board counts each arena's written entries: without this it would read every entry's row,
-- bodies and all, where the count of old read only entries_by_arena.
CREATE INDEX entries_written_by_arena ON entries (arena_id) WHERE written = 1;
