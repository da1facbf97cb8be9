//! The app lock: a PIN or passphrase that keeps people out of the app and, with SQLCipher,
//! encrypts the database and its daily copies at rest.
//!
//! - `secret.rs`: the PIN or passphrase, and the key Argon2id makes from it;
//! - `file.rs`: `lock.json`, what is read before unlocking (no user data in it);
//! - `convert.rs`: rewriting the files under a new key (or none), safe against a crash at any step;
//! - here: turning the lock on and off, changing the secret, unlocking with the wait after wrong
//!   tries, and opening the store.
//!
//! The shell holds the key only while unlocked, and drops it with the connections when it locks.

pub mod convert;
mod file;
mod secret;

pub use convert::Step;
pub(crate) use file::{remove_if_present, write_atomically};
pub use file::{LockConfig, LockFile, AUTO_LOCK_CHOICES, LOCK_FILE};
pub use secret::{KdfParams, Key, Secret, SecretKind, MIN_PASSPHRASE_CHARS, MIN_PIN_DIGITS};

use crate::i18n::Message;
use crate::settings::Theme;
use crate::store::{Recovery, DATABASE_FILE};
use crate::{Error, Result, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// What the lock screen and Settings need to know, readable while locked: no user data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LockStatus {
    /// Whether the app lock is on.
    pub enabled: bool,
    pub kind: Option<SecretKind>,
    /// Whether the app is locked now (the shell fills this in; the core does not know).
    pub locked: bool,
    /// Minutes hidden or minimised before the app locks itself.
    pub auto_lock_minutes: u32,
    /// Seconds to wait before the next try, after too many wrong ones.
    pub wait_seconds: u32,
    /// Files kept aside as unreadable, which cannot be encrypted: turning the lock on removes them,
    /// with the user's agreement.
    pub unreadable_files: u32,
    pub theme: Theme,
    pub language: crate::i18n::Language,
}

/// Wrong tries allowed before each further try has to wait.
const FREE_TRIES: u32 = 5;
/// The first wait, doubled for each wrong try after it, up to [`LONGEST_WAIT`].
const FIRST_WAIT_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 15 * 60;

/// How long to wait before another try, after `failures` wrong ones, the last at `last_failure`.
pub fn wait_before_next_try(failures: u32, last_failure: Option<i64>, now: DateTime<Utc>) -> u32 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(10);
    let wait = (FIRST_WAIT_SECONDS << doublings).min(LONGEST_WAIT_SECONDS);
    let since = last_failure.map_or(wait, |at| now.timestamp() - at);
    u32::try_from((wait - since).max(0)).unwrap_or(0)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Result<Vec<u8>> {
    let bad = || Error::Data(format!("{LOCK_FILE} holds a value that is not hex"));
    if text.len() % 2 != 0 {
        return Err(bad());
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|_| bad())).collect()
}

/// Files kept aside as unreadable: they cannot be read, so they cannot be encrypted.
fn unreadable_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(DATABASE_FILE) && n.contains(".unreadable-"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The lock's state in `dir`, after finishing any conversion a crash interrupted.
pub fn status(dir: &Path, now: DateTime<Utc>) -> Result<LockStatus> {
    let file = convert::recover(dir)?;
    Ok(LockStatus {
        enabled: file.lock.is_some(),
        kind: file.lock.as_ref().map(|l| l.kind),
        locked: false,
        auto_lock_minutes: file.auto_lock_minutes,
        wait_seconds: wait_before_next_try(file.failures, file.last_failure, now),
        unreadable_files: unreadable_files(dir).len() as u32,
        theme: file.theme,
        language: file.language,
    })
}

/// Checks a typed secret against the lock and gives its key; a wrong one counts as a failure (kept
/// across restarts), and after [`FREE_TRIES`] each further try has to wait. Failures never erase.
pub fn unlock(dir: &Path, typed: &str, now: DateTime<Utc>) -> Result<Key> {
    let mut file = convert::recover(dir)?;
    let config = file.lock.clone().ok_or_else(|| Error::invalid_key("pin", "error-lock-not-on"))?;
    let wait = wait_before_next_try(file.failures, file.last_failure, now);
    if wait > 0 {
        return Err(Error::invalid_input("pin", plain_wait(wait)));
    }
    let (key, check) = secret::derive(&Secret::typed(typed), &unhex(&config.salt)?, config.kdf)?;
    if !secret::same_check(&check, &unhex(&config.check)?) {
        file.failures = file.failures.saturating_add(1);
        file.last_failure = Some(now.timestamp());
        file.write(dir)?;
        let kind = if config.kind == SecretKind::Pin { "pin" } else { "passphrase" };
        return Err(Error::invalid_input("pin", Message::new("error-lock-wrong").with("kind", kind)));
    }
    if file.failures > 0 {
        file.failures = 0;
        file.last_failure = None;
        file.write(dir)?;
    }
    Ok(key)
}

/// "Too many wrong tries. Please wait 30 seconds before trying again."
fn plain_wait(seconds: u32) -> Message {
    let (unit, count) = match seconds {
        0..=59 => ("seconds", seconds),
        60..=119 => ("minute", 1),
        s => ("minutes", s.div_ceil(60)),
    };
    Message::new("error-lock-wait").with("unit", unit).with("count", count)
}

/// Makes a new lock config and its key for `secret`.
fn new_lock(secret: &Secret, kind: SecretKind, kdf: KdfParams) -> Result<(LockConfig, Key)> {
    let salt = secret::new_salt()?;
    let (key, check) = secret::derive(secret, &salt, kdf)?;
    Ok((LockConfig { kind, salt: hex(&salt), kdf, check: hex(&check) }, key))
}

/// Turns the lock on: the database and its copies are encrypted with the new key. Files kept
/// aside as unreadable cannot be encrypted: they are removed when `remove_unreadable` says so, and
/// otherwise the lock is not turned on. No connection may be open on the database.
pub fn turn_on(
    dir: &Path,
    new_secret: &str,
    kind: SecretKind,
    remove_unreadable: bool,
    kdf: KdfParams,
    step: &mut dyn FnMut(Step),
) -> Result<Key> {
    let secret = Secret::new(new_secret, kind, "new_pin")?;
    let file = convert::recover(dir)?;
    if file.lock.is_some() {
        return Err(Error::invalid_key("new_pin", "error-lock-already-on"));
    }
    let unreadable = unreadable_files(dir);
    if !unreadable.is_empty() {
        if !remove_unreadable {
            return Err(Error::invalid_key("unreadable", "error-lock-unreadable"));
        }
        for path in unreadable {
            std::fs::remove_file(path)?;
        }
    }
    let (config, key) = new_lock(&secret, kind, kdf)?;
    convert::convert(dir, None, Some(&key), LockFile { lock: Some(config), ..file }, step)?;
    Ok(key)
}

/// Changes the PIN or passphrase: the files are rewritten under the new key. `current` is checked
/// as an unlock is (a wrong one counts). No connection may be open on the database.
pub fn change(
    dir: &Path,
    current: &str,
    new_secret: &str,
    kind: SecretKind,
    kdf: KdfParams,
    now: DateTime<Utc>,
    step: &mut dyn FnMut(Step),
) -> Result<Key> {
    let secret = Secret::new(new_secret, kind, "new_pin")?;
    let old = unlock(dir, current, now)?;
    let file = LockFile::read(dir)?;
    let (config, key) = new_lock(&secret, kind, kdf)?;
    convert::convert(dir, Some(&old), Some(&key), LockFile { lock: Some(config), ..file }, step)?;
    Ok(key)
}

/// Turns the lock off: the files are decrypted. `current` is checked as an unlock is.
pub fn turn_off(dir: &Path, current: &str, now: DateTime<Utc>, step: &mut dyn FnMut(Step)) -> Result<()> {
    let key = unlock(dir, current, now)?;
    let file = LockFile::read(dir)?;
    convert::convert(dir, Some(&key), None, LockFile { lock: None, ..file }, step)?;
    Ok(())
}

/// Saves the lock screen's own settings (the auto-lock delay, the look and the language).
pub fn save_screen_settings(
    dir: &Path,
    auto_lock_minutes: u32,
    theme: Theme,
    language: crate::i18n::Language,
) -> Result<()> {
    if !AUTO_LOCK_CHOICES.contains(&auto_lock_minutes) {
        return Err(Error::invalid_key("auto_lock_minutes", "error-auto-lock-choice"));
    }
    let mut file = LockFile::read(dir)?;
    if (file.auto_lock_minutes, file.theme, file.language) != (auto_lock_minutes, theme, language) {
        file.auto_lock_minutes = auto_lock_minutes;
        file.theme = theme;
        file.language = language;
        file.write(dir)?;
    }
    Ok(())
}

/// Removes every file of the user's from `dir` without opening the database: "Erase all data"
/// from the lock screen, where there is no key. The lock goes with them.
pub fn erase_files(dir: &Path) -> Result<()> {
    convert::recover(dir)?;
    for name in [DATABASE_FILE.to_owned(), format!("{DATABASE_FILE}-wal"), format!("{DATABASE_FILE}-shm")] {
        remove_if_present(&dir.join(name))?;
    }
    crate::store::remove_leftovers(dir)?;
    crate::reminders::plan::ReminderPlan::remove(dir)?;
    remove_if_present(&LockFile::path(dir))
}

/// After "Erase all data" with the lock off: `lock.json` then holds only the lock screen's copy of
/// the theme, language and auto-lock time, which go with the rest of the settings. (With the lock
/// on, it is what opens the emptied database, and it stays.)
pub fn forget_screen_settings(dir: &Path) -> Result<()> {
    match LockFile::read(dir)?.lock {
        Some(_) => Ok(()),
        None => remove_if_present(&LockFile::path(dir)),
    }
}

/// Opens the store in `dir` with `key` (none when the lock is off). A locked store is never opened
/// without its key, so it is never taken for a damaged one and moved aside.
pub fn open_store(dir: &Path, key: Option<&Key>, now: DateTime<Utc>) -> Result<(Store, Option<Recovery>)> {
    std::fs::create_dir_all(dir)?;
    let file = convert::recover(dir)?;
    match (&file.lock, key) {
        (Some(_), None) => Err(Error::Locked),
        (None, Some(_)) => Err(Error::invalid_key("pin", "error-lock-not-on")),
        _ => Store::open_or_recover_keyed(dir, key, now),
    }
}

#[cfg(test)]
mod tests;
