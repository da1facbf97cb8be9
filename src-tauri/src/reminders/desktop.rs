//! The desktop reminder loop and its notify-rust notifier.

use super::Notifier;
use crate::state::AppState;
use crate::tray::LoopTooltip;
use chrono::{DateTime, Utc};
use homegroup_core::milestones::milestone_text;
use homegroup_core::reminders::plan::{PlannedNotification, ReminderPlan};
use homegroup_core::reminders::{notification_text, tray_tooltip, NotificationText};
use homegroup_core::{i18n, time_zone};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The loop looks at the wall clock at least this often, so a suspend or a clock change is
/// noticed within a minute even when no reminder is due for days.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// Shows notifications through the desktop's notification service (D-Bus on Linux).
pub struct DesktopNotifier<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> DesktopNotifier<R> {
    pub fn new(app: AppHandle<R>) -> Self {
        DesktopNotifier { app }
    }
}

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn check(&self) -> Result<(), String> {
        #[cfg(all(unix, not(target_os = "macos")))]
        notify_rust::get_server_information().map_err(|e| e.to_string())?;
        Ok(())
    }

    fn notify(&self, text: &NotificationText, meeting_id: Option<i64>, discreet: bool) -> Result<(), String> {
        let mut notification = notify_rust::Notification::new();
        // Discreet: not even the app's name, for lock screens and shared computers.
        notification.appname(if discreet { "Reminder" } else { "Homegroup" }).summary(&text.title).body(&text.body);
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            notification.action("default", "Open").timeout(notify_rust::Timeout::Default);
            let handle = notification.show().map_err(|e| e.to_string())?;
            let app = self.app.clone();
            // Clicking the notification opens the meeting in the app.
            std::thread::spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        crate::show_main_window(&app);
                        if let Some(id) = meeting_id {
                            let _ = app.emit("open-route", format!("#/schedule/m/{id}"));
                        }
                    }
                });
            });
            Ok(())
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            let _ = (&self.app, meeting_id);
            notification.show().map(|_| ()).map_err(|e| e.to_string())
        }
    }
}

/// Starts the reminder loop on its own thread.
pub fn spawn_loop<R: Runtime>(app: AppHandle<R>, notifier: Box<dyn Notifier>, wake: Receiver<()>) {
    let result = std::thread::Builder::new().name("reminders".into()).spawn(move || {
        let state = app.state::<AppState>().inner().clone();
        if let Err(problem) = notifier.check() {
            eprintln!("homegroup: no notification service, reminders cannot be shown: {problem}");
            state.notifications_unavailable.store(true, Ordering::Relaxed);
        }
        let stats = crate::test_hooks::reminder_stats_file();
        let mut tooltip = crate::tray::LoopTooltip::default();
        loop {
            let wakeups = state.reminder_wakeups.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(path) = &stats {
                let _ = std::fs::write(path, wakeups.to_string());
            }
            let sleep = tick(&app, &state, notifier.as_ref(), &mut tooltip);
            match wake.recv_timeout(sleep) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    });
    if let Err(e) = result {
        eprintln!("homegroup: the reminder loop could not start: {e}");
    }
}

/// Fires what is due, updates the tray's tooltip, and says how long to sleep.
fn tick<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    notifier: &dyn Notifier,
    tooltip: &mut LoopTooltip,
) -> Duration {
    let now = Utc::now();
    let next = if state.is_locked() {
        tick_locked(app, state, notifier, now, tooltip)
    } else {
        tick_unlocked(app, state, notifier, now, tooltip)
    };
    next.and_then(|due| (due - now).to_std().ok()).map_or(MAX_SLEEP, |d| d.clamp(Duration::from_millis(200), MAX_SLEEP))
}

/// Unlocked: the store decides. It is held only to claim what is due and to record each outcome,
/// never while a notification is shown. With the lock on, the plan kept outside is refreshed.
fn tick_unlocked<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
    tooltip: &mut LoopTooltip,
) -> Option<DateTime<Utc>> {
    let zone = time_zone::device();
    let locale = i18n::current();
    let (discreet, claimed) = {
        let mut writer = state.writer_here();
        let store = writer.as_mut()?;
        let discreet = store.settings().map(|s| s.discreet_notifications).unwrap_or(true);
        (discreet, store.claim_due_reminders(now))
    };
    match claimed {
        Ok(claimed) => {
            for reminder in claimed {
                let text = notification_text(&reminder, now, zone, discreet, locale);
                let shown = notifier.notify(&text, Some(reminder.meeting_id), discreet);
                let mut writer = state.writer_here();
                let Some(store) = writer.as_mut() else { break };
                let recorded = match shown {
                    Ok(()) => {
                        state.notifications_unavailable.store(false, Ordering::Relaxed);
                        store.mark_delivered(&reminder, Utc::now())
                    }
                    Err(problem) => {
                        eprintln!("homegroup: a reminder could not be shown: {problem}");
                        store.release_claim(&reminder)
                    }
                };
                if let Err(e) = recorded {
                    eprintln!("homegroup: a reminder's delivery could not be recorded: {}", e.kind_str());
                }
            }
        }
        Err(e) => eprintln!("homegroup: reminders could not be read: {}", e.kind_str()),
    }
    show_due_milestones(state, notifier, now, zone, discreet, locale);
    state.refresh_plan();
    let (next, next_meeting) = {
        let reader = state.reader_here();
        let store = reader.as_ref()?;
        let next_reminder = store.next_reminder_due(now).ok().flatten();
        let next_milestone = store.next_milestone_due(now, zone).ok().flatten();
        let next = next_reminder.into_iter().chain(next_milestone).min();
        let upcoming = store.upcoming(now, zone).ok();
        (next, upcoming.and_then(|u| u.today_items.into_iter().chain(u.tomorrow_items).next()))
    };
    tooltip.show(app, &tray_tooltip(next_meeting.as_ref(), zone, discreet, locale));
    next
}

/// Milestones of the recovery count due now (9:00 on the day, or the first start that day):
/// claimed so each comes once, released when it cannot be shown.
fn show_due_milestones(
    state: &AppState,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
    discreet: bool,
    locale: i18n::Locale,
) {
    let claimed = {
        let mut writer = state.writer_here();
        let Some(store) = writer.as_mut() else { return };
        store.claim_due_milestones(now, zone)
    };
    let claimed = match claimed {
        Ok(claimed) => claimed,
        Err(e) => return eprintln!("homegroup: milestones could not be read: {}", e.kind_str()),
    };
    for milestone in claimed {
        if let Err(problem) = notifier.notify(&milestone_text(&milestone, discreet, locale), None, discreet) {
            eprintln!("homegroup: a milestone could not be shown: {problem}");
            if let Some(store) = state.writer_here().as_mut() {
                let _ = store.release_milestone(&milestone);
            }
        }
    }
}

/// Locked: the plan kept outside the database says what is due, with its discreet texts; what
/// fires is noted in it, to join the reminder log at unlock. The tray names nothing.
fn tick_locked<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
    tooltip: &mut LoopTooltip,
) -> Option<DateTime<Utc>> {
    tooltip.show(app, "Homegroup");
    let mut plan = ReminderPlan::read(&state.data_dir).ok()?;
    let due: Vec<PlannedNotification> = plan.due(now).into_iter().cloned().collect();
    if !due.is_empty() {
        for item in &due {
            let text = NotificationText { title: item.title.clone(), body: item.body.clone() };
            match notifier.notify(&text, item.meeting_id, true) {
                Ok(()) => plan.mark_fired(item),
                Err(problem) => eprintln!("homegroup: a reminder could not be shown: {problem}"),
            }
        }
        if let Err(e) = plan.write(&state.data_dir) {
            eprintln!("homegroup: the reminder plan could not be saved: {}", e.kind_str());
        }
    }
    plan.next_due(now)
}

/// Error kinds only: logs never carry meeting names or places.
trait KindStr {
    fn kind_str(&self) -> String;
}

impl KindStr for homegroup_core::Error {
    fn kind_str(&self) -> String {
        format!("{:?}", self.kind())
    }
}
