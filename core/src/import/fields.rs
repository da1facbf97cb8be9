//! Reading one field of a feed row the forgiving way: real feeds put numbers where strings belong,
//! `null` where a value is missing, and times in whatever shape their website prints. Each reader
//! returns what it could use and, when it dropped something, says why.

use super::row::Row;
use crate::i18n::Message;
use crate::meetings::{is_dial_string, parse_start_time};
use crate::validation::{is_web_url, MAX_NAME, MAX_NOTES, MAX_SHORT, MAX_URL};
use chrono::{NaiveTime, Timelike};
use serde_json::Value;
use std::borrow::Cow;

/// A problem with one field of one row, before it is tied to the row's index and slug; worded
/// when it is listed (see `read::Problems`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldProblem {
    pub field: &'static str,
    pub message: Message,
}

/// Collects the warnings for one row.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    pub warnings: Vec<FieldProblem>,
}

impl Notes {
    pub fn warn(&mut self, field: &'static str, message: Message) {
        self.warnings.push(FieldProblem { field, message });
    }
}

/// A text field: strings are trimmed, numbers become text, `null`, empty and other shapes are
/// missing. Control characters are removed and over-long text is cut, with a warning. The text is
/// taken out of the row, so each field is read once.
pub(crate) fn text(row: &mut Row, key: &'static str, max: usize, notes: &mut Notes) -> Option<String> {
    match row.take(key)? {
        Value::String(s) => clean_owned(key, s, max, notes),
        Value::Number(n) => clean_text(key, &n.to_string(), max, notes),
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => {
            notes.warn(key, Message::new("import-not-text"));
            None
        }
        Value::Null => None,
    }
}

/// Control characters other than new lines and tabs have no place in a meeting's details.
fn unwanted(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Whether `text` may hold an [`unwanted`] character, checked a byte at a time (much faster than
/// by character): control characters are bytes below 0x20, 0x7F, or 0xC2 followed by 0x80–0x9F.
fn may_have_unwanted(text: &str) -> bool {
    text.bytes().any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F || b == 0xC2)
}

/// [`clean_text`] for text that is ours to keep: text that is clean already (most of it) is
/// returned as it is, without a copy.
fn clean_owned(field: &'static str, raw: String, max: usize, notes: &mut Notes) -> Option<String> {
    let clean = !raw.is_empty()
        && raw.len() <= max
        && raw.trim().len() == raw.len()
        && !(may_have_unwanted(&raw) && raw.contains(unwanted));
    if clean {
        Some(raw)
    } else {
        clean_text(field, &raw, max, notes)
    }
}

/// Trims, drops control characters (keeping new lines and tabs) and cuts at `max` characters.
pub(crate) fn clean_text(field: &'static str, raw: &str, max: usize, notes: &mut Notes) -> Option<String> {
    // Most fields are clean already: copied once, without a pass that rebuilds them.
    let filtered: String;
    let cleaned = if may_have_unwanted(raw) && raw.contains(unwanted) {
        filtered = raw.chars().filter(|c| !unwanted(*c)).collect();
        filtered.trim()
    } else {
        raw.trim()
    };
    if cleaned.is_empty() {
        return None;
    }
    // A character takes at least one byte, so only text longer in bytes can be too long.
    if cleaned.len() > max && cleaned.chars().count() > max {
        notes.warn(field, Message::new("import-cut").with("max", max));
        return Some(cleaned.chars().take(max).collect::<String>().trim_end().to_owned());
    }
    Some(cleaned.to_owned())
}

pub(crate) fn name_text(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<String> {
    text(row, key, MAX_NAME, notes)
}

pub(crate) fn short_text(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<String> {
    text(row, key, MAX_SHORT, notes)
}

pub(crate) fn long_text(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<String> {
    text(row, key, MAX_NOTES, notes)
}

/// A meeting link: only http(s) links are kept. App links such as `zoommtg://` open nothing on
/// most devices, so they are dropped with a warning.
pub(crate) fn web_link(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<String> {
    let url = text(row, key, MAX_URL, notes)?;
    if is_web_url(&url) {
        Some(url)
    } else {
        notes.warn(key, Message::new("import-not-web-link").with("value", shorten(&url)));
        None
    }
}

/// A dial-in string: digits and the signs phones dial (`+`, `,` pauses, `#`, `*`). Anything a phone
/// cannot dial as is (`p`, `w`, `ext.`) is dropped with a warning.
pub(crate) fn dial_string(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<String> {
    let phone = text(row, key, MAX_SHORT, notes)?;
    if is_dial_string(&phone) {
        Some(phone)
    } else {
        notes.warn(key, Message::new("import-not-dialable").with("value", shorten(&phone)));
        None
    }
}

/// A coordinate: a number or a numeric string within `limit` degrees.
pub(crate) fn coordinate(row: &Row, key: &'static str, limit: f64, notes: &mut Notes) -> Option<f64> {
    let value = match row.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => s.trim().parse::<f64>().ok(),
        Value::Null => return None,
        _ => None,
    };
    match value {
        Some(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            notes.warn(key, Message::new("import-not-coordinate"));
            None
        }
    }
}

/// Reads a time of day: "19:00", "7:00", "19:00:00", "7:00 PM", "7:00 pm", "7pm", "7 P.M.", "noon",
/// "midnight". `None` for anything else.
/// A row's own time zone; one that is not a zone is dropped with a warning (the list's is used).
pub(crate) fn time_zone(row: &mut Row, key: &'static str, notes: &mut Notes) -> Option<chrono_tz::Tz> {
    let zone = text(row, key, 64, notes)?;
    match zone.parse() {
        Ok(tz) => Some(tz),
        Err(_) => {
            notes.warn(key, Message::new("import-not-time-zone").with("value", shorten(&zone)));
            None
        }
    }
}

pub(crate) fn time_of_day(raw: &str) -> Option<NaiveTime> {
    if let Some(time) = parse_start_time(raw) {
        return Some(time); // "19:00", as most feeds write it
    }
    let text = raw.trim().to_ascii_lowercase().replace('.', "");
    match text.as_str() {
        "noon" | "12 noon" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" | "12 midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (clock, meridiem) = if let Some(rest) = text.strip_suffix("am") {
        (rest.trim(), Some(false))
    } else if let Some(rest) = text.strip_suffix("pm") {
        (rest.trim(), Some(true))
    } else {
        (text.trim(), None)
    };
    let parsed = match meridiem {
        None => parse_start_time(clock).or_else(|| NaiveTime::parse_from_str(clock, "%H:%M:%S").ok())?,
        Some(pm) => {
            let mut parts = clock.splitn(2, ':');
            let hour: u32 = parts.next()?.trim().parse().ok()?;
            let minute: u32 = match parts.next() {
                Some(m) => m.trim().get(..2).unwrap_or(m.trim()).parse().ok()?,
                None => 0,
            };
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            };
            NaiveTime::from_hms_opt(hour, minute, 0)?
        }
    };
    // Seconds are noise in feeds; meetings start on a minute.
    NaiveTime::from_hms_opt(parsed.hour(), parsed.minute(), 0)
}

/// "19:00": how start times are stored (without chrono's format parser, which is slow per row).
pub(crate) fn hours_and_minutes(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Reads a weekday given as 0–6 (0 = Sunday) or as a day's name ("Sunday", "sun").
pub(crate) fn weekday_from_zero(value: &Value) -> Option<u8> {
    match value {
        Value::Number(n) => n.as_u64().filter(|d| *d <= 6).map(|d| d as u8),
        Value::String(s) => {
            let s = s.trim();
            if let Ok(d) = s.parse::<u8>() {
                return (d <= 6).then_some(d);
            }
            weekday_name(s)
        }
        _ => None,
    }
}

fn weekday_name(name: &str) -> Option<u8> {
    const NAMES: [&str; 7] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    let lower = name.trim().to_ascii_lowercase();
    if lower.len() < 2 {
        return None;
    }
    NAMES.iter().position(|n| n.starts_with(&lower) && lower.len() >= 3 || *n == lower).map(|d| d as u8)
}

/// Cuts a value for a message, so one huge field does not flood the report.
pub(crate) fn shorten(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_owned()
    }
}

/// Meeting type codes as a feed gives them: an array of strings, or one string separated by
/// commas or spaces. Codes are kept upper-case unless the lower-case form is the known one
/// ("12x12"); codes that cannot be codes are dropped with a warning.
pub(crate) fn type_codes(value: Option<&Value>, field: &'static str, notes: &mut Notes) -> Vec<String> {
    let raw: Vec<Cow<str>> = match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s.split([',', ' ', ';']).map(Cow::Borrowed).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(Cow::Borrowed(s.as_str())),
                Value::Number(n) => Some(Cow::Owned(n.to_string())),
                _ => None,
            })
            .collect(),
        Some(_) => {
            notes.warn(field, Message::new("import-types-not-list"));
            Vec::new()
        }
    };
    let mut codes: Vec<String> = Vec::new();
    for code in &raw {
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        if code.len() > 12 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            notes.warn(field, Message::new("import-not-type-code").with("value", shorten(code)));
            continue;
        }
        // Upper case unless the list knows the code in lower case; most codes are upper case already.
        let keep_as_is = !code.bytes().any(|b| b.is_ascii_lowercase()) || crate::type_codes::is_generic(code);
        let code = if keep_as_is { code.to_owned() } else { code.to_ascii_uppercase() };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn times_in_every_shape_feeds_use() {
        assert_eq!(time_of_day("19:00"), t(19, 0));
        assert_eq!(time_of_day("7:00"), t(7, 0));
        assert_eq!(time_of_day("19:00:00"), t(19, 0));
        assert_eq!(time_of_day("7:00 PM"), t(19, 0));
        assert_eq!(time_of_day("7:00 pm"), t(19, 0));
        assert_eq!(time_of_day("7:30pm"), t(19, 30));
        assert_eq!(time_of_day("7 P.M."), t(19, 0));
        assert_eq!(time_of_day("12:00 am"), t(0, 0));
        assert_eq!(time_of_day("12:15 PM"), t(12, 15));
        assert_eq!(time_of_day("noon"), t(12, 0));
        assert_eq!(time_of_day("13:00 pm"), None);
        assert_eq!(time_of_day("7pm-ish"), None);
        assert_eq!(time_of_day("25:00"), None);
        assert_eq!(time_of_day(""), None);
        assert_eq!(time_of_day("é:ü pm"), None);
    }

    #[test]
    fn the_byte_check_finds_every_unwanted_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if unwanted(c) {
                assert!(may_have_unwanted(c.encode_utf8(&mut [0; 4])), "{:#x}", c as u32);
            }
        }
        assert!(!may_have_unwanted("Friday Night Big Book\n\tSerenity café 12×12"));
        let mut notes = Notes::default();
        assert_eq!(clean_text("notes", " a\u{7}b\u{85}c\n", 100, &mut notes).as_deref(), Some("abc"));
    }

    #[test]
    fn weekdays_as_numbers_numeric_strings_and_names() {
        assert_eq!(weekday_from_zero(&Value::from(0)), Some(0));
        assert_eq!(weekday_from_zero(&Value::from("3")), Some(3));
        assert_eq!(weekday_from_zero(&Value::from("Tuesday")), Some(2));
        assert_eq!(weekday_from_zero(&Value::from("sat")), Some(6));
        assert_eq!(weekday_from_zero(&Value::from(7)), None);
        assert_eq!(weekday_from_zero(&Value::from(-1)), None);
        assert_eq!(weekday_from_zero(&Value::from("someday")), None);
    }

    #[test]
    fn type_codes_from_strings_lower_case_and_junk() {
        let mut notes = Notes::default();
        let codes = type_codes(Some(&Value::from("o, d  12x12 sp")), "types", &mut notes);
        assert_eq!(codes, ["O", "D", "12x12", "SP"]);
        assert!(notes.warnings.is_empty());
        let codes = type_codes(Some(&serde_json::json!(["O", "o", "<b>", 5, null])), "types", &mut notes);
        assert_eq!(codes, ["O", "5"]);
        assert_eq!(notes.warnings.len(), 1);
    }
}
