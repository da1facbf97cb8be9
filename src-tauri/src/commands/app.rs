use crate::state::AppState;
use homegroup_core::app_info::AppInfo;
use tauri::{AppHandle, Runtime, State};

/// The app's version and where its data lives.
#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo::new(&state.data_dir)
}

/// Whether the main window is shown (started hidden in the tray at login, or not).
#[tauri::command]
pub fn window_visible<R: Runtime>(window: tauri::WebviewWindow<R>) -> bool {
    window.is_visible().unwrap_or(true)
}

/// The UI has drawn its first screen with real data; quits when a start-up benchmark asked for it.
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) {
    if state.exit_when_ready {
        app.exit(0);
    }
}
