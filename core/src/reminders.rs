//! Reminder planning: which reminders are due, which comes next, and firing each exactly once.
//!
//! A reminder is due `lead` minutes before an occurrence of a scheduled meeting (the meeting's own
//! lead time, else the default from settings; none when its reminders are off or the occurrence is
//! skipped). It fires once: the reminder log row (meeting, occurrence instant) is written in the
//! same transaction as the delivery, so a restart never repeats it. A reminder whose due time
//! passed while the app was not running (or the machine slept) still fires if its meeting has not
//! started; once the meeting has started it never does.

use crate::meetings::{Attendance, Meeting};
use crate::settings::MAX_LEAD_MINUTES;
use crate::{Result, Store};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use std::collections::HashSet;

/// A lead time of zero still lets the reminder fire this long after the start, so a loop that
/// wakes a moment late does not lose it.
const START_GRACE: Duration = Duration::seconds(60);

/// One reminder for one occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub meeting_id: i64,
    pub meeting_name: String,
    pub fellowship_name: Option<String>,
    pub group_name: Option<String>,
    pub attendance: Attendance,
    pub location: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
}

impl Reminder {
    /// Whether it may still fire at `now`: due, and its meeting has not started.
    pub fn fires_at(&self, now: DateTime<Utc>) -> bool {
        let last_moment = if self.due_at == self.starts_at { self.starts_at + START_GRACE } else { self.starts_at };
        self.due_at <= now && now < last_moment
    }
}

/// What a notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationText {
    pub title: String,
    pub body: String,
}

/// "7:00 PM" in `zone`.
fn clock_time(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%-I:%M %p").to_string()
}

/// The notification for a reminder, shown at `now` in the user's zone. Discreet text names no
/// meeting, fellowship, group or place: only that a meeting starts, and when.
pub fn notification_text(reminder: &Reminder, now: DateTime<Utc>, zone: Tz, discreet: bool) -> NotificationText {
    let at = clock_time(reminder.starts_at, zone);
    // Whole minutes, rounded up: a loop that wakes a moment after 18:59:00 still says "1 minute".
    let minutes = ((reminder.starts_at - now).num_seconds().max(0) + 59) / 60;
    let when = match minutes {
        0 => "Starting now".to_owned(),
        1 => "Starts in 1 minute".to_owned(),
        m if m < 120 => format!("Starts in {m} minutes"),
        _ => format!("Starts at {at}"),
    };
    if discreet {
        return NotificationText { title: format!("Meeting at {at}"), body: when };
    }
    let place = match reminder.attendance {
        Attendance::Online => "Online".to_owned(),
        Attendance::Hybrid => {
            reminder.location.as_deref().map_or("In person or online".to_owned(), |l| format!("{l} or online"))
        }
        Attendance::InPerson => reminder.location.clone().unwrap_or_default(),
    };
    let body = if place.is_empty() { when } else { format!("{when} · {place}") };
    NotificationText { title: format!("{} at {at}", reminder.meeting_name), body }
}

impl Store {
    /// Reminders not yet fired whose occurrence starts in `[from, from + horizon)`, soonest due first.
    pub fn planned_reminders(&self, from: DateTime<Utc>, horizon: Duration) -> Result<Vec<Reminder>> {
        let mut reminders = Vec::new();
        self.each_planned(from, horizon, true, |meeting, starts_at, due_at| {
            reminders.push(Reminder {
                meeting_id: meeting.id,
                meeting_name: meeting.name.clone(),
                fellowship_name: meeting.fellowship_name.clone(),
                group_name: meeting.group_name.clone(),
                attendance: meeting.attendance,
                location: meeting.location.clone(),
                starts_at,
                due_at,
            });
        })?;
        reminders.sort_by(|a, b| a.due_at.cmp(&b.due_at).then(a.meeting_id.cmp(&b.meeting_id)));
        Ok(reminders)
    }

    /// Calls `visit(meeting, starts_at, due_at)` for every reminder not yet fired nor skipped whose
    /// occurrence starts in `[from, from + horizon)`. Without `details`, the meetings carry only
    /// what timing needs (no names or place).
    fn each_planned(
        &self,
        from: DateTime<Utc>,
        horizon: Duration,
        details: bool,
        mut visit: impl FnMut(&Meeting, DateTime<Utc>, DateTime<Utc>),
    ) -> Result<()> {
        let default_lead = self.settings()?.default_lead_minutes;
        let fired = self.fired_since(from)?;
        let skipped = self.skipped_dates()?;
        for meeting in self.remindable_meetings(details)? {
            let Some(rule) = meeting.rule() else { continue };
            let lead = Duration::minutes(i64::from(meeting.lead_minutes.unwrap_or(default_lead).min(MAX_LEAD_MINUTES)));
            for occurrence in rule.between(from, from + horizon) {
                let is_skipped = || {
                    !skipped.is_empty()
                        && skipped.contains(&(meeting.id, occurrence.local_date.format("%Y-%m-%d").to_string()))
                };
                if occurrence.starts_at < from
                    || fired.contains(&(meeting.id, occurrence.starts_at.timestamp()))
                    || is_skipped()
                {
                    continue;
                }
                visit(&meeting, occurrence.starts_at, occurrence.starts_at - lead);
            }
        }
        Ok(())
    }

    /// The reminders that should fire at `now`, including ones whose due time passed while the app
    /// was not running, as long as their meeting has not started.
    pub fn due_reminders(&self, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
        let window = Duration::minutes(i64::from(MAX_LEAD_MINUTES)) + START_GRACE;
        Ok(self.planned_reminders(now - START_GRACE, window)?.into_iter().filter(|r| r.fires_at(now)).collect())
    }

    /// When the next reminder after `now` is due, looking a week and a day ahead.
    pub fn next_reminder_due(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        let window = Duration::minutes(i64::from(MAX_LEAD_MINUTES)) + Duration::days(1);
        let mut next: Option<DateTime<Utc>> = None;
        self.each_planned(now, window, false, |_, _, due| {
            if due > now && next.is_none_or(|n| due < n) {
                next = Some(due);
            }
        })?;
        Ok(next)
    }

    /// Fires every due reminder through `deliver`, each in the same transaction as its log row,
    /// so it is delivered exactly once. A reminder `deliver` fails for is not logged and is tried
    /// again on the next call (while its meeting has not started). Returns the ones delivered.
    pub fn fire_due_reminders(
        &mut self,
        now: DateTime<Utc>,
        mut deliver: impl FnMut(&Reminder) -> std::result::Result<(), String>,
    ) -> Result<Vec<Reminder>> {
        let due = self.due_reminders(now)?;
        let mut delivered = Vec::new();
        for reminder in due {
            let tx = self.conn_mut().transaction()?;
            let claimed = tx.execute(
                "INSERT OR IGNORE INTO reminder_log (meeting_id, occurrence_at, fired_at) VALUES (?1, ?2, ?3)",
                params![reminder.meeting_id, reminder.starts_at.timestamp(), now.timestamp()],
            )?;
            if claimed == 0 {
                continue; // another process fired it first
            }
            if deliver(&reminder).is_ok() {
                tx.commit()?;
                delivered.push(reminder);
            }
            // On failure the transaction rolls back when dropped: the reminder stays due.
        }
        Ok(delivered)
    }

    /// Scheduled meetings with reminders on, with only what planning needs: this runs at every
    /// wake-up of the reminder loop, so it skips the columns and type codes a full `Meeting` reads,
    /// and without `details` the names and place too (finding the next due time needs none).
    fn remindable_meetings(&self, details: bool) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare_cached(if details {
            "SELECT m.id, m.name, m.weekdays, m.date, m.start_time, m.duration_minutes, m.time_zone, m.attendance,
                    coalesce(m.location, m.address), s.lead_minutes, f.name, g.name
             FROM schedule s JOIN meetings m ON m.id = s.meeting_id
             LEFT JOIN fellowships f ON f.id = m.fellowship_id
             LEFT JOIN groups g ON g.id = m.group_id
             WHERE s.remind = 1 AND m.active = 1 AND m.start_time IS NOT NULL"
        } else {
            "SELECT m.id, '', m.weekdays, m.date, m.start_time, m.duration_minutes, m.time_zone, m.attendance,
                    NULL, s.lead_minutes, NULL, NULL
             FROM schedule s JOIN meetings m ON m.id = s.meeting_id
             WHERE s.remind = 1 AND m.active = 1 AND m.start_time IS NOT NULL"
        })?;
        let rows = stmt.query_map([], |row| {
            let weekdays: u8 = row.get(2)?;
            let attendance: String = row.get(7)?;
            Ok(Meeting {
                id: row.get(0)?,
                name: row.get(1)?,
                weekdays: (0..7).filter(|d| weekdays & (1 << d) != 0).collect(),
                date: row
                    .get::<_, Option<String>>(3)?
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                start_time: row.get(4)?,
                duration_minutes: row.get(5)?,
                time_zone: row.get(6)?,
                attendance: match attendance.as_str() {
                    "online" => Attendance::Online,
                    "hybrid" => Attendance::Hybrid,
                    _ => Attendance::InPerson,
                },
                location: row.get(8)?,
                lead_minutes: row.get(9)?,
                fellowship_name: row.get(10)?,
                group_name: row.get(11)?,
                ..Meeting::planning_stub()
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn fired_since(&self, from: DateTime<Utc>) -> Result<HashSet<(i64, i64)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT meeting_id, occurrence_at FROM reminder_log WHERE occurrence_at >= ?1")?;
        let rows = stmt.query_map([from.timestamp() - START_GRACE.num_seconds()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn skipped_dates(&self) -> Result<HashSet<(i64, String)>> {
        let mut stmt = self.conn().prepare_cached("SELECT meeting_id, local_date FROM skips")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::MeetingInput;
    use crate::{Clock, FixedClock};
    use chrono::{NaiveDate, TimeZone};
    use proptest::prelude::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn meeting(store: &mut Store, clock: &FixedClock, name: &str, weekdays: Vec<u8>, time: &str, zone: &str) -> i64 {
        let input = MeetingInput {
            name: name.into(),
            fellowship: Some("al-anon".into()),
            weekdays,
            start_time: Some(time.into()),
            time_zone: zone.into(),
            location: Some("Library room 2".into()),
            ..MeetingInput::default()
        };
        store.create_meeting(&input, true, clock).unwrap().id
    }

    fn fire(store: &mut Store, now: DateTime<Utc>) -> Vec<String> {
        store.fire_due_reminders(now, |_| Ok(())).unwrap().into_iter().map(|r| r.meeting_name).collect()
    }

    #[test]
    fn fires_once_across_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        {
            let mut store = Store::open_in(dir.path()).unwrap();
            meeting(&mut store, &clock, "Thursday Serenity", vec![4], "19:00", "UTC"); // default lead: 30 min
            assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 26, 18, 30)));
            assert!(fire(&mut store, at(2026, 11, 26, 18, 29)).is_empty());
            assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 30)), ["Thursday Serenity"]);
            assert!(fire(&mut store, at(2026, 11, 26, 18, 31)).is_empty());
        }
        // A new process over the same file.
        let mut store = Store::open_in(dir.path()).unwrap();
        assert!(fire(&mut store, at(2026, 11, 26, 18, 35)).is_empty(), "never twice");
        assert_eq!(store.next_reminder_due(at(2026, 11, 26, 18, 35)).unwrap(), Some(at(2026, 12, 3, 18, 30)));
    }

    #[test]
    fn catch_up_after_sleep_fires_for_a_meeting_ahead_and_not_for_one_started() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        meeting(&mut store, &clock, "Already started", vec![4], "14:00", "UTC");
        meeting(&mut store, &clock, "Still ahead", vec![4], "15:30", "UTC");
        // Asleep from 12:00 to 15:00: "Already started" was due 13:30 and began at 14:00;
        // "Still ahead" was due 15:00 and begins at 15:30.
        assert_eq!(fire(&mut store, at(2026, 11, 26, 15, 0)), ["Still ahead"]);
        assert!(fire(&mut store, at(2026, 11, 26, 15, 1)).is_empty());
    }

    #[test]
    fn skipped_occurrences_and_no_reminder_meetings_get_none() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        let skipped = meeting(&mut store, &clock, "Skipped this week", vec![4], "19:00", "UTC");
        store.set_skipped(skipped, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), true).unwrap();
        let quiet = meeting(&mut store, &clock, "No reminder", vec![4], "19:00", "UTC");
        store.add_to_schedule(quiet, None, false, &clock).unwrap();
        let custom = meeting(&mut store, &clock, "Ten minutes", vec![4], "19:00", "UTC");
        store.add_to_schedule(custom, Some(10), true, &clock).unwrap();
        assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 26, 18, 50)));
        assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 55)), ["Ten minutes"]);
    }

    #[test]
    fn a_failed_delivery_is_tried_again_until_the_meeting_starts() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        meeting(&mut store, &clock, "Retry", vec![4], "19:00", "UTC");
        let failed =
            store.fire_due_reminders(at(2026, 11, 26, 18, 30), |_| Err("no notification service".into())).unwrap();
        assert!(failed.is_empty());
        assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 45)), ["Retry"]);
    }

    #[test]
    fn dst_weekend_reminders_come_at_the_right_instant() {
        // US spring forward, 2026-03-08: a 02:30 meeting happens at 03:30 EDT (07:30 UTC).
        let clock = FixedClock::new(at(2026, 3, 7, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        meeting(&mut store, &clock, "Night owls", vec![0], "02:30", "America/New_York");
        assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 3, 8, 7, 0)));
        // Fall back, 2026-11-01: 01:30 happens twice; the reminder is for the first (05:30 UTC).
        let clock = FixedClock::new(at(2026, 10, 31, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        meeting(&mut store, &clock, "Night owls", vec![0], "01:30", "America/New_York");
        assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 1, 5, 0)));
        assert_eq!(fire(&mut store, at(2026, 11, 1, 5, 0)), ["Night owls"]);
        assert!(fire(&mut store, at(2026, 11, 1, 6, 0)).is_empty(), "not again at the second 01:00");
    }

    #[test]
    fn discreet_text_names_no_meeting_fellowship_group_or_place() {
        let reminder = Reminder {
            meeting_id: 1,
            meeting_name: "Tuesday Al-Anon".into(),
            fellowship_name: Some("Al-Anon Family Groups".into()),
            group_name: Some("Serenity Seekers".into()),
            attendance: Attendance::InPerson,
            location: Some("St. Mark's hall".into()),
            starts_at: at(2026, 11, 26, 19, 0),
            due_at: at(2026, 11, 26, 18, 30),
        };
        let now = at(2026, 11, 26, 18, 30);
        let plain = notification_text(&reminder, now, Tz::UTC, false);
        assert_eq!(plain.title, "Tuesday Al-Anon at 7:00 PM");
        assert_eq!(plain.body, "Starts in 30 minutes · St. Mark's hall");
        let discreet = notification_text(&reminder, now, Tz::UTC, true);
        assert_eq!(discreet.title, "Meeting at 7:00 PM");
        for secret in ["Al-Anon", "Serenity", "Mark", "Tuesday"] {
            assert!(
                !discreet.title.contains(secret) && !discreet.body.contains(secret),
                "{secret} leaked: {discreet:?}"
            );
        }
        let a_moment_late =
            notification_text(&reminder, at(2026, 11, 26, 18, 59) + Duration::milliseconds(300), Tz::UTC, false);
        assert_eq!(a_moment_late.body, "Starts in 1 minute · St. Mark's hall");
        let later = notification_text(&reminder, at(2026, 11, 26, 15, 0), Tz::America__Chicago, false);
        assert_eq!(later.title, "Tuesday Al-Anon at 1:00 PM", "shown in the user's zone");
    }

    fn sample(meeting_id: i64) -> Reminder {
        Reminder {
            meeting_id,
            meeting_name: String::new(),
            fellowship_name: None,
            group_name: None,
            attendance: Attendance::InPerson,
            location: None,
            starts_at: at(2026, 1, 1, 0, 0),
            due_at: at(2026, 1, 1, 0, 0),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

        /// Over a random schedule and a year, stepping from one due instant to the next with random
        /// sleeps in between, every occurrence gets exactly one reminder: at its due time, or at the
        /// first wake-up after it while the meeting has not started; none once it has.
        #[test]
        fn every_occurrence_is_reminded_exactly_once(
            meetings in proptest::collection::vec((1u8..128, 0u32..(24 * 60), 0usize..4, 0u32..180), 1..5),
            sleeps in proptest::collection::vec(0i64..(3 * 60), 1..64),
            start_day in 0i64..3000,
        ) {
            let zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
            let start = at(2020, 1, 1, 0, 0) + Duration::days(start_day);
            let clock = FixedClock::new(start);
            let mut store = Store::open_in_memory().unwrap();
            let mut leads: std::collections::HashMap<i64, Duration> = Default::default();
            for (weekdays, minutes, zone, lead) in &meetings {
                let days: Vec<u8> = (0..7).filter(|d| weekdays & (1 << d) != 0).collect();
                let id = meeting(&mut store, &clock, "m", days, &format!("{:02}:{:02}", minutes / 60, minutes % 60), zones[*zone]);
                store.add_to_schedule(id, Some(*lead), true, &clock).unwrap();
                leads.insert(id, Duration::minutes(i64::from(*lead)));
            }
            let end = start + Duration::days(365);
            let mut now = start;
            let mut wakes: Vec<DateTime<Utc>> = Vec::new();
            let mut fired: std::collections::HashMap<(i64, DateTime<Utc>), DateTime<Utc>> = Default::default();
            let mut step = 0;
            while now < end {
                wakes.push(now);
                for r in store.fire_due_reminders(now, |_| Ok(())).unwrap() {
                    prop_assert!(fired.insert((r.meeting_id, r.starts_at), now).is_none(), "fired twice");
                }
                // Sleep to the next due instant, and every third time oversleep up to 3 hours.
                let next = store.next_reminder_due(now).unwrap().unwrap_or(end).min(end);
                let oversleep = if step % 3 == 2 { Duration::minutes(sleeps[step % sleeps.len()]) } else { Duration::zero() };
                step += 1;
                now = (next + oversleep).max(now + Duration::seconds(1));
            }
            // Each occurrence is reminded at the first wake-up at or after its due time, if the
            // meeting has not started by then, and never otherwise.
            for m in store.meetings(&crate::meetings::MeetingFilter::default()).unwrap() {
                let lead = leads[&m.id];
                for o in m.rule().unwrap().between(start + Duration::days(8), end - Duration::days(1)) {
                    let due = o.starts_at - lead;
                    let first_wake = wakes.iter().find(|w| **w >= due).copied();
                    let reminder = Reminder { due_at: due, starts_at: o.starts_at, ..sample(m.id) };
                    match first_wake {
                        Some(w) if reminder.fires_at(w) => {
                            prop_assert_eq!(fired.get(&(m.id, o.starts_at)), Some(&w), "missed or late: {} due {}", m.id, due);
                        }
                        _ => prop_assert!(!fired.contains_key(&(m.id, o.starts_at)), "fired after its start"),
                    }
                }
            }
        }
    }
}

/// What Settings shows about reminders on this device.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ReminderStatus {
    /// Whether the system can show notifications (a notification service answered).
    pub notifications_available: bool,
    /// Why not, in plain words, when they are not.
    pub problem: Option<String>,
    /// When the next reminder is due (RFC 3339), if any.
    pub next_due: Option<String>,
}
