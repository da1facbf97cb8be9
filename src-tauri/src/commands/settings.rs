use crate::state::AppState;
use homegroup_core::settings::Settings;
use homegroup_core::Result;
use tauri::State;

/// The saved general settings.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.store().settings()
}

/// Validates and saves the general settings; returns them as saved.
#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    state.store().save_settings(&settings)
}
