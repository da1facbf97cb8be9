-- Only what the user made gets a uid (when a backup is made); imported rows never do. Indexing
-- just the rows that have one keeps every imported meeting and group from adding an index entry.
DROP INDEX meetings_uid;
DROP INDEX groups_uid;
CREATE UNIQUE INDEX meetings_uid ON meetings (uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX groups_uid ON groups (uid) WHERE uid IS NOT NULL;
