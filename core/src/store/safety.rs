//! Keeping the user's data safe when something goes wrong: an unreadable database is moved aside
//! (never deleted) and a fresh one started; a rolling daily copy is kept in `backups/`, made with
//! SQLite's online backup API; any copy can be restored; and "erase all data" leaves nothing behind.

use super::{Store, DATABASE_FILE};
use crate::i18n::Message;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::backup::Backup;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

/// The folder of automatic copies, inside the data folder.
pub const BACKUP_DIR: &str = "backups";
/// How many daily copies are kept.
pub const KEEP_DAILY_BACKUPS: usize = 7;

/// What happened when the saved data could not be read at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recovery {
    /// Why, in plain words.
    pub reason: String,
    /// Where the unreadable file was kept.
    pub moved_to: String,
}

/// One automatic copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupCopy {
    /// The file name, e.g. `homegroup-2026-11-26.sqlite3`.
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub size_bytes: u64,
}

/// Whether an open failure means the file itself is unreadable (and should be moved aside),
/// rather than the folder being unusable (full disk, read-only), where moving would not help.
fn file_is_unreadable(error: &Error) -> Option<String> {
    match error {
        Error::Storage(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            Some("the saved data is damaged or is not a Homegroup database".into())
        }
        Error::Migration(rusqlite_migration::Error::MigrationDefinition(
            rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
        )) => Some("the saved data was made by a newer version of Homegroup".into()),
        Error::Data(message) if message.starts_with("integrity") => {
            Some("the saved data is damaged or is not a Homegroup database".into())
        }
        _ => None,
    }
}

impl Store {
    /// Opens the database in `dir`. If its file cannot be read (damaged, not a database, or from a
    /// newer version), the file is moved aside, never deleted, and a fresh database is started;
    /// the returned [`Recovery`] says what happened so the app can tell the user.
    pub fn open_or_recover(dir: &Path, now: DateTime<Utc>) -> Result<(Store, Option<Recovery>)> {
        Store::open_or_recover_keyed(dir, None, now)
    }

    /// [`Store::open_or_recover`] for a database encrypted with `key`. Only ever called with the key
    /// the lock's check value accepted (`crate::lock::open_store`), so a file this key cannot read
    /// is damaged, not locked.
    pub(crate) fn open_or_recover_keyed(
        dir: &Path,
        key: Option<&crate::lock::Key>,
        now: DateTime<Utc>,
    ) -> Result<(Store, Option<Recovery>)> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(DATABASE_FILE);
        let first = Store::open_keyed(&path, key).and_then(|store| {
            store.check_integrity()?;
            Ok(store)
        });
        let error = match first {
            Ok(store) => return Ok((store, None)),
            Err(error) => error,
        };
        let Some(reason) = file_is_unreadable(&error) else { return Err(error) };
        let database = dir.join(DATABASE_FILE);
        let moved_to = dir.join(format!("{DATABASE_FILE}.unreadable-{}", now.format("%Y%m%d-%H%M%S")));
        std::fs::rename(&database, &moved_to)?;
        for suffix in ["-wal", "-shm"] {
            let side = dir.join(format!("{DATABASE_FILE}{suffix}"));
            if side.exists() {
                std::fs::rename(&side, dir.join(format!("{}{suffix}", moved_to.display())))?;
            }
        }
        let store = Store::open_keyed(&path, key)?;
        Ok((store, Some(Recovery { reason, moved_to: moved_to.display().to_string() })))
    }

    /// SQLite's quick integrity check.
    pub fn check_integrity(&self) -> Result<()> {
        let verdict: String = self.conn().query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(Error::Data(format!("integrity check failed: {verdict}")))
        }
    }

    fn backup_dir(&self) -> Result<PathBuf> {
        let path = self.path().ok_or_else(|| Error::Data("an in-memory store has no backups".into()))?;
        Ok(path.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR))
    }

    /// Makes today's automatic copy if there is none yet, and keeps only the newest
    /// [`KEEP_DAILY_BACKUPS`]. Returns the copy made, if one was.
    pub fn make_daily_backup(&self, today: NaiveDate) -> Result<Option<BackupCopy>> {
        let dir = self.backup_dir()?;
        std::fs::create_dir_all(&dir)?;
        let name = format!("homegroup-{}.sqlite3", today.format("%Y-%m-%d"));
        let target = dir.join(&name);
        let made = if target.exists() {
            None
        } else {
            // Write to a temporary name first, so a crash never leaves half a copy under a real name.
            let partial = dir.join(format!("{name}.partial"));
            {
                let mut copy = self.connect_copy(&partial)?;
                Backup::new(self.conn(), &mut copy)?.run_to_completion(256, Duration::ZERO, None)?;
            }
            std::fs::rename(&partial, &target)?;
            Some(BackupCopy { name, date: today, size_bytes: std::fs::metadata(&target)?.len() })
        };
        let copies = self.backups()?;
        for old in copies.iter().skip(KEEP_DAILY_BACKUPS) {
            std::fs::remove_file(dir.join(&old.name))?;
        }
        Ok(made)
    }

    /// A connection to a copy of this store (a daily copy), with the store's key when it has one:
    /// copies are encrypted with the database.
    fn connect_copy(&self, path: &Path) -> Result<rusqlite::Connection> {
        let conn = rusqlite::Connection::open(path)?;
        if let Some(literal) = self.key_literal() {
            conn.execute_batch(&format!("PRAGMA key = {literal};"))?;
        }
        Ok(conn)
    }

    /// The automatic copies, newest first.
    pub fn backups(&self) -> Result<Vec<BackupCopy>> {
        let dir = self.backup_dir()?;
        let mut copies = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(copies) };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(date) = name
                .strip_prefix("homegroup-")
                .and_then(|rest| rest.strip_suffix(".sqlite3"))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                continue;
            };
            copies.push(BackupCopy { name, date, size_bytes: entry.metadata().map(|m| m.len()).unwrap_or(0) });
        }
        copies.sort_by_key(|c| std::cmp::Reverse(c.date));
        Ok(copies)
    }

    /// Replaces everything with an automatic copy (by its file name), in place.
    pub fn restore_backup(&mut self, name: &str) -> Result<()> {
        let copy = self
            .backups()?
            .into_iter()
            .find(|c| c.name == name)
            .ok_or_else(|| Error::Missing(Message::new("error-copy-not-found").with("name", name)))?;
        let source = self.connect_copy(&self.backup_dir()?.join(&copy.name))?;
        let verdict: String = source.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(Error::invalid_key("backup", "error-copy-damaged"));
        }
        Backup::new(&source, self.conn_mut())?.run_to_completion(256, Duration::ZERO, None)?;
        *self.directory_cache.borrow_mut() = None;
        self.refresh_builtin_directory()?;
        Ok(())
    }

    /// Removes everything the user keeps: every row they made, the automatic copies, and the
    /// unreadable files kept aside. The built-in directory stays; the app starts fresh.
    pub fn erase_all_data(&mut self) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        // Every table is emptied in one go, so the order of deletes does not matter to the keys.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        for table in user_tables(&tx)? {
            tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
        }
        tx.commit()?;
        // Leave no deleted pages behind in the file or its journal.
        self.conn().execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
        *self.directory_cache.borrow_mut() = None;
        if let Some(data_dir) = self.path().and_then(Path::parent) {
            remove_leftovers(data_dir)?;
        }
        Ok(())
    }
}

/// Tables that hold no user data: the built-in directory, refreshed from the app's own files.
const BUILT_IN_TABLES: &[&str] = &["fellowships"];

/// Every table that can hold something of the user's: all but SQLite's own and the built-in ones,
/// read from the schema so that a table a later migration adds is erased too.
fn user_tables(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names.into_iter().filter(|name| !BUILT_IN_TABLES.contains(&name.as_str())).collect())
}

/// The window's size and position, kept by the shell in the data folder.
pub const WINDOW_STATE_FILE: &str = "window-state.json";
/// The webview's own storage (caches, local storage), kept by the shell in the data folder.
pub const WEBVIEW_DIR: &str = "webview";

/// Removes everything Homegroup keeps in the data folder beside the database: the daily copies,
/// files moved aside as unreadable, the window's state and the webview's storage. Only names
/// Homegroup itself writes are touched: the folder may be one the user chose, holding other files.
/// The shell calls it again as it exits after an erase, since the webview and the window-state
/// plugin write their files until then.
pub fn remove_leftovers(data_dir: &Path) -> Result<()> {
    for dir in [BACKUP_DIR, WEBVIEW_DIR] {
        let path = data_dir.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path)?;
        }
    }
    let window_state = data_dir.join(WINDOW_STATE_FILE);
    if window_state.exists() {
        std::fs::remove_file(window_state)?;
    }
    for entry in std::fs::read_dir(data_dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(DATABASE_FILE) && name.contains(".unreadable-") {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::{MeetingDetails, MeetingInput};
    use crate::{FixedClock, Store};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
    }

    fn with_a_meeting(dir: &Path) -> Store {
        let mut store = Store::open_in(dir).unwrap();
        let input = MeetingInput::from(MeetingDetails {
            name: "Kept".into(),
            weekdays: vec![1],
            start_time: Some("19:00".into()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&input, true, &FixedClock::new(now())).unwrap();
        store
    }

    fn assert_recovered(dir: &Path, original: &[u8], reason_has: &str) {
        let (store, recovery) = Store::open_or_recover(dir, now()).unwrap();
        let recovery = recovery.expect("a recovery notice");
        assert!(recovery.reason.contains(reason_has), "{}", recovery.reason);
        assert_eq!(std::fs::read(&recovery.moved_to).unwrap(), original, "the bad file is kept as it was");
        assert_eq!(store.overview().unwrap().scheduled_meetings, 0, "a fresh database");
        let (_, again) = Store::open_or_recover(dir, now()).unwrap();
        assert!(again.is_none(), "the fresh database opens cleanly next time");
    }

    #[test]
    fn random_bytes_are_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let junk: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        std::fs::write(dir.path().join(DATABASE_FILE), &junk).unwrap();
        assert_recovered(dir.path(), &junk, "damaged");
    }

    #[test]
    fn a_truncated_database_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = with_a_meeting(dir.path());
        store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
        drop(store);
        let path = dir.path().join(DATABASE_FILE);
        let full = std::fs::read(&path).unwrap();
        let truncated = &full[..full.len() / 3];
        std::fs::write(&path, truncated).unwrap();
        assert_recovered(dir.path(), truncated, "damaged");
    }

    #[test]
    fn a_database_from_a_newer_version_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = with_a_meeting(dir.path());
        store.conn().execute_batch("PRAGMA user_version = 999; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
        drop(store);
        let original = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();
        assert_recovered(dir.path(), &original, "newer version");
    }

    #[test]
    fn daily_copies_roll_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = with_a_meeting(dir.path());
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        for d in 1..=9 {
            store.make_daily_backup(day(d)).unwrap();
        }
        assert!(store.make_daily_backup(day(9)).unwrap().is_none(), "one a day");
        let copies = store.backups().unwrap();
        assert_eq!(copies.len(), KEEP_DAILY_BACKUPS);
        assert_eq!(copies[0].date, day(9));
        assert_eq!(copies.last().unwrap().date, day(3));

        store.erase_all_data().unwrap();
        assert!(store.backups().unwrap().is_empty(), "erasing removes the copies too");
        assert_eq!(store.overview().unwrap().scheduled_meetings, 0);
    }

    /// Erasing leaves no user row in any table (whichever migration made it), no trace of the
    /// user's words in the database files, and nothing of Homegroup's in the folder but the
    /// database; files that are not Homegroup's stay.
    #[test]
    fn erasing_leaves_nothing_of_the_users() {
        use crate::directory::{FavouriteTarget, GroupInput};
        use crate::import::ImportOptions;
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::new(now());
        let mut store = Store::open_in(dir.path()).unwrap();
        let secret = "Zebrafinch";
        let group = store
            .create_group(
                &GroupInput {
                    name: format!("{secret} home group"),
                    notes: format!("{secret} notes"),
                    ..GroupInput::default()
                },
                &clock,
            )
            .unwrap();
        store.set_favourite(&FavouriteTarget::Group(group.id), true).unwrap();
        store.set_favourite(&FavouriteTarget::Fellowship("aa".into()), true).unwrap();
        store.set_fellowship_notes("aa", &format!("{secret} fellowship notes")).unwrap();
        let input = MeetingInput::from(MeetingDetails {
            name: format!("{secret} meeting"),
            weekdays: vec![4],
            start_time: Some("11:00".into()),
            location: Some(format!("{secret} hall")),
            ..MeetingDetails::default()
        });
        let meeting = store.create_meeting(&input, true, &clock).unwrap();
        store.set_meeting_notes(meeting.id, &format!("{secret} personal")).unwrap();
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        store.set_attended(meeting.id, thursday, true, &clock).unwrap();
        store.set_skipped(meeting.id, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), true).unwrap();
        let mut settings = store.settings().unwrap();
        settings.discreet_notifications = true;
        store.save_settings(&settings).unwrap();
        let feed = format!(r#"[{{"slug":"z1","name":"{secret} imported","day":4,"time":"12:00"}}]"#);
        let options = ImportOptions {
            time_zone: Some("UTC".into()),
            source: Some(format!("{secret} list")),
            ..ImportOptions::default()
        };
        store.import_feed(feed.as_bytes(), &options, &clock, &mut |_| {}).unwrap();
        store.fire_due_reminders(Utc.with_ymd_and_hms(2026, 11, 26, 10, 30, 0).unwrap(), |_| Ok(())).unwrap();
        store.make_daily_backup(thursday).unwrap();
        for name in [WINDOW_STATE_FILE, "homegroup.sqlite3.unreadable-2026-11-20"] {
            std::fs::write(dir.path().join(name), secret).unwrap();
        }
        std::fs::create_dir_all(dir.path().join(WEBVIEW_DIR).join("storage")).unwrap();
        std::fs::write(dir.path().join("not-homegroups.txt"), "kept").unwrap();

        let tables = user_tables(store.conn()).unwrap();
        for table in [
            "meetings",
            "groups",
            "fellowship_notes",
            "settings",
            "import_sources",
            "reminder_log",
            "attendance",
            "skips",
            "schedule",
        ] {
            assert!(tables.iter().any(|t| t == table), "{table} is erased");
            let rows: i64 = store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
            assert!(rows > 0, "the test wrote something to {table}");
        }

        store.erase_all_data().unwrap();
        for table in &tables {
            let rows: i64 =
                store.conn().query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0)).unwrap();
            assert_eq!(rows, 0, "{table} is empty");
        }
        assert!(!store.fellowships().unwrap().is_empty(), "the built-in directory stays");
        drop(store);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["homegroup.sqlite3", "not-homegroups.txt"]);
        let bytes = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the user's words are gone from the file"
        );
    }

    #[test]
    fn restoring_a_copy_brings_the_data_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = with_a_meeting(dir.path());
        let copy = store.make_daily_backup(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).unwrap().unwrap();
        let id = store.meetings(&Default::default()).unwrap()[0].id;
        store.delete_meeting(id).unwrap();
        assert_eq!(store.overview().unwrap().scheduled_meetings, 0);
        store.restore_backup(&copy.name).unwrap();
        assert_eq!(store.meetings(&Default::default()).unwrap()[0].details.name, "Kept");
        assert_eq!(store.overview().unwrap().scheduled_meetings, 1);
        assert_eq!(store.restore_backup("nope.sqlite3").unwrap_err().kind(), crate::ErrorKind::NotFound);
    }
}
