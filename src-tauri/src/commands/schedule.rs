use crate::state::AppState;
use chrono::NaiveDate;
use homegroup_core::meetings::Meeting;
use homegroup_core::schedule::{AttendanceSummary, Upcoming, WeekAgenda};
use homegroup_core::{time_zone, Clock, Result};
use tauri::State;

/// Puts a meeting in my schedule, or changes its reminder lead time.
#[tauri::command]
pub fn add_to_schedule(
    state: State<'_, AppState>,
    id: i64,
    lead_minutes: Option<u32>,
    reminders: bool,
) -> Result<Meeting> {
    state.store().add_to_schedule(id, lead_minutes, reminders, &state.clock)
}

/// Takes a meeting out of my schedule.
#[tauri::command]
pub fn remove_from_schedule(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    state.store().remove_from_schedule(id)
}

/// Skips one occurrence ("not this week"), or takes the skip back.
#[tauri::command]
pub fn set_skipped(state: State<'_, AppState>, id: i64, local_date: NaiveDate, skip: bool) -> Result<()> {
    state.store().set_skipped(id, local_date, skip)
}

/// Marks one occurrence as attended, or unmarks it.
#[tauri::command]
pub fn set_attended(state: State<'_, AppState>, id: i64, local_date: NaiveDate, attended: bool) -> Result<()> {
    state.store().set_attended(id, local_date, attended, &state.clock)
}

/// The week agenda, `week_offset` weeks from this one, in the device's zone.
#[tauri::command]
pub fn week_agenda(state: State<'_, AppState>, week_offset: i32) -> Result<WeekAgenda> {
    state.store().week_agenda(state.clock.now(), time_zone::device(), week_offset)
}

/// My meetings from now to the end of tomorrow.
#[tauri::command]
pub fn upcoming(state: State<'_, AppState>) -> Result<Upcoming> {
    state.store().upcoming(state.clock.now(), time_zone::device())
}

/// Meetings attended this week, this month and in the last 90 days.
#[tauri::command]
pub fn attendance_summary(state: State<'_, AppState>) -> Result<AttendanceSummary> {
    state.store().attendance_summary(state.clock.now(), time_zone::device())
}
