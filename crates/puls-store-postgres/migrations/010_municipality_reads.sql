-- The board and the roster read whole tables (every allocation, need, criterion, activity and
-- holding), which the policies narrow to the session's municipality. In a region of ten that
-- meant reading ten municipalities' rows to keep one's (allocations: 86 ms on the region demo,
-- 23 with these). These indexes lead with the municipality, and carry what those reads need,
-- so PostgreSQL reads only the session's own rows, from the index where it can.
CREATE INDEX allocations_of_municipality ON allocations (municipality)
    INCLUDE (person_id, arena_id, percent);
CREATE INDEX needs_of_municipality ON needs (municipality)
    INCLUDE (arena_id, competence_id, status);
CREATE INDEX criteria_of_municipality ON criteria (municipality, arena_id);
CREATE INDEX activities_of_municipality ON activities (municipality)
    INCLUDE (arena_id, status);
CREATE INDEX holdings_of_municipality ON holdings (municipality)
    INCLUDE (person_id, competence_id, level);
