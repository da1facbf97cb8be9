//! Rewriting the database and its daily copies under another key (or none), so a crash at any
//! moment leaves one readable database and nothing lost:
//!
//! 1. **Converted**: each file is exported (`sqlcipher_export`, `user_version` carried over, which the
//!    export does not do) into `<file>.converting` beside it, and synced. A crash here leaves the old
//!    files and the old lock file; the leftovers are deleted at the next start.
//! 2. **Committed**: `lock.json` says the new key and that a swap is pending. This is the moment the
//!    change happens.
//! 3. **Swapped**: each `<file>.converting` is renamed over its file (atomic), the folder synced. A
//!    crash between 2 and 3 is finished at the next start: the renames need no key.
//! 4. **Finished**: `lock.json` no longer says a swap is pending.
//!
//! No connection may be open on the database meanwhile: the caller closes them, and the export's
//! own connection checkpoints the write-ahead log into the file first, so no `-wal` file of the old
//! form is left beside the new one.

use super::file::{sync_folder, LockFile};
use super::secret::Key;
use crate::store::{BACKUP_DIR, DATABASE_FILE};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The named steps, so a test can stop the process at each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Converted,
    Committed,
    Swapped,
    Finished,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Converted, Step::Committed, Step::Swapped, Step::Finished];

    pub fn name(self) -> &'static str {
        match self {
            Step::Converted => "converted",
            Step::Committed => "committed",
            Step::Swapped => "swapped",
            Step::Finished => "finished",
        }
    }
}

const CONVERTING: &str = "converting";

/// Whether `path` is a plain (unencrypted) SQLite file.
pub fn is_plain_sqlite(path: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header)).is_ok()
        && &header == b"SQLite format 3\0"
}

/// The database and every daily copy: what a conversion rewrites.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = vec![dir.join(DATABASE_FILE)];
    if let Ok(entries) = std::fs::read_dir(dir.join(BACKUP_DIR)) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "sqlite3") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn converting(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{CONVERTING}"));
    PathBuf::from(name)
}

/// The key clause of an `ATTACH` (or a `PRAGMA key` value): the raw key, or none for plain SQLite.
fn key_sql(key: Option<&Key>) -> String {
    key.map_or_else(|| "''".to_owned(), Key::sqlcipher_literal)
}

/// Exports `path`, read with `from`, into `path.converting` under `to`, and syncs it.
fn export(path: &Path, from: Option<&Key>, to: Option<&Key>) -> Result<()> {
    let target = converting(path);
    let _ = std::fs::remove_file(&target);
    // CREATE lets the ATTACH below create the new file; `path` itself exists.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    if let Some(key) = from {
        conn.execute_batch(&format!("PRAGMA key = {};", key.sqlcipher_literal()))?;
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    conn.execute(&format!("ATTACH DATABASE ?1 AS converted KEY {}", key_sql(to)), [target.to_string_lossy()])?;
    conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
    conn.execute_batch(&format!("PRAGMA converted.user_version = {version}; DETACH DATABASE converted;"))?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    std::fs::File::open(&target)?.sync_all()?;
    Ok(())
}

/// Renames every `*.converting` file over its original, and removes the old write-ahead log.
fn swap(dir: &Path) -> Result<()> {
    for path in files(dir)? {
        let converted = converting(&path);
        if converted.exists() {
            for side in ["-wal", "-shm"] {
                let mut name = path.as_os_str().to_owned();
                name.push(side);
                let _ = std::fs::remove_file(PathBuf::from(name));
            }
            std::fs::rename(&converted, &path)?;
            sync_folder(&path)?;
        }
    }
    Ok(())
}

/// Deletes `*.converting` files a conversion left before it committed.
fn discard(dir: &Path) -> Result<()> {
    for path in files(dir)? {
        let converted = converting(&path);
        if converted.exists() {
            std::fs::remove_file(converted)?;
        }
    }
    Ok(())
}

/// Brings the folder to one consistent state after a conversion that stopped half way: finishes
/// one that committed, drops one that did not. Needs no key.
pub fn recover(dir: &Path) -> Result<LockFile> {
    let mut file = LockFile::read(dir)?;
    if file.swap_pending {
        swap(dir)?;
        file.swap_pending = false;
        file.write(dir)?;
    } else {
        discard(dir)?;
    }
    Ok(file)
}

/// Rewrites the database and its copies from `from` to `to`, recording `file` (which already says
/// the new lock, or none) as the commit. `step` is told each step as it is done.
pub fn convert(
    dir: &Path,
    from: Option<&Key>,
    to: Option<&Key>,
    mut file: LockFile,
    step: &mut dyn FnMut(Step),
) -> Result<LockFile> {
    let converting_all = || -> Result<()> {
        for path in files(dir)? {
            export(&path, from, to)?;
        }
        Ok(())
    };
    if let Err(e) = converting_all() {
        let _ = discard(dir);
        return Err(e);
    }
    step(Step::Converted);
    file.swap_pending = true;
    file.write(dir)?;
    step(Step::Committed);
    swap(dir)?;
    step(Step::Swapped);
    file.swap_pending = false;
    file.write(dir)?;
    step(Step::Finished);
    Ok(file)
}
