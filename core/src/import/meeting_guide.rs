//! One row of a Meeting Guide JSON feed (the Code4Recovery specification, as the 12 Step Meeting
//! List and most AA intergroups publish it), read into a [`FeedMeeting`]. Every messy shape that
//! published feeds use is handled here on purpose; see the tests at the end.

use super::fields::{self, Notes};
use super::row::Row;
use super::{FeedMeeting, RowOutcome};
use crate::i18n::Message;
use crate::meetings::{Attendance, MeetingDetails};
use chrono::NaiveTime;
use chrono_tz::Tz;
use serde_json::Value;

pub(crate) fn read_row(row: &mut Row, default_zone: Option<Tz>) -> RowOutcome {
    let mut notes = Notes::default();
    let slug = match row.get("slug") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Number(n)) => Some(n.to_string()), // numeric slugs are keys like any other
        _ => match row.get("id") {
            Some(Value::Number(n)) => Some(format!("id-{n}")),
            Some(Value::String(s)) if !s.trim().is_empty() => Some(format!("id-{}", s.trim())),
            _ => None,
        },
    };
    let Some(slug) = slug else {
        return RowOutcome::skip(None, "slug", Message::new("import-no-slug"));
    };
    let slug = if slug.len() > 200 { slug.chars().take(200).collect() } else { slug };
    let Some(name) = fields::name_text(row, "name", &mut notes) else {
        return RowOutcome::skip(Some(slug), "name", Message::new("import-no-name"));
    };

    // Days: absent, null or empty means "by appointment" (the specification's rule).
    let mut weekdays = 0u8;
    let mut day_given = false;
    match row.get("day") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::Array(days)) => {
            for d in days {
                day_given = true;
                match fields::weekday_from_zero(d) {
                    Some(day) => weekdays |= 1 << day,
                    None => notes.warn("day", Message::new("import-day-left-out").with("value", d.to_string())),
                }
            }
        }
        Some(Value::String(s)) if s.contains(',') => {
            for part in s.split(',').filter(|p| !p.trim().is_empty()) {
                day_given = true;
                match fields::weekday_from_zero(&Value::from(part.trim())) {
                    Some(day) => weekdays |= 1 << day,
                    None => notes.warn("day", Message::new("import-day-text-left-out").with("value", part.trim())),
                }
            }
        }
        Some(d) => {
            day_given = true;
            match fields::weekday_from_zero(d) {
                Some(day) => weekdays |= 1 << day,
                None => {
                    return RowOutcome::skip(
                        Some(slug),
                        "day",
                        Message::new("import-day-invalid").with("value", fields::shorten(&d.to_string())),
                    )
                }
            }
        }
    }
    if day_given && weekdays == 0 {
        return RowOutcome::skip(Some(slug), "day", Message::new("import-no-valid-day"));
    }

    let time_text = fields::text(row, "time", 40, &mut notes);
    let start: Option<NaiveTime> = if weekdays == 0 {
        if time_text.is_some() {
            notes.warn("time", Message::new("import-time-without-day"));
        }
        None
    } else {
        match time_text.as_deref().map(|t| (t, fields::time_of_day(t))) {
            Some((_, Some(t))) => Some(t),
            Some((raw, None)) => {
                return RowOutcome::skip(
                    Some(slug),
                    "time",
                    Message::new("import-time-format").with("value", fields::shorten(raw)),
                );
            }
            None => return RowOutcome::skip(Some(slug), "time", Message::new("import-day-without-time")),
        }
    };
    let duration_minutes = match (start, fields::text(row, "end_time", 40, &mut notes)) {
        (Some(start), Some(end)) => match fields::time_of_day(&end) {
            Some(end) => {
                let minutes = (end - start).num_minutes().rem_euclid(24 * 60);
                if minutes == 0 {
                    60
                } else {
                    minutes as u32
                }
            }
            None => {
                notes.warn("end_time", Message::new("import-end-time-format").with("value", fields::shorten(&end)));
                60
            }
        },
        _ => 60,
    };

    let time_zone = fields::time_zone(row, "timezone", &mut notes);
    let own_zone = time_zone.is_some();
    let time_zone = time_zone.or(default_zone);

    let mut types = fields::type_codes(row.get("types"), "types", &mut notes);
    // The old codes for "online" (ONL) and "temporarily closed" (TC) are now said by
    // `attendance_option`; they are read for attendance and not kept as types.
    let onl = types.iter().any(|t| t == "ONL");
    let tc = types.iter().any(|t| t == "TC");
    types.retain(|t| t != "ONL" && t != "TC");

    let conference_url = fields::web_link(row, "conference_url", &mut notes);
    let conference_phone = fields::dial_string(row, "conference_phone", &mut notes);
    let location = fields::short_text(row, "location", &mut notes);
    let address = fields::short_text(row, "formatted_address", &mut notes).or_else(|| {
        let parts: Vec<String> = ["address", "city", "state", "postal_code", "country"]
            .into_iter()
            .filter_map(|k| fields::short_text(row, k, &mut Notes::default()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let online_ways = conference_url.is_some() || conference_phone.is_some();

    let option = fields::text(row, "attendance_option", 40, &mut notes).map(|o| o.to_ascii_lowercase());
    let mut active = true;
    let attendance = match option.as_deref() {
        Some("in_person") => Attendance::InPerson,
        Some("online") => Attendance::Online,
        Some("hybrid") => Attendance::Hybrid,
        Some("inactive") => {
            active = false;
            if online_ways {
                Attendance::Online
            } else {
                Attendance::InPerson
            }
        }
        other => {
            if let Some(other) = other {
                notes.warn(
                    "attendance_option",
                    Message::new("import-attendance-unknown").with("value", fields::shorten(other)),
                );
            }
            let online = onl || online_ways;
            if tc && !online {
                active = false; // closed for now, with no online way to join
                Attendance::InPerson
            } else if tc {
                Attendance::Online
            } else if online && address.is_some() {
                Attendance::Hybrid
            } else if online {
                Attendance::Online
            } else {
                Attendance::InPerson
            }
        }
    };

    let group = fields::name_text(row, "group", &mut notes);
    RowOutcome::Meeting(Box::new(FeedMeeting {
        slug,
        group,
        zone: time_zone,
        own_zone,
        active,
        source_updated: fields::text(row, "updated", 40, &mut notes),
        details: MeetingDetails {
            location,
            address,
            latitude: fields::coordinate(row, "latitude", 90.0, &mut notes),
            longitude: fields::coordinate(row, "longitude", 180.0, &mut notes),
            location_notes: fields::long_text(row, "location_notes", &mut notes),
            conference_url,
            conference_url_notes: fields::short_text(row, "conference_url_notes", &mut notes),
            conference_phone,
            conference_phone_notes: fields::short_text(row, "conference_phone_notes", &mut notes),
            notes: fields::long_text(row, "notes", &mut notes),
            ..super::when_and_what(name, weekdays, start, duration_minutes, attendance, types)
        },
        warnings: notes.warnings,
    }))
}
