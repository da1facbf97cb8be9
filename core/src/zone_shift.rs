//! Meetings that move against the user's own clock for a while: the US, Europe and Australia change
//! their clocks on different dates, so for some weeks a London meeting is an hour earlier or later
//! for someone in New York. Said ahead of time on Today, worked out from the zone rules alone.

use crate::recurrence::{on_weekday, resolve_local};
use crate::Result;
use crate::Store;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far ahead a shift is announced.
pub const NOTICE_DAYS: i64 = 14;
/// How far ahead the end of a shift is looked for: past a full year of clock changes.
const LOOK_AHEAD_DAYS: i64 = 400;

/// A meeting at another time of the user's day for a while.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ZoneShift {
    pub meeting_id: i64,
    pub name: String,
    pub meeting_time_zone: String,
    /// The first and last day of the shift, `YYYY-MM-DD` in the user's zone; `until` is `None`
    /// when it lasts past the coming year's clock changes.
    pub from: String,
    pub until: Option<String>,
    /// `HH:MM` in the user's zone: the meeting's time now, and during the shift.
    pub usual_time: String,
    pub shifted_time: String,
}

/// A weekly meeting as the calculation needs it.
#[derive(Debug, Clone)]
pub struct WeeklyMeeting {
    pub id: i64,
    pub name: String,
    /// Bit 0 = Sunday.
    pub weekdays: u8,
    pub start: NaiveTime,
    pub zone: Tz,
}

/// Where the meeting's start on its own `date` falls for the user.
fn user_start(meeting: &WeeklyMeeting, date: NaiveDate, user_zone: Tz) -> DateTime<Tz> {
    resolve_local(meeting.zone, date.and_time(meeting.start)).with_timezone(&user_zone)
}

/// The shifts of `meeting` that start within [`NOTICE_DAYS`] of `now` and include one of its
/// meetings, each compared with its time for the user now.
pub fn shifts_of(meeting: &WeeklyMeeting, user_zone: Tz, now: DateTime<Utc>) -> Vec<ZoneShift> {
    if meeting.weekdays == 0 || meeting.zone == user_zone {
        return Vec::new();
    }
    let today = now.with_timezone(&meeting.zone).date_naive();
    let time_on = |date: NaiveDate| user_start(meeting, date, user_zone).time();
    let usual = time_on(today);
    let mut shifts = Vec::new();
    let mut date = today + Duration::days(1);
    let last_start = today + Duration::days(NOTICE_DAYS);
    while date <= last_start {
        let shifted = time_on(date);
        if shifted == time_on(date - Duration::days(1)) || shifted == usual {
            date += Duration::days(1);
            continue;
        }
        // A new time from `date`: it lasts until the day before the next change.
        let end = (1..LOOK_AHEAD_DAYS)
            .map(|d| date + Duration::days(d))
            .find(|d| time_on(*d) != shifted)
            .map(|next| next - Duration::days(1));
        let meets_then = (0..)
            .map(|d| date + Duration::days(d))
            .take_while(|d| end.is_none_or(|e| *d <= e))
            .take(7)
            .any(|d| on_weekday(meeting.weekdays, d));
        if meets_then {
            let user_date =
                |d: NaiveDate| user_start(meeting, d, user_zone).date_naive().format("%Y-%m-%d").to_string();
            shifts.push(ZoneShift {
                meeting_id: meeting.id,
                name: meeting.name.clone(),
                meeting_time_zone: meeting.zone.name().to_owned(),
                from: user_date(date),
                until: end.map(user_date),
                usual_time: usual.format("%H:%M").to_string(),
                shifted_time: shifted.format("%H:%M").to_string(),
            });
        }
        date = match end {
            Some(end) => end + Duration::days(1),
            None => break,
        };
    }
    shifts
}

impl Store {
    /// The shifts coming up for the weekly meetings in my schedule, soonest first.
    pub fn zone_shifts(&self, now: DateTime<Utc>, user_zone: Tz) -> Result<Vec<ZoneShift>> {
        let meetings =
            self.meetings(&crate::meetings::MeetingFilter { in_schedule_only: true, ..Default::default() })?;
        let mut shifts: Vec<ZoneShift> = meetings
            .iter()
            .filter(|m| m.active && m.details.date.is_none())
            .filter_map(|m| {
                let rule = m.details.rule()?;
                Some(WeeklyMeeting {
                    id: m.id,
                    name: m.details.name.clone(),
                    weekdays: rule.weekdays,
                    start: rule.start?,
                    zone: rule.zone,
                })
            })
            .flat_map(|m| shifts_of(&m, user_zone, now))
            .collect();
        shifts.sort_by(|a, b| a.from.cmp(&b.from).then(a.meeting_id.cmp(&b.meeting_id)));
        Ok(shifts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::{America, Asia, Australia, Europe};

    fn weekly(zone: Tz, time: &str, weekdays: u8) -> WeeklyMeeting {
        WeeklyMeeting {
            id: 1,
            name: "Serenity".into(),
            weekdays,
            start: NaiveTime::parse_from_str(time, "%H:%M").unwrap(),
            zone,
        }
    }

    const EVERY_DAY: u8 = 0b111_1111;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn summary(shifts: &[ZoneShift]) -> Vec<(String, Option<String>, String, String)> {
        shifts.iter().map(|s| (s.from.clone(), s.until.clone(), s.usual_time.clone(), s.shifted_time.clone())).collect()
    }

    fn s(from: &str, until: Option<&str>, usual: &str, shifted: &str) -> (String, Option<String>, String, String) {
        (from.into(), until.map(Into::into), usual.into(), shifted.into())
    }

    #[test]
    fn a_london_meeting_seen_from_new_york_in_march_2026() {
        // The US changes on 8 March, the UK on 29 March: three weeks at 12:00 instead of 11:00.
        let london = weekly(Europe::London, "16:00", EVERY_DAY);
        let shifts = shifts_of(&london, America::New_York, at(2026, 3, 1));
        assert_eq!(summary(&shifts), vec![s("2026-03-08", Some("2026-03-28"), "11:00", "12:00")]);
        // Too far ahead to say yet; and said again once it is near.
        assert!(shifts_of(&london, America::New_York, at(2026, 2, 20)).is_empty());
        // Inside the shift, the return is what comes next.
        let inside = shifts_of(&london, America::New_York, at(2026, 3, 20));
        assert_eq!(summary(&inside), vec![s("2026-03-29", Some("2026-10-24"), "12:00", "11:00")]);
    }

    #[test]
    fn autumn_in_the_us_and_europe() {
        // The EU ends summer time on 25 October 2026, the US on 1 November: one week.
        let paris = weekly(Europe::Paris, "18:00", EVERY_DAY);
        let shifts = shifts_of(&paris, America::Chicago, at(2026, 10, 20));
        assert_eq!(summary(&shifts), vec![s("2026-10-25", Some("2026-10-31"), "11:00", "12:00")]);
    }

    #[test]
    fn europe_and_australia_move_apart_in_two_steps() {
        // Berlin starts summer time on 29 March 2026; Sydney ends its own on 5 April.
        let sydney = weekly(Australia::Sydney, "19:00", EVERY_DAY);
        let shifts = shifts_of(&sydney, Europe::Berlin, at(2026, 3, 25));
        assert_eq!(
            summary(&shifts),
            vec![
                s("2026-03-29", Some("2026-04-04"), "09:00", "10:00"),
                s("2026-04-05", Some("2026-10-03"), "09:00", "11:00"),
            ]
        );
    }

    #[test]
    fn zones_without_clock_changes_never_shift_against_each_other() {
        let tokyo = weekly(Asia::Tokyo, "20:00", EVERY_DAY);
        for day in [1, 8, 15, 22, 29] {
            assert!(shifts_of(&tokyo, Asia::Kolkata, at(2026, 3, day)).is_empty());
            assert!(shifts_of(&tokyo, chrono_tz::UTC, at(2026, 10, day)).is_empty());
        }
        // One side without changes: Phoenix against Denver, from March to November.
        let denver = weekly(America::Denver, "19:00", EVERY_DAY);
        let shifts = shifts_of(&denver, America::Phoenix, at(2026, 3, 1));
        assert_eq!(summary(&shifts), vec![s("2026-03-08", Some("2026-10-31"), "19:00", "18:00")]);
        assert!(shifts_of(&denver, America::Denver, at(2026, 3, 1)).is_empty(), "same zone");
    }

    #[test]
    fn only_my_weekly_meetings_that_are_meeting_are_looked_at() {
        use crate::meetings::{MeetingDetails, MeetingInput};
        let clock = crate::FixedClock::new(at(2026, 3, 1));
        let mut store = Store::open_in_memory().unwrap();
        let mut add = |name: &str, zone: &str, date: Option<&str>, scheduled: bool| {
            let details = MeetingDetails {
                name: name.into(),
                weekdays: if date.is_some() { vec![] } else { vec![0, 2] },
                date: date.map(Into::into),
                start_time: Some("16:00".into()),
                time_zone: zone.into(),
                ..MeetingDetails::default()
            };
            store.create_meeting(&MeetingInput { details, group: None }, scheduled, &clock).unwrap()
        };
        let london = add("London", "Europe/London", None, true);
        add("Not mine", "Europe/London", None, false);
        add("Home", "America/New_York", None, true);
        add("Once", "Europe/London", Some("2026-03-10"), true);
        let shifts = store.zone_shifts(at(2026, 3, 1), America::New_York).unwrap();
        assert_eq!(shifts.len(), 1, "{shifts:?}");
        assert_eq!((shifts[0].meeting_id, shifts[0].name.as_str()), (london.id, "London"));
        assert_eq!(shifts[0].meeting_time_zone, "Europe/London");
    }
}
