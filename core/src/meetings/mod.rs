//! Meetings: the one serde type that leaves the core for a meeting (IPC, command line, backups),
//! the form's input with its validation, and the queries over the `meetings` table.

mod input;

pub use input::MeetingInput;
pub(crate) use input::{is_dial_string, parse_start_time};

use crate::recurrence::Rule;
use crate::{Error, Result, Store};
use chrono::{Duration, NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How people attend a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
}

impl rusqlite::ToSql for Attendance {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Online => "online",
            Attendance::Hybrid => "hybrid",
        }
    }

    fn parse(text: &str) -> Result<Attendance> {
        match text {
            "in_person" => Ok(Attendance::InPerson),
            "online" => Ok(Attendance::Online),
            "hybrid" => Ok(Attendance::Hybrid),
            other => Err(Error::Data(format!("unknown attendance {other:?}"))),
        }
    }

    pub fn is_online(self) -> bool {
        self != Attendance::InPerson
    }
}

/// A meeting type code and what it means in the meeting's fellowship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingType {
    pub code: String,
    /// `None` when neither the fellowship nor the Meeting Guide list knows the code.
    pub name: Option<String>,
}

/// A meeting as it leaves the core, everywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Meeting {
    /// The app's own id; never a feed's slug.
    pub id: i64,
    /// The import it came from; `None` for a meeting made in the app.
    pub source: Option<String>,
    /// The source's key for the meeting; `None` for a meeting made in the app.
    pub slug: Option<String>,
    pub name: String,
    /// The fellowship's id ("aa", "al-anon", ...).
    pub fellowship: Option<String>,
    pub fellowship_name: Option<String>,
    /// The group's id.
    pub group: Option<i64>,
    pub group_name: Option<String>,
    /// 0 = Sunday … 6 = Saturday. Empty for a one-off meeting or one by appointment.
    pub weekdays: Vec<u8>,
    /// A one-off meeting's date, `YYYY-MM-DD`.
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    /// `HH:MM`, 24-hour, in the meeting's zone; `None` by appointment.
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    /// IANA zone the meeting's times are in.
    pub time_zone: String,
    pub attendance: Attendance,
    pub types: Vec<MeetingType>,
    pub location: Option<String>,
    pub address: Option<String>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
    /// The user's own notes; never changed by an import.
    pub personal_notes: String,
    /// `false`: the source says it is not meeting for now.
    pub active: bool,
    /// `false`: gone from the source's latest list.
    pub listed: bool,
    pub in_schedule: bool,
    pub favourite: bool,
    /// Minutes before the meeting its reminder comes; `None` uses the default from settings.
    pub lead_minutes: Option<u32>,
    /// `false`: "no reminder" for this meeting.
    pub reminders: bool,
}

impl Meeting {
    /// When the meeting happens, for recurrence; `None` when it never happens (by appointment,
    /// inactive, or an unreadable time or zone).
    pub fn rule(&self) -> Option<Rule> {
        if !self.active {
            return None;
        }
        let start = stored_start_time(self.start_time.as_deref()?)?;
        Some(Rule {
            weekdays: weekday_mask(&self.weekdays),
            date: self.date,
            start: Some(start),
            duration: Duration::minutes(i64::from(self.duration_minutes)),
            zone: self.time_zone.parse().ok()?,
        })
    }

    /// A meeting with only defaults, for queries that read a few columns.
    pub(crate) fn planning_stub() -> Meeting {
        Meeting {
            id: 0,
            source: None,
            slug: None,
            name: String::new(),
            fellowship: None,
            fellowship_name: None,
            group: None,
            group_name: None,
            weekdays: Vec::new(),
            date: None,
            start_time: None,
            duration_minutes: 60,
            time_zone: "UTC".into(),
            attendance: Attendance::InPerson,
            types: Vec::new(),
            location: None,
            address: None,
            location_notes: None,
            conference_url: None,
            conference_url_notes: None,
            conference_phone: None,
            conference_phone_notes: None,
            notes: None,
            personal_notes: String::new(),
            active: true,
            listed: true,
            in_schedule: true,
            favourite: false,
            lead_minutes: None,
            reminders: true,
        }
    }

    pub fn by_appointment(&self) -> bool {
        self.start_time.is_none()
    }
}

pub(crate) fn weekday_mask(weekdays: &[u8]) -> u8 {
    weekdays.iter().filter(|d| **d < 7).fold(0, |mask, d| mask | 1 << d)
}

fn weekdays_of(mask: u8) -> Vec<u8> {
    (0..7).filter(|d| mask & (1 << d) != 0).collect()
}

const MEETING_SELECT: &str = "SELECT m.id, m.source, m.slug, m.name, m.fellowship_id, f.name, m.group_id, g.name,
        m.weekdays, m.date, m.start_time, m.duration_minutes, m.time_zone, m.attendance, m.types,
        m.location, m.address, m.location_notes, m.conference_url, m.conference_url_notes,
        m.conference_phone, m.conference_phone_notes, m.notes, m.personal_notes, m.active, m.listed,
        s.meeting_id IS NOT NULL, m.favourite, s.lead_minutes, coalesce(s.remind, 1)
     FROM meetings m
     LEFT JOIN fellowships f ON f.id = m.fellowship_id
     LEFT JOIN groups g ON g.id = m.group_id
     LEFT JOIN schedule s ON s.meeting_id = m.id";

fn meeting_from_row(row: &Row) -> rusqlite::Result<Result<Meeting>> {
    let attendance: String = row.get(13)?;
    let types: String = row.get(14)?;
    let date: Option<String> = row.get(9)?;
    Ok((|| {
        let codes: Vec<String> =
            serde_json::from_str(&types).map_err(|e| Error::Data(format!("meeting types {types:?}: {e}")))?;
        Ok(Meeting {
            id: row.get(0)?,
            source: row.get(1)?,
            slug: row.get(2)?,
            name: row.get(3)?,
            fellowship: row.get(4)?,
            fellowship_name: row.get(5)?,
            group: row.get(6)?,
            group_name: row.get(7)?,
            weekdays: weekdays_of(row.get(8)?),
            date: date
                .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
                .transpose()
                .map_err(|e| Error::Data(format!("meeting date: {e}")))?,
            start_time: row.get(10)?,
            duration_minutes: row.get(11)?,
            time_zone: row.get(12)?,
            attendance: Attendance::parse(&attendance)?,
            // Named afterwards, once per fellowship (see `Store::name_types`).
            types: codes.into_iter().map(|code| MeetingType { code, name: None }).collect(),
            location: row.get(15)?,
            address: row.get(16)?,
            location_notes: row.get(17)?,
            conference_url: row.get(18)?,
            conference_url_notes: row.get(19)?,
            conference_phone: row.get(20)?,
            conference_phone_notes: row.get(21)?,
            notes: row.get(22)?,
            personal_notes: row.get(23)?,
            active: row.get(24)?,
            listed: row.get(25)?,
            in_schedule: row.get(26)?,
            favourite: row.get(27)?,
            lead_minutes: row.get(28)?,
            reminders: row.get(29)?,
        })
    })())
}

/// Which meetings a list asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingFilter {
    pub in_schedule_only: bool,
    pub group: Option<i64>,
    pub fellowship: Option<String>,
}

impl Store {
    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        let mut meeting = self
            .conn()
            .query_row(&format!("{MEETING_SELECT} WHERE m.id = ?1"), [id], meeting_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("Meeting {id}")))??;
        self.name_types(std::slice::from_mut(&mut meeting))?;
        Ok(meeting)
    }

    /// Names each meeting's type codes with its fellowship's table, reading each table once.
    fn name_types(&self, meetings: &mut [Meeting]) -> Result<()> {
        let mut tables: std::collections::HashMap<Option<String>, Option<String>> = std::collections::HashMap::new();
        for meeting in meetings.iter_mut().filter(|m| !m.types.is_empty()) {
            let table = match tables.get(&meeting.fellowship) {
                Some(table) => table.clone(),
                None => {
                    let table = match &meeting.fellowship {
                        Some(id) => self.fellowship_type_codes(id).ok(),
                        None => None,
                    };
                    tables.insert(meeting.fellowship.clone(), table.clone());
                    table
                }
            };
            let codes: Vec<String> = meeting.types.iter().map(|t| t.code.clone()).collect();
            meeting.types = crate::type_codes::describe(&codes, table.as_deref());
        }
        Ok(())
    }

    /// Meetings by name, filtered.
    pub fn meetings(&self, filter: &MeetingFilter) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare(&format!(
            "{MEETING_SELECT}
             WHERE (?1 = 0 OR s.meeting_id IS NOT NULL) AND (?2 IS NULL OR m.group_id = ?2)
               AND (?3 IS NULL OR m.fellowship_id = ?3)
             ORDER BY m.name COLLATE NOCASE, m.id"
        ))?;
        let rows =
            stmt.query_map(params![filter.in_schedule_only, filter.group, filter.fellowship], meeting_from_row)?;
        rows.collect::<rusqlite::Result<Vec<Result<Meeting>>>>()?.into_iter().collect()
    }

    /// Adds a meeting made in the app; `in_schedule` puts it in the user's schedule at once.
    pub fn create_meeting(
        &mut self,
        input: &MeetingInput,
        in_schedule: bool,
        clock: &dyn crate::Clock,
    ) -> Result<Meeting> {
        let m = input.validate(self)?;
        let now = clock.now().timestamp();
        let columns = m.columns();
        let names: Vec<&str> = columns.iter().map(|(name, _)| &name[1..]).collect();
        let sql = format!(
            "INSERT INTO meetings ({}, created_at, updated_at) VALUES ({}, :now, :now)",
            names.join(", "),
            columns.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
        );
        let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = columns.to_vec();
        params.push((":now", &now));
        let tx = self.conn_mut().transaction()?;
        tx.execute(&sql, params.as_slice())?;
        let id = tx.last_insert_rowid();
        if in_schedule {
            tx.execute("INSERT INTO schedule (meeting_id, added_at) VALUES (?1, ?2)", params![id, now])?;
        }
        tx.commit()?;
        self.meeting(id)
    }

    /// Changes a meeting's details. Skips and attendance are keyed by local date, so they stay.
    pub fn update_meeting(&mut self, id: i64, input: &MeetingInput, clock: &dyn crate::Clock) -> Result<Meeting> {
        let m = input.validate(self)?;
        let now = clock.now().timestamp();
        let columns = m.columns();
        let sets: Vec<String> = columns.iter().map(|(name, _)| format!("{} = {name}", &name[1..])).collect();
        let sql = format!("UPDATE meetings SET {}, updated_at = :now WHERE id = :id", sets.join(", "));
        let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = columns.to_vec();
        params.push((":now", &now));
        params.push((":id", &id));
        let changed = self.conn().execute(&sql, params.as_slice())?;
        if changed == 0 {
            return Err(Error::NotFound(format!("Meeting {id}")));
        }
        self.meeting(id)
    }

    /// Deletes a meeting with its schedule entry, skips and reminder log. The attendance log keeps
    /// the meeting's name, so past attendance still counts.
    pub fn delete_meeting(&mut self, id: i64) -> Result<()> {
        if self.conn().execute("DELETE FROM meetings WHERE id = ?1", [id])? == 0 {
            return Err(Error::NotFound(format!("Meeting {id}")));
        }
        Ok(())
    }

    /// Keeps the user's own notes on a meeting.
    pub fn set_meeting_notes(&mut self, id: i64, notes: &str) -> Result<Meeting> {
        let notes =
            crate::validation::optional_text("personal_notes", "notes", Some(notes), crate::validation::MAX_NOTES)?;
        if self
            .conn()
            .execute("UPDATE meetings SET personal_notes = ?2 WHERE id = ?1", params![id, notes.unwrap_or_default()])?
            == 0
        {
            return Err(Error::NotFound(format!("Meeting {id}")));
        }
        self.meeting(id)
    }
}

/// A start time ("19:05", as validation stores it), read without chrono's format parser, which is
/// slow for this: reminder planning reads one per scheduled meeting at every wake-up, and an import
/// one per row. Other shapes ("7:05") go to chrono.
pub(crate) fn stored_start_time(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return NaiveTime::parse_from_str(text, "%H:%M").ok(); // anything older or odder
    }
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::stored_start_time;
    use chrono::NaiveTime;

    #[test]
    fn stored_start_times_read_the_same_as_chrono_reads_them() {
        for text in ["00:00", "07:05", "19:30", "23:59", "7:05", "24:00", "19:60", "ab:cd", "1900", "", "+1:05"] {
            assert_eq!(stored_start_time(text), NaiveTime::parse_from_str(text, "%H:%M").ok(), "{text:?}");
        }
        assert_eq!(stored_start_time("19:05"), NaiveTime::from_hms_opt(19, 5, 0));
    }
}
