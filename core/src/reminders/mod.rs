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
pub mod phone;
pub mod plan;
mod planning;
mod text;

pub use text::{notification_text, tray_tooltip, NotificationText};

use crate::meetings::Attendance;
use chrono::{DateTime, Duration, Utc};

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

/// What Settings shows about reminders on this device.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ReminderStatus {
    /// Whether the system can show notifications (a notification service answered).
    pub notifications_available: bool,
    /// Why not, in plain words, when they are not.
    pub problem: Option<String>,
    /// When the next reminder is due (RFC 3339), if any.
    pub next_due: Option<String>,
    /// On a phone, what the phone allows; `None` on desktops.
    pub phone: Option<PhoneReminders>,
}

/// Whether a phone lets Homegroup show notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PhonePermission {
    Granted,
    Denied,
    /// Not decided yet: the app says why, then asks.
    Ask,
}

/// What a phone allows for reminders, for Settings to explain and ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PhoneReminders {
    pub permission: PhonePermission,
    /// Android 12+: false when reminders may come late (exact alarms not allowed).
    pub exact_alarms: bool,
}

impl ReminderStatus {
    /// The status, its problem worded in the language the app shows now.
    pub fn new(notifications_available: bool, next_due: Option<DateTime<Utc>>) -> ReminderStatus {
        ReminderStatus {
            notifications_available,
            problem: (!notifications_available)
                .then(|| crate::i18n::text(crate::i18n::current(), "reminders-unavailable", &[])),
            next_due: next_due.map(|d| d.to_rfc3339()),
            phone: None,
        }
    }
}

#[cfg(test)]
mod tests;
