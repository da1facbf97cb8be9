use crate::state::AppState;
use homegroup_core::store::{BackupCopy, Recovery};
use homegroup_core::Result;
use tauri::{AppHandle, Runtime, State};

/// What happened at start if the saved data could not be read (and was moved aside).
#[tauri::command]
pub fn startup_notice(state: State<'_, AppState>) -> Option<Recovery> {
    state.recovery.clone()
}

/// The automatic daily copies, newest first.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupCopy>> {
    state.store().backups()
}

/// Replaces everything with one of the automatic copies.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> Result<()> {
    state.store().restore_backup(&name)
}

/// Removes everything the user keeps in Homegroup, after the UI asked; then Homegroup closes.
#[tauri::command]
pub fn erase_all_data<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    crate::erase_everything(&app)
}
