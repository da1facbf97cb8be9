//! Keeping my meetings current: what an import changed for the meetings I rely on (scheduled or
//! favourite), kept as notices on Today and on the meeting until I dismiss them; a meeting gone
//! from its list pauses its reminders until I choose to keep it or remove it.
//!
//! - `changes.rs`: the field-by-field comparison;
//! - here: the kinds of change, the `meeting_notices` table, and what happens when a meeting comes
//!   back to its list or starts meeting again.

pub mod changes;

pub use changes::{detail_changes, FieldChange, FieldValue};

use crate::{Error, Result, Store};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MyChangeKind {
    /// Its day, time, zone, length, attendance, place, link, dial-in or types changed.
    Changed,
    /// It has stopped meeting for now (the list says it is inactive, or its place is closed and
    /// there is no other way to join).
    TemporarilyClosed,
    /// It is gone from the list.
    NoLongerListed,
}

impl MyChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            MyChangeKind::Changed => "changed",
            MyChangeKind::TemporarilyClosed => "temporarily_closed",
            MyChangeKind::NoLongerListed => "no_longer_listed",
        }
    }

    fn parse(text: &str) -> Result<MyChangeKind> {
        match text {
            "changed" => Ok(MyChangeKind::Changed),
            "temporarily_closed" => Ok(MyChangeKind::TemporarilyClosed),
            "no_longer_listed" => Ok(MyChangeKind::NoLongerListed),
            other => Err(Error::Data(format!("unknown notice kind {other}"))),
        }
    }
}

/// What an import changed for one of my meetings (the command line's `my_changes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MyChange {
    pub meeting_id: i64,
    pub name: String,
    pub kind: MyChangeKind,
    /// Empty when it is gone from the list; may be empty when it stopped meeting.
    pub changes: Vec<FieldChange>,
}

impl MyChange {
    /// What a re-import did to one of my meetings, or `None` when nothing I rely on changed.
    pub fn on_update(meeting_id: i64, name: &str, changes: Vec<FieldChange>, stopped: bool) -> Option<MyChange> {
        let kind = if stopped {
            MyChangeKind::TemporarilyClosed
        } else if !changes.is_empty() {
            MyChangeKind::Changed
        } else {
            return None;
        };
        Some(MyChange { meeting_id, name: name.to_owned(), kind, changes })
    }
}

/// A change waiting on Today and on its meeting until dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingNotice {
    pub id: i64,
    pub meeting_id: i64,
    /// The meeting as it is now, for the sentence ("Your Tuesday Serenity meeting …").
    pub name: String,
    pub weekdays: Vec<u8>,
    pub time_zone: String,
    pub kind: MyChangeKind,
    pub changes: Vec<FieldChange>,
    /// When the import that found it ran (seconds since 1970).
    pub created_at: i64,
    pub in_schedule: bool,
    /// The user chose "Keep reminding me" for a meeting gone from its list.
    pub keep_reminding: bool,
}

/// Records `change` as a notice (inside the import's transaction).
pub(crate) fn record(conn: &Connection, change: &MyChange, now: i64) -> Result<()> {
    let changes = serde_json::to_string(&change.changes).map_err(|e| Error::Data(e.to_string()))?;
    conn.prepare_cached("INSERT INTO meeting_notices (meeting_id, kind, changes, created_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![change.meeting_id, change.kind.as_str(), changes, now])?;
    Ok(())
}

/// After an import of `source`: a meeting listed again is unmarked (its reminders resume, and a
/// later disappearance asks again), one meeting again comes back by itself; the notices that said
/// otherwise are no longer true, so they go.
pub(crate) fn clear_returned(conn: &Connection, source: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM meeting_notices WHERE dismissed_at IS NULL AND kind = 'no_longer_listed'
           AND meeting_id IN (SELECT id FROM meetings WHERE source = ?1 AND listed = 1)",
        [source],
    )?;
    conn.execute(
        "UPDATE schedule SET keep_unlisted = 0 WHERE keep_unlisted = 1
           AND meeting_id IN (SELECT id FROM meetings WHERE source = ?1 AND listed = 1)",
        [source],
    )?;
    conn.execute(
        "DELETE FROM meeting_notices WHERE dismissed_at IS NULL AND kind = 'temporarily_closed'
           AND meeting_id IN (SELECT id FROM meetings WHERE source = ?1 AND active = 1)",
        [source],
    )?;
    Ok(())
}

#[derive(Deserialize)]
struct NoticeRow {
    id: i64,
    meeting_id: i64,
    name: String,
    weekdays: u8,
    time_zone: String,
    kind: String,
    changes: String,
    created_at: i64,
    in_schedule: bool,
    keep_reminding: bool,
}

impl Store {
    /// Notices not yet dismissed: of one meeting, or (`None`) of every meeting still mine
    /// (scheduled or favourite), newest first.
    pub fn notices(&self, meeting_id: Option<i64>) -> Result<Vec<MeetingNotice>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT n.id, n.meeting_id, m.name, m.weekdays, m.time_zone, n.kind, n.changes, n.created_at,
                    s.meeting_id IS NOT NULL AS in_schedule, coalesce(s.keep_unlisted, 0) AS keep_reminding
             FROM meeting_notices n JOIN meetings m ON m.id = n.meeting_id
             LEFT JOIN schedule s ON s.meeting_id = m.id
             WHERE n.dismissed_at IS NULL
               AND (?1 IS NULL AND (s.meeting_id IS NOT NULL OR m.favourite = 1) OR n.meeting_id = ?1)
             ORDER BY n.created_at DESC, n.id DESC",
        )?;
        let rows: Vec<NoticeRow> = crate::store::rows(&mut stmt, [meeting_id])?;
        rows.into_iter()
            .map(|row| {
                Ok(MeetingNotice {
                    id: row.id,
                    meeting_id: row.meeting_id,
                    name: row.name,
                    weekdays: crate::meetings::weekdays_of(row.weekdays),
                    time_zone: row.time_zone,
                    kind: MyChangeKind::parse(&row.kind)?,
                    changes: serde_json::from_str(&row.changes).map_err(|e| Error::Data(e.to_string()))?,
                    created_at: row.created_at,
                    in_schedule: row.in_schedule,
                    keep_reminding: row.keep_reminding,
                })
            })
            .collect()
    }

    /// Dismisses a notice; dismissing one already gone is not an error (two windows, a double tap).
    pub fn dismiss_notice(&mut self, id: i64, now: i64) -> Result<()> {
        self.conn().execute(
            "UPDATE meeting_notices SET dismissed_at = ?2 WHERE id = ?1 AND dismissed_at IS NULL",
            params![id, now],
        )?;
        Ok(())
    }

    /// "Keep reminding me" for a scheduled meeting gone from its list: its reminders resume, and
    /// the notice that asked is dismissed.
    pub fn keep_reminding(&mut self, meeting_id: i64, now: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        if tx.execute("UPDATE schedule SET keep_unlisted = 1 WHERE meeting_id = ?1", [meeting_id])? == 0 {
            return Err(Error::invalid_key("meeting", "error-not-in-schedule"));
        }
        tx.execute(
            "UPDATE meeting_notices SET dismissed_at = ?2
             WHERE meeting_id = ?1 AND kind = 'no_longer_listed' AND dismissed_at IS NULL",
            params![meeting_id, now],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
