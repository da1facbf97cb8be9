//! `lock.json`: what has to be read before the database can be: whether the lock is on and how its
//! key is made (salt, Argon2 cost, check value), wrong tries, the auto-lock delay, and the look and
//! language the lock screen is shown in. It holds no meeting, group, person or note. It is written
//! atomically (a temporary file, synced, renamed over the old one).

use super::secret::{KdfParams, SecretKind};
use crate::settings::Theme;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file's name in the data folder.
pub const LOCK_FILE: &str = "lock.json";

/// How the key is made, when the lock is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockConfig {
    pub kind: SecretKind,
    /// Hex.
    pub salt: String,
    pub kdf: KdfParams,
    /// The second half of Argon2's output, hex: tells a wrong secret from a damaged file.
    pub check: String,
}

/// Everything in `lock.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LockFile {
    /// `None`: the lock is off and the database is plain SQLite.
    pub lock: Option<LockConfig>,
    /// The database and copies were converted to `lock`'s key (`*.converting` beside each) and this
    /// file already says so, but they may not all have been renamed into place yet.
    pub swap_pending: bool,
    /// Wrong tries since the last right one, and when the last was (UTC seconds).
    pub failures: u32,
    pub last_failure: Option<i64>,
    /// Minutes hidden or minimised before the app locks itself: 0, 1, 5 or 15.
    pub auto_lock_minutes: u32,
    /// The look of the lock screen (a copy of the setting of the same name).
    pub theme: Theme,
    /// The lock screen's language (a copy of the setting of the same name).
    #[serde(default)]
    pub language: crate::i18n::Language,
}

impl Default for LockFile {
    fn default() -> Self {
        LockFile {
            lock: None,
            swap_pending: false,
            failures: 0,
            last_failure: None,
            auto_lock_minutes: 1,
            theme: Theme::System,
            language: crate::i18n::Language::Device,
        }
    }
}

pub const AUTO_LOCK_CHOICES: [u32; 4] = [0, 1, 5, 15];

impl LockFile {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(LOCK_FILE)
    }

    /// The file in `dir`; none yet means the lock was never turned on.
    pub fn read(dir: &Path) -> Result<LockFile> {
        match std::fs::read(Self::path(dir)) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| Error::Data(format!("{LOCK_FILE} could not be read ({e}); it was left as it is"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(LockFile::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes the file atomically: it is either the old one or this one, after a crash too.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let text = serde_json::to_vec_pretty(self).map_err(|e| Error::Data(e.to_string()))?;
        write_atomically(&Self::path(dir), &text)
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, renames it over `path` and syncs the
/// folder, so a crash leaves the old file or the new one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = path.with_extension("tmp");
    {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&temporary, path)?;
    sync_folder(path)
}

/// Removes the file at `path`; one that is not there is already removed.
pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Syncs the folder holding `path`, so a rename in it survives a power cut.
pub(crate) fn sync_folder(path: &Path) -> Result<()> {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        std::fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_means_no_lock_and_a_written_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = LockFile::read(dir.path()).unwrap();
        assert_eq!(file, LockFile::default());
        let on = LockFile {
            lock: Some(LockConfig {
                kind: SecretKind::Pin,
                salt: "00".repeat(16),
                kdf: KdfParams::DEFAULT,
                check: "11".repeat(32),
            }),
            failures: 2,
            auto_lock_minutes: 5,
            ..LockFile::default()
        };
        on.write(dir.path()).unwrap();
        assert_eq!(LockFile::read(dir.path()).unwrap(), on);
        assert!(!dir.path().join("lock.tmp").exists(), "the temporary file was renamed");
        std::fs::write(LockFile::path(dir.path()), "{ not json").unwrap();
        assert_eq!(LockFile::read(dir.path()).unwrap_err().kind(), crate::ErrorKind::Data);
    }
}
