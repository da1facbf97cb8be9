//! A meeting's own fields, written down once: what it is, when, where and how to join. Every shape
//! a meeting takes flattens this struct into itself (the app's [`super::Meeting`], the form's
//! [`super::MeetingInput`], a backup's meeting, a feed's row), and `table.rs` stores it. Adding a
//! field means: a migration, this struct, `table.rs` and the form.

use super::Attendance;
use crate::recurrence::Rule;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingDetails {
    pub name: String,
    /// The fellowship's id ("aa", "al-anon", ...).
    pub fellowship: Option<String>,
    /// 0 = Sunday … 6 = Saturday. Empty for a one-off meeting or one by appointment.
    pub weekdays: Vec<u8>,
    /// A one-off meeting's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`, 24-hour, in the meeting's zone; `None` by appointment.
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    /// IANA zone the meeting's times are in.
    pub time_zone: String,
    pub attendance: Attendance,
    /// Type codes ("O", "D", ...), read with the fellowship's own table.
    pub types: Vec<String>,
    pub location: Option<String>,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    /// From the source (or the user, for their own meetings).
    pub notes: Option<String>,
}

impl Default for MeetingDetails {
    fn default() -> Self {
        MeetingDetails {
            name: String::new(),
            fellowship: None,
            weekdays: Vec::new(),
            date: None,
            start_time: None,
            duration_minutes: 60,
            time_zone: "UTC".into(),
            attendance: Attendance::InPerson,
            types: Vec::new(),
            location: None,
            address: None,
            latitude: None,
            longitude: None,
            location_notes: None,
            conference_url: None,
            conference_url_notes: None,
            conference_phone: None,
            conference_phone_notes: None,
            notes: None,
        }
    }
}

impl MeetingDetails {
    /// When the meeting happens, for recurrence; `None` when it never does (by appointment, or an
    /// unreadable time, date or zone).
    pub fn rule(&self) -> Option<Rule> {
        let start = stored_start_time(self.start_time.as_deref()?)?;
        let date = match &self.date {
            Some(text) => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?),
            None => None,
        };
        Some(Rule {
            weekdays: weekday_mask(&self.weekdays),
            date,
            start: Some(start),
            duration: Duration::minutes(i64::from(self.duration_minutes)),
            zone: self.time_zone.parse().ok()?,
        })
    }

    pub fn by_appointment(&self) -> bool {
        self.start_time.is_none()
    }

    /// The place to show: its name, else its address.
    pub fn place(&self) -> Option<&str> {
        self.location.as_deref().or(self.address.as_deref())
    }
}

/// Bit 0 = Sunday … bit 6 = Saturday; days past 6 are ignored.
pub(crate) fn weekday_mask(weekdays: &[u8]) -> u8 {
    weekdays.iter().filter(|d| **d < 7).fold(0, |mask, d| mask | 1 << d)
}

pub(crate) fn weekdays_of(mask: u8) -> Vec<u8> {
    (0..7).filter(|d| mask & (1 << d) != 0).collect()
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
    use super::*;

    #[test]
    fn stored_start_times_read_the_same_as_chrono_reads_them() {
        for text in ["00:00", "07:05", "19:30", "23:59", "7:05", "24:00", "19:60", "ab:cd", "1900", "", "+1:05"] {
            assert_eq!(stored_start_time(text), NaiveTime::parse_from_str(text, "%H:%M").ok(), "{text:?}");
        }
        assert_eq!(stored_start_time("19:05"), NaiveTime::from_hms_opt(19, 5, 0));
    }

    #[test]
    fn weekdays_round_trip_through_the_mask() {
        assert_eq!(weekdays_of(weekday_mask(&[0, 2, 6, 9])), [0, 2, 6]);
        assert_eq!(weekday_mask(&[]), 0);
    }

    #[test]
    fn a_rule_needs_a_time_and_a_readable_zone() {
        let weekly = MeetingDetails {
            weekdays: vec![2],
            start_time: Some("19:00".into()),
            time_zone: "Europe/London".into(),
            ..MeetingDetails::default()
        };
        assert_eq!(weekly.rule().unwrap().weekdays, 0b100);
        assert!(MeetingDetails { start_time: None, ..weekly.clone() }.rule().is_none());
        assert!(MeetingDetails { time_zone: "Mars/Base".into(), ..weekly.clone() }.rule().is_none());
        let once = MeetingDetails { weekdays: vec![], date: Some("2026-12-24".into()), ..weekly };
        assert_eq!(once.rule().unwrap().date, NaiveDate::from_ymd_opt(2026, 12, 24));
    }
}
