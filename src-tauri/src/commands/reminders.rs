use crate::state::AppState;
use homegroup_core::reminders::ReminderStatus;
use homegroup_core::Result;
use tauri::State;

/// Whether reminders can be shown on this system, and when the next is due.
#[tauri::command]
pub async fn reminder_status(state: State<'_, AppState>) -> Result<ReminderStatus> {
    state.reminder_status().await
}
