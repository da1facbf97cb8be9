//! Import, export and backup commands (to be written): each a one-line call into the core.

#[tauri::command]
pub fn import_preview() {}
#[tauri::command]
pub fn import_run() {}
#[tauri::command]
pub fn export_ics() {}
#[tauri::command]
pub fn backup_to_file() {}
#[tauri::command]
pub fn restore_from_file() {}
