-- What changed for my meetings (scheduled or favourite) when their list was imported again: shown
-- on Today and on the meeting until the user dismisses it. `changes` is a JSON array of
-- {field, before, after}. A notice goes with its meeting.
CREATE TABLE meeting_notices (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('changed', 'temporarily_closed', 'no_longer_listed')),
    changes      TEXT NOT NULL DEFAULT '[]',
    created_at   INTEGER NOT NULL,
    dismissed_at INTEGER
);
CREATE INDEX meeting_notices_open ON meeting_notices (meeting_id) WHERE dismissed_at IS NULL;

-- A meeting gone from its list keeps its place in the schedule but its reminders pause, until the
-- user says "Keep reminding me" (1) or removes it; listed again, it goes back to 0.
ALTER TABLE schedule ADD COLUMN keep_unlisted INTEGER NOT NULL DEFAULT 0 CHECK (keep_unlisted IN (0, 1));
