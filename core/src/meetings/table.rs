//! The `meetings` table: its columns, rows read by column name, and every statement that writes a
//! meeting's details (insert, update, and the import's insert and update by (source, slug)).
//! Nothing else spells out a meeting's columns: the form, import, backup, restore and reminder
//! planning all come through here.

use super::details::{weekday_mask, weekdays_of};
use super::{Attendance, MeetingDetails};
use crate::{Error, Result};
use rusqlite::types::ToSql;
use rusqlite::{params_from_iter, Connection, Row, Statement};
use std::sync::OnceLock;

/// How many columns a meeting's details take.
const DETAILS: usize = 19;

/// A meeting's own columns, in the order of [`MeetingDetails`]' fields and of
/// [`StoredDetails::values`].
pub(crate) const DETAIL_COLUMNS: [&str; DETAILS] = [
    "name",
    "fellowship_id",
    "weekdays",
    "date",
    "start_time",
    "duration_minutes",
    "time_zone",
    "attendance",
    "types",
    "location",
    "address",
    "latitude",
    "longitude",
    "location_notes",
    "conference_url",
    "conference_url_notes",
    "conference_phone",
    "conference_phone_notes",
    "notes",
];

/// The details in the shape the columns keep: the weekdays as a bit mask, the type codes as JSON.
pub(crate) struct StoredDetails<'a> {
    details: &'a MeetingDetails,
    weekdays: u8,
    types: String,
}

impl<'a> StoredDetails<'a> {
    pub fn new(details: &'a MeetingDetails) -> Result<StoredDetails<'a>> {
        Ok(StoredDetails {
            details,
            weekdays: weekday_mask(&details.weekdays),
            types: serde_json::to_string(&details.types).map_err(|e| Error::Data(e.to_string()))?,
        })
    }

    /// The values of [`DETAIL_COLUMNS`], in that order.
    pub fn values(&self) -> [&dyn ToSql; DETAILS] {
        let d = self.details;
        [
            &d.name,
            &d.fellowship,
            &self.weekdays,
            &d.date,
            &d.start_time,
            &d.duration_minutes,
            &d.time_zone,
            &d.attendance,
            &self.types,
            &d.location,
            &d.address,
            &d.latitude,
            &d.longitude,
            &d.location_notes,
            &d.conference_url,
            &d.conference_url_notes,
            &d.conference_phone,
            &d.conference_phone_notes,
            &d.notes,
        ]
    }
}

/// `m.name, m.fellowship_id, …`: the detail columns of the table aliased `m`.
pub(crate) fn detail_select() -> &'static str {
    static SELECT: OnceLock<String> = OnceLock::new();
    SELECT.get_or_init(|| DETAIL_COLUMNS.iter().map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", "))
}

/// Where each detail column is in a statement's result, found by name once per statement.
pub(crate) struct DetailIndex([usize; DETAILS]);

impl DetailIndex {
    pub fn of(stmt: &Statement) -> Result<DetailIndex> {
        let names = stmt.column_names();
        let mut at = [0usize; DETAILS];
        for (slot, column) in at.iter_mut().zip(DETAIL_COLUMNS) {
            *slot = names
                .iter()
                .position(|name| *name == column)
                .ok_or_else(|| Error::Data(format!("the query has no column {column}")))?;
        }
        Ok(DetailIndex(at))
    }

    /// The details of the current row.
    pub fn read(&self, row: &Row) -> Result<MeetingDetails> {
        let at = &self.0;
        let attendance: String = row.get(at[7])?;
        let types: String = row.get(at[8])?;
        Ok(MeetingDetails {
            name: row.get(at[0])?,
            fellowship: row.get(at[1])?,
            weekdays: weekdays_of(row.get(at[2])?),
            date: row.get(at[3])?,
            start_time: row.get(at[4])?,
            duration_minutes: row.get(at[5])?,
            time_zone: row.get(at[6])?,
            attendance: Attendance::parse(&attendance)?,
            types: serde_json::from_str(&types).map_err(|e| Error::Data(format!("meeting types {types:?}: {e}")))?,
            location: row.get(at[9])?,
            address: row.get(at[10])?,
            latitude: row.get(at[11])?,
            longitude: row.get(at[12])?,
            location_notes: row.get(at[13])?,
            conference_url: row.get(at[14])?,
            conference_url_notes: row.get(at[15])?,
            conference_phone: row.get(at[16])?,
            conference_phone_notes: row.get(at[17])?,
            notes: row.get(at[18])?,
        })
    }
}

/// Everything a new row holds beside its details.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NewMeeting<'a> {
    pub details: &'a MeetingDetails,
    pub group_id: Option<i64>,
    pub source: Option<&'a str>,
    pub slug: Option<&'a str>,
    /// Set for meetings the user made, once a backup has named them.
    pub uid: Option<&'a str>,
    pub personal_notes: &'a str,
    pub active: bool,
    pub listed: bool,
    pub favourite: bool,
    pub source_updated: Option<&'a str>,
}

impl<'a> NewMeeting<'a> {
    /// A meeting made in the app: no source, meeting, listed.
    pub fn own(details: &'a MeetingDetails, group_id: Option<i64>) -> NewMeeting<'a> {
        NewMeeting {
            details,
            group_id,
            source: None,
            slug: None,
            uid: None,
            personal_notes: "",
            active: true,
            listed: true,
            favourite: false,
            source_updated: None,
        }
    }
}

/// The columns [`NewMeeting`] sets beside the details, in the order [`new_values`] gives them.
const OTHER_COLUMNS: [&str; 9] =
    ["group_id", "source", "slug", "uid", "personal_notes", "active", "listed", "favourite", "source_updated"];

fn new_values<'r>(m: &'r NewMeeting, stored: &'r StoredDetails, now: &'r i64) -> Vec<&'r dyn ToSql> {
    let mut values: Vec<&dyn ToSql> = stored.values().to_vec();
    values.extend([
        &m.group_id as &dyn ToSql,
        &m.source,
        &m.slug,
        &m.uid,
        &m.personal_notes,
        &m.active,
        &m.listed,
        &m.favourite,
        &m.source_updated,
        now,
    ]);
    values
}

fn placeholders(count: usize) -> String {
    (1..=count).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

/// `INSERT INTO meetings (…every column…) VALUES (?1, …)`, created_at and updated_at last.
fn insert_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<&str> = DETAIL_COLUMNS.iter().chain(&OTHER_COLUMNS).copied().collect();
        let count = columns.len() + 1;
        format!(
            "INSERT INTO meetings ({}, created_at, updated_at) VALUES ({}, ?{count})",
            columns.join(", "),
            placeholders(count)
        )
    })
}

/// Adds a meeting; returns its id.
pub(crate) fn insert(conn: &Connection, meeting: &NewMeeting, now: i64) -> Result<i64> {
    let stored = StoredDetails::new(meeting.details)?;
    conn.prepare_cached(insert_sql())?.execute(params_from_iter(new_values(meeting, &stored, &now)))?;
    Ok(conn.last_insert_rowid())
}

/// Replaces every column of meeting `id` but its id and creation time; `false` when there is none.
pub(crate) fn replace(conn: &Connection, id: i64, meeting: &NewMeeting, now: i64) -> Result<bool> {
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| {
        let columns: Vec<&str> = DETAIL_COLUMNS.iter().chain(&OTHER_COLUMNS).copied().collect();
        let sets: Vec<String> = columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
        format!(
            "UPDATE meetings SET {}, updated_at = ?{} WHERE id = ?{}",
            sets.join(", "),
            columns.len() + 1,
            columns.len() + 2
        )
    });
    let stored = StoredDetails::new(meeting.details)?;
    let mut values = new_values(meeting, &stored, &now);
    values.push(&id);
    Ok(conn.prepare_cached(sql)?.execute(params_from_iter(values))? > 0)
}

/// Changes a meeting's details and group, keeping what the user or an import owns beside them;
/// `false` when there is no such meeting.
pub(crate) fn update_details(
    conn: &Connection,
    id: i64,
    details: &MeetingDetails,
    group_id: Option<i64>,
    now: i64,
) -> Result<bool> {
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| {
        let sets: Vec<String> = DETAIL_COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
        let after = DETAIL_COLUMNS.len();
        format!(
            "UPDATE meetings SET {}, group_id = ?{}, updated_at = ?{} WHERE id = ?{}",
            sets.join(", "),
            after + 1,
            after + 2,
            after + 3
        )
    });
    let stored = StoredDetails::new(details)?;
    let mut values: Vec<&dyn ToSql> = stored.values().to_vec();
    values.extend([&group_id as &dyn ToSql, &now, &id]);
    Ok(conn.prepare_cached(sql)?.execute(params_from_iter(values))? > 0)
}

/// The import's statements over one list's meetings, keyed by (source, slug): prepared once per
/// import, since looking a long statement up in the connection's cache for every row shows.
pub(crate) struct FeedStatements<'c> {
    insert: Statement<'c>,
    update: Statement<'c>,
    find: Statement<'c>,
    find_index: DetailIndex,
}

/// A listed meeting as the feed last left it, read to tell "updated" from "unchanged".
#[derive(serde::Deserialize)]
pub(crate) struct StoredFeedMeeting {
    pub id: i64,
    pub listed: bool,
    pub in_schedule: bool,
    pub favourite: bool,
    pub group_id: Option<i64>,
    pub active: bool,
    pub source_updated: Option<String>,
    #[serde(default)]
    pub details: MeetingDetails,
}

/// What the feed says about one meeting, beside its details.
pub(crate) struct FeedValues<'a> {
    pub source: &'a str,
    pub slug: &'a str,
    pub details: &'a MeetingDetails,
    pub group_id: Option<i64>,
    pub active: bool,
    pub source_updated: Option<&'a str>,
    pub now: i64,
}

impl FeedValues<'_> {
    fn values<'r>(&'r self, stored: &'r StoredDetails) -> Vec<&'r dyn ToSql> {
        let mut values: Vec<&dyn ToSql> = vec![&self.source, &self.slug];
        values.extend(stored.values());
        values.extend([&self.group_id as &dyn ToSql, &self.active, &self.source_updated, &self.now]);
        values
    }
}

impl<'c> FeedStatements<'c> {
    pub fn new(conn: &'c Connection) -> Result<FeedStatements<'c>> {
        let columns = DETAIL_COLUMNS.join(", ");
        // ?1 source, ?2 slug, then the details, then what `FeedValues::values` adds after them.
        let [group, active, updated, now] = [1, 2, 3, 4].map(|i| format!("?{}", 2 + DETAIL_COLUMNS.len() + i));
        let detail_params: Vec<String> = (3..3 + DETAIL_COLUMNS.len()).map(|i| format!("?{i}")).collect();
        let sets: Vec<String> = DETAIL_COLUMNS.iter().zip(&detail_params).map(|(c, p)| format!("{c} = {p}")).collect();
        let find = conn.prepare(&format!(
            "SELECT m.id, m.listed, m.group_id, m.active, m.source_updated, m.favourite,
                    EXISTS (SELECT 1 FROM schedule WHERE meeting_id = m.id) AS in_schedule, {}
             FROM meetings m WHERE m.source = ?1 AND m.slug = ?2",
            detail_select()
        ))?;
        let find_index = DetailIndex::of(&find)?;
        Ok(FeedStatements {
            insert: conn.prepare(&format!(
                "INSERT INTO meetings (source, slug, {columns}, group_id, active, source_updated, created_at, updated_at)
                 VALUES (?1, ?2, {}, {group}, {active}, {updated}, {now}, {now})",
                detail_params.join(", ")
            ))?,
            // Only what the feed owns: personal notes, favourite, schedule, skips and attendance stay.
            update: conn.prepare(&format!(
                "UPDATE meetings SET {}, group_id = {group}, active = {active}, source_updated = {updated},
                     listed = 1, updated_at = {now}
                 WHERE source = ?1 AND slug = ?2",
                sets.join(", ")
            ))?,
            find,
            find_index,
        })
    }

    /// Adds a meeting of the feed; returns its id.
    pub fn insert(&mut self, conn: &Connection, feed: &FeedValues) -> Result<i64> {
        let stored = StoredDetails::new(feed.details)?;
        self.insert.execute(params_from_iter(feed.values(&stored)))?;
        Ok(conn.last_insert_rowid())
    }

    /// Updates the feed's meeting with what the feed says now, and lists it again.
    pub fn update(&mut self, feed: &FeedValues) -> Result<()> {
        let stored = StoredDetails::new(feed.details)?;
        self.update.execute(params_from_iter(feed.values(&stored)))?;
        Ok(())
    }

    /// The stored meeting a feed row is about.
    pub fn find(&mut self, source: &str, slug: &str) -> Result<Option<StoredFeedMeeting>> {
        let mut rows = self.find.query([source, slug])?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let mut stored: StoredFeedMeeting = crate::store::from_row(row)?;
        stored.details = self.find_index.read(row)?;
        Ok(Some(stored))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// A value in every detail column that no other column holds, so a column written or read in
    /// the wrong place shows.
    fn distinct_details() -> MeetingDetails {
        MeetingDetails {
            name: "Name".into(),
            fellowship: Some("aa".into()),
            weekdays: vec![1, 5],
            date: None,
            start_time: Some("07:45".into()),
            duration_minutes: 75,
            time_zone: "Europe/Paris".into(),
            attendance: Attendance::Hybrid,
            types: vec!["O".into(), "D".into()],
            location: Some("Location".into()),
            address: Some("Address".into()),
            latitude: Some(48.85),
            longitude: Some(2.35),
            location_notes: Some("Location notes".into()),
            conference_url: Some("https://example.org/url".into()),
            conference_url_notes: Some("URL notes".into()),
            conference_phone: Some("+33 1 23 45 67 89".into()),
            conference_phone_notes: Some("Phone notes".into()),
            notes: Some("Notes".into()),
        }
    }

    fn read_back(store: &Store, id: i64) -> MeetingDetails {
        let mut stmt =
            store.conn().prepare(&format!("SELECT {} FROM meetings m WHERE m.id = ?1", detail_select())).unwrap();
        let index = DetailIndex::of(&stmt).unwrap();
        let mut rows = stmt.query([id]).unwrap();
        index.read(rows.next().unwrap().unwrap()).unwrap()
    }

    #[test]
    fn every_detail_goes_to_its_own_column_and_back() {
        let store = Store::open_in_memory().unwrap();
        let details = distinct_details();
        let id = insert(store.conn(), &NewMeeting::own(&details, None), 1).unwrap();
        assert_eq!(read_back(&store, id), details);
        let once = MeetingDetails {
            weekdays: vec![],
            date: Some("2026-12-24".into()),
            name: "Other".into(),
            ..details.clone()
        };
        assert!(update_details(store.conn(), id, &once, None, 2).unwrap());
        assert_eq!(read_back(&store, id), once);
        assert!(!update_details(store.conn(), id + 1, &once, None, 2).unwrap(), "no such meeting");
    }

    #[test]
    fn the_feed_statements_write_and_find_the_same_details() {
        let store = Store::open_in_memory().unwrap();
        let details = distinct_details();
        let mut feed = FeedStatements::new(store.conn()).unwrap();
        let values = FeedValues {
            source: "list",
            slug: "a-1",
            details: &details,
            group_id: None,
            active: false,
            source_updated: Some("2026-11-01"),
            now: 5,
        };
        let id = feed.insert(store.conn(), &values).unwrap();
        let found = feed.find("list", "a-1").unwrap().unwrap();
        assert_eq!((found.id, found.active, found.listed), (id, false, true));
        assert_eq!(found.source_updated.as_deref(), Some("2026-11-01"));
        assert_eq!(found.details, details);
        let moved = MeetingDetails { start_time: Some("08:00".into()), ..details.clone() };
        feed.update(&FeedValues { details: &moved, active: true, ..values }).unwrap();
        assert_eq!(feed.find("list", "a-1").unwrap().unwrap().details, moved);
        assert!(feed.find("list", "nope").unwrap().is_none());
    }
}
