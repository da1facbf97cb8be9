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
];

mod safety;

pub use safety::{BackupCopy, Recovery, BACKUP_DIR, KEEP_DAILY_BACKUPS};

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "homegroup.sqlite3";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The directory's search index and the change stamp it was built at.
    pub(crate) directory_cache: RefCell<Option<(ChangeStamp, Arc<DirectoryIndex>)>>,
}

/// Changes when anything in the database changed: through this connection (total changes)
/// or through another one, such as the command line (SQLite's `data_version`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    data_version: i64,
    own_changes: u64,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::prepare(conn, Some(path.to_owned()))
    }

    /// Opens the database in the data folder `dir`, creating the folder if needed.
    pub fn open_in(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        Self::open(&dir.join(DATABASE_FILE))
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        // WAL lets the command line write while the app reads; NORMAL is durable at each
        // checkpoint and never corrupts in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations().to_latest(&mut conn)?;
        let mut store = Store { conn, path, directory_cache: RefCell::new(None) };
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

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
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
