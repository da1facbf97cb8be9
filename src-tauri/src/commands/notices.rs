//! Keeping my meetings current: what an import changed for them, and time shifts across zones.

use crate::state::AppState;
use homegroup_core::notices::MeetingNotice;
use homegroup_core::zone_shift::ZoneShift;
use homegroup_core::{time_zone, Clock, Result};
use tauri::State;

/// Notices not yet dismissed: of one meeting, or of all my meetings (Today).
#[tauri::command]
pub async fn list_notices(state: State<'_, AppState>, meeting_id: Option<i64>) -> Result<Vec<MeetingNotice>> {
    state.read(move |s| s.notices(meeting_id)).await
}

#[tauri::command]
pub async fn dismiss_notice(state: State<'_, AppState>, id: i64) -> Result<()> {
    let now = state.clock.now().timestamp();
    state.write(move |s| s.dismiss_notice(id, now)).await
}

/// "Keep reminding me" for a scheduled meeting gone from its list.
#[tauri::command]
pub async fn keep_reminding(state: State<'_, AppState>, meeting_id: i64) -> Result<()> {
    let now = state.clock.now().timestamp();
    state.write(move |s| s.keep_reminding(meeting_id, now)).await
}

/// My meetings in other zones that move against my clock in the next two weeks.
#[tauri::command]
pub async fn zone_shifts(state: State<'_, AppState>) -> Result<Vec<ZoneShift>> {
    let now = state.clock.now();
    state.read(move |s| s.zone_shifts(now, time_zone::device())).await
}
