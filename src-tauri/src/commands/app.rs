//! The app itself: its facts, its window, and the first screen being up.

use crate::state::AppState;
use homegroup_core::app_info::AppInfo;
use tauri::{AppHandle, Runtime, State};

/// The app's version, where its data lives, its licence and notices.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo::new(&state.data_dir)
}

/// Whether the main window is shown (started hidden in the tray at login, or not).
#[tauri::command]
pub fn window_visible<R: Runtime>(window: tauri::WebviewWindow<R>) -> bool {
    window.is_visible().unwrap_or(true)
}

/// The UI has drawn its first screen: the lock screen (`locked`), Today with `shown` meetings, or
/// (`None`) a screen saying its data could not be read. A start-up benchmark or test that asked for
/// it gets the answer as the exit code (0: the lock screen, or Today with real data).
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>, shown: Option<u32>, locked: bool, marks: Option<Vec<(String, f64)>>) {
    crate::test_hooks::mark("ui_ready received");
    #[cfg(desktop)]
    crate::background::first_screen_painted(&app);
    if crate::test_hooks::timeline_enabled() {
        for (label, at_ms) in marks.unwrap_or_default() {
            crate::test_hooks::print_mark(at_ms, &format!("page: {label}"));
        }
    }
    if crate::test_hooks::exit_when_ready() {
        match (locked, shown) {
            (true, _) => println!("homegroup: ready, the lock screen is shown"),
            (false, Some(count)) => println!("homegroup: ready, Today shows {count} meeting(s)"),
            (false, None) => println!("homegroup: ready, but Today could not read its data"),
        }
        app.exit(if locked || shown.is_some() { 0 } else { 1 });
    }
}
