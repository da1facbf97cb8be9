use crate::state::AppState;
use homegroup_core::directory::{
    DirectoryEntry, DirectoryQuery, FavouriteTarget, Fellowship, Group, GroupDeletion, GroupInput,
};
use homegroup_core::Result;
use tauri::State;

/// Searches and filters fellowships and groups.
#[tauri::command]
pub fn search_directory(state: State<'_, AppState>, query: DirectoryQuery) -> Result<Vec<DirectoryEntry>> {
    state.store().search_directory(&query)
}

/// Every built-in fellowship, in the directory's order.
#[tauri::command]
pub fn list_fellowships(state: State<'_, AppState>) -> Result<Vec<Fellowship>> {
    state.store().fellowships()
}

/// One built-in fellowship with the user's notes about it.
#[tauri::command]
pub fn get_fellowship(state: State<'_, AppState>, id: String) -> Result<Fellowship> {
    state.store().fellowship(&id)
}

/// Saves the user's own notes about a fellowship.
#[tauri::command]
pub fn set_fellowship_notes(state: State<'_, AppState>, id: String, notes: String) -> Result<Fellowship> {
    state.store().set_fellowship_notes(&id, &notes)
}

/// Marks or unmarks a fellowship or group as a favourite.
#[tauri::command]
pub fn set_favourite(state: State<'_, AppState>, target: FavouriteTarget, favourite: bool) -> Result<()> {
    state.store().set_favourite(&target, favourite)
}

/// One group.
#[tauri::command]
pub fn get_group(state: State<'_, AppState>, id: i64) -> Result<Group> {
    state.store().group(id)
}

/// Adds one of the user's own groups.
#[tauri::command]
pub fn create_group(state: State<'_, AppState>, input: GroupInput) -> Result<Group> {
    state.store().create_group(&input, &state.clock)
}

/// Edits a group.
#[tauri::command]
pub fn update_group(state: State<'_, AppState>, id: i64, input: GroupInput) -> Result<Group> {
    state.store().update_group(id, &input, &state.clock)
}

/// What deleting a group would change, for the confirmation.
#[tauri::command]
pub fn group_deletion(state: State<'_, AppState>, id: i64) -> Result<GroupDeletion> {
    state.store().group_deletion(id)
}

/// Deletes a group; its meetings are kept without a group.
#[tauri::command]
pub fn delete_group(state: State<'_, AppState>, id: i64) -> Result<GroupDeletion> {
    state.store().delete_group(id)
}
