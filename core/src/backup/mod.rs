//! Backup and restore: everything, in one versioned JSON document.
//!
//! A backup holds every meeting and group, imported or made in the app, with the lists they came
//! from, so a restore on a new device gives the same directory, schedule and lists (re-importing
//! the same list afterwards finds nothing to add); and everything the user keeps beside them:
//! the schedule with lead times, favourites, fellowship notes, skips, the attendance log and the
//! settings. Ids differ between databases, so nothing refers to one: imported rows are known by
//! (source, slug) or (source, source key), rows made in the app by a `uid` given to them when a
//! backup is first made. A restore merges by those identities, in one transaction.
//!
//! A backup can be protected with a passphrase: the same document inside an age file
//! (`protect.rs`). A restore recognises one by its first bytes and asks for the passphrase.
//!
//! `format.rs` is the document, `read.rs` makes it, `restore.rs` merges it, `legacy.rs` reads the
//! versions before this one, `protect.rs` encrypts and decrypts it.

mod format;
mod legacy;
mod people;
mod protect;
mod read;
mod restore;

pub use format::*;
pub use protect::{is_protected, MAX_PASSPHRASE_CHARS};

use crate::i18n::Message;
use crate::{Clock, Error, Result, Store};
use serde::Deserialize;
use std::path::Path;

/// The version this build writes. Older versions restore; newer ones are refused with a clear error.
/// 2: every meeting and group, the lists they came from, a meeting's details in one shape.
/// 3: my people and my recovery counts (absent in version 2, which restores with none).
pub const BACKUP_VERSION: u32 = 3;
/// What the `format` field says, so another JSON file is not taken for a backup.
pub const BACKUP_FORMAT: &str = "homegroup-backup";

impl Store {
    /// Writes the backup to `path`: the JSON document, or with a passphrase the same bytes
    /// encrypted to it (an age file). A passphrase that breaks the rules (empty, only spaces, too
    /// long) is refused before anything is read or written.
    pub fn backup_to_file(
        &mut self,
        path: &Path,
        clock: &dyn Clock,
        passphrase: Option<&str>,
    ) -> Result<BackupSummary> {
        let passphrase = passphrase.map(protect::passphrase).transpose()?;
        let backup = self.backup(clock)?;
        let text = serde_json::to_vec(&backup).map_err(|e| Error::Data(e.to_string()))?;
        let bytes = match passphrase {
            Some(passphrase) => protect::encrypt(&text, passphrase)?,
            None => text,
        };
        std::fs::write(path, bytes)?;
        Ok(backup.summary())
    }

    /// Reads a backup file, protected or not, and restores it; `progress` is told how many of its
    /// meetings are done. See [`parse`] for the passphrase.
    pub fn restore_from_file(
        &mut self,
        path: &Path,
        clock: &dyn Clock,
        passphrase: Option<&str>,
        progress: &mut dyn FnMut(u32, u32),
    ) -> Result<RestoreReport> {
        let bytes = std::fs::read(path)?;
        let backup = parse(&bytes, passphrase)?;
        self.restore_with_progress(&backup, clock, progress)
    }

    /// Parses a backup that is not protected, checking its format and version first, and restores
    /// it. A protected one is refused with the passphrase error (no key derivation is tried).
    pub fn restore_bytes(&mut self, bytes: &[u8], clock: &dyn Clock) -> Result<RestoreReport> {
        let backup = parse(bytes, None)?;
        self.restore(&backup, clock)
    }
}

/// A backup file's document, in this version's shape whatever version wrote it.
///
/// A protected backup (an age file) is opened with `passphrase`: without one, the error names the
/// field `passphrase` and asks for it; a passphrase that does not open it names `passphrase` too;
/// a damaged or cut-short one names `file`. A passphrase given for a backup that is not protected
/// is not needed and is ignored.
pub fn parse(bytes: &[u8], passphrase: Option<&str>) -> Result<Backup> {
    if protect::is_protected(bytes) {
        return parse_document(&protect::decrypt(bytes, passphrase)?);
    }
    if protect::is_armored(bytes) {
        return Err(protect::armored());
    }
    parse_document(bytes)
}

/// The JSON document, checked for its format and version.
fn parse_document(bytes: &[u8]) -> Result<Backup> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u32>,
    }
    let not_backup = || Error::invalid_key("file", "error-not-backup");
    let damaged = |e: serde_json::Error| {
        Error::invalid_input("file", Message::new("error-backup-damaged").with("detail", e.to_string()))
    };
    let head: Head = serde_json::from_slice(bytes).map_err(|_| not_backup())?;
    if head.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(not_backup());
    }
    match head.version {
        Some(v) if v > BACKUP_VERSION => Err(Error::invalid_input(
            "version",
            Message::new("error-backup-newer").with("version", v).with("supported", BACKUP_VERSION),
        )),
        Some(1) => {
            let document = serde_json::from_slice(bytes).map_err(damaged)?;
            serde_json::from_value(serde_json::Value::Object(legacy::upgrade_v1(document))).map_err(damaged)
        }
        // Version 2 has the same shape without people and counts, which default to none.
        Some(2 | BACKUP_VERSION) => serde_json::from_slice(bytes).map_err(damaged),
        _ => Err(not_backup()),
    }
}

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    BackupSummary::export_all(cfg)?;
    RestoreReport::export_all(cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests;
