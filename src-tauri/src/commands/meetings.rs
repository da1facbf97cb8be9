use crate::state::AppState;
use homegroup_core::meetings::{Meeting, MeetingFilter, MeetingInput};
use homegroup_core::time_zone::TimeZones;
use homegroup_core::Result;
use tauri::State;

/// Meetings, filtered (in my schedule, of a group, of a fellowship).
#[tauri::command]
pub fn list_meetings(state: State<'_, AppState>, filter: MeetingFilter) -> Result<Vec<Meeting>> {
    state.store().meetings(&filter)
}

/// One meeting with everything about it.
#[tauri::command]
pub fn get_meeting(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    state.store().meeting(id)
}

/// Adds a meeting made in the app, into the schedule when asked.
#[tauri::command]
pub fn create_meeting(state: State<'_, AppState>, input: MeetingInput, in_schedule: bool) -> Result<Meeting> {
    state.store().create_meeting(&input, in_schedule, &state.clock)
}

/// Changes a meeting's details.
#[tauri::command]
pub fn update_meeting(state: State<'_, AppState>, id: i64, input: MeetingInput) -> Result<Meeting> {
    state.store().update_meeting(id, &input, &state.clock)
}

/// Deletes a meeting (its attendance stays in the log).
#[tauri::command]
pub fn delete_meeting(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.store().delete_meeting(id)
}

/// Saves the user's own notes on a meeting.
#[tauri::command]
pub fn set_meeting_notes(state: State<'_, AppState>, id: i64, notes: String) -> Result<Meeting> {
    state.store().set_meeting_notes(id, &notes)
}

/// Marks or unmarks a meeting as a favourite.
#[tauri::command]
pub fn set_meeting_favourite(state: State<'_, AppState>, id: i64, favourite: bool) -> Result<Meeting> {
    state.store().set_meeting_favourite(id, favourite)
}

/// The device's zone and every zone, for the zone picker.
#[tauri::command]
pub fn time_zones() -> TimeZones {
    TimeZones::list()
}
