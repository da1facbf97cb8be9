//! Reminders on phones: the system delivers them, so they come while Homegroup is not running.
//!
//! The core decides everything (`homegroup_core::reminders::{plan, phone}`): the plan of the next
//! notifications (at most [`PHONE_LIMIT`], iOS's limit, the "open Homegroup" nudge included), the
//! diff from what the phone was handed last, the date each platform must be given, and what the
//! boot receiver does after a restart. This module carries those decisions out through
//! [`PhoneScheduler`], a small trait over the notification plugin, so all of it is compiled and
//! tested on Linux against a fake. Only the trait's plugin implementation (`plugin.rs`) is behind
//! `cfg(mobile)`.
//!
//! The plan file (`reminder-plan.json` in the data folder) is the record of what the phone was
//! handed: the plugin cannot say what is pending (its `pending()` is broken on both platforms, see
//! `core/src/reminders/phone.rs`), so each re-plan reads it, hands over only what differs, and
//! writes what the phone now holds. Android's boot receiver (`src-tauri/mobile/android/`) reads
//! the same file after a restart.
//!
//! Re-planned at start, on every change (every write wakes [`spawn_loop`]), when the app comes back
//! to the foreground (a new zone, a permission granted meanwhile), and every few minutes while it
//! runs. Texts are discreet when the setting says so or the app lock is on: with the lock on, the
//! app may be killed and start again locked with these notifications still pending.
//!
//! On desktops nothing here runs outside the tests: desktops deliver reminders themselves.
#![cfg_attr(desktop, allow(dead_code))]

use crate::state::AppState;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use homegroup_core::i18n::{self, Locale};
use homegroup_core::reminders::phone::{diff, schedule_at, AfterReboot, Platform, PHONE_LIMIT};
use homegroup_core::reminders::plan::{PlannedNotification, ReminderPlan};
use homegroup_core::reminders::PhoneReminders;
use homegroup_core::{lock, time_zone, Clock, Store};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

/// Android's channel for reminders that name their meeting: on the lock screen, "contents hidden".
pub const REMINDERS_CHANNEL: &str = "reminders";
/// Android's channel for discreet reminders: not on the lock screen at all.
pub const DISCREET_CHANNEL: &str = "discreet";

/// A notification already due when it is first handed over (its meeting not started yet) is given
/// this much time: both plugins drop a date in the past.
const SHOW_NOW_AFTER: i64 = 5;

/// While the app runs, it plans again at least this often (a changed zone, a new day's window).
const RECHECK: Duration = Duration::from_secs(5 * 60);

/// Whether the phone lets Homegroup show notifications (the core's, so Settings can show it).
pub use homegroup_core::reminders::PhonePermission as Permission;

/// How much of a channel's notifications an Android lock screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockScreen {
    /// The app's name and "contents hidden".
    Private,
    /// Nothing.
    Secret,
}

/// An Android notification channel. Its lock-screen visibility is fixed once it is created (the
/// user may change it, the app may not), hence two channels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelSpec {
    pub id: &'static str,
    /// What the phone's settings call it, in the app's language (the name may be updated later).
    pub name: String,
    pub lock_screen: LockScreen,
}

/// Both channels, named in `locale`.
pub fn channels(locale: Locale) -> [ChannelSpec; 2] {
    [
        ChannelSpec {
            id: REMINDERS_CHANNEL,
            name: i18n::text(locale, "channel-reminders", &[]),
            lock_screen: LockScreen::Private,
        },
        ChannelSpec {
            id: DISCREET_CHANNEL,
            name: i18n::text(locale, "channel-discreet", &[]),
            lock_screen: LockScreen::Secret,
        },
    ]
}

/// One notification as handed to the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNotification {
    pub id: i32,
    pub title: String,
    pub body: String,
    /// The date for `Schedule::At`, as the platform reads it ([`schedule_at`]: on iOS the local
    /// wall-clock time written as UTC).
    pub at: DateTime<Utc>,
    /// Android's channel; `None` on iOS.
    pub channel: Option<&'static str>,
}

/// What the adapter needs from the phone's notification system.
pub trait PhoneScheduler: Send + Sync {
    /// Schedules one notification at its date; an id scheduled again replaces the earlier one.
    fn schedule(&self, notification: &PhoneNotification) -> Result<(), String>;
    /// Cancels pending notifications by id.
    fn cancel(&self, ids: &[i32]) -> Result<(), String>;
    /// The permission as it stands, without asking.
    fn permission(&self) -> Result<Permission, String>;
    /// Asks the user (the system's dialog). Only when [`Self::permission`] says [`Permission::Ask`]:
    /// the plugin's request may never answer when the permission is already granted.
    fn request_permission(&self) -> Result<Permission, String>;
    /// Android 12+: whether exact alarms are allowed (else reminders may come late). iOS: true.
    fn exact_alarms_allowed(&self) -> bool;
    /// Android: creates (or renames) the channels. iOS: nothing.
    fn create_channels(&self, channels: &[ChannelSpec]) -> Result<(), String>;
    /// Android: opens the system page where the user allows exact alarms ("Alarms & reminders").
    /// iOS: nothing (it has no such setting).
    fn open_exact_alarm_settings(&self) -> Result<(), String>;
}

/// Why nothing, or not everything, was handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Notifications are not allowed (denied, or not asked yet): nothing was handed over, and the
    /// record of what the phone holds is unchanged.
    NotAllowed(Permission),
    /// The phone refused a call. What it took is in the record; the rest is tried again next time.
    Scheduler(String),
    /// The plan could not be made or its file written.
    Plan(String),
}

impl std::fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhoneProblem::NotAllowed(state) => write!(f, "notifications are not allowed ({state:?})"),
            PhoneProblem::Scheduler(problem) => write!(f, "the phone's scheduler refused: {problem}"),
            PhoneProblem::Plan(problem) => write!(f, "the plan could not be made or kept: {problem}"),
        }
    }
}

impl From<homegroup_core::Error> for PhoneProblem {
    fn from(e: homegroup_core::Error) -> Self {
        // The kind only: logs never carry meeting names.
        PhoneProblem::Plan(format!("{:?}", e.kind()))
    }
}

/// What a re-plan handed over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Handed {
    pub cancelled: Vec<u32>,
    pub scheduled: Vec<u32>,
    /// Android: false when reminders may come late (no exact alarms); Settings can say so.
    pub exact_alarms: bool,
}

/// Where and how a re-plan runs.
#[derive(Debug, Clone, Copy)]
pub struct PhoneContext<'a> {
    /// The data folder, which holds the plan file.
    pub data_dir: &'a Path,
    pub now: DateTime<Utc>,
    /// The device's zone now.
    pub zone: Tz,
    pub platform: Platform,
    /// The "Discreet reminders" setting.
    pub discreet: bool,
    /// Whether the app lock is on: then every text is discreet.
    pub locked: bool,
}

impl PhoneContext<'_> {
    fn discreet(&self) -> bool {
        self.discreet || self.locked
    }

    /// Android's channel for what is handed over now; none on iOS.
    fn channel(&self) -> Option<&'static str> {
        match self.platform {
            Platform::Android if self.discreet() => Some(DISCREET_CHANNEL),
            Platform::Android => Some(REMINDERS_CHANNEL),
            Platform::Ios => None,
        }
    }
}

/// One re-plan at a time: each reads the record the last one wrote.
static HANDING_OVER: Mutex<()> = Mutex::new(());

/// Plans the reminders from `store` and hands the phone what differs from what it holds: cancels
/// what is gone, schedules what is new or changed, writes the new record. Nothing happens unless
/// notifications are allowed; this never asks (see [`ask_permission`]).
pub fn replan(scheduler: &dyn PhoneScheduler, store: &Store, ctx: &PhoneContext) -> Result<Handed, PhoneProblem> {
    replan_with(scheduler, ctx, |handed| {
        Ok(store.plan_reminders(ctx.now, ctx.zone, ctx.discreet(), PHONE_LIMIT, handed)?)
    })
}

/// [`replan`] with the plan made by `plan` from the record, so the running app holds its store only
/// while it plans, never while the phone is called.
fn replan_with(
    scheduler: &dyn PhoneScheduler,
    ctx: &PhoneContext,
    plan: impl FnOnce(&ReminderPlan) -> Result<ReminderPlan, PhoneProblem>,
) -> Result<Handed, PhoneProblem> {
    let _one_at_a_time = HANDING_OVER.lock().unwrap_or_else(|e| e.into_inner());
    check_permission(scheduler)?;
    let handed = read_record(ctx.data_dir);
    let wanted = plan(&handed)?;
    hand_over(scheduler, &handed, wanted, ctx)
}

/// Fails unless notifications are allowed now.
fn check_permission(scheduler: &dyn PhoneScheduler) -> Result<(), PhoneProblem> {
    match scheduler.permission().map_err(PhoneProblem::Scheduler)? {
        Permission::Granted => Ok(()),
        refused => Err(PhoneProblem::NotAllowed(refused)),
    }
}

/// The record of what the phone holds; an unreadable one counts as empty (what it listed is then
/// replaced id by id, or left to come once).
fn read_record(dir: &Path) -> ReminderPlan {
    ReminderPlan::read(dir).unwrap_or_else(|e| {
        eprintln!("homegroup: the reminder plan could not be read, planning afresh: {:?}", e.kind());
        ReminderPlan::default()
    })
}

/// Hands over the difference between `handed` and `wanted`, then writes what the phone now holds.
fn hand_over(
    scheduler: &dyn PhoneScheduler,
    handed: &ReminderPlan,
    wanted: ReminderPlan,
    ctx: &PhoneContext,
) -> Result<Handed, PhoneProblem> {
    let changes = diff(handed, &wanted, ctx.now);
    let mut record = wanted;
    let mut refused: Option<String> = None;
    let mut result = Handed { exact_alarms: scheduler.exact_alarms_allowed(), ..Handed::default() };

    if !changes.cancel.is_empty() {
        let ids: Vec<i32> = changes.cancel.iter().filter_map(|id| i32::try_from(*id).ok()).collect();
        match scheduler.cancel(&ids) {
            Ok(()) => result.cancelled = changes.cancel.clone(),
            Err(problem) => {
                // Still pending, so still in the record: the next re-plan cancels them again.
                record.items.extend(handed.items.iter().filter(|i| changes.cancel.contains(&i.id)).cloned());
                refused.get_or_insert(problem);
            }
        }
    }
    if !changes.schedule.is_empty() && ctx.platform == Platform::Android {
        if let Err(problem) = scheduler.create_channels(&channels(i18n::current())) {
            refused.get_or_insert(problem);
        }
    }
    for item in &changes.schedule {
        let outcome = phone_notification(item, ctx).and_then(|n| scheduler.schedule(&n));
        match outcome {
            Ok(()) => result.scheduled.push(item.id),
            Err(problem) => {
                // Not handed over: the record keeps what the phone had under this id, if anything.
                record.items.retain(|i| i.id != item.id);
                record.items.extend(handed.items.iter().find(|i| i.id == item.id).cloned());
                refused.get_or_insert(problem);
            }
        }
    }
    record.write(ctx.data_dir)?;
    match refused {
        None => Ok(result),
        Some(problem) => Err(PhoneProblem::Scheduler(problem)),
    }
}

/// `item` as the phone is given it: its id as the plugin's `i32`, its date as the platform reads
/// it, and the channel for now.
fn phone_notification(item: &PlannedNotification, ctx: &PhoneContext) -> Result<PhoneNotification, String> {
    let id = i32::try_from(item.id).map_err(|_| format!("id {} does not fit 32 signed bits", item.id))?;
    let due_at = item.due_at.max(ctx.now.timestamp() + SHOW_NOW_AFTER);
    let at = schedule_at(due_at, ctx.platform, ctx.zone).ok_or_else(|| format!("no date for {due_at}"))?;
    Ok(PhoneNotification { id, title: item.title.clone(), body: item.body.clone(), at, channel: ctx.channel() })
}

/// Asks for the permission to show notifications, once the app has said why: asks only when it
/// is not decided yet, since the plugin's request may never answer when it is already granted.
pub fn ask_permission(scheduler: &dyn PhoneScheduler) -> Result<Permission, String> {
    match scheduler.permission()? {
        Permission::Ask => scheduler.request_permission(),
        decided => Ok(decided),
    }
}

/// What the phone allows, for Settings: asked of the phone, never the user.
pub fn allowed(scheduler: &dyn PhoneScheduler) -> PhoneReminders {
    PhoneReminders {
        permission: scheduler.permission().unwrap_or(Permission::Ask),
        exact_alarms: scheduler.exact_alarms_allowed(),
    }
}

/// Cancels everything the phone was handed ("Erase all data": no reminder may come afterwards).
pub fn cancel_everything(scheduler: &dyn PhoneScheduler, data_dir: &Path) -> Result<(), PhoneProblem> {
    let _one_at_a_time = HANDING_OVER.lock().unwrap_or_else(|e| e.into_inner());
    let ids: Vec<i32> = read_record(data_dir).items.iter().filter_map(|i| i32::try_from(i.id).ok()).collect();
    if !ids.is_empty() {
        scheduler.cancel(&ids).map_err(PhoneProblem::Scheduler)?;
    }
    ReminderPlan::remove(data_dir)?;
    Ok(())
}

/// What Android's boot receiver does after a restart, from the plan file alone (the app is not
/// running then): [`ReminderPlan::after_reboot`] decides what to show now, what is stale and what
/// to arm again; what is shown is noted in the file, so it is never shown twice. `off_since` is
/// when the phone went off, if the shutdown receiver caught it. `BootReceiver.kt` does the same in
/// Kotlin (the Rust library is not loaded at boot); this is its reference, and is tested.
pub fn after_boot(
    data_dir: &Path,
    now: DateTime<Utc>,
    off_since: Option<DateTime<Utc>>,
) -> Result<AfterReboot, PhoneProblem> {
    let _one_at_a_time = HANDING_OVER.lock().unwrap_or_else(|e| e.into_inner());
    let mut plan = ReminderPlan::read(data_dir)?;
    let actions = plan.after_reboot(now, off_since);
    if !actions.show_now.is_empty() {
        for item in &actions.show_now {
            plan.mark_fired(item);
        }
        plan.write(data_dir)?;
    }
    Ok(actions)
}

/// Re-plans for the running app with the phone attached to `state`, if any. While the app is
/// locked its store is closed, and the phone keeps what it was handed (discreet, since the lock is
/// on). Notes whether notifications are allowed, for Settings.
pub fn replan_app(state: &AppState, platform: Platform) -> Option<Result<Handed, PhoneProblem>> {
    let scheduler = state.phone()?;
    let now = state.clock.now();
    let discreet = state.reader_here().as_ref()?.settings().map(|s| s.discreet_notifications).unwrap_or(true);
    let locked = lock::status(&state.data_dir, now).map(|s| s.enabled).unwrap_or(true);
    let ctx = PhoneContext { data_dir: &state.data_dir, now, zone: time_zone::device(), platform, discreet, locked };
    let outcome = replan_with(scheduler.as_ref(), &ctx, |handed| {
        let reader = state.reader_here();
        let store = reader.as_ref().ok_or(homegroup_core::Error::Locked)?;
        Ok(store.plan_reminders(now, ctx.zone, ctx.discreet(), PHONE_LIMIT, handed)?)
    });
    let allowed = !matches!(outcome, Err(PhoneProblem::NotAllowed(_)));
    state.notifications_unavailable.store(!allowed, Ordering::Relaxed);
    Some(outcome)
}

/// Starts the phone's reminder thread: a re-plan now, after every change, and every few minutes.
pub fn spawn_loop(state: AppState, platform: Platform, wakes: Receiver<()>) {
    let result = std::thread::Builder::new().name("phone-reminders".into()).spawn(move || loop {
        match replan_app(&state, platform) {
            Some(Err(PhoneProblem::NotAllowed(_))) | None => {}
            Some(Err(problem)) => eprintln!("homegroup: reminders were not all handed to the phone: {problem}"),
            Some(Ok(handed)) if !handed.exact_alarms && !handed.scheduled.is_empty() => {
                eprintln!("homegroup: exact alarms are not allowed; reminders may come late");
            }
            Some(Ok(_)) => {}
        }
        match wakes.recv_timeout(RECHECK) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    });
    if let Err(e) = result {
        eprintln!("homegroup: the reminder thread could not start: {e}");
    }
}

#[cfg(test)]
mod tests;
