//! Handing the reminder plan to a phone's own scheduler, decided here so it is tested here (the
//! phone's side in `src-tauri/src/reminders/mobile.rs` only carries these decisions out).
//!
//! What the phones do, read from the notification plugin's source (2.8.0) and its issue tracker:
//! - a notification is one-shot at an instant (`Schedule::At`, never `repeating`, which repeats at
//!   the interval between scheduling and the due time, not weekly); ids are 32-bit;
//! - the plugin cannot say what is pending (its `pending()` reads a store `show` never writes on
//!   Android and fails on iOS), so the app keeps its own record: the plan it handed over last;
//! - scheduling an id again replaces it; cancelling an id removes it;
//! - iOS keeps at most 64 pending notifications, across reboots; Android loses them at a reboot
//!   (the plugin's boot receiver restores nothing) until Homegroup's own receiver re-arms them
//!   from the plan file ([`ReminderPlan::after_reboot`]);
//! - Android without the exact-alarm permission delivers late, by however long the phone batches
//!   alarms; a time zone change does not move what is pending, so the app plans again.

use super::plan::{PlannedNotification, ReminderPlan};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The most notifications a plan hands a phone, the nudge included: iOS keeps only 64.
pub const PHONE_LIMIT: usize = 64;

/// What to change on the phone to go from what was handed over last to what should be pending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneChanges {
    /// Ids to cancel: gone from the plan.
    pub cancel: Vec<u32>,
    /// Notifications to schedule: new, or changed (scheduling an id again replaces it).
    pub schedule: Vec<PlannedNotification>,
}

impl PhoneChanges {
    pub fn is_empty(&self) -> bool {
        self.cancel.is_empty() && self.schedule.is_empty()
    }
}

/// The changes from `handed` (the plan the phone was given last) to `wanted` at `now`: only what
/// differs, so a new plan never shows an unchanged reminder twice nor cancels and re-adds it.
/// What the phone was handed that is already due is the phone's (shown, or about to be, late on
/// an Android without exact alarms): it is neither cancelled nor handed again, even when a new
/// zone or language would word it differently; the app cannot know whether it was shown.
pub fn diff(handed: &ReminderPlan, wanted: &ReminderPlan, now: DateTime<Utc>) -> PhoneChanges {
    let now = now.timestamp();
    let before: HashMap<u32, &PlannedNotification> = handed.items.iter().map(|i| (i.id, i)).collect();
    let after: HashMap<u32, &PlannedNotification> = wanted.items.iter().map(|i| (i.id, i)).collect();
    let still_ahead = |item: &PlannedNotification| item.due_at > now;
    let mut cancel: Vec<u32> =
        before.values().filter(|old| still_ahead(old) && !after.contains_key(&old.id)).map(|old| old.id).collect();
    cancel.sort_unstable();
    let schedule = wanted
        .items
        .iter()
        .filter(|item| match before.get(&item.id) {
            None => true,
            Some(old) => still_ahead(old) && *old != *item,
        })
        .cloned()
        .collect();
    PhoneChanges { cancel, schedule }
}

/// What Homegroup's boot receiver does after a phone restarts, from the plan file alone (the app
/// is not running): show now what fell due while the phone was off and still means something
/// (its meeting has not started; a milestone still on its day), drop what is stale, and arm the
/// rest again. What fell due before the phone went off, the phone showed then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AfterReboot {
    pub show_now: Vec<PlannedNotification>,
    pub arm: Vec<PlannedNotification>,
    /// Fell due while off, and too late to show.
    pub stale: Vec<u32>,
}

impl ReminderPlan {
    /// `off_since`: when the phone went off (Homegroup's receiver notes the shutdown); `None` when
    /// not known, and then everything past due is taken as shown.
    pub fn after_reboot(&self, now: DateTime<Utc>, off_since: Option<DateTime<Utc>>) -> AfterReboot {
        let mut actions = AfterReboot::default();
        let off_since = off_since.map_or(now.timestamp(), |t| t.timestamp());
        for item in self.items.iter().filter(|i| !self.was_shown(i)) {
            if item.due_at > now.timestamp() {
                actions.arm.push(item.clone());
            } else if item.due_at < off_since {
                // Due before the phone went off: shown then.
            } else if item.fires_at(now) {
                actions.show_now.push(item.clone());
            } else {
                actions.stale.push(item.id);
            }
        }
        actions
    }

    /// Whether `item` was already shown from this plan.
    pub fn was_shown(&self, item: &PlannedNotification) -> bool {
        match (&item.milestone, item.meeting_id, item.starts_at) {
            (Some(milestone), _, _) => self.fired_milestones.contains(milestone),
            (None, Some(meeting), Some(start)) => self.fired.contains(&(meeting, start)),
            _ => self.fired.contains(&(0, item.due_at)),
        }
    }
}

/// The platform a schedule is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Android,
    Ios,
}

/// The date a notification's `Schedule::At` must carry so it fires at `due_at`. Android reads the
/// text as UTC (whole seconds, `Z`). iOS (plugin 2.8.0, issue tauri-apps/plugins-workspace#3256)
/// reads the same text as the device's local wall-clock time, so it is given the local time
/// written with `Z`.
pub fn schedule_at(due_at: i64, platform: Platform, device_zone: Tz) -> Option<DateTime<Utc>> {
    let instant = DateTime::from_timestamp(due_at, 0)?;
    match platform {
        Platform::Android => Some(instant),
        Platform::Ios => Some(instant.with_timezone(&device_zone).naive_local().and_utc()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: u32, due_at: i64, title: &str) -> PlannedNotification {
        PlannedNotification {
            id,
            meeting_id: Some(i64::from(id)),
            starts_at: Some(due_at + 1800),
            milestone: None,
            due_at,
            title: title.into(),
            body: String::new(),
        }
    }

    fn plan(items: Vec<PlannedNotification>) -> ReminderPlan {
        ReminderPlan { items, ..ReminderPlan::default() }
    }

    #[test]
    fn a_new_plan_changes_only_what_differs() {
        let handed = plan(vec![item(2, 100, "a"), item(3, 200, "b"), item(4, 300, "c")]);
        let wanted = plan(vec![item(2, 100, "a"), item(3, 250, "b"), item(5, 400, "d")]);
        let now = DateTime::from_timestamp(50, 0).unwrap();
        let changes = diff(&handed, &wanted, now);
        assert_eq!(changes.cancel, [4]);
        assert_eq!(changes.schedule.iter().map(|i| i.id).collect::<Vec<_>>(), [3, 5]);
        assert!(diff(&wanted, &wanted, now).is_empty(), "the same plan changes nothing");
        assert_eq!(diff(&ReminderPlan::default(), &wanted, now).schedule.len(), 3, "a first plan schedules all");
    }

    #[test]
    fn what_the_phone_already_has_due_is_left_alone() {
        let handed = plan(vec![item(2, 100, "shown at 100"), item(3, 200, "due at 200")]);
        // At 150, a new zone words both differently and the first is no longer wanted.
        let wanted = plan(vec![item(3, 200, "reworded")]);
        let now = DateTime::from_timestamp(150, 0).unwrap();
        let changes = diff(&handed, &wanted, now);
        assert!(changes.cancel.is_empty(), "the one already due is not cancelled: {changes:?}");
        assert_eq!(changes.schedule.iter().map(|i| i.id).collect::<Vec<_>>(), [3]);
        let reworded = plan(vec![item(2, 100, "reworded"), item(3, 200, "due at 200")]);
        assert!(diff(&handed, &reworded, now).is_empty(), "nor handed again when reworded");
    }

    #[test]
    fn after_a_reboot_what_fell_due_is_shown_if_it_still_means_something() {
        let now = DateTime::from_timestamp(10_000, 0).unwrap();
        let off_since = DateTime::from_timestamp(4_000, 0);
        let handed = plan(vec![
            item(1, 3_000, "due before the phone went off"),
            item(2, 9_000, "meeting not started yet"), // starts at 10_800
            item(3, 5_000, "meeting already started"), // started at 6_800
            item(4, 12_000, "still ahead"),
        ]);
        let actions = handed.after_reboot(now, off_since);
        assert_eq!(actions.show_now.iter().map(|i| i.id).collect::<Vec<_>>(), [2]);
        assert_eq!(actions.stale, [3]);
        assert_eq!(actions.arm.iter().map(|i| i.id).collect::<Vec<_>>(), [4]);
        // What was shown from the plan already is neither shown again nor armed.
        let mut shown = handed.clone();
        shown.mark_fired(&handed.items[1]);
        assert!(shown.after_reboot(now, off_since).show_now.is_empty());
        // Not knowing when it went off, nothing past due is shown again.
        assert!(handed.after_reboot(now, None).show_now.is_empty());
    }

    #[test]
    fn ios_is_given_local_wall_clock_time_and_android_utc() {
        let due = DateTime::parse_from_rfc3339("2026-12-02T19:30:00Z").unwrap().timestamp();
        let zone: Tz = "America/New_York".parse().unwrap();
        let android = schedule_at(due, Platform::Android, zone).unwrap();
        let ios = schedule_at(due, Platform::Ios, zone).unwrap();
        assert_eq!(android.to_rfc3339(), "2026-12-02T19:30:00+00:00");
        assert_eq!(ios.to_rfc3339(), "2026-12-02T14:30:00+00:00", "14:30 in New York, written as Z");
    }
}
