//! What the shell holds while it runs: the store behind a lock, where the data lives, and the
//! reminder loop's wake-up line and status.

use chrono::Utc;
use homegroup_core::reminders::ReminderStatus;
use homegroup_core::store::Recovery;
use homegroup_core::{Clock, Result, Store, SystemClock};
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::mpsc::SyncSender;
use std::sync::{Mutex, MutexGuard};

pub struct AppState {
    store: Mutex<Store>,
    pub data_dir: PathBuf,
    /// The product reads the real clock; only the core's tests use another.
    pub clock: SystemClock,
    /// Set by `HOMEGROUP_EXIT_WHEN_READY=1`: quit as soon as the UI reports its first screen is up
    /// (start-up benchmarks).
    pub exit_when_ready: bool,
    /// Wakes the reminder loop so a change re-plans at once.
    wake_reminders: SyncSender<()>,
    /// How often the reminder loop has woken (idle measurements).
    pub reminder_wakeups: AtomicU64,
    /// Why reminders cannot be shown, when they cannot.
    pub reminder_problem: Mutex<Option<String>>,
    /// Set when the saved data could not be read at start and was moved aside.
    pub recovery: Option<Recovery>,
    /// Everything was erased: the app is closing, and removes what it wrote meanwhile as it exits.
    pub erased: AtomicBool,
}

/// The store, locked. Dropping it wakes the reminder loop, so anything a command changed is
/// re-planned at once; the loop itself reads through [`AppState::store_quietly`].
pub struct StoreGuard<'a> {
    guard: MutexGuard<'a, Store>,
    wake: Option<&'a SyncSender<()>>,
}

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.guard
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.guard
    }
}

impl Drop for StoreGuard<'_> {
    fn drop(&mut self) {
        if let Some(wake) = self.wake {
            let _ = wake.try_send(()); // one pending wake-up is enough
        }
    }
}

impl AppState {
    pub fn open(data_dir: PathBuf, exit_when_ready: bool, wake_reminders: SyncSender<()>) -> Result<Self> {
        let now = SystemClock.now();
        let (store, recovery) = Store::open_or_recover(&data_dir, now)?;
        if let Some(recovery) = &recovery {
            eprintln!(
                "homegroup: the saved data could not be read ({}); it was kept as {}",
                recovery.reason, recovery.moved_to
            );
        }
        Ok(AppState {
            recovery,
            store: Mutex::new(store),
            data_dir,
            clock: SystemClock,
            exit_when_ready,
            wake_reminders,
            reminder_wakeups: AtomicU64::new(0),
            reminder_problem: Mutex::new(None),
            erased: AtomicBool::new(false),
        })
    }

    /// The store. A panic while it was held cannot leave SQLite half-written (every change is a
    /// transaction), so a poisoned lock is taken over rather than failing every later command.
    pub fn store(&self) -> StoreGuard<'_> {
        StoreGuard { guard: self.lock(), wake: Some(&self.wake_reminders) }
    }

    /// The store, without waking the reminder loop (for the loop itself).
    pub fn store_quietly(&self) -> StoreGuard<'_> {
        StoreGuard { guard: self.lock(), wake: None }
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Today's automatic copy, so a mistake or a damaged file never costs more than a day.
    /// Called off the start-up path: copying a big database takes a moment.
    pub fn make_daily_backup(&self) {
        let today = self.clock.now().with_timezone(&homegroup_core::time_zone::device()).date_naive();
        if let Err(e) = self.store_quietly().make_daily_backup(today) {
            eprintln!("homegroup: today's automatic copy could not be made: {:?}", e.kind());
        }
    }

    /// Whether reminders can be shown, and when the next one is due.
    pub fn reminder_status(&self) -> Result<ReminderStatus> {
        let problem = self.reminder_problem.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let next_due = self.store_quietly().next_reminder_due(self.clock.now())?;
        Ok(ReminderStatus {
            notifications_available: problem.is_none(),
            // The system's own error went to the log when it happened; the user gets plain words.
            problem: problem.map(|_| {
                "Reminders cannot be shown: no notification service answered on this computer. \
                 Check that your desktop shows notifications, then restart Homegroup."
                    .to_owned()
            }),
            next_due: next_due.map(|d| d.with_timezone(&Utc).to_rfc3339()),
        })
    }
}
