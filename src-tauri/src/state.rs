//! What the shell holds while it runs: the store's two connections (none while locked), where the
//! data lives, and the reminder loop's wake-up line and status.
//!
//! Threads: commands never touch the store on the main thread. Each runs its store work on Tauri's
//! blocking pool through [`AppState::read`] or [`AppState::write`]. Writes take the writer
//! connection's lock for as long as they run (an import of 20,000 meetings, a second or more);
//! reads take the reader connection, a second WAL connection that answers from the last commit, so
//! Today, the week and the directory still answer while a long write runs. A write wakes the
//! reminder loop when it is done; a read never does.
//!
//! The app lock: while locked both connections are closed and the key is gone with them; every
//! data command then answers `{kind: "locked"}`. Locking at start, after the window was hidden for
//! the auto-lock time, and on "Lock now" all go through [`AppState::lock_now`].

use crate::reminders::PhoneScheduler;
use homegroup_core::i18n::{self, Language};
use homegroup_core::lock::{self, KdfParams, Key, LockStatus, SecretKind, Step};
use homegroup_core::overview::FirstScreen;
use homegroup_core::reminders::plan::ReminderPlan;
use homegroup_core::reminders::ReminderStatus;
use homegroup_core::store::{Recovery, DATABASE_FILE};
use homegroup_core::{time_zone, Clock, Error, Result, Store, SystemClock};
use std::any::Any;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex, MutexGuard};

/// The shell's state, shared by the commands, the reminder loop and the tray. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    /// The connection every write goes through, one at a time; `None` while locked.
    writer: Mutex<Option<Store>>,
    /// A second connection, for reads only; `None` while locked.
    reader: Mutex<Option<Store>>,
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
    pub recovery: Mutex<Option<Recovery>>,
    /// Everything was erased: the app is closing, and removes what it wrote meanwhile as it exits.
    pub erased: AtomicBool,
    /// Argon2's cost for a new lock (the tests of the shell use a cheap one).
    kdf: KdfParams,
    /// Counts the window going out of sight and back, so a pending auto-lock can tell whether the
    /// window was shown again meanwhile.
    pub sight_changes: AtomicU64,
    /// On a phone, the system's scheduler reminders are handed to (`reminders/mobile.rs`); the
    /// plan file is then its record of what the phone holds. `None` on desktops.
    phone: Mutex<Option<Arc<dyn PhoneScheduler>>>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// A store lock is never poisoned for good: every change is a transaction, so a panic while one
/// was held cannot leave SQLite half-written.
fn lock_guard<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Opens the data folder: the store and its reader, unless the app lock is on (then it starts
    /// locked, and nothing of the database is read until it is unlocked).
    pub fn open(data_dir: PathBuf, wake_reminders: SyncSender<()>) -> Result<Self> {
        Self::open_with(data_dir, wake_reminders, KdfParams::DEFAULT)
    }

    pub(crate) fn open_with(data_dir: PathBuf, wake_reminders: SyncSender<()>, kdf: KdfParams) -> Result<Self> {
        let state = AppState(Arc::new(Shared {
            writer: Mutex::new(None),
            reader: Mutex::new(None),
            data_dir,
            clock: SystemClock,
            wake_reminders,
            reminder_wakeups: AtomicU64::new(0),
            notifications_unavailable: AtomicBool::new(false),
            recovery: Mutex::new(None),
            erased: AtomicBool::new(false),
            kdf,
            sight_changes: AtomicU64::new(0),
            phone: Mutex::new(None),
        }));
        if !lock::status(&state.data_dir, state.clock.now())?.enabled {
            state.connect(None)?;
        }
        state.show_saved_language();
        Ok(state)
    }

    /// Words the core's texts in the saved Language setting: the settings' own while unlocked,
    /// else the lock screen's copy of it in `lock.json`.
    fn show_saved_language(&self) {
        let saved = self.reader_here().as_ref().and_then(|store| store.settings().ok()).map(|s| s.language);
        let language = saved.or_else(|| self.lock_status().ok().map(|status| status.language));
        show_language(language.unwrap_or_default());
    }

    /// Opens both connections (with `key` when the lock is on).
    fn connect(&self, key: Option<&Key>) -> Result<()> {
        let (mut writer, recovery) = lock::open_store(&self.data_dir, key, self.clock.now())?;
        if let Some(recovery) = &recovery {
            eprintln!(
                "homegroup: the saved data could not be read ({}); it was kept as {}",
                recovery.reason, recovery.moved_to
            );
        }
        // A claim a crash left between claiming and delivering comes again if its meeting is ahead.
        writer.release_unfinished_claims()?;
        let reader = Store::open_reader(&self.data_dir.join(DATABASE_FILE), key)?;
        *lock_guard(&self.recovery) = recovery;
        *lock_guard(&self.writer) = Some(writer);
        *lock_guard(&self.reader) = Some(reader);
        Ok(())
    }

    /// Closes both connections, waiting for the work under way; the key goes with them.
    fn disconnect(&self) {
        *lock_guard(&self.writer) = None;
        *lock_guard(&self.reader) = None;
    }

    /// Whether the app is locked now.
    pub fn is_locked(&self) -> bool {
        lock_guard(&self.writer).is_none()
    }

    /// Runs `work` on the reader connection, on the blocking pool.
    pub async fn read<T: Send + 'static>(&self, work: impl FnOnce(&Store) -> Result<T> + Send + 'static) -> Result<T> {
        let state = self.clone();
        run_blocking(move || work(lock_guard(&state.reader).as_ref().ok_or(Error::Locked)?)).await
    }

    /// Runs `work` on the writer connection, on the blocking pool, then wakes the reminder loop so
    /// whatever changed is re-planned at once.
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let state = self.clone();
        run_blocking(move || {
            let result = work(lock_guard(&state.writer).as_mut().ok_or(Error::Locked)?);
            state.wake_reminder_loop();
            result
        })
        .await
    }

    pub fn wake_reminder_loop(&self) {
        let _ = self.wake_reminders.try_send(()); // one pending wake-up is enough
    }

    /// The writer connection on the calling thread, without waking the reminder loop (for the
    /// loop itself); `None` while locked.
    pub fn writer_here(&self) -> MutexGuard<'_, Option<Store>> {
        lock_guard(&self.writer)
    }

    /// The reader connection on the calling thread (the reminder loop and the daily copy).
    pub fn reader_here(&self) -> MutexGuard<'_, Option<Store>> {
        lock_guard(&self.reader)
    }

    /// Today's automatic copy, so a mistake or a damaged file never costs more than a day.
    /// Called off the start-up path: copying a big database takes a moment. None while locked.
    pub fn make_daily_backup(&self) {
        let today = self.clock.now().with_timezone(&time_zone::device()).date_naive();
        if let Some(store) = self.reader_here().as_ref() {
            if let Err(e) = store.make_daily_backup(today) {
                eprintln!("homegroup: today's automatic copy could not be made: {:?}", e.kind());
            }
        }
    }

    /// Whether reminders can be shown, and when the next one is due.
    pub async fn reminder_status(&self) -> Result<ReminderStatus> {
        let available = !self.notifications_unavailable.load(Ordering::Relaxed);
        let now = self.clock.now();
        let mut status =
            self.read(move |store| Ok(ReminderStatus::new(available, store.next_reminder_due(now)?))).await?;
        if let Some(phone) = self.phone() {
            status.phone = Some(crate::reminders::mobile::allowed(phone.as_ref()));
            if !available {
                // On a phone, the problem is a permission, not a missing notification service.
                status.problem = Some(i18n::text(i18n::current(), "reminders-not-allowed", &[]));
            }
        }
        Ok(status)
    }

    /// Hands reminders to a phone's scheduler from now on (see `reminders/mobile.rs`); on desktops
    /// only the tests do.
    #[cfg_attr(desktop, allow(dead_code))]
    pub fn attach_phone(&self, scheduler: Arc<dyn PhoneScheduler>) {
        *lock_guard(&self.phone) = Some(scheduler);
    }

    /// The phone's scheduler, if reminders are handed to one.
    pub fn phone(&self) -> Option<Arc<dyn PhoneScheduler>> {
        lock_guard(&self.phone).clone()
    }

    /// Stops handing reminders to the phone ("Erase all data"), and returns its scheduler.
    pub fn detach_phone(&self) -> Option<Arc<dyn PhoneScheduler>> {
        lock_guard(&self.phone).take()
    }

    /// The lock's state, readable while locked.
    pub fn lock_status(&self) -> Result<LockStatus> {
        let mut status = lock::status(&self.data_dir, self.clock.now())?;
        status.locked = self.is_locked();
        Ok(status)
    }

    /// Everything the page needs to draw its first screen: the lock's state and, when unlocked, the
    /// settings and (`today`, when the page opens on Today) Today's data. On the calling thread:
    /// the `first_screen` command runs it on the blocking pool, the page's server on its own task.
    pub fn first_screen(&self, today: bool) -> Result<FirstScreen> {
        let lock = self.lock_status()?;
        let recovery = lock_guard(&self.recovery).clone();
        let reader = self.reader_here();
        let Some(store) = reader.as_ref().filter(|_| !lock.locked) else {
            return Ok(FirstScreen { lock, settings: None, today: None, recovery });
        };
        let today = if today { Some(store.today_screen(self.clock.now(), time_zone::device())?) } else { None };
        Ok(FirstScreen { lock, settings: Some(store.settings()?), today, recovery })
    }

    /// Locks the app: the plan of reminders is refreshed for the locked time, then the connections
    /// and the key are dropped. The one way the app locks.
    pub fn lock_now(&self) -> Result<()> {
        if !self.lock_status()?.enabled {
            return Err(Error::invalid_key("lock", "error-lock-off-first"));
        }
        self.refresh_plan();
        self.disconnect();
        self.wake_reminder_loop();
        Ok(())
    }

    /// Unlocks with the typed PIN or passphrase; reminders shown while locked join the log.
    pub async fn unlock(&self, typed: String) -> Result<()> {
        let state = self.clone();
        run_blocking(move || {
            if !state.is_locked() {
                return Ok(());
            }
            let key = lock::unlock(&state.data_dir, &typed, state.clock.now())?;
            state.connect(Some(&key))?;
            state.show_saved_language();
            let plan = ReminderPlan::read(&state.data_dir)?;
            if let Some(store) = lock_guard(&state.writer).as_mut() {
                store.merge_fired(&plan, state.clock.now())?;
            }
            state.wake_reminder_loop();
            Ok(())
        })
        .await
    }

    /// From the lock screen, where there is no key: erases every file, starts a fresh store (the lock
    /// is gone with the files) and restores the backup file into it.
    pub async fn erase_and_restore(
        &self,
        path: PathBuf,
        passphrase: Option<String>,
    ) -> Result<homegroup_core::backup::RestoreReport> {
        let state = self.clone();
        run_blocking(move || {
            // The file is read and its passphrase checked before anything is erased.
            let bytes = std::fs::read(&path)?;
            let backup = homegroup_core::backup::parse(&bytes, passphrase.as_deref())?;
            state.disconnect();
            lock::erase_files(&state.data_dir)?;
            state.connect(None)?;
            let mut writer = lock_guard(&state.writer);
            let store = writer.as_mut().ok_or(Error::Locked)?;
            store.restore(&backup, &state.clock)
        })
        .await
    }

    /// Turns the lock on (the files are rewritten encrypted), then it stays unlocked.
    pub async fn turn_lock_on(&self, secret: String, kind: SecretKind, remove_unreadable: bool) -> Result<()> {
        self.convert(move |state| {
            lock::turn_on(&state.data_dir, &secret, kind, remove_unreadable, state.kdf, &mut no_stop).map(Some)
        })
        .await
    }

    /// Changes the PIN or passphrase.
    pub async fn change_lock(&self, current: String, secret: String, kind: SecretKind) -> Result<()> {
        self.convert(move |state| {
            lock::change(&state.data_dir, &current, &secret, kind, state.kdf, state.clock.now(), &mut no_stop).map(Some)
        })
        .await
    }

    /// Turns the lock off (the files are rewritten plain); the plan outside is removed, except on a
    /// phone, where it is the record of what the phone holds (and is planned again at once).
    pub async fn turn_lock_off(&self, current: String) -> Result<()> {
        self.convert(move |state| {
            lock::turn_off(&state.data_dir, &current, state.clock.now(), &mut no_stop)?;
            if state.phone().is_none() {
                ReminderPlan::remove(&state.data_dir)?;
            }
            Ok(None)
        })
        .await
    }

    /// Runs a conversion of the files with the connections closed (only unlocked), then reopens
    /// them with the key it gives (or none); if it fails, reopens them as they were.
    async fn convert(&self, work: impl FnOnce(&AppState) -> Result<Option<Key>> + Send + 'static) -> Result<()> {
        let state = self.clone();
        run_blocking(move || {
            if state.is_locked() {
                return Err(Error::Locked);
            }
            // Held through the conversion, so no command reads or writes meanwhile.
            let mut writer = lock_guard(&state.writer);
            let mut reader = lock_guard(&state.reader);
            let key_before = writer.as_ref().and_then(Store::key);
            *writer = None;
            *reader = None;
            let outcome = work(&state);
            let key = match &outcome {
                Ok(key) => key.as_ref(),
                Err(_) => key_before.as_ref(),
            };
            let reopened = lock::open_store(&state.data_dir, key, state.clock.now()).and_then(|(store, _)| {
                let read = Store::open_reader(&state.data_dir.join(DATABASE_FILE), key)?;
                Ok((store, read))
            });
            match reopened {
                Ok((store, read)) => {
                    *writer = Some(store);
                    *reader = Some(read);
                }
                Err(e) => eprintln!("homegroup: the data could not be reopened after the lock changed: {:?}", e.kind()),
            }
            drop((writer, reader));
            state.refresh_plan();
            outcome.map(|_| ())
        })
        .await
    }

    /// Keeps the plan of reminders outside the database up to date while the lock is on (texts
    /// discreet whatever the setting); called by the reminder loop at every change. On a phone the
    /// plan file is the phone's record, written only when reminders are handed over: the phone's
    /// reminder thread is woken to plan again instead.
    pub fn refresh_plan(&self) {
        if self.phone().is_some() {
            self.wake_reminder_loop();
            return;
        }
        if !lock::status(&self.data_dir, self.clock.now()).is_ok_and(|s| s.enabled) {
            return;
        }
        let plan = {
            let reader = self.reader_here();
            let Some(store) = reader.as_ref() else { return };
            let previous = ReminderPlan::read(&self.data_dir).unwrap_or_default();
            store.plan_reminders(self.clock.now(), time_zone::device(), true, usize::MAX, &previous)
        };
        if let Err(e) = plan.and_then(|plan| plan.write(&self.data_dir)) {
            eprintln!("homegroup: the reminder plan could not be saved: {:?}", e.kind());
        }
    }
}

fn no_stop(_: Step) {}

/// Words the core's texts (errors, notifications, the tray, import problems) in `language`, the
/// Language setting, resolved with the device's own language.
pub fn show_language(language: Language) {
    i18n::set_current(language.resolve(&device_language()));
}

/// The device's language tag ("es-MX"); empty when the system does not say.
fn device_language() -> String {
    sys_locale::get_locale().unwrap_or_default()
}

/// Runs store work on Tauri's blocking pool, so the main thread (the window and the tray) never
/// waits for SQLite.
async fn run_blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    let answer = run_boxed(Box::new(move || Box::new(work()) as Box<dyn Any + Send>)).await?;
    *answer.downcast::<Result<T>>().expect("run_boxed returns what its work returned")
}

/// Work for the blocking pool, with its answer boxed: every command's work then shares one task
/// type, instead of a copy of tokio's task code for each (about 0.3 MiB of the binary).
type BoxedWork = Box<dyn FnOnce() -> Box<dyn Any + Send> + Send>;

async fn run_boxed(work: BoxedWork) -> Result<Box<dyn Any + Send>> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Data(format!("the work stopped before it was done: {e}")))
}
