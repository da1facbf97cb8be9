//! One row of a BMLT `GetSearchResults` JSON answer (NA service bodies), read into a
//! [`FeedMeeting`]. BMLT gives every value as a string: `weekday_tinyint` 1 = Sunday,
//! `start_time`/`duration_time` as `HH:MM:SS`, `venue_type` 1 in person, 2 virtual, 3 hybrid,
//! `formats` comma-separated.

use super::fields::{self, Notes};
use super::row::Row;
use super::{FeedMeeting, RowOutcome};
use crate::i18n::Message;
use crate::meetings::{Attendance, MeetingDetails};
use chrono::Timelike;
use chrono_tz::Tz;
use serde_json::Value;

pub(crate) fn read_row(row: &mut Row, default_zone: Option<Tz>) -> RowOutcome {
    let mut notes = Notes::default();
    let Some(slug) = fields::text(row, "id_bigint", 200, &mut notes) else {
        return RowOutcome::skip(None, "id_bigint", Message::new("import-no-id"));
    };
    let Some(name) = fields::name_text(row, "meeting_name", &mut notes) else {
        return RowOutcome::skip(Some(slug), "meeting_name", Message::new("import-no-name"));
    };
    let weekday = fields::text(row, "weekday_tinyint", 10, &mut notes);
    let weekdays = match weekday.as_deref().map(|d| d.parse::<u8>()) {
        Some(Ok(d)) if (1..=7).contains(&d) => 1u8 << (d - 1),
        Some(_) => return RowOutcome::skip(Some(slug), "weekday_tinyint", Message::new("import-bmlt-day")),
        None => 0,
    };
    let start = match fields::text(row, "start_time", 20, &mut notes) {
        Some(t) => match fields::time_of_day(&t) {
            Some(t) => Some(t),
            None => {
                return RowOutcome::skip(
                    Some(slug),
                    "start_time",
                    Message::new("import-bmlt-time-format").with("value", fields::shorten(&t)),
                )
            }
        },
        None => None,
    };
    if weekdays != 0 && start.is_none() {
        return RowOutcome::skip(Some(slug), "start_time", Message::new("import-day-without-time"));
    }
    let start = if weekdays == 0 { None } else { start };
    let duration_minutes = match fields::text(row, "duration_time", 20, &mut notes) {
        Some(d) => match chrono::NaiveTime::parse_from_str(&d, "%H:%M:%S")
            .or_else(|_| chrono::NaiveTime::parse_from_str(&d, "%H:%M"))
        {
            Ok(t) if t.hour() * 60 + t.minute() > 0 => t.hour() * 60 + t.minute(),
            _ => {
                notes.warn("duration_time", Message::new("import-bmlt-duration"));
                60
            }
        },
        None => 60,
    };
    let time_zone = fields::time_zone(row, "time_zone", &mut notes);
    let own_zone = time_zone.is_some();
    let conference_url = fields::web_link(row, "virtual_meeting_link", &mut notes);
    let conference_phone = fields::dial_string(row, "phone_meeting_number", &mut notes);
    let attendance = match fields::text(row, "venue_type", 10, &mut notes).as_deref() {
        Some("1") => Attendance::InPerson,
        Some("2") => Attendance::Online,
        Some("3") => Attendance::Hybrid,
        _ if conference_url.is_some() || conference_phone.is_some() => Attendance::Online,
        _ => Attendance::InPerson,
    };
    let formats = row.get("formats").filter(|v| !matches!(v, Value::String(s) if s.trim().is_empty()));
    let mut types = fields::type_codes(formats, "formats", &mut notes);
    let closed_for_now = types.iter().any(|t| t == "TC") && attendance == Attendance::InPerson;
    types.retain(|t| t != "TC" && t != "VM" && t != "HY");
    let street: Vec<String> =
        ["location_street", "location_municipality", "location_province", "location_postal_code_1", "location_nation"]
            .into_iter()
            .filter_map(|k| fields::short_text(row, k, &mut Notes::default()))
            .collect();
    let active = !closed_for_now && fields::text(row, "published", 4, &mut notes).as_deref() != Some("0");

    // BMLT rows name no group and no time of their last change.
    RowOutcome::Meeting(Box::new(FeedMeeting {
        details: MeetingDetails {
            location: fields::short_text(row, "location_text", &mut notes),
            address: (!street.is_empty()).then(|| street.join(", ")),
            latitude: fields::coordinate(row, "latitude", 90.0, &mut notes).filter(|v| *v != 0.0),
            longitude: fields::coordinate(row, "longitude", 180.0, &mut notes).filter(|v| *v != 0.0),
            location_notes: fields::long_text(row, "location_info", &mut notes),
            conference_url,
            conference_url_notes: fields::short_text(row, "virtual_meeting_additional_info", &mut notes),
            conference_phone,
            conference_phone_notes: None,
            notes: fields::long_text(row, "comments", &mut notes),
            ..super::when_and_what(name, weekdays, start, duration_minutes, attendance, types)
        },
        zone: time_zone.or(default_zone),
        own_zone,
        active,
        slug,
        warnings: notes.warnings,
        group: None,
        source_updated: None,
    }))
}
