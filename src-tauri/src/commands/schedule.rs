//! My schedule: adding and removing meetings, skips, attendance, and the views over it.

use crate::state::AppState;
use chrono::NaiveDate;
use homegroup_core::meetings::Meeting;
use homegroup_core::schedule::{AttendanceSummary, Upcoming, WeekAgenda};
use homegroup_core::{time_zone, Clock, Result};
use tauri::State;

/// Puts a meeting in my schedule, or changes its reminder lead time.
#[tauri::command]
pub async fn add_to_schedule(
    state: State<'_, AppState>,
    id: i64,
    lead_minutes: Option<u32>,
    reminders: bool,
) -> Result<Meeting> {
    let clock = state.clock;
    state.write(move |s| s.add_to_schedule(id, lead_minutes, reminders, &clock)).await
}

/// Takes a meeting out of my schedule.
#[tauri::command]
pub async fn remove_from_schedule(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    state.write(move |s| s.remove_from_schedule(id)).await
}

/// Skips one occurrence ("not this week"), or takes the skip back.
#[tauri::command]
pub async fn set_skipped(state: State<'_, AppState>, id: i64, local_date: NaiveDate, skip: bool) -> Result<()> {
    state.write(move |s| s.set_skipped(id, local_date, skip)).await
}

/// Marks one occurrence as attended, or unmarks it.
#[tauri::command]
pub async fn set_attended(state: State<'_, AppState>, id: i64, local_date: NaiveDate, attended: bool) -> Result<()> {
    let clock = state.clock;
    state.write(move |s| s.set_attended(id, local_date, attended, &clock)).await
}

/// The week agenda, `week_offset` weeks from this one, in the device's zone.
#[tauri::command]
pub async fn week_agenda(state: State<'_, AppState>, week_offset: i32) -> Result<WeekAgenda> {
    let now = state.clock.now();
    state.read(move |s| s.week_agenda(now, time_zone::device(), week_offset)).await
}

/// My meetings from now to the end of tomorrow.
#[tauri::command]
pub async fn upcoming(state: State<'_, AppState>) -> Result<Upcoming> {
    let now = state.clock.now();
    state.read(move |s| s.upcoming(now, time_zone::device())).await
}

/// Meetings attended this week, this month and in the last 90 days.
#[tauri::command]
pub async fn attendance_summary(state: State<'_, AppState>) -> Result<AttendanceSummary> {
    let now = state.clock.now();
    state.read(move |s| s.attendance_summary(now, time_zone::device())).await
}
