use crate::reminders::mobile::ask_permission;
use crate::state::AppState;
use homegroup_core::reminders::ReminderStatus;
use homegroup_core::{Error, Result};
use tauri::State;

/// Whether reminders can be shown on this system, and when the next is due.
#[tauri::command]
pub async fn reminder_status(state: State<'_, AppState>) -> Result<ReminderStatus> {
    state.reminder_status().await
}

/// Phones: asks for the permission to show notifications, once Settings has said why (never on
/// its own: the system asks once). Answers the status as it now stands; on desktops, just it.
#[tauri::command]
pub async fn allow_reminders(state: State<'_, AppState>) -> Result<ReminderStatus> {
    if let Some(phone) = state.phone() {
        let asked = tauri::async_runtime::spawn_blocking(move || ask_permission(phone.as_ref())).await;
        if let Ok(Err(problem)) | Err(problem) = asked.map_err(|e| e.to_string()) {
            eprintln!("homegroup: the permission to notify could not be asked for: {problem}");
        }
        state.wake_reminder_loop();
    }
    state.reminder_status().await
}

/// Android: opens the system page where exact alarms are allowed, so reminders come on the minute.
#[tauri::command]
pub async fn open_alarm_settings(state: State<'_, AppState>) -> Result<()> {
    if let Some(phone) = state.phone() {
        phone.open_exact_alarm_settings().map_err(Error::Data)?;
    }
    Ok(())
}
