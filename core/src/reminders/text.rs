//! What a reminder says, in a notification and in the tray's tooltip, in the user's language.
//! Discreet text names no meeting, fellowship, group or place: only that a meeting starts, and when.

use super::Reminder;
use crate::i18n::{self, FluentValue, Locale};
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

/// "at 7:00 PM" ("a las 7:00 p. m.") in `zone`.
fn at_time(at: DateTime<Utc>, zone: Tz, locale: Locale) -> String {
    i18n::time_phrase(at.with_timezone(&zone).time(), locale)
}

/// The notification for a reminder, shown at `now` in the user's zone, in `locale`. Discreet
/// text names no meeting, fellowship, group or place: only that a meeting starts, and when.
pub fn notification_text(
    reminder: &Reminder,
    now: DateTime<Utc>,
    zone: Tz,
    discreet: bool,
    locale: Locale,
) -> NotificationText {
    let at = at_time(reminder.starts_at, zone, locale);
    let text = |id: &str, args: &[(&str, FluentValue)]| i18n::text(locale, id, args);
    // Whole minutes, rounded up: a loop that wakes a moment after 18:59:00 still says "1 minute".
    let minutes = ((reminder.starts_at - now).num_seconds().max(0) + 59) / 60;
    let when = match minutes {
        0 => text("reminder-starting-now", &[]),
        m if m < 120 => text("reminder-starts-in", &[("minutes", m.into())]),
        _ => text("reminder-starts-at", &[("at", at.as_str().into())]),
    };
    if discreet {
        return NotificationText { title: text("reminder-title-discreet", &[("at", at.as_str().into())]), body: when };
    }
    let place = match reminder.attendance {
        Attendance::Online => text("reminder-online", &[]),
        Attendance::Hybrid => match reminder.location.as_deref() {
            Some(place) => text("reminder-hybrid-at", &[("place", place.into())]),
            None => text("reminder-hybrid", &[]),
        },
        Attendance::InPerson => reminder.location.clone().unwrap_or_default(),
    };
    let body = if place.is_empty() {
        when
    } else {
        text("reminder-body", &[("when", when.as_str().into()), ("place", place.as_str().into())])
    };
    let title = text("reminder-title", &[("name", reminder.meeting_name.as_str().into()), ("at", at.as_str().into())]);
    NotificationText { title, body }
}

/// The tray's tooltip in `locale`: the next meeting, or only its time when discreet.
pub fn tray_tooltip(next: Option<&AgendaItem>, zone: Tz, discreet: bool, locale: Locale) -> String {
    match next {
        None => i18n::text(locale, "tray-idle", &[]),
        Some(item) => {
            let at = at_time(item.starts_at, zone, locale);
            if discreet {
                i18n::text(locale, "tray-next-discreet", &[("at", at.into())])
            } else {
                i18n::text(locale, "tray-next", &[("name", item.name.as_str().into()), ("at", at.into())])
            }
        }
    }
}
