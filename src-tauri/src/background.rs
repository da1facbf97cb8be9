//! The tray and the reminder loop start once the first screen has painted. Built before, the tray
//! took the main thread (about 8 ms in release, 20 in debug) while the webview's process started
//! and asked for the page, and the loop's first look at the store and the tooltip came in the same
//! moment; every millisecond of it delayed the first screen (measured with `startup-timeline`).
//! A start at login has no screen to wait for, so both start at once; a page that never says it
//! has painted still gets them, a few seconds later.

use crate::reminders;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{App, AppHandle, Manager, Runtime};

/// How long the tray and the loop wait for the first screen before they start anyway.
const AT_THE_LATEST: Duration = Duration::from_secs(5);

/// What is needed to start them, until they start.
struct Pending {
    /// The reminder loop's wake-ups; taken when the loop starts, so it starts once.
    reminder_wakes: Mutex<Option<Receiver<()>>>,
    /// Told when the first screen has painted.
    painted: SyncSender<()>,
}

/// Starts the tray and the reminder loop now (`hidden`), or once the first screen has painted.
pub fn start_after_first_screen(app: &App, reminder_wakes: Receiver<()>, hidden: bool) {
    let (painted, first_screen) = sync_channel(1);
    app.manage(Pending { reminder_wakes: Mutex::new(Some(reminder_wakes)), painted });
    if hidden {
        start_now(app.handle());
        return;
    }
    let app = app.handle().clone();
    when_painted(first_screen, AT_THE_LATEST, move || {
        let on_main = app.clone();
        let _ = app.run_on_main_thread(move || start_now(&on_main));
    });
}

/// Runs `then` on a thread of its own as soon as `first_screen` is told, or after `at_the_latest`.
fn when_painted(first_screen: Receiver<()>, at_the_latest: Duration, then: impl FnOnce() + Send + 'static) {
    std::thread::spawn(move || {
        let _ = first_screen.recv_timeout(at_the_latest);
        then();
    });
}

/// The page has drawn its first screen.
pub fn first_screen_painted<R: Runtime>(app: &AppHandle<R>) {
    if let Some(pending) = app.try_state::<Pending>() {
        let _ = pending.painted.try_send(());
    }
}

/// Starts the tray and the reminder loop unless they have started; on the main thread. Closing the
/// window before the first screen painted calls this too, so the window never hides without a tray.
pub fn start_now<R: Runtime>(app: &AppHandle<R>) {
    let Some(pending) = app.try_state::<Pending>() else { return };
    let taken = pending.reminder_wakes.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
    let Some(reminder_wakes) = taken else { return };
    // The loop keeps the tray's tooltip up to date, so the tray comes first.
    if let Err(e) = crate::tray::build(app) {
        eprintln!("homegroup: the tray icon could not be made: {e}");
    }
    let notifier = Box::new(reminders::DesktopNotifier::new(app.clone()));
    reminders::spawn_loop(app.clone(), notifier, reminder_wakes);
    crate::test_hooks::mark("shell: tray and reminder loop");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;
    use std::time::Instant;

    /// Waits for `then` to run, for at most `limit`; when it ran.
    fn ran_at(ran: &Receiver<Instant>, limit: Duration) -> Instant {
        ran.recv_timeout(limit).expect("the tray and the loop should have started")
    }

    #[test]
    fn they_start_as_soon_as_the_first_screen_has_painted() {
        let (painted, first_screen) = sync_channel(1);
        let (ran, ran_rx) = channel();
        // An hour's fallback: only the paint can start them within the test.
        when_painted(first_screen, Duration::from_secs(3600), move || ran.send(Instant::now()).unwrap());
        painted.try_send(()).unwrap();
        ran_at(&ran_rx, Duration::from_secs(30));
    }

    #[test]
    fn they_start_anyway_when_the_page_never_says_it_painted() {
        let (_painted, first_screen) = sync_channel::<()>(1);
        let (ran, ran_rx) = channel();
        let asked = Instant::now();
        let fallback = Duration::from_millis(300);
        when_painted(first_screen, fallback, move || ran.send(Instant::now()).unwrap());
        let at = ran_at(&ran_rx, Duration::from_secs(30));
        assert!(at.duration_since(asked) >= fallback, "they started before the fallback was due");
    }
}
