use crate::state::AppState;
use homegroup_core::settings::Settings;
use homegroup_core::Result;
use tauri::{AppHandle, Runtime, State};

/// The saved general settings.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.read(|s| s.settings()).await
}

/// Validates and saves the general settings; returns them as saved. "Start at login" is also
/// handed to the system.
#[tauri::command]
pub async fn save_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings> {
    let saved = state.write(move |s| s.save_settings(&settings)).await?;
    let shown = homegroup_core::i18n::current();
    crate::state::show_language(saved.language);
    // Most saves change something else: the tray's menu is built again only for a new language.
    #[cfg(desktop)]
    if homegroup_core::i18n::current() != shown {
        crate::tray::relabel(&app);
    }
    crate::start_at_login(&app, saved.start_at_login);
    // The lock screen is shown in the same look, read before unlocking.
    let auto_lock = state.lock_status()?.auto_lock_minutes;
    homegroup_core::lock::save_screen_settings(&state.data_dir, auto_lock, saved.theme, saved.language)?;
    Ok(saved)
}
