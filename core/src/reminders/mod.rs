//! Reminders: which are due, which comes next (`planning.rs`), and delivering each exactly once
//! (`delivery.rs`); what a notification says (here).
//!
//! A reminder is due `lead` minutes before an occurrence of a scheduled meeting (the meeting's own
//! lead time, else the default from settings; none when its reminders are off or the occurrence is
//! skipped). It fires once: its occurrence is claimed in the reminder log before it is delivered
//! and marked delivered after, so a restart never repeats it. A reminder whose due time passed
//! while the app was not running (or the machine slept) still fires if its meeting has not
//! started; once the meeting has started it never does.

mod delivery;
mod planning;

use crate::meetings::Attendance;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

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

#[cfg(test)]
mod tests;
