-- My people: a phone list kept on this device. `uid` is a stable random id, so a restore merges a
-- person rather than adding them twice.
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    phone         TEXT NOT NULL,             -- as typed (digits, +, spaces, dashes, dots, parentheses)
    other_contact TEXT,                      -- another phone or an email
    note          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'other'
                  CHECK (role IN ('sponsor', 'sponsee', 'home_group', 'program_friend', 'family', 'other')),
    group_id      INTEGER REFERENCES groups (id) ON DELETE SET NULL,
    meeting_id    INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX people_group ON people (group_id);
CREATE INDEX people_meeting ON people (meeting_id);

-- Recovery dates: the counted day and what it counts. At most one is current (`ended_on` NULL);
-- earlier counts are kept privately until the user deletes them.
CREATE TABLE recovery_counts (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    label      TEXT NOT NULL DEFAULT '',     -- "Days since …", in the user's words
    start_date TEXT NOT NULL,                -- YYYY-MM-DD, the counted day
    ended_on   TEXT,                         -- YYYY-MM-DD when a new count started; NULL: current
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX recovery_counts_one_current ON recovery_counts (ended_on IS NULL) WHERE ended_on IS NULL;

-- Milestone notifications already shown, so each comes once (like the reminder log).
CREATE TABLE milestone_log (
    count_id INTEGER NOT NULL REFERENCES recovery_counts (id) ON DELETE CASCADE,
    day      TEXT NOT NULL,                  -- the milestone's date, YYYY-MM-DD
    fired_at INTEGER NOT NULL,
    PRIMARY KEY (count_id, day)
);
