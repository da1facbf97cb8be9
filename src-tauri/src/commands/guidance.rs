//! Guidance commands (to be written): each a one-line call into `homegroup_core::guidance`.

#[tauri::command]
pub fn guidance_index() {}
#[tauri::command]
pub fn guidance_page() {}
#[tauri::command]
pub fn guidance_search() {}
#[tauri::command]
pub fn guidance_checklist() {}
#[tauri::command]
pub fn guidance_next_steps() {}
