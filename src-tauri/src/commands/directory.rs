//! The directory: fellowships, the user's groups, favourites and search.

use crate::state::AppState;
use homegroup_core::directory::{
    DirectoryEntry, DirectoryQuery, FavouriteTarget, Fellowship, Group, GroupDeletion, GroupInput,
};
use homegroup_core::Result;
use tauri::State;

/// Searches and filters fellowships and groups.
#[tauri::command]
pub async fn search_directory(state: State<'_, AppState>, query: DirectoryQuery) -> Result<Vec<DirectoryEntry>> {
    state.read(move |s| s.search_directory(&query)).await
}

/// Every built-in fellowship, in the directory's order.
#[tauri::command]
pub async fn list_fellowships(state: State<'_, AppState>) -> Result<Vec<Fellowship>> {
    state.read(|s| s.fellowships()).await
}

/// One built-in fellowship with the user's notes about it.
#[tauri::command]
pub async fn get_fellowship(state: State<'_, AppState>, id: String) -> Result<Fellowship> {
    state.read(move |s| s.fellowship(&id)).await
}

/// Saves the user's own notes about a fellowship.
#[tauri::command]
pub async fn set_fellowship_notes(state: State<'_, AppState>, id: String, notes: String) -> Result<Fellowship> {
    state.write(move |s| s.set_fellowship_notes(&id, &notes)).await
}

/// Marks or unmarks a fellowship or group as a favourite.
#[tauri::command]
pub async fn set_favourite(state: State<'_, AppState>, target: FavouriteTarget, favourite: bool) -> Result<()> {
    state.write(move |s| s.set_favourite(&target, favourite)).await
}

/// One group.
#[tauri::command]
pub async fn get_group(state: State<'_, AppState>, id: i64) -> Result<Group> {
    state.read(move |s| s.group(id)).await
}

/// Adds one of the user's own groups.
#[tauri::command]
pub async fn create_group(state: State<'_, AppState>, input: GroupInput) -> Result<Group> {
    let clock = state.clock;
    state.write(move |s| s.create_group(&input, &clock)).await
}

/// Edits a group.
#[tauri::command]
pub async fn update_group(state: State<'_, AppState>, id: i64, input: GroupInput) -> Result<Group> {
    let clock = state.clock;
    state.write(move |s| s.update_group(id, &input, &clock)).await
}

/// What deleting a group would change, for the confirmation.
#[tauri::command]
pub async fn group_deletion(state: State<'_, AppState>, id: i64) -> Result<GroupDeletion> {
    state.read(move |s| s.group_deletion(id)).await
}

/// Deletes a group; its meetings are kept without a group.
#[tauri::command]
pub async fn delete_group(state: State<'_, AppState>, id: i64) -> Result<GroupDeletion> {
    state.write(move |s| s.delete_group(id)).await
}
