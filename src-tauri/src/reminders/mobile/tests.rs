//! The phone adapter against a fake scheduler that keeps what it was handed, as a phone would.

use super::*;
use chrono::{Duration, TimeZone};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::reminders::plan::NUDGE_ID;
use homegroup_core::FixedClock;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Default)]
struct Phone {
    pending: BTreeMap<i32, PhoneNotification>,
    /// Every call that handed something over or took it back.
    schedule_calls: usize,
    cancel_calls: Vec<Vec<i32>>,
    channels: Vec<ChannelSpec>,
    permission: Option<Permission>,
    requests: usize,
    /// Ids the phone refuses to schedule.
    refuse: Vec<i32>,
    /// How often the exact-alarm page was opened.
    alarm_pages: usize,
}

#[derive(Default)]
struct FakeScheduler(Mutex<Phone>);

impl FakeScheduler {
    fn phone(&self) -> std::sync::MutexGuard<'_, Phone> {
        self.0.lock().unwrap()
    }
    fn with_permission(permission: Permission) -> Self {
        let fake = FakeScheduler::default();
        fake.phone().permission = Some(permission);
        fake
    }
}

impl PhoneScheduler for FakeScheduler {
    fn schedule(&self, n: &PhoneNotification) -> Result<(), String> {
        let mut phone = self.phone();
        if phone.refuse.contains(&n.id) {
            return Err(format!("refused {}", n.id));
        }
        phone.schedule_calls += 1;
        phone.pending.insert(n.id, n.clone());
        Ok(())
    }
    fn cancel(&self, ids: &[i32]) -> Result<(), String> {
        let mut phone = self.phone();
        for id in ids {
            phone.pending.remove(id);
        }
        phone.cancel_calls.push(ids.to_vec());
        Ok(())
    }
    fn permission(&self) -> Result<Permission, String> {
        Ok(self.phone().permission.unwrap_or(Permission::Granted))
    }
    fn request_permission(&self) -> Result<Permission, String> {
        let mut phone = self.phone();
        phone.requests += 1;
        phone.permission = Some(Permission::Granted);
        Ok(Permission::Granted)
    }
    fn exact_alarms_allowed(&self) -> bool {
        false
    }
    fn create_channels(&self, channels: &[ChannelSpec]) -> Result<(), String> {
        self.phone().channels = channels.to_vec();
        Ok(())
    }
    fn open_exact_alarm_settings(&self) -> Result<(), String> {
        self.phone().alarm_pages += 1;
        Ok(())
    }
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).single().unwrap()
}

/// A store with two meetings every day at 19:00 and 21:00 UTC, reminded 30 minutes before:
/// 28 reminders in the plan's two weeks, and the nudge.
fn store() -> (Store, [i64; 2]) {
    let clock = FixedClock::new(start());
    let mut store = Store::open_in_memory().unwrap();
    let ids = ["19:00", "21:00"].map(|at| {
        let details = MeetingDetails {
            name: format!("Home group at {at}"),
            weekdays: (0..7).collect(),
            start_time: Some(at.into()),
            time_zone: "UTC".into(),
            ..MeetingDetails::default()
        };
        let meeting = store.create_meeting(&MeetingInput { details, group: None }, true, &clock).unwrap();
        store.add_to_schedule(meeting.id, Some(30), true, &clock).unwrap();
        meeting.id
    });
    (store, ids)
}

fn ctx(dir: &Path, platform: Platform, discreet: bool) -> PhoneContext<'_> {
    PhoneContext { data_dir: dir, now: start(), zone: Tz::UTC, platform, discreet, locked: false }
}

#[test]
fn a_first_plan_schedules_everything_and_is_written_as_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    let handed = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    let record = ReminderPlan::read(dir.path()).unwrap();
    assert_eq!(record.items.len(), 29, "28 reminders and the nudge");
    assert_eq!(handed.scheduled.len(), 29);
    assert!(handed.cancelled.is_empty());
    assert!(!handed.exact_alarms, "the fake phone allows no exact alarms, and says so");
    let phone = fake.phone();
    let pending: Vec<i32> = phone.pending.keys().copied().collect();
    let recorded: Vec<i32> =
        record.items.iter().map(|i| i.id as i32).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    assert_eq!(pending, recorded, "the record lists exactly what the phone holds");
    for item in &record.items {
        let n = &phone.pending[&(item.id as i32)];
        assert_eq!(n.at.timestamp(), item.due_at, "Android is given the instant in UTC");
        assert_eq!((&n.title, &n.body), (&item.title, &item.body));
        assert_eq!(n.channel, Some(REMINDERS_CHANNEL));
    }
    // Both channels exist before anything is handed over, each with its lock-screen visibility.
    let visibility: Vec<(&str, LockScreen)> = phone.channels.iter().map(|c| (c.id, c.lock_screen)).collect();
    assert_eq!(visibility, [(REMINDERS_CHANNEL, LockScreen::Private), (DISCREET_CHANNEL, LockScreen::Secret)]);
}

#[test]
fn a_second_plan_with_nothing_changed_hands_over_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    let calls = fake.phone().schedule_calls;
    let record = ReminderPlan::read(dir.path()).unwrap();
    let handed = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    assert_eq!(handed, Handed::default(), "the same instant: nothing");
    assert_eq!(fake.phone().schedule_calls, calls);
    // Ten minutes later nothing fell due; only the nudge moves (it stays 13 days after the last
    // plan), replacing itself under its id.
    let mut later = ctx(dir.path(), Platform::Android, false);
    later.now += Duration::minutes(10);
    let handed = replan(&fake, &store, &later).unwrap();
    assert_eq!(handed.scheduled, [NUDGE_ID]);
    assert!(handed.cancelled.is_empty());
    let calls = calls + 1;
    assert_eq!(fake.phone().schedule_calls, calls);
    assert!(fake.phone().cancel_calls.is_empty());
    let ids = |plan: &ReminderPlan| plan.items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(&ReminderPlan::read(dir.path()).unwrap()), ids(&record), "the same ids");
}

#[test]
fn a_meeting_taken_off_the_schedule_cancels_its_ids_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, [first, _]) = store();
    let fake = FakeScheduler::default();
    replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    let before = ReminderPlan::read(dir.path()).unwrap();
    let mut its_ids: Vec<u32> = before.items.iter().filter(|i| i.meeting_id == Some(first)).map(|i| i.id).collect();
    its_ids.sort_unstable();
    assert_eq!(its_ids.len(), 14);
    let calls = fake.phone().schedule_calls;

    store.remove_from_schedule(first).unwrap();
    let handed = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    assert_eq!(handed.cancelled, its_ids);
    assert!(handed.scheduled.is_empty(), "nothing else handed again: {:?}", handed.scheduled);
    assert_eq!(fake.phone().schedule_calls, calls);
    assert_eq!(fake.phone().pending.len(), 15, "the other meeting's 14 and the nudge");
    let after = ReminderPlan::read(dir.path()).unwrap();
    assert!(after.items.iter().all(|i| i.meeting_id != Some(first)));
}

#[test]
fn discreet_reminders_move_to_the_discreet_channel() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    let named = fake.phone().pending.values().find(|n| n.id != NUDGE_ID as i32).unwrap().title.clone();
    assert!(named.contains("Home group"), "not discreet: the meeting is named ({named})");

    let handed = replan(&fake, &store, &ctx(dir.path(), Platform::Android, true)).unwrap();
    assert_eq!(handed.scheduled.len(), 28, "every reminder is worded anew; the nudge is the same");
    let phone = fake.phone();
    for n in phone.pending.values().filter(|n| n.id != NUDGE_ID as i32) {
        assert_eq!(n.channel, Some(DISCREET_CHANNEL));
        assert!(!n.title.contains("Home group") && !n.body.contains("Home group"), "discreet: {n:?}");
    }
}

#[test]
fn with_the_lock_on_every_reminder_is_discreet_whatever_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    let locked = PhoneContext { locked: true, ..ctx(dir.path(), Platform::Android, false) };
    replan(&fake, &store, &locked).unwrap();
    for n in fake.phone().pending.values() {
        assert_eq!(n.channel, Some(DISCREET_CHANNEL));
        assert!(!n.title.contains("Home group") && !n.body.contains("Home group"), "discreet: {n:?}");
    }
}

#[test]
fn without_permission_nothing_is_scheduled_and_the_app_can_say_why() {
    for refused in [Permission::Denied, Permission::Ask] {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = store();
        let fake = FakeScheduler::with_permission(refused);
        let outcome = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false));
        assert_eq!(outcome, Err(PhoneProblem::NotAllowed(refused)));
        assert!(fake.phone().pending.is_empty());
        assert_eq!(fake.phone().requests, 0, "a re-plan never asks: the app says why first");
        assert!(!ReminderPlan::path(dir.path()).exists(), "the record is untouched");
    }
}

#[test]
fn asking_for_permission_only_asks_when_it_is_not_decided() {
    // The plugin's request may never answer when the permission is already granted.
    for (state, asks, answer) in [
        (Permission::Granted, 0, Permission::Granted),
        (Permission::Denied, 0, Permission::Denied),
        (Permission::Ask, 1, Permission::Granted),
    ] {
        let fake = FakeScheduler::with_permission(state);
        assert_eq!(ask_permission(&fake), Ok(answer));
        assert_eq!(fake.phone().requests, asks, "{state:?}");
    }
}

#[test]
fn ios_is_given_local_wall_clock_dates_and_no_channel() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    let zone: Tz = "America/New_York".parse().unwrap();
    let ios = PhoneContext { zone, ..ctx(dir.path(), Platform::Ios, false) };
    replan(&fake, &store, &ios).unwrap();
    let record = ReminderPlan::read(dir.path()).unwrap();
    let item = record.items.iter().find(|i| i.id != NUDGE_ID).unwrap();
    let phone = fake.phone();
    let n = &phone.pending[&(item.id as i32)];
    // 18:30 UTC is 13:30 in New York in December: iOS reads "13:30Z" as 13:30 local.
    assert_eq!(DateTime::from_timestamp(item.due_at, 0).unwrap().format("%H:%M").to_string(), "18:30");
    assert_eq!(n.at.format("%H:%M").to_string(), "13:30");
    assert_eq!(n.channel, None);
    assert!(phone.channels.is_empty(), "iOS has no channels");
}

#[test]
fn a_reminder_already_due_is_shown_in_a_moment_not_dropped_as_past() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    // 18:40: the 19:00 meeting's reminder was due at 18:30 and the meeting has not started.
    let now = start() + Duration::minutes(6 * 60 + 40);
    let late = PhoneContext { now, ..ctx(dir.path(), Platform::Android, false) };
    replan(&fake, &store, &late).unwrap();
    let soonest = fake.phone().pending.values().map(|n| n.at).min().unwrap();
    assert_eq!(soonest, now + Duration::seconds(SHOW_NOW_AFTER));
}

#[test]
fn what_the_phone_refused_is_handed_over_again_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    // Ids are allocated from 2 (1 is the nudge's): the phone refuses the first reminder.
    fake.phone().refuse = vec![2];
    let outcome = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false));
    assert!(matches!(outcome, Err(PhoneProblem::Scheduler(_))), "{outcome:?}");
    let record = ReminderPlan::read(dir.path()).unwrap();
    assert!(record.items.iter().all(|i| i.id != 2), "the record holds only what the phone took");
    assert_eq!(record.items.len(), 28);

    fake.phone().refuse.clear();
    let handed = replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    assert_eq!(handed.scheduled.len(), 1, "only the occurrence the phone refused, under a new id");
    assert_eq!(fake.phone().pending.len(), 29);
    assert_eq!(ReminderPlan::read(dir.path()).unwrap().items.len(), 29);
}

#[test]
fn erasing_cancels_everything_the_phone_was_handed() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    cancel_everything(&fake, dir.path()).unwrap();
    assert!(fake.phone().pending.is_empty());
    assert!(!ReminderPlan::path(dir.path()).exists());
}

#[test]
fn after_a_reboot_what_fell_due_while_off_is_shown_once_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store();
    let fake = FakeScheduler::default();
    replan(&fake, &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    // Off from 18:00 to 18:45: the 19:00 meeting's reminder (due 18:30) still means something.
    let off = start() + Duration::hours(6);
    let on = off + Duration::minutes(45);
    let actions = after_boot(dir.path(), on, Some(off)).unwrap();
    assert_eq!(actions.show_now.len(), 1);
    assert_eq!(actions.show_now[0].due_at, (start() + Duration::minutes(390)).timestamp());
    assert!(actions.stale.is_empty());
    assert_eq!(actions.arm.len(), 28);
    // Noted in the file: a second boot does not show it again.
    assert!(after_boot(dir.path(), on + Duration::minutes(1), Some(off)).unwrap().show_now.is_empty());
    // Not knowing when the phone went off, nothing past due is shown late.
    let dir = tempfile::tempdir().unwrap();
    replan(&FakeScheduler::default(), &store, &ctx(dir.path(), Platform::Android, false)).unwrap();
    assert!(after_boot(dir.path(), on, None).unwrap().show_now.is_empty());
}

#[test]
fn the_running_app_hands_its_plan_to_the_phone_and_keeps_the_record_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let (wake, _wakes) = std::sync::mpsc::sync_channel(1);
    let state = AppState::open_with(dir.path().to_owned(), wake, homegroup_core::lock::KdfParams::FOR_TESTS).unwrap();
    assert!(replan_app(&state, Platform::Android).is_none(), "no phone attached: a desktop");
    let desktop = tauri::async_runtime::block_on(state.reminder_status()).unwrap();
    assert_eq!(desktop.phone, None, "a desktop has no phone permissions to show");
    let clock = FixedClock::new(Utc::now());
    {
        let mut writer = state.writer_here();
        let store = writer.as_mut().unwrap();
        let details = MeetingDetails {
            name: "Home group".into(),
            weekdays: (0..7).collect(),
            start_time: Some("19:00".into()),
            time_zone: "UTC".into(),
            ..MeetingDetails::default()
        };
        let meeting = store.create_meeting(&MeetingInput { details, group: None }, true, &clock).unwrap();
        store.add_to_schedule(meeting.id, Some(30), true, &clock).unwrap();
    }
    let fake = Arc::new(FakeScheduler::with_permission(Permission::Denied));
    state.attach_phone(fake.clone());
    assert!(matches!(replan_app(&state, Platform::Android), Some(Err(PhoneProblem::NotAllowed(_)))));
    assert!(state.notifications_unavailable.load(Ordering::Relaxed), "Settings can say reminders are off");
    let status = tauri::async_runtime::block_on(state.reminder_status()).unwrap();
    assert!(!status.notifications_available);
    let worded = [Locale::En, Locale::Es].map(|l| Some(i18n::text(l, "reminders-not-allowed", &[])));
    assert!(worded.contains(&status.problem), "a phone's wording: {:?}", status.problem);
    let allowed = PhoneReminders { permission: Permission::Denied, exact_alarms: false };
    assert_eq!(status.phone, Some(allowed), "Settings sees what the phone allows");
    fake.open_exact_alarm_settings().unwrap();
    assert_eq!(fake.phone().alarm_pages, 1);

    fake.phone().permission = Some(Permission::Granted);
    let handed = replan_app(&state, Platform::Android).unwrap().unwrap();
    assert!(!state.notifications_unavailable.load(Ordering::Relaxed));
    let record = ReminderPlan::read(dir.path()).unwrap();
    assert_eq!(handed.scheduled.len(), record.items.len());
    assert!(record.items.len() <= PHONE_LIMIT);
    // The desktop's plan for the lock (unlimited, written at every change) never overwrites the
    // phone's record.
    state.refresh_plan();
    assert_eq!(ReminderPlan::read(dir.path()).unwrap(), record);
    // "Erase all data" detaches the phone first: nothing is handed over after it.
    let phone = state.detach_phone().unwrap();
    cancel_everything(phone.as_ref(), dir.path()).unwrap();
    assert!(fake.phone().pending.is_empty());
    assert!(replan_app(&state, Platform::Android).is_none());
}
