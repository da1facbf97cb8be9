//! Locking when the window has been out of sight: hidden to the tray or minimised, for the
//! auto-lock time (immediately, 1, 5 or 15 minutes). Losing focus to the app's own file dialogs or
//! to a browser or phone app it handed a link to does not count: the window is still there.

use crate::state::AppState;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Manager, Runtime};

/// The window went out of sight: lock now, or when the auto-lock time has passed and it is still
/// out of sight.
pub fn window_out_of_sight<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>().inner().clone();
    let Ok(status) = state.lock_status() else { return };
    if !status.enabled || status.locked {
        return;
    }
    let generation = state.sight_changes.fetch_add(1, Ordering::SeqCst) + 1;
    if status.auto_lock_minutes == 0 {
        let _ = crate::lock_app(app);
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(u64::from(status.auto_lock_minutes) * 60));
        // Still out of sight since then: nothing has been shown in between.
        if state.sight_changes.load(Ordering::SeqCst) == generation {
            let _ = crate::lock_app(&app);
        }
    });
}

/// The window is in sight again: a pending auto-lock is called off.
pub fn window_in_sight<R: Runtime>(app: &AppHandle<R>) {
    app.state::<AppState>().sight_changes.fetch_add(1, Ordering::SeqCst);
}
