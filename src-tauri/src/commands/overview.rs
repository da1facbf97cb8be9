use crate::state::AppState;
use homegroup_core::overview::{FirstScreen, Overview, TodayScreen};
use homegroup_core::{time_zone, Clock, Result};
use tauri::State;

/// What Today opens with.
#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> Result<Overview> {
    state.read(|s| s.overview()).await
}

/// Everything Today shows, in one round trip.
#[tauri::command]
pub async fn today_screen(state: State<'_, AppState>) -> Result<TodayScreen> {
    let now = state.clock.now();
    state.read(move |s| s.today_screen(now, time_zone::device())).await
}

/// Everything the page needs to draw its first screen, in one round trip (see
/// [`AppState::first_screen`]). The page finds it in itself when the shell served it (`first_page`);
/// it asks here when it did not.
#[tauri::command]
pub async fn first_screen(state: State<'_, AppState>, today: bool) -> Result<FirstScreen> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.first_screen(today)).await.map_err(crate::join_error)?
}
