//! What the shell holds while it runs: the store behind a lock, and where the data lives.

use homegroup_core::{Result, Store, SystemClock};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    store: Mutex<Store>,
    pub data_dir: PathBuf,
    /// The product reads the real clock; only the core's tests use another.
    pub clock: SystemClock,
    /// Set by `HOMEGROUP_EXIT_WHEN_READY=1`: quit as soon as the UI reports its first screen is up
    /// (start-up benchmarks).
    pub exit_when_ready: bool,
}

impl AppState {
    pub fn open(data_dir: PathBuf, exit_when_ready: bool) -> Result<Self> {
        let store = Store::open_in(&data_dir)?;
        Ok(AppState { store: Mutex::new(store), data_dir, clock: SystemClock, exit_when_ready })
    }

    /// The store. A panic while it was held cannot leave SQLite half-written (every change is a
    /// transaction), so a poisoned lock is taken over rather than failing every later command.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
