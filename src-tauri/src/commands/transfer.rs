//! Import, export and backup commands: each a one-line call into the core. Paths come from the
//! file dialogs the user answered.

use crate::state::AppState;
use homegroup_core::backup::{BackupSummary, RestoreReport};
use homegroup_core::import::{ImportOptions, ImportPreview, ImportReport};
use homegroup_core::Result;
use std::path::PathBuf;
use tauri::State;

/// What importing the file would do, without writing anything.
#[tauri::command]
pub fn import_preview(state: State<'_, AppState>, path: PathBuf, options: ImportOptions) -> Result<ImportPreview> {
    state.store().preview_import_file(&path, &options)
}

/// Imports the file in one transaction and reports what changed.
#[tauri::command]
pub fn import_run(state: State<'_, AppState>, path: PathBuf, options: ImportOptions) -> Result<ImportReport> {
    state.store().import_file(&path, &options, &state.clock)
}

/// Saves my schedule as an .ics file; returns how many meetings it holds.
#[tauri::command]
pub fn export_ics(state: State<'_, AppState>, path: PathBuf) -> Result<u32> {
    state.store().export_ics_file(&path, &state.clock)
}

/// Saves everything the user made to one backup file.
#[tauri::command]
pub fn backup_to_file(state: State<'_, AppState>, path: PathBuf) -> Result<BackupSummary> {
    state.store().backup_to_file(&path, &state.clock)
}

/// Restores a backup file, merging it with what is here.
#[tauri::command]
pub fn restore_from_file(state: State<'_, AppState>, path: PathBuf) -> Result<RestoreReport> {
    state.store().restore_from_file(&path, &state.clock)
}
