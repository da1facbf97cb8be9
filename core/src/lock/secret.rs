//! The PIN or passphrase and the key that comes from it. The key is Argon2id of the secret with a
//! random salt stored beside the database; half of Argon2's output is the database key, the other
//! half a check value stored in the lock file, so a wrong PIN is told from a damaged file without
//! trying the database. The key lives only in memory and is wiped when dropped.

use crate::i18n::Message;
use crate::{Error, Result};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A PIN or a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SecretKind {
    /// At least 6 digits: keeps people out of the app; guessable offline from a copied folder.
    Pin,
    /// At least 12 characters: also protects a copied data folder.
    Passphrase,
}

pub const MIN_PIN_DIGITS: usize = 6;
pub const MIN_PASSPHRASE_CHARS: usize = 12;
pub const MAX_SECRET_CHARS: usize = 1024;

/// A checked secret, as the key is derived from it: NFC-normalised, a trailing line ending trimmed.
pub struct Secret(String);

impl Secret {
    /// Checks a new secret of `kind`; `field` names the input in errors.
    pub fn new(text: &str, kind: SecretKind, field: &str) -> Result<Secret> {
        let secret = Secret::normalise(text);
        let chars = secret.0.chars().count();
        if chars > MAX_SECRET_CHARS {
            return Err(Error::invalid_input(
                field,
                Message::new("error-secret-too-long").with("max", MAX_SECRET_CHARS),
            ));
        }
        if secret.0.trim().is_empty() {
            return Err(Error::invalid_key(field, "error-secret-empty"));
        }
        match kind {
            SecretKind::Pin if !secret.0.chars().all(|c| c.is_ascii_digit()) => {
                Err(Error::invalid_key(field, "error-pin-digits"))
            }
            SecretKind::Pin if chars < MIN_PIN_DIGITS => {
                Err(Error::invalid_input(field, Message::new("error-pin-short").with("min", MIN_PIN_DIGITS)))
            }
            SecretKind::Passphrase if chars < MIN_PASSPHRASE_CHARS => Err(Error::invalid_input(
                field,
                Message::new("error-passphrase-short").with("min", MIN_PASSPHRASE_CHARS),
            )),
            _ => Ok(secret),
        }
    }

    /// A secret typed to unlock: only normalised (the rules were checked when it was set).
    pub fn typed(text: &str) -> Secret {
        Secret::normalise(text)
    }

    fn normalise(text: &str) -> Secret {
        Secret(crate::text::typed_secret(text))
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        wipe(unsafe { self.0.as_bytes_mut() });
    }
}

/// Argon2id's cost, stored with the lock so it can change without locking anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl KdfParams {
    /// About half a second in a release build on the project's 2-core machines (64 MiB, 8 passes;
    /// `make bench` measures it).
    pub const DEFAULT: KdfParams = KdfParams { memory_kib: 64 * 1024, iterations: 8, lanes: 1 };
    /// Cheap, for tests of everything around the key.
    pub const FOR_TESTS: KdfParams = KdfParams { memory_kib: 256, iterations: 1, lanes: 1 };
}

/// The database key; wiped when dropped (each copy of it too).
#[derive(Clone)]
pub struct Key([u8; 32]);

impl Key {
    /// SQLCipher's raw-key form, `x'…'`, which skips its own key derivation.
    pub(crate) fn sqlcipher_literal(&self) -> String {
        let hex: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        format!("\"x'{hex}'\"")
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

/// Overwrites a secret in memory in a way the optimiser keeps.
fn wipe(bytes: &mut [u8]) {
    for byte in bytes.iter_mut() {
        unsafe { std::ptr::write_volatile(byte, 0) };
    }
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

/// The key and the check value for `secret`.
pub fn derive(secret: &Secret, salt: &[u8], params: KdfParams) -> Result<(Key, [u8; 32])> {
    let argon = Params::new(params.memory_kib, params.iterations, params.lanes, Some(64))
        .map_err(|e| Error::Data(format!("key parameters: {e}")))?;
    let mut out = [0u8; 64];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon)
        .hash_password_into(secret.0.as_bytes(), salt, &mut out)
        .map_err(|e| Error::Data(format!("key derivation: {e}")))?;
    let mut key = [0u8; 32];
    let mut check = [0u8; 32];
    key.copy_from_slice(&out[..32]);
    check.copy_from_slice(&out[32..]);
    wipe(&mut out);
    Ok((Key(key), check))
}

/// Whether two check values are equal, in time that does not depend on where they differ.
pub fn same_check(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// A new random salt, from the operating system.
pub fn new_salt() -> Result<[u8; 16]> {
    let mut salt = [0u8; 16];
    getrandom(&mut salt)?;
    Ok(salt)
}

fn getrandom(buffer: &mut [u8]) -> Result<()> {
    getrandom::fill(buffer).map_err(|e| Error::Data(format!("no random numbers from the system: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_and_passphrases_are_checked() {
        let bad = [
            ("12345", SecretKind::Pin, "at least 6"),
            ("12345a", SecretKind::Pin, "digits only"),
            ("      ", SecretKind::Pin, "type a PIN"),
            ("short words", SecretKind::Passphrase, "at least 12"),
        ];
        for (text, kind, says) in bad {
            let e = Secret::new(text, kind, "new_pin").err().unwrap();
            assert!(e.to_string().contains(says), "{text:?}: {e}");
            assert_eq!(e.payload().field.as_deref(), Some("new_pin"));
        }
        let long = "a".repeat(MAX_SECRET_CHARS + 1);
        assert!(Secret::new(&long, SecretKind::Passphrase, "x").is_err());
        assert!(Secret::new("123456", SecretKind::Pin, "x").is_ok());
        assert!(Secret::new("a long passphrase", SecretKind::Passphrase, "x").is_ok());
    }

    #[test]
    fn the_same_secret_gives_the_same_key_whatever_its_unicode_form_and_line_ending() {
        let salt = [7u8; 16];
        let p = KdfParams::FOR_TESTS;
        let composed = derive(&Secret::typed("caf\u{e9} con leche\n"), &salt, p).unwrap();
        let decomposed = derive(&Secret::typed("cafe\u{301} con leche\r\n"), &salt, p).unwrap();
        assert_eq!(composed.0 .0, decomposed.0 .0);
        assert!(same_check(&composed.1, &decomposed.1));
        let spaced = derive(&Secret::typed("café con leche \n"), &salt, p).unwrap();
        assert!(!same_check(&composed.1, &spaced.1), "only a line ending is trimmed, not spaces");
        let other_salt = derive(&Secret::typed("café con leche"), &[8u8; 16], p).unwrap();
        assert_ne!(composed.0 .0, other_salt.0 .0);
        assert_ne!(composed.0 .0, composed.1, "the check value is not the key");
    }

    #[test]
    fn salts_differ() {
        assert_ne!(new_salt().unwrap(), new_salt().unwrap());
    }
}
