//! Mobile reminders: the system schedules them, so the app need not run. The core plans the next
//! reminders; they are handed to the notification plugin with `Schedule::At`. iOS keeps at most 64
//! pending notifications, so this schedules a rolling window, refreshed on every change, on start
//! and when discreet mode changes. Ids are derived from (meeting, occurrence), so re-planning
//! replaces rather than duplicates.
//!
//! This file is compiled only for Android and iOS, which cannot be built on the machine this was
//! written on: it has not been compiled or run.

use crate::state::AppState;
use chrono::{Duration, Utc};
use homegroup_core::reminders::notification_text;
use homegroup_core::reminders::plan::nudge_text;
use homegroup_core::{i18n, time_zone};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{NotificationExt, Schedule};

/// iOS's limit on pending notifications, less one slot for the "open Homegroup" nudge.
const WINDOW: usize = 63;

/// A stable 32-bit id for one occurrence's reminder.
fn notification_id(meeting_id: i64, starts_at: i64) -> i32 {
    let mixed = (meeting_id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (starts_at as u64);
    (mixed % i32::MAX as u64) as i32
}

/// Replaces the pending notifications with the next reminders.
pub fn schedule_upcoming<R: Runtime>(app: &AppHandle<R>) -> Result<(), String> {
    let state = app.state::<AppState>();
    let now = Utc::now();
    let zone = time_zone::device();
    let locale = i18n::current();
    let store = state.store_quietly();
    let discreet = store.settings().map(|s| s.discreet_notifications).unwrap_or(true);
    let planned = store.planned_reminders(now, Duration::days(14)).map_err(|e| e.to_string())?;
    drop(store);

    let notifications = app.notification();
    let _ = notifications.cancel_all();
    let mut last_due = None;
    for reminder in planned.iter().filter(|r| r.due_at > now).take(WINDOW) {
        let text = notification_text(reminder, reminder.due_at, zone, discreet, locale);
        let at = time::OffsetDateTime::from_unix_timestamp(reminder.due_at.timestamp()).map_err(|e| e.to_string())?;
        notifications
            .builder()
            .id(notification_id(reminder.meeting_id, reminder.starts_at.timestamp()))
            .title(text.title)
            .body(text.body)
            .schedule(Schedule::At { date: at, repeating: false, allow_while_idle: true })
            .show()
            .map_err(|e| e.to_string())?;
        last_due = Some(reminder.due_at);
    }
    if let (Some(last), true) = (last_due, planned.len() > WINDOW) {
        let at = time::OffsetDateTime::from_unix_timestamp((last + Duration::minutes(1)).timestamp())
            .map_err(|e| e.to_string())?;
        let nudge = nudge_text(locale);
        notifications
            .builder()
            .id(i32::MAX)
            .title(nudge.title)
            .body(nudge.body)
            .schedule(Schedule::At { date: at, repeating: false, allow_while_idle: true })
            .show()
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
