//! Writing one list's meetings and groups inside the import's transaction. Each statement is
//! prepared once per import: looking a long statement up in the connection's cache for every row
//! took about 3% of an import.

use crate::Result;
use rusqlite::{params, OptionalExtension, Statement, Transaction};
use std::borrow::Cow;
use std::collections::HashMap;

/// The feed-owned columns of a meeting, as stored; compared to tell "updated" from "unchanged".
/// Values every row of an import shares (fellowship, zone and attendance names) are borrowed.
#[derive(Debug, PartialEq)]
pub(super) struct StoredFeedFields<'a> {
    pub name: String,
    pub fellowship_id: Option<Cow<'a, str>>,
    pub group_id: Option<i64>,
    pub weekdays: u8,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub time_zone: Cow<'a, str>,
    pub attendance: Cow<'a, str>,
    pub types: String,
    pub location: Option<String>,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
    pub active: bool,
    pub source_updated: Option<String>,
}

const FEED_COLUMNS: &str = "name, fellowship_id, group_id, weekdays, start_time, duration_minutes, time_zone,
    attendance, types, location, address, latitude, longitude, location_notes, conference_url, conference_url_notes,
    conference_phone, conference_phone_notes, notes, active, source_updated";

/// A group of a feed, keyed by its name under the source.
const INSERT_GROUP: &str = "INSERT INTO groups (name, fellowship_id, source, source_key, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?1, ?4, ?4)";

/// What writing one meeting did.
pub(super) enum Written {
    Added,
    Updated { in_schedule: bool },
    Unchanged,
}

pub(super) struct WriteOutcome {
    pub id: i64,
    pub kind: Written,
}

/// Writes the meetings and groups of one source (list).
pub(super) struct FeedWriter<'t> {
    tx: &'t Transaction<'t>,
    source: &'t str,
    now: i64,
    /// The source has no meetings stored (never imported, or all deleted): nothing can clash, so
    /// meetings are inserted without a look-up first.
    new_meetings: bool,
    /// The same for its groups, decided separately (groups outlive their meetings).
    new_groups: bool,
    /// Groups written so far, by name.
    groups: HashMap<String, i64>,
    insert_meeting: Statement<'t>,
    update_meeting: Statement<'t>,
    find_meeting: Statement<'t>,
    insert_group: Statement<'t>,
    upsert_group: Statement<'t>,
}

impl<'t> FeedWriter<'t> {
    pub fn new(tx: &'t Transaction<'t>, source: &'t str, now: i64) -> Result<FeedWriter<'t>> {
        let stored = |table: &str| -> Result<bool> {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE source = ?1)");
            Ok(tx.query_row(&sql, [source], |r| r.get(0))?)
        };
        Ok(FeedWriter {
            tx,
            source,
            now,
            new_meetings: !stored("meetings")?,
            new_groups: !stored("groups")?,
            groups: HashMap::new(),
            insert_meeting: tx.prepare(
                "INSERT INTO meetings (source, slug, name, fellowship_id, group_id, weekdays, start_time,
                     duration_minutes, time_zone, attendance, types, location, address, latitude, longitude,
                     location_notes, conference_url, conference_url_notes, conference_phone, conference_phone_notes,
                     notes, active, source_updated, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                     ?21, ?22, ?23, ?24, ?24)",
            )?,
            // Only feed-owned columns: personal notes, favourite, schedule, skips and attendance stay.
            update_meeting: tx.prepare(
                "UPDATE meetings SET name = ?3, fellowship_id = ?4, group_id = ?5, weekdays = ?6, date = NULL,
                     start_time = ?7, duration_minutes = ?8, time_zone = ?9, attendance = ?10, types = ?11,
                     location = ?12, address = ?13, latitude = ?14, longitude = ?15, location_notes = ?16,
                     conference_url = ?17, conference_url_notes = ?18, conference_phone = ?19,
                     conference_phone_notes = ?20, notes = ?21, active = ?22, source_updated = ?23, listed = 1,
                     updated_at = ?24
                 WHERE source = ?1 AND slug = ?2",
            )?,
            find_meeting: tx.prepare(&format!(
                "SELECT id, listed, EXISTS (SELECT 1 FROM schedule WHERE meeting_id = meetings.id), {FEED_COLUMNS}
                 FROM meetings WHERE source = ?1 AND slug = ?2"
            ))?,
            insert_group: tx.prepare(INSERT_GROUP)?,
            upsert_group: tx.prepare(&format!(
                "{INSERT_GROUP}
                 ON CONFLICT (source, source_key) DO UPDATE SET fellowship_id = excluded.fellowship_id,
                     updated_at = CASE WHEN groups.fellowship_id IS excluded.fellowship_id
                         THEN groups.updated_at ELSE excluded.updated_at END
                 RETURNING id"
            ))?,
        })
    }

    /// Whether the source had no meetings before this import (so none can have left the feed).
    pub fn is_new_list(&self) -> bool {
        self.new_meetings
    }

    /// The id of the group a feed names, created or updated under its source once per import.
    /// Groups the user made have no source, so they can never match.
    pub fn group(&mut self, name: &str, fellowship: Option<&str>) -> Result<i64> {
        if let Some(id) = self.groups.get(name) {
            return Ok(*id);
        }
        let values = params![name, fellowship, self.source, self.now];
        let id = if self.new_groups {
            self.insert_group.execute(values)?;
            self.tx.last_insert_rowid()
        } else {
            self.upsert_group.query_row(values, |r| r.get(0))?
        };
        self.groups.insert(name.to_owned(), id);
        Ok(id)
    }

    /// Adds or updates one meeting of the feed.
    pub fn meeting(&mut self, slug: &str, m: &StoredFeedFields) -> Result<WriteOutcome> {
        let existing = if self.new_meetings { None } else { self.stored(slug)? };
        let values = params![
            self.source,
            slug,
            m.name,
            m.fellowship_id,
            m.group_id,
            m.weekdays,
            m.start_time,
            m.duration_minutes,
            m.time_zone,
            m.attendance,
            m.types,
            m.location,
            m.address,
            m.latitude,
            m.longitude,
            m.location_notes,
            m.conference_url,
            m.conference_url_notes,
            m.conference_phone,
            m.conference_phone_notes,
            m.notes,
            m.active,
            m.source_updated,
            self.now
        ];
        match existing {
            None => {
                self.insert_meeting.execute(values)?;
                Ok(WriteOutcome { id: self.tx.last_insert_rowid(), kind: Written::Added })
            }
            Some((id, listed, _, stored)) if listed && stored == *m => {
                Ok(WriteOutcome { id, kind: Written::Unchanged })
            }
            Some((id, _, in_schedule, _)) => {
                self.update_meeting.execute(values)?;
                Ok(WriteOutcome { id, kind: Written::Updated { in_schedule } })
            }
        }
    }

    /// The stored meeting a feed row updates, with whether it is listed and in the schedule.
    fn stored(&mut self, slug: &str) -> Result<Option<(i64, bool, bool, StoredFeedFields<'static>)>> {
        Ok(self
            .find_meeting
            .query_row(params![self.source, slug], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, bool>(2)?,
                    StoredFeedFields {
                        name: r.get(3)?,
                        fellowship_id: r.get::<_, Option<String>>(4)?.map(Cow::Owned),
                        group_id: r.get(5)?,
                        weekdays: r.get(6)?,
                        start_time: r.get(7)?,
                        duration_minutes: r.get(8)?,
                        time_zone: Cow::Owned(r.get(9)?),
                        attendance: Cow::Owned(r.get(10)?),
                        types: r.get(11)?,
                        location: r.get(12)?,
                        address: r.get(13)?,
                        latitude: r.get(14)?,
                        longitude: r.get(15)?,
                        location_notes: r.get(16)?,
                        conference_url: r.get(17)?,
                        conference_url_notes: r.get(18)?,
                        conference_phone: r.get(19)?,
                        conference_phone_notes: r.get(20)?,
                        notes: r.get(21)?,
                        active: r.get(22)?,
                        source_updated: r.get(23)?,
                    },
                ))
            })
            .optional()?)
    }
}
