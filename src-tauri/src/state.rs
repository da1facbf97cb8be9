//! What the shell holds while it runs: the store's two connections, where the data lives, and the
//! reminder loop's wake-up line and status.
//!
//! Threads: commands never touch the store on the main thread. Each runs its store work on Tauri's
//! blocking pool through [`AppState::read`] or [`AppState::write`]. Writes take the writer
//! connection's lock for as long as they run (an import of 20,000 meetings, a second or more);
//! reads take the reader connection, a second WAL connection that answers from the last commit, so
//! Today, the week and the directory still answer while a long write runs. A write wakes the
//! reminder loop when it is done; a read never does.

use homegroup_core::reminders::ReminderStatus;
use homegroup_core::store::{Recovery, DATABASE_FILE};
use homegroup_core::{Clock, Error, Result, Store, SystemClock};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex, MutexGuard};

/// The shell's state, shared by the commands, the reminder loop and the tray. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    /// The connection every write goes through, one at a time.
    writer: Mutex<Store>,
    /// A second connection, for reads only.
    reader: Mutex<Store>,
    pub data_dir: PathBuf,
    /// The product reads the real clock; only the core's tests use another.
    pub clock: SystemClock,
    /// Wakes the reminder loop so a change re-plans at once.
    wake_reminders: SyncSender<()>,
    /// How often the reminder loop has woken (idle measurements).
    pub reminder_wakeups: AtomicU64,
    /// Set when no notification service answered, so Settings can say reminders cannot be shown.
    pub notifications_unavailable: AtomicBool,
    /// Set when the saved data could not be read at start and was moved aside.
    pub recovery: Option<Recovery>,
    /// Everything was erased: the app is closing, and removes what it wrote meanwhile as it exits.
    pub erased: AtomicBool,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// A store lock is never poisoned for good: every change is a transaction, so a panic while one
/// was held cannot leave SQLite half-written.
fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Opens the data folder: the store (an unreadable file is moved aside and a fresh one started)
    /// and its reader connection.
    pub fn open(data_dir: PathBuf, wake_reminders: SyncSender<()>) -> Result<Self> {
        let (mut writer, recovery) = Store::open_or_recover(&data_dir, SystemClock.now())?;
        if let Some(recovery) = &recovery {
            eprintln!(
                "homegroup: the saved data could not be read ({}); it was kept as {}",
                recovery.reason, recovery.moved_to
            );
        }
        // A claim a crash left between claiming and delivering comes again if its meeting is ahead.
        writer.release_unfinished_claims()?;
        let reader = Store::open_reader(&data_dir.join(DATABASE_FILE), None)?;
        Ok(AppState(Arc::new(Shared {
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            data_dir,
            clock: SystemClock,
            wake_reminders,
            reminder_wakeups: AtomicU64::new(0),
            notifications_unavailable: AtomicBool::new(false),
            recovery,
            erased: AtomicBool::new(false),
        })))
    }

    /// Runs `work` on the reader connection, on the blocking pool.
    pub async fn read<T: Send + 'static>(&self, work: impl FnOnce(&Store) -> Result<T> + Send + 'static) -> Result<T> {
        let state = self.clone();
        run_blocking(move || work(&lock(&state.reader))).await
    }

    /// Runs `work` on the writer connection, on the blocking pool, then wakes the reminder loop so
    /// whatever changed is re-planned at once.
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let state = self.clone();
        run_blocking(move || {
            let result = work(&mut lock(&state.writer));
            let _ = state.wake_reminders.try_send(()); // one pending wake-up is enough
            result
        })
        .await
    }

    /// The writer connection, on the calling thread, without waking the reminder loop: for the
    /// reminder loop itself and the daily copy, which run on threads of their own.
    pub fn writer_here(&self) -> MutexGuard<'_, Store> {
        lock(&self.writer)
    }

    /// The reader connection, on the calling thread (the reminder loop and the tray).
    pub fn reader_here(&self) -> MutexGuard<'_, Store> {
        lock(&self.reader)
    }

    /// Today's automatic copy, so a mistake or a damaged file never costs more than a day.
    /// Called off the start-up path: copying a big database takes a moment.
    pub fn make_daily_backup(&self) {
        let today = self.clock.now().with_timezone(&homegroup_core::time_zone::device()).date_naive();
        if let Err(e) = self.reader_here().make_daily_backup(today) {
            eprintln!("homegroup: today's automatic copy could not be made: {:?}", e.kind());
        }
    }

    /// Whether reminders can be shown, and when the next one is due.
    pub async fn reminder_status(&self) -> Result<ReminderStatus> {
        let available = !self.notifications_unavailable.load(std::sync::atomic::Ordering::Relaxed);
        let now = self.clock.now();
        self.read(move |store| Ok(ReminderStatus::new(available, store.next_reminder_due(now)?))).await
    }
}

/// Runs store work on Tauri's blocking pool, so the main thread (the window and the tray) never
/// waits for SQLite.
async fn run_blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Data(format!("the work stopped before it was done: {e}")))?
}
