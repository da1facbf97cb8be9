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

/// Everything the page needs to draw its first screen, in one round trip: the lock's state and,
/// when unlocked, the settings and (`today`, when the page opens on Today) Today's data.
#[tauri::command]
pub async fn first_screen(state: State<'_, AppState>, today: bool) -> Result<FirstScreen> {
    let state = state.inner().clone();
    let reader = state.clone();
    let lock =
        tauri::async_runtime::spawn_blocking(move || reader.lock_status()).await.map_err(crate::join_error)??;
    let recovery = state.recovery.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if lock.locked {
        return Ok(FirstScreen { lock, settings: None, today: None, recovery });
    }
    let now = state.clock.now();
    let (settings, today) = state
        .read(move |s| {
            let today = if today { Some(s.today_screen(now, time_zone::device())?) } else { None };
            Ok((s.settings()?, today))
        })
        .await?;
    Ok(FirstScreen { lock, settings: Some(settings), today, recovery })
}
