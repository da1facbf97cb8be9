//! My people and my milestones.

use crate::state::AppState;
use homegroup_core::milestones::{CountToday, RecoveryCount, RecoveryCounts};
use homegroup_core::people::vcard::{VCardContact, VCardRead};
use homegroup_core::people::{PeopleOf, Person, PersonInput};
use homegroup_core::{time_zone, Clock, Result};
use tauri::State;

/// My people (sponsors first); of one group or meeting when one is given.
#[tauri::command]
pub async fn list_people(
    state: State<'_, AppState>,
    group_id: Option<i64>,
    meeting_id: Option<i64>,
) -> Result<Vec<Person>> {
    let of = match (group_id, meeting_id) {
        (Some(group), _) => PeopleOf::Group(group),
        (None, Some(meeting)) => PeopleOf::Meeting(meeting),
        (None, None) => PeopleOf::Everyone,
    };
    state.read(move |s| s.people(of)).await
}

#[tauri::command]
pub async fn get_person(state: State<'_, AppState>, id: i64) -> Result<Person> {
    state.read(move |s| s.person(id)).await
}

#[tauri::command]
pub async fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    let clock = state.clock;
    state.write(move |s| s.create_person(&input, &clock)).await
}

#[tauri::command]
pub async fn update_person(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person> {
    let clock = state.clock;
    state.write(move |s| s.update_person(id, &input, &clock)).await
}

#[tauri::command]
pub async fn delete_person(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.write(move |s| s.delete_person(id)).await
}

/// Reads a vCard file the user picked, for the preview where they choose whom to add.
#[tauri::command]
pub async fn preview_contacts(state: State<'_, AppState>, path: std::path::PathBuf) -> Result<VCardRead> {
    state.read(move |_| homegroup_core::people::read_contacts_file(&path)).await
}

/// Adds the contacts the user picked: all of them, or none with the reason.
#[tauri::command]
pub async fn add_contacts(state: State<'_, AppState>, contacts: Vec<VCardContact>) -> Result<u32> {
    let clock = state.clock;
    state.write(move |s| s.add_contacts(&contacts, &clock)).await
}

/// The current count as Today shows it, or `None` when the user keeps none.
#[tauri::command]
pub async fn count_today(state: State<'_, AppState>) -> Result<Option<CountToday>> {
    let now = state.clock.now();
    state.read(move |s| s.count_today(now, time_zone::device())).await
}

/// The current count and the earlier ones, for Settings.
#[tauri::command]
pub async fn recovery_counts(state: State<'_, AppState>) -> Result<RecoveryCounts> {
    state.read(|s| s.recovery_counts()).await
}

#[tauri::command]
pub async fn set_recovery_date(state: State<'_, AppState>, start_date: String, label: String) -> Result<RecoveryCount> {
    let now = state.clock.now();
    state.write(move |s| s.set_recovery_date(&start_date, &label, now, time_zone::device())).await
}

#[tauri::command]
pub async fn start_new_count(state: State<'_, AppState>, start_date: String, label: String) -> Result<RecoveryCount> {
    let now = state.clock.now();
    state.write(move |s| s.start_new_count(&start_date, &label, now, time_zone::device())).await
}

#[tauri::command]
pub async fn stop_counting(state: State<'_, AppState>) -> Result<()> {
    let now = state.clock.now();
    state.write(move |s| s.stop_counting(now, time_zone::device())).await
}

#[tauri::command]
pub async fn delete_count(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.write(move |s| s.delete_count(id)).await
}
