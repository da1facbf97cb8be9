//! The desktop reminder loop and its notify-rust notifier.

use super::Notifier;
use crate::state::AppState;
use chrono::Utc;
use homegroup_core::reminders::{notification_text, NotificationText};
use homegroup_core::time_zone;
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

    fn notify(&self, text: &NotificationText, meeting_id: i64, discreet: bool) -> Result<(), String> {
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
                        let _ = app.emit("open-route", format!("#/schedule/m/{meeting_id}"));
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
    let state_app = app.clone();
    let result = std::thread::Builder::new().name("reminders".into()).spawn(move || {
        let state = state_app.state::<AppState>();
        if let Err(problem) = notifier.check() {
            eprintln!("homegroup: no notification service, reminders cannot be shown: {problem}");
            *state.reminder_problem.lock().unwrap_or_else(|e| e.into_inner()) = Some(problem);
        }
        // For idle measurements: the loop's wake-up count, rewritten at each wake-up.
        let stats_file = std::env::var_os("HOMEGROUP_REMINDER_STATS");
        loop {
            let wakeups = state.reminder_wakeups.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(path) = &stats_file {
                let _ = std::fs::write(path, wakeups.to_string());
            }
            let sleep = tick(&state_app, &state, notifier.as_ref());
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
fn tick<R: Runtime>(app: &AppHandle<R>, state: &AppState, notifier: &dyn Notifier) -> Duration {
    let now = Utc::now();
    let zone = time_zone::device();
    let mut store = state.store_quietly();
    let discreet = store.settings().map(|s| s.discreet_notifications).unwrap_or(true);
    let fired = store.fire_due_reminders(now, |reminder| {
        notifier.notify(&notification_text(reminder, now, zone, discreet), reminder.meeting_id, discreet)
    });
    match fired {
        Ok(delivered) => {
            let mut problem = state.reminder_problem.lock().unwrap_or_else(|e| e.into_inner());
            if !delivered.is_empty() {
                *problem = None;
            }
        }
        Err(e) => eprintln!("homegroup: reminders could not be read: {}", e.kind_str()),
    }
    let next = store.next_reminder_due(now).ok().flatten();
    let next_meeting =
        store.upcoming(now, zone).ok().and_then(|u| u.today_items.into_iter().chain(u.tomorrow_items).next());
    drop(store);
    crate::tray::set_tooltip(app, next_meeting.as_ref(), zone, discreet);
    next.and_then(|due| (due - now).to_std().ok()).map_or(MAX_SLEEP, |d| d.clamp(Duration::from_millis(200), MAX_SLEEP))
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
