//! The app lock: its state (readable while locked), unlocking, locking, and turning it on, off or
//! to another PIN. Each a call into the core through `AppState`.

use crate::state::AppState;
use homegroup_core::lock::{LockStatus, SecretKind};
use homegroup_core::Result;
use tauri::{AppHandle, Runtime, State};

/// Whether the app lock is on, whether the app is locked, and what the lock screen shows.
#[tauri::command]
pub async fn lock_status(state: State<'_, AppState>) -> Result<LockStatus> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.lock_status()).await.map_err(crate::join_error)?
}

/// Unlocks with the PIN or passphrase; a wrong one counts, and too many make the next try wait.
#[tauri::command]
pub async fn unlock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, pin: String) -> Result<()> {
    state.unlock(pin).await?;
    crate::unlocked(&app);
    Ok(())
}

/// Locks the app now ("Lock now").
#[tauri::command]
pub fn lock_now<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    crate::lock_app(&app)
}

/// Turns the app lock on with a new PIN or passphrase (the data is encrypted).
#[tauri::command]
pub async fn turn_lock_on(
    state: State<'_, AppState>,
    pin: String,
    kind: SecretKind,
    remove_unreadable: bool,
) -> Result<LockStatus> {
    state.turn_lock_on(pin, kind, remove_unreadable).await?;
    state.lock_status()
}

/// Changes the PIN or passphrase; `current` is checked first.
#[tauri::command]
pub async fn change_lock(
    state: State<'_, AppState>,
    current: String,
    pin: String,
    kind: SecretKind,
) -> Result<LockStatus> {
    state.change_lock(current, pin, kind).await?;
    state.lock_status()
}

/// Turns the app lock off (the data is decrypted); `current` is checked first.
#[tauri::command]
pub async fn turn_lock_off(state: State<'_, AppState>, current: String) -> Result<LockStatus> {
    state.turn_lock_off(current).await?;
    state.lock_status()
}

/// How long the window may be hidden or minimised before the app locks itself: 0, 1, 5 or 15
/// minutes.
#[tauri::command]
pub async fn save_auto_lock(state: State<'_, AppState>, minutes: u32) -> Result<LockStatus> {
    let settings = state.read(|s| s.settings()).await?;
    homegroup_core::lock::save_screen_settings(&state.data_dir, minutes, settings.theme, settings.language)?;
    state.lock_status()
}

/// From the lock screen: erases everything, then restores a backup file (the lock goes too).
#[tauri::command]
pub async fn erase_and_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: std::path::PathBuf,
    passphrase: Option<String>,
) -> Result<homegroup_core::backup::RestoreReport> {
    let report = state.erase_and_restore(path, passphrase).await?;
    crate::unlocked(&app);
    Ok(report)
}
