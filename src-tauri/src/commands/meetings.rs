//! Meetings: listing, reading, the form's create and update, notes and favourites.

use crate::state::AppState;
use homegroup_core::meetings::{Meeting, MeetingFilter, MeetingInput};
use homegroup_core::time_zone::TimeZones;
use homegroup_core::Result;
use tauri::State;

/// Meetings, filtered (in my schedule, of a group, of a fellowship).
#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>, filter: MeetingFilter) -> Result<Vec<Meeting>> {
    state.read(move |s| s.meetings(&filter)).await
}

/// One meeting with everything about it.
#[tauri::command]
pub async fn get_meeting(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    state.read(move |s| s.meeting(id)).await
}

/// Adds a meeting made in the app, into the schedule when asked.
#[tauri::command]
pub async fn create_meeting(state: State<'_, AppState>, input: MeetingInput, in_schedule: bool) -> Result<Meeting> {
    let clock = state.clock;
    state.write(move |s| s.create_meeting(&input, in_schedule, &clock)).await
}

/// Changes a meeting's details.
#[tauri::command]
pub async fn update_meeting(state: State<'_, AppState>, id: i64, input: MeetingInput) -> Result<Meeting> {
    let clock = state.clock;
    state.write(move |s| s.update_meeting(id, &input, &clock)).await
}

/// Deletes a meeting (its attendance stays in the log).
#[tauri::command]
pub async fn delete_meeting(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.write(move |s| s.delete_meeting(id)).await
}

/// Saves the user's own notes on a meeting.
#[tauri::command]
pub async fn set_meeting_notes(state: State<'_, AppState>, id: i64, notes: String) -> Result<Meeting> {
    state.write(move |s| s.set_meeting_notes(id, &notes)).await
}

/// Marks or unmarks a meeting as a favourite.
#[tauri::command]
pub async fn set_meeting_favourite(state: State<'_, AppState>, id: i64, favourite: bool) -> Result<Meeting> {
    state.write(move |s| s.set_meeting_favourite(id, favourite)).await
}

/// The device's zone and every zone, for the zone picker.
#[tauri::command]
pub fn time_zones() -> TimeZones {
    TimeZones::list()
}
