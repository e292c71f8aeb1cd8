-- Who decides (issue 17): the decision that commissioned or declined an arena. The body is
-- a code from the config's [[bodies]]; its name at the time is kept in commissioned_by. The
-- registration number of the decision is the arena's own (`registration`). Read by arena id
-- (the primary key); no index of their own.
ALTER TABLE arenas ADD COLUMN decision_body TEXT;
ALTER TABLE arenas ADD COLUMN decision_on TEXT;
ALTER TABLE arenas ADD COLUMN budget TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN may_ask TEXT NOT NULL DEFAULT '';
ALTER TABLE arenas ADD COLUMN authority_until TEXT;
