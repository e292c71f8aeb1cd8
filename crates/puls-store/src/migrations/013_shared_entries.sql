-- Issue 16: a knowledge entry shared with the region. One SQLite file is one municipality, so
-- here the flag only says so; on PostgreSQL the other municipalities read a shared entry.
ALTER TABLE entries ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
