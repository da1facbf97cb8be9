//! What a reminder says, in a notification and in the tray's tooltip. Discreet text names no
//! meeting, fellowship, group or place: only that a meeting starts, and when.

use super::Reminder;
use crate::meetings::Attendance;
use crate::schedule::AgendaItem;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

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

/// The tray's tooltip: the next meeting, or only its time when discreet.
pub fn tray_tooltip(next: Option<&AgendaItem>, zone: Tz, discreet: bool) -> String {
    match next {
        None => "Homegroup".to_owned(),
        Some(item) if discreet => format!("Next meeting at {}", clock_time(item.starts_at, zone)),
        Some(item) => format!("Next: {} at {}", item.name, clock_time(item.starts_at, zone)),
    }
}
