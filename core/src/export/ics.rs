//! My schedule as an iCalendar (RFC 5545) file: one VEVENT per scheduled meeting, weekly ones
//! with an RRULE, times in the meeting's own zone (TZID) with a VTIMEZONE for every zone used,
//! EXDATE for skipped weeks and a VALARM at the reminder's lead time.
//!
//! The events are built with the `icalendar` crate. It makes no VTIMEZONE, so those are derived
//! here from chrono-tz (every offset change in the years around the export) and put in the text.
//! Calendars read a local time that falls in a DST gap with the offset before the gap, and an
//! ambiguous one as the first instant (RFC 5545 §3.3.5): the same rule as `recurrence::resolve_local`,
//! so an imported calendar agrees with the app's agenda and reminders.

use crate::i18n::{self, FluentValue, Locale};
use crate::meetings::{Meeting, MeetingFilter};
use crate::recurrence::on_weekday;
use crate::{Clock, Result, Store};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{Alarm, Calendar, CalendarDateTime, Component, EventLike, Property};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The product identifier written in every file.
pub const PRODID: &str = "-//Homegroup//Homegroup schedule//EN";

impl Store {
    /// The user's schedule as iCalendar text, with CRLF line endings; the calendar's name and the
    /// events' descriptions in `locale`.
    pub fn export_ics(&self, clock: &dyn Clock, locale: Locale) -> Result<String> {
        let now = clock.now();
        let default_lead = self.settings()?.default_lead_minutes;
        let skips = self.ics_skipped_dates()?;
        let mut calendar = Calendar::empty();
        calendar.append_property(Property::new("VERSION", "2.0"));
        calendar.append_property(Property::new("PRODID", PRODID));
        calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
        calendar.append_property(Property::new("METHOD", "PUBLISH"));
        calendar.name(&i18n::text(locale, "calendar-name", &[]));
        let mut zones: BTreeMap<&'static str, Tz> = BTreeMap::new();
        for meeting in self.meetings(&MeetingFilter { in_schedule_only: true, ..MeetingFilter::default() })? {
            let Some(rule) = meeting.rule() else { continue }; // by appointment, or not meeting now
            let Some(start) = rule.start else { continue };
            let first = match rule.date {
                Some(date) => date,
                None => match first_weekday_from(rule.weekdays, now.with_timezone(&rule.zone).date_naive()) {
                    Some(date) => date,
                    None => continue,
                },
            };
            zones.insert(rule.zone.name(), rule.zone);
            let tzid = rule.zone.name().to_owned();
            let mut event = icalendar::Event::new();
            event.uid(&uid(&meeting));
            event.timestamp(now);
            event.summary(&meeting.details.name);
            event.starts(CalendarDateTime::WithTimezone { date_time: first.and_time(start), tzid: tzid.clone() });
            event.append_property(Property::new("DURATION", format!("PT{}M", meeting.details.duration_minutes)));
            if rule.date.is_none() {
                event.append_property(Property::new("RRULE", format!("FREQ=WEEKLY;BYDAY={}", byday(rule.weekdays))));
                for date in skips.get(&meeting.id).into_iter().flatten().filter(|d| **d >= first) {
                    let mut exdate = Property::new("EXDATE", date.and_time(start).format("%Y%m%dT%H%M%S").to_string());
                    exdate.add_parameter("TZID", &tzid);
                    event.append_multi_property(exdate);
                }
            }
            let place: Vec<&str> = [meeting.details.location.as_deref(), meeting.details.address.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !place.is_empty() {
                event.location(&place.join(", "));
            }
            if let Some(url) = &meeting.details.conference_url {
                event.url(url);
            }
            let description = description(&meeting, locale);
            if !description.is_empty() {
                event.description(&description);
            }
            if meeting.reminders {
                let lead = meeting.lead_minutes.unwrap_or(default_lead);
                let mut alarm = Alarm::display(&meeting.details.name, -Duration::minutes(i64::from(lead)));
                // The crate writes a DTSTAMP and a random UID into components lacking them; a fixed
                // UID keeps files stable, and the DTSTAMP (not allowed in VALARM) is removed below.
                alarm.append_property(Property::new("UID", format!("{}-alarm", uid(&meeting))));
                alarm.timestamp(now);
                event.alarm(alarm);
            }
            calendar.push(event.done());
        }
        let text = calendar.done().to_string();
        let years = (now.year() - 1)..=(now.year() + 2);
        let timezones: String = zones.values().map(|zone| vtimezone(*zone, years.clone())).collect();
        Ok(assemble(&text, &timezones))
    }

    /// Writes the schedule to `path`; returns how many meetings it holds.
    pub fn export_ics_file(&self, path: &Path, clock: &dyn Clock, locale: Locale) -> Result<u32> {
        let text = self.export_ics(clock, locale)?;
        let events = text.matches("BEGIN:VEVENT\r\n").count() as u32;
        std::fs::write(path, text)?;
        Ok(events)
    }

    fn ics_skipped_dates(&self) -> Result<BTreeMap<i64, Vec<NaiveDate>>> {
        let mut stmt =
            self.conn().prepare("SELECT meeting_id, local_date FROM skips ORDER BY meeting_id, local_date")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out: BTreeMap<i64, Vec<NaiveDate>> = BTreeMap::new();
        for row in rows {
            let (id, date) = row?;
            if let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                out.entry(id).or_default().push(date);
            }
        }
        Ok(out)
    }
}

/// A UID that stays the same for a meeting across exports (and across a backup and restore,
/// for imported meetings).
fn uid(meeting: &Meeting) -> String {
    let clean = |s: &str| -> String {
        s.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') { c } else { '-' }).collect()
    };
    match (&meeting.source, &meeting.slug) {
        (Some(source), Some(slug)) => format!("{}.{}@homegroup", clean(slug), clean(source)),
        _ => format!("meeting-{}@homegroup", meeting.id),
    }
}

fn description(meeting: &Meeting, locale: Locale) -> String {
    let mut lines = Vec::new();
    if let Some(url) = &meeting.details.conference_url {
        lines.push(i18n::text(locale, "calendar-join", &[("url", FluentValue::from(url.as_str()))]));
    }
    if let Some(phone) = &meeting.details.conference_phone {
        lines.push(i18n::text(locale, "calendar-dial-in", &[("phone", FluentValue::from(phone.as_str()))]));
    }
    if let Some(notes) = &meeting.details.notes {
        lines.push(notes.clone());
    }
    lines.join("\n")
}

fn first_weekday_from(weekdays: u8, from: NaiveDate) -> Option<NaiveDate> {
    (0..7).map(|i| from + Duration::days(i)).find(|d| on_weekday(weekdays, *d))
}

fn byday(weekdays: u8) -> String {
    const DAYS: [&str; 7] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    (0..7).filter(|d| weekdays & (1 << d) != 0).map(|d| DAYS[d]).collect::<Vec<_>>().join(",")
}

/// Puts the VTIMEZONE blocks before the first event, and drops DTSTAMP lines inside VALARMs.
fn assemble(text: &str, timezones: &str) -> String {
    let mut out = String::with_capacity(text.len() + timezones.len());
    let mut in_alarm = false;
    let mut zones_written = false;
    for line in text.split_inclusive("\r\n") {
        let content = line.trim_end_matches("\r\n");
        if !zones_written && (content == "BEGIN:VEVENT" || content == "END:VCALENDAR") {
            out.push_str(timezones);
            zones_written = true;
        }
        match content {
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            _ if in_alarm && content.starts_with("DTSTAMP:") => continue,
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// A VTIMEZONE for `zone` with one observance per offset change in `years`, and one for the
/// offset in force when they begin.
fn vtimezone(zone: Tz, years: std::ops::RangeInclusive<i32>) -> String {
    let window_start = Utc.with_ymd_and_hms(*years.start(), 1, 1, 0, 0, 0).single();
    let window_end = Utc.with_ymd_and_hms(years.end() + 1, 1, 1, 0, 0, 0).single();
    let (Some(start), Some(end)) = (window_start, window_end) else { return String::new() };
    let mut out = String::new();
    let _ = write!(out, "BEGIN:VTIMEZONE\r\nTZID:{}\r\n", zone.name());
    let initial = zone.offset_from_utc_datetime(&start.naive_utc());
    observance(&mut out, zone, start, initial, initial);
    let mut at = start;
    let mut before = initial;
    while at < end {
        let next = at + Duration::days(1);
        let after = zone.offset_from_utc_datetime(&next.naive_utc());
        if after.fix() != before.fix() || after.abbreviation() != before.abbreviation() {
            // The change is in (at, next]: find its second.
            let (mut lo, mut hi) = (at, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if zone.offset_from_utc_datetime(&mid.naive_utc()).fix() == before.fix() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let new = zone.offset_from_utc_datetime(&hi.naive_utc());
            observance(&mut out, zone, hi, before, new);
            before = new;
        }
        at = next;
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

fn observance(
    out: &mut String,
    _zone: Tz,
    onset: DateTime<Utc>,
    from: <Tz as TimeZone>::Offset,
    to: <Tz as TimeZone>::Offset,
) {
    let kind = if to.dst_offset().is_zero() { "STANDARD" } else { "DAYLIGHT" };
    // DTSTART is the onset as a local time read with the offset before it.
    let local: NaiveDateTime = onset.naive_utc() + Duration::seconds(i64::from(from.fix().local_minus_utc()));
    let _ = write!(
        out,
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
        local.format("%Y%m%dT%H%M%S"),
        utc_offset(from.fix().local_minus_utc()),
        utc_offset(to.fix().local_minus_utc())
    );
    if let Some(name) =
        to.abbreviation().filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-'))
    {
        let _ = write!(out, "TZNAME:{name}\r\n");
    }
    let _ = write!(out, "END:{kind}\r\n");
}

/// `+0530`, `-0400`; seconds only when the offset has them (old zones).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

#[cfg(test)]
mod tests;
