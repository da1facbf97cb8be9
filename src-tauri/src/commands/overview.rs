use crate::state::AppState;
use homegroup_core::overview::Overview;
use homegroup_core::Result;
use tauri::State;

/// What Today opens with.
#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> Result<Overview> {
    state.read(|s| s.overview()).await
}
