//! Import, export and backup: each a call into the core on the blocking pool. Paths come from the
//! file dialogs the user answered. An import and a restore tell the window how far they are, as
//! `progress` events, so it can show a progress bar while other screens keep answering.

use crate::state::AppState;
use homegroup_core::backup::{BackupSummary, RestoreReport};
use homegroup_core::import::{ImportOptions, ImportPreview, ImportReport};
use homegroup_core::{Result, Store, SystemClock};
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// How far a long task is: `done` of `total` (`total` is `None` while it is not known).
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub task: &'static str,
    pub done: u32,
    pub total: Option<u32>,
}

/// Runs a long write on the store, telling the window how far it is: `work` calls its second
/// argument with how much is done and, when known, the total.
async fn write_with_progress<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    task: &'static str,
    work: impl FnOnce(&mut Store, &mut dyn FnMut(u32, Option<u32>)) -> Result<T> + Send + 'static,
) -> Result<T> {
    let state = app.state::<AppState>().inner().clone();
    let mut report = move |done, total| {
        let _ = app.emit("progress", Progress { task, done, total });
    };
    state.write(move |store| work(store, &mut report)).await
}

/// What importing the file would do, without writing anything.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportOptions,
) -> Result<ImportPreview> {
    state.read(move |s| s.preview_import_file(&path, &options)).await
}

/// Imports the file in one transaction and reports what changed, telling the window how many rows
/// it has read of the `rows` the preview found.
#[tauri::command]
pub async fn import_run<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    options: ImportOptions,
    rows: Option<u32>,
) -> Result<ImportReport> {
    write_with_progress(app, "import", move |store, progress| {
        store.import_file(&path, &options, &SystemClock, &mut |done| progress(done, rows))
    })
    .await
}

/// Saves my schedule as an .ics file; returns how many meetings it holds.
#[tauri::command]
pub async fn export_ics(state: State<'_, AppState>, path: PathBuf) -> Result<u32> {
    let clock = state.clock;
    let locale = homegroup_core::i18n::current();
    state.read(move |s| s.export_ics_file(&path, &clock, locale)).await
}

/// Saves everything to one backup file, protected with `passphrase` when one is given.
#[tauri::command]
pub async fn backup_to_file(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<String>,
) -> Result<BackupSummary> {
    let clock = state.clock;
    state.write(move |s| s.backup_to_file(&path, &clock, passphrase.as_deref())).await
}

/// Restores a backup file, merging it with what is here, telling the window how far it is. A
/// protected backup needs its `passphrase`; without it the error names the field `passphrase`.
#[tauri::command]
pub async fn restore_from_file<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    passphrase: Option<String>,
) -> Result<RestoreReport> {
    write_with_progress(app, "restore", move |store, progress| {
        store.restore_from_file(&path, &SystemClock, passphrase.as_deref(), &mut |done, total| {
            progress(done, Some(total))
        })
    })
    .await
}
