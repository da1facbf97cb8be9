//! The SQLite store: one file, WAL, foreign keys on, versioned migrations.
//! Queries are grouped by what they touch, in modules beside this one.

use crate::directory::DirectoryIndex;
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The migrations, in order. Append-only once shipped: never edit a file that has been released.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_import_sources.sql"),
    include_str!("../../migrations/003_partial_uid_indexes.sql"),
    include_str!("../../migrations/004_attendance_check.sql"),
    include_str!("../../migrations/005_reminder_claims.sql"),
    include_str!("../../migrations/006_meeting_notices.sql"),
    include_str!("../../migrations/007_people_and_milestones.sql"),
];

mod safety;

pub use safety::{
    remove_leftovers, BackupCopy, Recovery, BACKUP_DIR, KEEP_DAILY_BACKUPS, WEBVIEW_DIR, WINDOW_STATE_FILE,
};

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "homegroup.sqlite3";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The key when the lock is on: the daily copies are made and read with it.
    key: Option<crate::lock::Key>,
    /// The directory's search index and the change stamp it was built at.
    pub(crate) directory_cache: RefCell<Option<(ChangeStamp, crate::i18n::Locale, Arc<DirectoryIndex>)>>,
}

/// Changes when anything in the database changed: through this connection (total changes)
/// or through another one, such as the command line (SQLite's `data_version`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    data_version: i64,
    own_changes: u64,
}

/// A stable random id for a row a backup merges by (128 bits from the system, as hex).
pub(crate) fn random_uid() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::Data(format!("no random numbers from the system: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// SQLite says only "unable to open" when a read-only folder keeps it from making the files it
/// needs beside the database: when the folder cannot be written to, say that instead.
fn say_when_read_only(error: Error, path: &Path) -> Error {
    let cannot_open = matches!(&error, Error::Storage(rusqlite::Error::SqliteFailure(e, _))
        if e.code == rusqlite::ErrorCode::CannotOpen);
    let folder = path.parent().unwrap_or(Path::new("."));
    if cannot_open && folder_is_read_only(folder) {
        return Error::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            None,
        ));
    }
    error
}

/// Whether nothing can be created in `folder` (a read-only file system or mount, or no write
/// permission): tried with a file made and removed at once.
fn folder_is_read_only(folder: &Path) -> bool {
    let probe = folder.join(format!(".homegroup-write-test-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(e) => matches!(e.kind(), std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied),
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_keyed(path, None)
    }

    /// [`Store::open`] for a database encrypted with `key` (the app lock; see `crate::lock`).
    pub fn open_keyed(path: &Path, key: Option<&crate::lock::Key>) -> Result<Self> {
        Self::open_file(path, key).map_err(|e| say_when_read_only(e, path))
    }

    fn open_file(path: &Path, key: Option<&crate::lock::Key>) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if let Some(key) = key {
            conn.execute_batch(&format!("PRAGMA key = {};", key.sqlcipher_literal()))?;
        }
        Self::prepare(conn, Some(path.to_owned()), key.cloned())
    }

    /// Opens the database in the data folder `dir`, creating the folder if needed.
    pub fn open_in(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        Self::open(&dir.join(DATABASE_FILE))
    }

    /// A second connection to a database [`Store::open`] has brought up to date, for reading only
    /// (SQLite refuses its writes): in WAL mode it answers from the last commit while another
    /// connection writes, so a long import never holds up the screens that only read.
    pub fn open_reader(path: &Path, key: Option<&crate::lock::Key>) -> Result<Self> {
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        if let Some(key) = key {
            conn.execute_batch(&format!("PRAGMA key = {};", key.sqlcipher_literal()))?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", true)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        Ok(Store { conn, path: Some(path.to_owned()), key: key.cloned(), directory_cache: RefCell::new(None) })
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>, key: Option<crate::lock::Key>) -> Result<Self> {
        // WAL lets the command line write while the app reads; NORMAL is durable at each
        // checkpoint and never corrupts in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Foreign keys are off while migrations run, as SQLite asks for a table rebuild (dropping
        // the old table must not cascade); each migration checks them before it commits.
        conn.pragma_update(None, "foreign_keys", false)?;
        let migrated = migrations().to_latest(&mut conn);
        conn.pragma_update(None, "foreign_keys", true)?;
        migrated?;
        let mut store = Store { conn, path, key, directory_cache: RefCell::new(None) };
        store.refresh_builtin_directory()?;
        Ok(store)
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<usize> {
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        usize::try_from(version).map_err(|_| Error::Data(format!("schema version {version}")))
    }

    /// A stamp that differs whenever the database changed, from this process or another.
    pub fn change_stamp(&self) -> Result<ChangeStamp> {
        let data_version = self.conn.pragma_query_value(None, "data_version", |row| row.get(0))?;
        Ok(ChangeStamp { data_version, own_changes: self.conn.total_changes() })
    }

    /// The key's SQL literal, for other connections to files of this store (the daily copies).
    pub(crate) fn key_literal(&self) -> Option<String> {
        self.key.as_ref().map(crate::lock::Key::sqlcipher_literal)
    }

    /// The key the store was opened with (the app lock), to open it again.
    pub fn key(&self) -> Option<crate::lock::Key> {
        self.key.clone()
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// A row read into `T` by column name (a column `T` has no field for is left aside).
pub(crate) fn from_row<T: serde::de::DeserializeOwned>(row: &rusqlite::Row) -> Result<T> {
    serde_rusqlite::from_row(row).map_err(|e| Error::Data(format!("a stored row could not be read: {e}")))
}

/// Every row of `stmt` run with `params`, each read into `T` by column name.
pub(crate) fn rows<T: serde::de::DeserializeOwned>(
    stmt: &mut rusqlite::Statement,
    params: impl rusqlite::Params,
) -> Result<Vec<T>> {
    let mut rows = stmt.query(params)?;
    let mut read = Vec::new();
    while let Some(row) = rows.next()? {
        read.push(from_row(row)?);
    }
    Ok(read)
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql).foreign_key_check()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn opens_a_real_file_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len());
        let mode: String = store.conn().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: bool = store.conn().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk);
        assert!(dir.path().join(DATABASE_FILE).exists());
    }

    #[test]
    fn a_reader_sees_the_last_commit_while_a_write_is_open_and_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Store::open_in(dir.path()).unwrap();
        let reader = Store::open_reader(&dir.path().join(DATABASE_FILE), None).unwrap();
        writer.conn().execute("INSERT INTO settings (key, value) VALUES ('k', '1')", []).unwrap();
        let tx = writer.conn_mut().transaction().unwrap();
        tx.execute("UPDATE settings SET value = '2' WHERE key = 'k'", []).unwrap();
        let seen: String =
            reader.conn().query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| r.get(0)).unwrap();
        assert_eq!(seen, "1", "the reader is not held up by the open write, and sees the last commit");
        tx.commit().unwrap();
        let seen: String =
            reader.conn().query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| r.get(0)).unwrap();
        assert_eq!(seen, "2");
        assert!(reader.conn().execute("DELETE FROM settings", []).is_err(), "a reader never writes");
    }

    #[test]
    fn reopening_keeps_the_schema_and_data() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open_in(dir.path()).unwrap();
            store.conn().execute("INSERT INTO settings (key, value) VALUES ('k', '1')", []).unwrap();
        }
        let store = Store::open_in(dir.path()).unwrap();
        let value: String =
            store.conn().query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| r.get(0)).unwrap();
        assert_eq!(value, "1");
    }

    /// A database made before the meetings table was rebuilt (004) keeps every meeting and all
    /// that points at one: schedule, skips, attendance and the reminder log.
    #[test]
    fn rebuilding_the_meetings_table_keeps_everything_that_points_at_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        {
            let mut conn = Connection::open(&path).unwrap();
            let before: Vec<M> = MIGRATIONS[..3].iter().map(|sql| M::up(sql)).collect();
            Migrations::new(before).to_latest(&mut conn).unwrap();
            conn.execute_batch(
                "INSERT INTO groups (id, name, created_at, updated_at) VALUES (7, 'Home group', 0, 0);
                 INSERT INTO meetings (id, source, slug, name, group_id, weekdays, start_time, time_zone, attendance,
                     personal_notes, favourite, created_at, updated_at, uid)
                 VALUES (1, NULL, NULL, 'Mine', 7, 2, '19:00', 'UTC', 'hybrid', 'bring the book', 1, 0, 0, 'u-1'),
                        (2, 'list', 'a-1', 'Listed', NULL, 4, '07:30', 'UTC', 'online', '', 0, 0, 0, NULL);
                 INSERT INTO schedule (meeting_id, lead_minutes, added_at) VALUES (1, 30, 0), (2, NULL, 0);
                 INSERT INTO skips (meeting_id, local_date) VALUES (1, '2026-12-01');
                 INSERT INTO attendance (meeting_id, meeting_name, local_date, recorded_at)
                     VALUES (1, 'Mine', '2026-11-24', 0);
                 INSERT INTO reminder_log (meeting_id, occurrence_at, fired_at) VALUES (2, 100, 90);",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len());
        let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM meetings"), 2);
        assert_eq!(count("SELECT count(*) FROM schedule"), 2);
        assert_eq!(count("SELECT count(*) FROM skips WHERE meeting_id = 1"), 1);
        assert_eq!(count("SELECT count(*) FROM attendance WHERE meeting_id = 1"), 1);
        assert_eq!(count("SELECT count(*) FROM reminder_log WHERE meeting_id = 2"), 1);
        let kept: (String, i64, String, String, String) = store
            .conn()
            .query_row(
                "SELECT personal_notes, group_id, attendance, uid, start_time FROM meetings WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(kept, ("bring the book".into(), 7, "hybrid".into(), "u-1".into(), "19:00".into()));
        // The rebuilt table still has its keys, checks and cascades.
        let fk: bool = store.conn().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk);
        assert!(store.conn().execute("UPDATE meetings SET attendance = 'teleport' WHERE id = 2", []).is_err());
        assert!(store.conn().execute("INSERT INTO meetings (source, slug, name, time_zone, attendance, created_at, updated_at) VALUES ('list', 'a-1', 'Again', 'UTC', 'online', 0, 0)", []).is_err());
        store.conn().execute("DELETE FROM meetings WHERE id = 1", []).unwrap();
        assert_eq!(count("SELECT count(*) FROM schedule"), 1, "deleting a meeting still cascades");
        assert_eq!(count("SELECT count(*) FROM attendance WHERE meeting_id IS NULL"), 1, "attendance is kept");
    }

    #[test]
    fn the_model_rejects_what_it_cannot_hold() {
        let store = Store::open_in_memory().unwrap();
        let bad_attendance = store.conn().execute(
            "INSERT INTO meetings (name, time_zone, attendance, created_at, updated_at) VALUES ('x', 'UTC', 'teleport', 0, 0)",
            [],
        );
        assert!(bad_attendance.is_err());
        let orphan_schedule = store.conn().execute("INSERT INTO schedule (meeting_id, added_at) VALUES (999, 0)", []);
        assert!(orphan_schedule.is_err(), "foreign keys must be enforced");
    }
}
