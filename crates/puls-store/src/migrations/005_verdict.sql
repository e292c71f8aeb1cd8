-- Each criterion's verdict, for the key figures: met (1), not met (0), or no result yet (NULL),
-- whatever its result text says.
ALTER TABLE criteria ADD COLUMN met INTEGER CHECK (met IS NULL OR met IN (0,1));
