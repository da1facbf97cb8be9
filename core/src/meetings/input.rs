//! The meeting form's input and its checks. Each failure names its field; nothing is saved half.

use super::{Attendance, MeetingDetails};
use crate::i18n::Message;
use crate::validation::{optional_text, optional_web_url, required_text, MAX_NAME, MAX_NOTES, MAX_SHORT};
use crate::{Error, Result, Store};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the meeting form sends: the meeting's details and its group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingInput {
    pub details: MeetingDetails,
    pub group: Option<i64>,
}

impl From<MeetingDetails> for MeetingInput {
    fn from(details: MeetingDetails) -> Self {
        MeetingInput { details, group: None }
    }
}

/// Reads "19:30" or "7:30" as a 24-hour time.
pub fn parse_start_time(text: &str) -> Option<NaiveTime> {
    super::details::stored_start_time(text.trim())
}

/// Whether a dial-in string is one a phone can dial: digits and the signs dialers use
/// (`+` for the country, `,` to pause, `#` and `*` for the meeting's menu), nothing else.
pub fn is_dial_string(text: &str) -> bool {
    text.chars().filter(char::is_ascii_digit).count() >= 3
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ',' | '#' | '*' | ' ' | '-' | '(' | ')' | '.'))
}

impl MeetingInput {
    /// The details checked and put in the shape they are stored in (trimmed, times as `HH:MM`,
    /// codes in capitals), with the group. Fields that do not fit the attendance are dropped: an
    /// online meeting has no place, an in-person one no link or dial-in.
    pub(crate) fn validate(&self, store: &Store) -> Result<(MeetingDetails, Option<i64>)> {
        let d = &self.details;
        let name = required_text("name", "label-meeting-name", &d.name, MAX_NAME)?;

        if let Some(day) = d.weekdays.iter().find(|day| **day > 6) {
            return Err(Error::invalid_input("weekdays", Message::new("error-weekday-range").with("day", *day)));
        }
        let date = match d.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(text) => Some(
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| Error::invalid_input("date", Message::new("error-date-format").with("text", text)))?,
            ),
        };
        if date.is_some() && !d.weekdays.is_empty() {
            return Err(Error::invalid_key("date", "error-date-or-weekdays"));
        }
        let start_time = match d.start_time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(text) => Some(parse_start_time(text).ok_or_else(|| {
                Error::invalid_input("start_time", Message::new("error-time-format").with("text", text))
            })?),
        };
        let has_days = date.is_some() || !d.weekdays.is_empty();
        match (has_days, start_time) {
            (true, None) => return Err(Error::invalid_key("start_time", "error-start-time-missing")),
            (false, Some(_)) => {
                return Err(Error::invalid_key("weekdays", "error-days-missing"));
            }
            _ => {} // both given, or neither (by appointment)
        }
        if d.duration_minutes == 0 || d.duration_minutes > 24 * 60 {
            return Err(Error::invalid_key("duration_minutes", "error-duration-range"));
        }
        let zone = crate::time_zone::parse("time_zone", &d.time_zone)?;

        let fellowship = optional_text("fellowship", "label-fellowship", d.fellowship.as_deref(), MAX_NAME)?;
        if let Some(id) = &fellowship {
            if store.fellowship(id).is_err() {
                return Err(Error::invalid_input(
                    "fellowship",
                    Message::new("error-fellowship-unknown").with("id", id),
                ));
            }
        }
        if let Some(group) = self.group {
            if store.group(group).is_err() {
                return Err(Error::invalid_key("group", "error-group-gone"));
            }
        }

        let in_person = d.attendance != Attendance::Online;
        let online = d.attendance != Attendance::InPerson;
        let keep = |wanted: bool, value: &Option<String>| if wanted { value.clone() } else { None };
        let conference_url =
            optional_web_url("conference_url", "label-meeting-link", keep(online, &d.conference_url).as_deref())?;
        let conference_phone = optional_text(
            "conference_phone",
            "label-dial-in",
            keep(online, &d.conference_phone).as_deref(),
            MAX_SHORT,
        )?;
        if let Some(phone) = &conference_phone {
            if !is_dial_string(phone) {
                return Err(Error::invalid_key("conference_phone", "error-dial-in-format"));
            }
        }

        let mut types: Vec<String> = Vec::new();
        for code in &d.types {
            let code = code.trim().to_ascii_uppercase();
            if code.is_empty() {
                continue;
            }
            if code.len() > 12 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(Error::invalid_input("types", Message::new("error-type-code").with("code", &code)));
            }
            if !types.contains(&code) {
                types.push(code);
            }
        }
        let coordinate = |value: Option<f64>, limit: f64| value.filter(|v| v.is_finite() && v.abs() <= limit);

        let details = MeetingDetails {
            name,
            fellowship,
            weekdays: if date.is_some() {
                Vec::new()
            } else {
                super::details::weekdays_of(super::details::weekday_mask(&d.weekdays))
            },
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            start_time: start_time.map(|t| t.format("%H:%M").to_string()),
            duration_minutes: d.duration_minutes,
            time_zone: zone.name().to_owned(),
            attendance: d.attendance,
            types,
            location: optional_text(
                "location",
                "label-place-name",
                keep(in_person, &d.location).as_deref(),
                MAX_SHORT,
            )?,
            address: optional_text("address", "label-address", keep(in_person, &d.address).as_deref(), MAX_SHORT)?,
            latitude: if in_person { coordinate(d.latitude, 90.0) } else { None },
            longitude: if in_person { coordinate(d.longitude, 180.0) } else { None },
            location_notes: optional_text(
                "location_notes",
                "label-place-notes",
                keep(in_person, &d.location_notes).as_deref(),
                MAX_NOTES,
            )?,
            conference_url,
            conference_url_notes: optional_text(
                "conference_url_notes",
                "label-link-notes",
                keep(online, &d.conference_url_notes).as_deref(),
                MAX_SHORT,
            )?,
            conference_phone,
            conference_phone_notes: optional_text(
                "conference_phone_notes",
                "label-dial-in-notes",
                keep(online, &d.conference_phone_notes).as_deref(),
                MAX_SHORT,
            )?,
            notes: optional_text("notes", "label-notes", d.notes.as_deref(), MAX_NOTES)?,
        };
        Ok((details, self.group))
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
        MeetingInput::from(MeetingDetails {
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
            ..MeetingDetails::default()
        })
    }

    /// The Tuesday meeting with one change.
    fn changed(change: impl FnOnce(&mut MeetingDetails)) -> MeetingInput {
        let mut input = online_tuesday();
        change(&mut input.details);
        input
    }

    #[test]
    fn a_valid_meeting_is_saved_with_codes_read_for_its_fellowship() {
        let mut store = Store::open_in_memory().unwrap();
        let m = store.create_meeting(&online_tuesday(), true, &clock()).unwrap();
        assert_eq!(m.details.weekdays, vec![2]);
        assert_eq!(m.details.start_time.as_deref(), Some("19:00"));
        assert!(m.in_schedule && m.reminders && m.lead_minutes.is_none());
        let codes: Vec<(&str, Option<&str>)> =
            m.type_names.iter().map(|t| (t.code.as_str(), t.name.as_deref())).collect();
        assert_eq!(codes, [("O", Some("Open")), ("D", Some("Discussion"))]);
        assert_eq!(m.source, None);
        assert_eq!(m.slug, None);
    }

    #[test]
    fn each_bad_field_is_named_and_nothing_is_saved() {
        let mut store = Store::open_in_memory().unwrap();
        let cases: Vec<(MeetingInput, &str)> = vec![
            (
                changed(|d| {
                    d.name = " ".into();
                }),
                "name",
            ),
            (
                changed(|d| {
                    d.start_time = Some("7pm-ish".into());
                }),
                "start_time",
            ),
            (
                changed(|d| {
                    d.start_time = Some("25:00".into());
                }),
                "start_time",
            ),
            (
                changed(|d| {
                    d.start_time = None;
                }),
                "start_time",
            ),
            (
                changed(|d| {
                    d.duration_minutes = 0;
                }),
                "duration_minutes",
            ),
            (
                changed(|d| {
                    d.duration_minutes = 24 * 60 + 1;
                }),
                "duration_minutes",
            ),
            (
                changed(|d| {
                    d.time_zone = "Mars/Olympus".into();
                }),
                "time_zone",
            ),
            (
                changed(|d| {
                    d.conference_url = Some("zoommtg://zoom.us/join?confno=1".into());
                }),
                "conference_url",
            ),
            (
                changed(|d| {
                    d.conference_url = Some("javascript:alert(1)".into());
                }),
                "conference_url",
            ),
            (
                changed(|d| {
                    d.conference_phone = Some("555-CALL-NOW".into());
                }),
                "conference_phone",
            ),
            (
                changed(|d| {
                    d.conference_phone = Some("+1 301 715 8592 ext. 12".into());
                }),
                "conference_phone",
            ),
            (
                changed(|d| {
                    d.weekdays = vec![7];
                }),
                "weekdays",
            ),
            (
                changed(|d| {
                    d.date = Some("2026-12-24".into());
                }),
                "date",
            ),
            (
                changed(|d| {
                    d.weekdays = vec![];
                    d.date = Some("24/12/2026".into());
                }),
                "date",
            ),
            (
                changed(|d| {
                    d.weekdays = vec![];
                }),
                "weekdays",
            ),
            (
                changed(|d| {
                    d.fellowship = Some("xyz".into());
                }),
                "fellowship",
            ),
            (
                changed(|d| {
                    d.types = vec!["<script>".into()];
                }),
                "types",
            ),
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
        let input = changed(|d| {
            d.weekdays = vec![];
            d.start_time = None;
        });
        let m = store.create_meeting(&input, true, &clock()).unwrap();
        assert!(m.details.by_appointment());
        assert!(m.rule().is_none(), "never scheduled");
    }

    #[test]
    fn what_does_not_fit_the_attendance_is_dropped() {
        let mut store = Store::open_in_memory().unwrap();
        let with_everything = |attendance| {
            changed(|d| {
                d.attendance = attendance;
                d.location = Some("Hall".into());
                d.address = Some("1 Main St".into());
                d.location_notes = Some("Side door".into());
                d.latitude = Some(40.0);
                d.longitude = Some(-75.0);
            })
        };
        let online = store.create_meeting(&with_everything(Attendance::Online), false, &clock()).unwrap().details;
        assert_eq!((online.location, online.address, online.location_notes, online.latitude), (None, None, None, None));
        assert!(online.conference_url.is_some() && online.conference_phone.is_some());
        let in_person = store.create_meeting(&with_everything(Attendance::InPerson), false, &clock()).unwrap().details;
        assert_eq!(in_person.location.as_deref(), Some("Hall"));
        assert_eq!(
            (in_person.conference_url, in_person.conference_phone, in_person.conference_phone_notes),
            (None, None, None)
        );
        let hybrid = store.create_meeting(&with_everything(Attendance::Hybrid), false, &clock()).unwrap().details;
        assert!(hybrid.location.is_some() && hybrid.conference_url.is_some());
        // Empty text is none, and a time is kept as HH:MM.
        let tidy = store
            .create_meeting(
                &changed(|d| {
                    d.notes = Some("  ".into());
                    d.start_time = Some("7:05".into());
                }),
                false,
                &clock(),
            )
            .unwrap()
            .details;
        assert_eq!((tidy.notes, tidy.start_time.as_deref()), (None, Some("07:05")));
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
