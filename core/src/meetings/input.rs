//! The meeting form's input and its checks. Each failure names its field; nothing is saved half.

use super::{weekday_mask, Attendance};
use crate::validation::{optional_text, optional_web_url, required_text, MAX_NAME, MAX_NOTES, MAX_SHORT};
use crate::{Error, Result, Store};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingInput {
    pub name: String,
    pub fellowship: Option<String>,
    pub group: Option<i64>,
    /// 0 = Sunday … 6 = Saturday; empty with `date` for a one-off, empty with no date and no
    /// time for a meeting by appointment.
    pub weekdays: Vec<u8>,
    /// `YYYY-MM-DD` for a one-off meeting.
    pub date: Option<String>,
    /// `HH:MM`, 24-hour.
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub time_zone: String,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub location: Option<String>,
    pub address: Option<String>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
}

impl Default for MeetingInput {
    fn default() -> Self {
        MeetingInput {
            name: String::new(),
            fellowship: None,
            group: None,
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
        }
    }
}

/// A checked meeting, in the shape the table stores.
pub(crate) struct ValidMeeting {
    pub name: String,
    pub fellowship: Option<String>,
    pub group: Option<i64>,
    pub weekdays: u8,
    pub date: Option<String>,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub time_zone: String,
    pub attendance: Attendance,
    pub types: String,
    pub location: Option<String>,
    pub address: Option<String>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
}

impl ValidMeeting {
    /// The columns the meeting form sets, as named SQL parameters (`:column` for each column).
    pub(crate) fn columns(&self) -> [(&'static str, &dyn rusqlite::ToSql); 18] {
        [
            (":name", &self.name),
            (":fellowship_id", &self.fellowship),
            (":group_id", &self.group),
            (":weekdays", &self.weekdays),
            (":date", &self.date),
            (":start_time", &self.start_time),
            (":duration_minutes", &self.duration_minutes),
            (":time_zone", &self.time_zone),
            (":attendance", &self.attendance),
            (":types", &self.types),
            (":location", &self.location),
            (":address", &self.address),
            (":location_notes", &self.location_notes),
            (":conference_url", &self.conference_url),
            (":conference_url_notes", &self.conference_url_notes),
            (":conference_phone", &self.conference_phone),
            (":conference_phone_notes", &self.conference_phone_notes),
            (":notes", &self.notes),
        ]
    }
}

/// Reads "19:30" or "7:30" as a 24-hour time.
pub fn parse_start_time(text: &str) -> Option<NaiveTime> {
    super::stored_start_time(text.trim())
}

/// Whether a dial-in string is one a phone can dial: digits and the signs dialers use
/// (`+` for the country, `,` to pause, `#` and `*` for the meeting's menu), nothing else.
pub fn is_dial_string(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= 3
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ',' | '#' | '*' | ' ' | '-' | '(' | ')' | '.'))
}

impl MeetingInput {
    pub(crate) fn validate(&self, store: &Store) -> Result<ValidMeeting> {
        let name = required_text("name", "name for the meeting", &self.name, MAX_NAME)?;

        if let Some(day) = self.weekdays.iter().find(|d| **d > 6) {
            return Err(Error::invalid(
                "weekdays",
                format!("{day} is not a weekday: they go from 0 (Sunday) to 6 (Saturday)."),
            ));
        }
        let date = match self.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(text) => Some(
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| Error::invalid("date", format!("\"{text}\" is not a date like 2026-12-24.")))?,
            ),
        };
        if date.is_some() && !self.weekdays.is_empty() {
            return Err(Error::invalid("date", "Choose weekdays for a weekly meeting, or one date, not both."));
        }
        let start_time = match self.start_time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(text) => Some(
                parse_start_time(text)
                    .ok_or_else(|| Error::invalid("start_time", format!("\"{text}\" is not a time like 19:30.")))?,
            ),
        };
        let has_days = date.is_some() || !self.weekdays.is_empty();
        match (has_days, start_time) {
            (true, None) => return Err(Error::invalid("start_time", "Please give the time the meeting starts.")),
            (false, Some(_)) => {
                return Err(Error::invalid("weekdays", "Choose the days the meeting is on, or one date."));
            }
            _ => {} // both given, or neither (by appointment)
        }
        if self.duration_minutes == 0 || self.duration_minutes > 24 * 60 {
            return Err(Error::invalid("duration_minutes", "A meeting lasts between 1 minute and 24 hours."));
        }
        let zone = crate::time_zone::parse("time_zone", &self.time_zone)?;

        let fellowship = optional_text("fellowship", "fellowship", self.fellowship.as_deref(), MAX_NAME)?;
        if let Some(id) = &fellowship {
            if store.fellowship(id).is_err() {
                return Err(Error::invalid("fellowship", format!("There is no fellowship \"{id}\" in the directory.")));
            }
        }
        if let Some(group) = self.group {
            if store.group(group).is_err() {
                return Err(Error::invalid("group", "That group no longer exists."));
            }
        }

        let conference_url = optional_web_url("conference_url", "meeting link", self.conference_url.as_deref())?;
        let conference_phone =
            optional_text("conference_phone", "dial-in number", self.conference_phone.as_deref(), MAX_SHORT)?;
        if let Some(phone) = &conference_phone {
            if !is_dial_string(phone) {
                return Err(Error::invalid(
                    "conference_phone",
                    "A dial-in number can hold only digits, spaces and + , # * ( ) -.",
                ));
            }
        }

        let mut types: Vec<String> = Vec::new();
        for code in &self.types {
            let code = code.trim().to_ascii_uppercase();
            if code.is_empty() {
                continue;
            }
            if code.len() > 12 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(Error::invalid("types", format!("\"{code}\" is not a meeting type code.")));
            }
            if !types.contains(&code) {
                types.push(code);
            }
        }

        Ok(ValidMeeting {
            name,
            fellowship,
            group: self.group,
            weekdays: weekday_mask(&self.weekdays),
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            start_time: start_time.map(|t| t.format("%H:%M").to_string()),
            duration_minutes: self.duration_minutes,
            time_zone: zone.name().to_owned(),
            attendance: self.attendance,
            types: serde_json::to_string(&types).map_err(|e| Error::Data(e.to_string()))?,
            location: optional_text("location", "place name", self.location.as_deref(), MAX_SHORT)?,
            address: optional_text("address", "address", self.address.as_deref(), MAX_SHORT)?,
            location_notes: optional_text(
                "location_notes",
                "notes on the place",
                self.location_notes.as_deref(),
                MAX_NOTES,
            )?,
            conference_url,
            conference_url_notes: optional_text(
                "conference_url_notes",
                "notes on the link",
                self.conference_url_notes.as_deref(),
                MAX_SHORT,
            )?,
            conference_phone,
            conference_phone_notes: optional_text(
                "conference_phone_notes",
                "notes on the dial-in",
                self.conference_phone_notes.as_deref(),
                MAX_SHORT,
            )?,
            notes: optional_text("notes", "notes", self.notes.as_deref(), MAX_NOTES)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, FixedClock};
    use chrono::TimeZone;

    fn clock() -> FixedClock {
        FixedClock::new(chrono::Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap())
    }

    pub(crate) fn online_tuesday() -> MeetingInput {
        MeetingInput {
            name: "Tuesday Night Online".into(),
            fellowship: Some("aa".into()),
            weekdays: vec![2],
            start_time: Some("19:00".into()),
            time_zone: "America/Chicago".into(),
            attendance: Attendance::Online,
            types: vec!["o".into(), "D".into(), "o".into()],
            conference_url: Some("https://zoom.us/j/123456789".into()),
            conference_phone: Some("+13017158592,,85779615129#,,,,005088#".into()),
            conference_phone_notes: Some("Passcode 005088".into()),
            ..MeetingInput::default()
        }
    }

    #[test]
    fn a_valid_meeting_is_saved_with_codes_read_for_its_fellowship() {
        let mut store = Store::open_in_memory().unwrap();
        let m = store.create_meeting(&online_tuesday(), true, &clock()).unwrap();
        assert_eq!(m.weekdays, vec![2]);
        assert_eq!(m.start_time.as_deref(), Some("19:00"));
        assert!(m.in_schedule && m.reminders && m.lead_minutes.is_none());
        let codes: Vec<(&str, Option<&str>)> = m.types.iter().map(|t| (t.code.as_str(), t.name.as_deref())).collect();
        assert_eq!(codes, [("O", Some("Open")), ("D", Some("Discussion"))]);
        assert_eq!(m.source, None);
        assert_eq!(m.slug, None);
    }

    #[test]
    fn each_bad_field_is_named_and_nothing_is_saved() {
        let mut store = Store::open_in_memory().unwrap();
        let base = online_tuesday();
        let cases: Vec<(MeetingInput, &str)> = vec![
            (MeetingInput { name: " ".into(), ..base.clone() }, "name"),
            (MeetingInput { start_time: Some("7pm-ish".into()), ..base.clone() }, "start_time"),
            (MeetingInput { start_time: Some("25:00".into()), ..base.clone() }, "start_time"),
            (MeetingInput { start_time: None, ..base.clone() }, "start_time"),
            (MeetingInput { duration_minutes: 0, ..base.clone() }, "duration_minutes"),
            (MeetingInput { duration_minutes: 24 * 60 + 1, ..base.clone() }, "duration_minutes"),
            (MeetingInput { time_zone: "Mars/Olympus".into(), ..base.clone() }, "time_zone"),
            (
                MeetingInput { conference_url: Some("zoommtg://zoom.us/join?confno=1".into()), ..base.clone() },
                "conference_url",
            ),
            (MeetingInput { conference_url: Some("javascript:alert(1)".into()), ..base.clone() }, "conference_url"),
            (MeetingInput { conference_phone: Some("555-CALL-NOW".into()), ..base.clone() }, "conference_phone"),
            (
                MeetingInput { conference_phone: Some("+1 301 715 8592 ext. 12".into()), ..base.clone() },
                "conference_phone",
            ),
            (MeetingInput { weekdays: vec![7], ..base.clone() }, "weekdays"),
            (MeetingInput { date: Some("2026-12-24".into()), ..base.clone() }, "date"),
            (MeetingInput { weekdays: vec![], date: Some("24/12/2026".into()), ..base.clone() }, "date"),
            (MeetingInput { weekdays: vec![], ..base.clone() }, "weekdays"),
            (MeetingInput { fellowship: Some("xyz".into()), ..base.clone() }, "fellowship"),
            (MeetingInput { types: vec!["<script>".into()], ..base.clone() }, "types"),
        ];
        for (input, field) in cases {
            let err = store.create_meeting(&input, true, &clock()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{field}: {err}");
            assert_eq!(err.payload().field.as_deref(), Some(field), "{err}");
        }
        assert!(store.meetings(&Default::default()).unwrap().is_empty());
        assert_eq!(store.overview().unwrap().scheduled_meetings, 0);
    }

    #[test]
    fn by_appointment_has_no_day_and_no_time() {
        let mut store = Store::open_in_memory().unwrap();
        let input = MeetingInput { weekdays: vec![], start_time: None, ..online_tuesday() };
        let m = store.create_meeting(&input, true, &clock()).unwrap();
        assert!(m.by_appointment());
        assert!(m.rule().is_none(), "never scheduled");
    }

    #[test]
    fn dial_strings() {
        assert!(is_dial_string("+13017158592,,85779615129#,,,,005088#"));
        assert!(is_dial_string("(301) 715-8592"));
        assert!(!is_dial_string("+1301715859p2"));
        assert!(!is_dial_string("call 555"));
        assert!(!is_dial_string("##"));
    }
}
