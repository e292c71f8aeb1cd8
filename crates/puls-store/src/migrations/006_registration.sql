-- The arena's registration number (diarienummer) in the municipality's registry: puls is not
-- the registry, but points to it. Empty when not yet registered. Read by arena id (the primary
-- key); no index of its own.
ALTER TABLE arenas ADD COLUMN registration TEXT NOT NULL DEFAULT '';
