-- Homegroup's data model (DESIGN.md §2). Append-only once shipped: change the model in a new file.
-- Instants are stored as UTC seconds since the epoch; local dates as 'YYYY-MM-DD'; local times as 'HH:MM'.

-- Built-in directory, refreshed from assets/fellowships.json. Holds no user data.
CREATE TABLE fellowships (
    id            TEXT PRIMARY KEY,          -- stable slug: 'aa', 'al-anon', 'fa', ...
    position      INTEGER NOT NULL,          -- order in the built-in list
    name          TEXT NOT NULL,
    abbreviation  TEXT,
    audience      TEXT NOT NULL CHECK (audience IN ('self', 'family', 'both')),
    focus         TEXT NOT NULL DEFAULT '[]', -- JSON array of tags
    approaches    TEXT NOT NULL DEFAULT '[]', -- JSON array: twelve_step, secular, faith_based, mindfulness
    formats       TEXT NOT NULL DEFAULT '[]', -- JSON array: in_person, online, phone
    description   TEXT NOT NULL DEFAULT '',
    website       TEXT,
    meetings_url  TEXT,
    meetings_note TEXT,
    type_codes    TEXT NOT NULL DEFAULT '{}', -- JSON object: code -> name, this fellowship's meaning
    data_version  INTEGER NOT NULL            -- version of the built-in data this row came from
);

-- What the user keeps about a built-in fellowship. Separate so a refresh of built-in data never touches it.
CREATE TABLE fellowship_notes (
    fellowship_id TEXT PRIMARY KEY,           -- no foreign key: survives a fellowship leaving the built-in list
    favourite     INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    notes         TEXT NOT NULL DEFAULT ''
);

-- Local groups: made by the user (source IS NULL) or created by an import (source, source_key).
CREATE TABLE groups (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    fellowship_id TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    website       TEXT,
    favourite     INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    source        TEXT,
    source_key    TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (source, source_key)
);

CREATE TABLE meetings (
    id                     INTEGER PRIMARY KEY,   -- the app's own id, never a feed's slug
    source                 TEXT,                  -- NULL for meetings made in the app
    slug                   TEXT,                  -- the source's key for the meeting
    name                   TEXT NOT NULL CHECK (length(trim(name)) > 0),
    fellowship_id          TEXT,
    group_id               INTEGER REFERENCES groups (id) ON DELETE SET NULL,
    weekdays               INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127), -- bit 0 = Sunday
    date                   TEXT,                  -- one-off meeting's local date
    start_time             TEXT,                  -- NULL: by appointment
    duration_minutes       INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 1 AND 1440),
    time_zone              TEXT NOT NULL,         -- IANA name
    attendance             TEXT NOT NULL CHECK (attendance IN ('in_person', 'online', 'hybrid')),
    types                  TEXT NOT NULL DEFAULT '[]', -- JSON array of codes, read with the fellowship's table
    location               TEXT,
    address                TEXT,
    latitude               REAL,
    longitude              REAL,
    location_notes         TEXT,
    conference_url         TEXT,
    conference_url_notes   TEXT,
    conference_phone       TEXT,
    conference_phone_notes TEXT,
    notes                  TEXT,                  -- from the source (or the user, for their own meetings)
    personal_notes         TEXT NOT NULL DEFAULT '', -- the user's own; never touched by an import
    active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), -- 0: the source says it is not meeting now
    listed                 INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0, 1)), -- 0: gone from the source's latest feed
    favourite              INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    source_updated         TEXT,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL,
    UNIQUE (source, slug)
);
CREATE INDEX meetings_group ON meetings (group_id);

-- My schedule: the meetings the user goes to, with their reminder lead time.
CREATE TABLE schedule (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    lead_minutes INTEGER CHECK (lead_minutes IS NULL OR lead_minutes BETWEEN 0 AND 10080), -- NULL: the default
    remind       INTEGER NOT NULL DEFAULT 1 CHECK (remind IN (0, 1)),                        -- 0: no reminder
    added_at     INTEGER NOT NULL
);

-- "Not this week": keyed by the occurrence's local date in the meeting's zone, so editing the time keeps it.
CREATE TABLE skips (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    PRIMARY KEY (meeting_id, local_date)
);

-- Attendance log. Keeps the meeting's name so the log outlives a deleted meeting.
CREATE TABLE attendance (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    meeting_name TEXT NOT NULL,
    local_date   TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL,
    UNIQUE (meeting_id, local_date)
);
CREATE INDEX attendance_date ON attendance (local_date);

-- Reminders already fired, so each occurrence is reminded exactly once, across restarts.
CREATE TABLE reminder_log (
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    occurrence_at INTEGER NOT NULL, -- the occurrence's start instant, UTC seconds
    fired_at      INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, occurrence_at)
);

-- General settings as JSON values, read through core::settings.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
