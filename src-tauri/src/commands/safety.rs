//! Keeping data safe: the start-up notice, the daily copies, and erasing everything.

use crate::state::AppState;
use homegroup_core::store::{BackupCopy, Recovery};
use homegroup_core::Result;
use tauri::{AppHandle, Runtime, State};

/// What happened at start if the saved data could not be read (and was moved aside).
#[tauri::command]
pub fn startup_notice(state: State<'_, AppState>) -> Option<Recovery> {
    state.recovery.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The automatic daily copies, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupCopy>> {
    state.read(|s| s.backups()).await
}

/// Replaces everything with one of the automatic copies.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Result<()> {
    state.write(move |s| s.restore_backup(&name)).await
}

/// Removes everything the user keeps in Homegroup, after the UI asked; then Homegroup closes.
#[tauri::command]
pub async fn erase_all_data<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    crate::erase_everything(app).await
}
