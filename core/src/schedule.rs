//! My schedule: which meetings the user goes to, their reminder lead times, "not this week"
//! skips and the attendance log, and the agenda built from them.
//!
//! Skips and attendance are keyed by (meeting, local date in the meeting's zone), so editing a
//! meeting's time keeps them.

use crate::i18n::Message;
use crate::meetings::{Attendance, Meeting, MeetingFilter};
use crate::recurrence::Occurrence;
use crate::settings::MAX_LEAD_MINUTES;
use crate::{Clock, Error, Result, Store};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

/// One meeting on one day, as the agenda and Today show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgendaItem {
    pub meeting_id: i64,
    pub name: String,
    pub attendance: Attendance,
    pub fellowship_name: Option<String>,
    pub location: Option<String>,
    pub address: Option<String>,
    pub conference_url: Option<String>,
    /// The meeting's own zone, for "6:00 PM in Chicago".
    pub time_zone: String,
    /// A short place name for the zone ("Chicago").
    pub time_zone_place: String,
    /// RFC 3339 instants.
    #[ts(type = "string")]
    pub starts_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub ends_at: DateTime<Utc>,
    /// The occurrence's day in the meeting's zone (the key for skip and attended).
    #[ts(type = "string")]
    pub local_date: NaiveDate,
    pub skipped: bool,
    pub attended: bool,
}

/// One day of the week agenda, in the user's zone.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgendaDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekAgenda {
    /// The zone the days and times are shown in (the device's).
    pub user_time_zone: String,
    /// Today in that zone, to mark it in the week.
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub days: Vec<AgendaDay>,
}

/// What Today shows: scheduled meetings from now (including ones in progress) to the end of
/// tomorrow, split by day in the user's zone. Skipped ones are left out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Upcoming {
    pub user_time_zone: String,
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub today_items: Vec<AgendaItem>,
    pub tomorrow_items: Vec<AgendaItem>,
}

/// The attendance log, counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceSummary {
    pub this_week: u32,
    pub this_month: u32,
    /// Meetings attended in the last 90 days, when the user chose to follow "90 in 90".
    pub last_90_days: Option<u32>,
}

impl Store {
    /// Puts a meeting in the schedule (or changes its reminder) with a lead time (`None`: the default).
    pub fn add_to_schedule(
        &mut self,
        meeting_id: i64,
        lead_minutes: Option<u32>,
        reminders: bool,
        clock: &dyn Clock,
    ) -> Result<Meeting> {
        if lead_minutes.is_some_and(|m| m > MAX_LEAD_MINUTES) {
            return Err(Error::invalid_key("lead_minutes", "error-lead-too-long"));
        }
        self.meeting(meeting_id)?;
        self.conn().execute(
            "INSERT INTO schedule (meeting_id, lead_minutes, remind, added_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (meeting_id) DO UPDATE SET lead_minutes = excluded.lead_minutes, remind = excluded.remind",
            params![meeting_id, lead_minutes, reminders, clock.now().timestamp()],
        )?;
        self.meeting(meeting_id)
    }

    pub fn remove_from_schedule(&mut self, meeting_id: i64) -> Result<Meeting> {
        self.meeting(meeting_id)?;
        self.conn().execute("DELETE FROM schedule WHERE meeting_id = ?1", [meeting_id])?;
        self.meeting(meeting_id)
    }

    pub fn set_meeting_favourite(&mut self, meeting_id: i64, favourite: bool) -> Result<Meeting> {
        if self.conn().execute("UPDATE meetings SET favourite = ?2 WHERE id = ?1", params![meeting_id, favourite])? == 0
        {
            return Err(crate::meetings::not_found(meeting_id));
        }
        self.meeting(meeting_id)
    }

    /// The occurrence of a meeting on a local date, or a clear error when it does not meet that day.
    fn occurrence_on(&self, meeting: &Meeting, local_date: NaiveDate) -> Result<Occurrence> {
        meeting.rule().and_then(|rule| rule.on(local_date)).ok_or_else(|| {
            Error::invalid_input(
                "local_date",
                Message::new("error-not-meeting-that-day")
                    .with("name", &meeting.details.name)
                    .with("date", local_date.format("%Y-%m-%d").to_string()),
            )
        })
    }

    /// "Not this week": no reminder, shown as skipped. `skip = false` takes it back.
    pub fn set_skipped(&mut self, meeting_id: i64, local_date: NaiveDate, skip: bool) -> Result<()> {
        let meeting = self.meeting(meeting_id)?;
        self.occurrence_on(&meeting, local_date)?;
        let date = local_date.format("%Y-%m-%d").to_string();
        if skip {
            self.conn().execute(
                "INSERT OR IGNORE INTO skips (meeting_id, local_date) VALUES (?1, ?2)",
                params![meeting_id, date],
            )?;
        } else {
            self.conn()
                .execute("DELETE FROM skips WHERE meeting_id = ?1 AND local_date = ?2", params![meeting_id, date])?;
        }
        Ok(())
    }

    /// Marks (or unmarks) an occurrence as attended. Only once it has started.
    pub fn set_attended(
        &mut self,
        meeting_id: i64,
        local_date: NaiveDate,
        attended: bool,
        clock: &dyn Clock,
    ) -> Result<()> {
        let meeting = self.meeting(meeting_id)?;
        let occurrence = self.occurrence_on(&meeting, local_date)?;
        let date = local_date.format("%Y-%m-%d").to_string();
        if attended {
            if occurrence.starts_at > clock.now() {
                return Err(Error::invalid_key("local_date", "error-attended-too-soon"));
            }
            self.conn().execute(
                "INSERT INTO attendance (meeting_id, meeting_name, local_date, recorded_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id, local_date) DO NOTHING",
                params![meeting_id, meeting.details.name, date, clock.now().timestamp()],
            )?;
        } else {
            self.conn().execute(
                "DELETE FROM attendance WHERE meeting_id = ?1 AND local_date = ?2",
                params![meeting_id, date],
            )?;
        }
        Ok(())
    }

    fn marked_dates(&self, table: &str) -> Result<HashSet<(i64, String)>> {
        let mut stmt =
            self.conn().prepare(&format!("SELECT meeting_id, local_date FROM {table} WHERE meeting_id IS NOT NULL"))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Occurrences of scheduled meetings overlapping `[from, to)`, soonest first.
    pub fn agenda_items(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<AgendaItem>> {
        let skips = self.marked_dates("skips")?;
        let attended = self.marked_dates("attendance")?;
        let mut items = Vec::new();
        for meeting in self.meetings(&MeetingFilter { in_schedule_only: true, ..MeetingFilter::default() })? {
            let Some(rule) = meeting.rule() else { continue };
            for o in rule.between(from, to) {
                let key = (meeting.id, o.local_date.format("%Y-%m-%d").to_string());
                items.push(AgendaItem {
                    meeting_id: meeting.id,
                    name: meeting.details.name.clone(),
                    attendance: meeting.details.attendance,
                    fellowship_name: meeting.fellowship_name.clone(),
                    location: meeting.details.location.clone(),
                    address: meeting.details.address.clone(),
                    conference_url: meeting.details.conference_url.clone(),
                    time_zone_place: crate::time_zone::place_name(&meeting.details.time_zone),
                    time_zone: meeting.details.time_zone.clone(),
                    starts_at: o.starts_at,
                    ends_at: o.ends_at,
                    local_date: o.local_date,
                    skipped: skips.contains(&key),
                    attended: attended.contains(&key),
                });
            }
        }
        items.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.name.cmp(&b.name)));
        Ok(items)
    }

    /// The week containing `now` shifted by `week_offset` weeks, starting on the user's first day
    /// of the week, with days and times in `user_zone`.
    pub fn week_agenda(&self, now: DateTime<Utc>, user_zone: Tz, week_offset: i32) -> Result<WeekAgenda> {
        let first_day = self.settings()?.first_day_of_week;
        let today = now.with_timezone(&user_zone).date_naive();
        let back = (7 + today.weekday().num_days_from_sunday() as i64 - i64::from(first_day)) % 7;
        let start = today - Duration::days(back) + Duration::weeks(i64::from(week_offset));
        let dates: Vec<NaiveDate> = (0..7).map(|i| start + Duration::days(i)).collect();
        let window_start = local_midnight(user_zone, start);
        let window_end = local_midnight(user_zone, start + Duration::days(7));
        let items = self.agenda_items(window_start, window_end)?;
        let days = dates
            .into_iter()
            .map(|date| AgendaDay {
                date,
                items: items
                    .iter()
                    .filter(|i| i.starts_at.with_timezone(&user_zone).date_naive() == date)
                    .cloned()
                    .collect(),
            })
            .collect();
        Ok(WeekAgenda { user_time_zone: user_zone.name().to_owned(), today, days })
    }

    /// Scheduled meetings from now (including ones in progress) to the end of tomorrow.
    pub fn upcoming(&self, now: DateTime<Utc>, user_zone: Tz) -> Result<Upcoming> {
        let today = now.with_timezone(&user_zone).date_naive();
        let end = local_midnight(user_zone, today + Duration::days(2));
        let (today_items, tomorrow_items) = self
            .agenda_items(now, end)?
            .into_iter()
            .filter(|i| !i.skipped)
            .partition(|i| i.starts_at.with_timezone(&user_zone).date_naive() <= today);
        Ok(Upcoming { user_time_zone: user_zone.name().to_owned(), today, today_items, tomorrow_items })
    }

    /// Meetings attended this week, this month, and (when followed) in the last 90 days.
    pub fn attendance_summary(&self, now: DateTime<Utc>, user_zone: Tz) -> Result<AttendanceSummary> {
        let settings = self.settings()?;
        let today = now.with_timezone(&user_zone).date_naive();
        let back = (7 + today.weekday().num_days_from_sunday() as i64 - i64::from(settings.first_day_of_week)) % 7;
        let week_start = today - Duration::days(back);
        let month_start = today.with_day(1).unwrap_or(today);
        let count_since = |since: NaiveDate| -> Result<u32> {
            Ok(self.conn().query_row(
                "SELECT count(*) FROM attendance WHERE local_date >= ?1 AND local_date <= ?2",
                params![since.format("%Y-%m-%d").to_string(), today.format("%Y-%m-%d").to_string()],
                |r| r.get(0),
            )?)
        };
        Ok(AttendanceSummary {
            this_week: count_since(week_start)?,
            this_month: count_since(month_start)?,
            last_90_days: if settings.ninety_in_ninety { Some(count_since(today - Duration::days(89))?) } else { None },
        })
    }
}

/// The instant a local day begins (midnight, or the first moment after a gap at midnight).
fn local_midnight(zone: Tz, date: NaiveDate) -> DateTime<Utc> {
    crate::recurrence::resolve_local(zone, date.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::{MeetingDetails, MeetingInput};
    use crate::FixedClock;
    use chrono::TimeZone;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Thursdays 19:00 in New York.
    fn thursday_meeting(store: &mut Store, clock: &FixedClock) -> Meeting {
        let input = MeetingInput::from(MeetingDetails {
            name: "Thursday Step Study".into(),
            weekdays: vec![4],
            start_time: Some("19:00".into()),
            time_zone: "America/New_York".into(),
            location: Some("St. Mark's hall".into()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&input, true, clock).unwrap()
    }

    #[test]
    fn skip_this_week_survives_a_change_of_time() {
        let clock = FixedClock::new(at(2026, 11, 23, 12, 0)); // Monday
        let mut store = Store::open_in_memory().unwrap();
        let m = thursday_meeting(&mut store, &clock);
        store.set_skipped(m.id, date(2026, 11, 26), true).unwrap();

        let week = store.week_agenda(clock.now(), Tz::America__New_York, 0).unwrap();
        let thursday = week.days.iter().find(|d| d.date == date(2026, 11, 26)).unwrap();
        assert!(thursday.items[0].skipped);
        assert!(
            store.upcoming(at(2026, 11, 26, 12, 0), Tz::America__New_York).unwrap().today_items.is_empty(),
            "a skipped meeting is not next"
        );

        // Move it to 20:00: still skipped that day, because skips are keyed by the local date.
        let moved = MeetingInput::from(MeetingDetails {
            start_time: Some("20:00".into()),
            weekdays: vec![4],
            name: m.details.name.clone(),
            time_zone: m.details.time_zone.clone(),
            ..MeetingDetails::default()
        });
        store.update_meeting(m.id, &moved, &clock).unwrap();
        let week = store.week_agenda(clock.now(), Tz::America__New_York, 0).unwrap();
        let item = &week.days.iter().find(|d| d.date == date(2026, 11, 26)).unwrap().items[0];
        assert!(item.skipped);
        assert_eq!(item.starts_at, at(2026, 11, 27, 1, 0), "20:00 EST");

        // Undo.
        store.set_skipped(m.id, date(2026, 11, 26), false).unwrap();
        assert_eq!(store.upcoming(at(2026, 11, 26, 12, 0), Tz::America__New_York).unwrap().today_items.len(), 1);
        // A day it does not meet cannot be skipped.
        assert!(store.set_skipped(m.id, date(2026, 11, 25), true).is_err());
    }

    #[test]
    fn attended_only_once_started_and_counted() {
        let clock = FixedClock::new(at(2026, 11, 26, 23, 0)); // Thursday 18:00 in New York
        let mut store = Store::open_in_memory().unwrap();
        let m = thursday_meeting(&mut store, &clock);
        let err = store.set_attended(m.id, date(2026, 11, 26), true, &clock).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("local_date"));
        clock.set(at(2026, 11, 27, 0, 30)); // 19:30, in progress
        store.set_attended(m.id, date(2026, 11, 26), true, &clock).unwrap();
        store.set_attended(m.id, date(2026, 11, 19), true, &clock).unwrap();
        store.set_attended(m.id, date(2026, 11, 19), true, &clock).unwrap(); // twice is once
        let summary = store.attendance_summary(clock.now(), Tz::America__New_York).unwrap();
        assert_eq!(summary, AttendanceSummary { this_week: 1, this_month: 2, last_90_days: None });

        let mut settings = store.settings().unwrap();
        settings.ninety_in_ninety = true;
        store.save_settings(&settings).unwrap();
        assert_eq!(store.attendance_summary(clock.now(), Tz::America__New_York).unwrap().last_90_days, Some(2));

        // Deleting the meeting keeps the log.
        store.delete_meeting(m.id).unwrap();
        assert_eq!(store.attendance_summary(clock.now(), Tz::America__New_York).unwrap().this_month, 2);
    }

    #[test]
    fn upcoming_shows_today_and_tomorrow_including_in_progress() {
        let clock = FixedClock::new(at(2026, 11, 27, 0, 30)); // Thursday 19:30 in New York
        let mut store = Store::open_in_memory().unwrap();
        let m = thursday_meeting(&mut store, &clock);
        let daily = MeetingInput::from(MeetingDetails {
            name: "Daily Reflections".into(),
            weekdays: (0..7).collect(),
            start_time: Some("07:00".into()),
            time_zone: "America/New_York".into(),
            attendance: Attendance::Online,
            conference_url: Some("https://example.org/join".into()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&daily, true, &clock).unwrap();
        let not_mine =
            MeetingInput::from(MeetingDetails { name: "Not in my schedule".into(), ..daily.details.clone() });
        store.create_meeting(&not_mine, false, &clock).unwrap();

        let upcoming = store.upcoming(clock.now(), Tz::America__New_York).unwrap();
        let names = |items: &[AgendaItem]| items.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&upcoming.today_items), ["Thursday Step Study"], "in progress counts as today");
        assert_eq!(
            names(&upcoming.tomorrow_items),
            ["Daily Reflections"],
            "today's 07:00 is over; not mine is not shown"
        );
        assert_eq!(upcoming.today_items[0].meeting_id, m.id);
        assert_eq!(upcoming.today, date(2026, 11, 26));
    }

    #[test]
    fn the_week_starts_on_the_chosen_day_and_is_shown_in_the_users_zone() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        // Mondays 07:00 in Kolkata = Sundays 17:30 in Los Angeles.
        let input = MeetingInput::from(MeetingDetails {
            name: "Kolkata morning".into(),
            weekdays: vec![1],
            start_time: Some("07:00".into()),
            time_zone: "Asia/Kolkata".into(),
            ..MeetingDetails::default()
        });
        store.create_meeting(&input, true, &clock).unwrap();
        let week = store.week_agenda(clock.now(), Tz::America__Los_Angeles, 0).unwrap();
        assert_eq!(week.days[0].date, date(2026, 11, 23), "Monday first by default");
        let sunday = week.days.last().unwrap();
        assert_eq!(sunday.date, date(2026, 11, 29));
        assert_eq!(sunday.items.len(), 1, "Monday in Kolkata is Sunday in Los Angeles");
        assert_eq!(sunday.items[0].local_date, date(2026, 11, 30));
        assert_eq!(sunday.items[0].time_zone_place, "Kolkata");

        let mut settings = store.settings().unwrap();
        settings.first_day_of_week = 0;
        store.save_settings(&settings).unwrap();
        let week = store.week_agenda(clock.now(), Tz::America__Los_Angeles, 1).unwrap();
        assert_eq!(week.days[0].date, date(2026, 11, 29), "next week, from Sunday");
    }

    #[test]
    fn lead_time_is_bounded() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        let m = thursday_meeting(&mut store, &clock);
        let updated = store.add_to_schedule(m.id, Some(15), true, &clock).unwrap();
        assert_eq!(updated.lead_minutes, Some(15));
        let none = store.add_to_schedule(m.id, None, false, &clock).unwrap();
        assert!(!none.reminders);
        assert!(store.add_to_schedule(m.id, Some(MAX_LEAD_MINUTES + 1), true, &clock).is_err());
        assert!(!store.remove_from_schedule(m.id).unwrap().in_schedule);
    }
}
