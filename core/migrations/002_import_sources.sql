-- Feeds the user imported: what was chosen for each, so a re-import can offer the same choices
-- and the report can say when a list was last read. Holds no meetings; those carry `source`.
CREATE TABLE import_sources (
    name          TEXT PRIMARY KEY,           -- the `source` of the meetings and groups it made
    format        TEXT NOT NULL CHECK (format IN ('meeting_guide', 'bmlt')),
    fellowship_id TEXT,                       -- the fellowship its type codes are read with
    time_zone     TEXT,                       -- the zone for rows that name none
    imported_at   INTEGER NOT NULL            -- UTC seconds of the last import
);

-- A stable identity for what the user made in the app, so a backup restored on another device
-- (where ids differ) merges instead of duplicating. Imported rows are known by (source, slug).
-- Filled in when a backup is made.
ALTER TABLE meetings ADD COLUMN uid TEXT;
ALTER TABLE groups ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX meetings_uid ON meetings (uid);
CREATE UNIQUE INDEX groups_uid ON groups (uid);
