//! Backups protected with a passphrase: the same JSON document, encrypted in the age format
//! (<https://age-encryption.org/v1>) to one passphrase (scrypt) recipient, in age's binary form.
//! `age -d` opens such a file, and Homegroup opens one that `age -p` made.
//!
//! Binary, not armored: the workspace builds age without its `armor` feature, the binary form is
//! what `age` writes by default, and it is a quarter smaller. A backup is a file the user picks in a
//! dialog, never text pasted somewhere, so armor would buy nothing.

use crate::i18n::Message;
use crate::{Error, Result};
use age::secrecy::SecretString;
use std::io::{Read, Write};

/// The first bytes of every age file (binary form); the version follows.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
/// The first line of an age file in its text (armored) form.
const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// The longest passphrase accepted, in characters (after normalisation).
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// scrypt's work factor (log2 of N) for a new protected backup. 18 is age's own estimate of about
/// a second of work on a modern machine, and 256 MiB of memory, which a phone can give. It is fixed,
/// not measured on the device as `age -p` does, so a backup made on a fast desktop always opens on
/// a slow phone. Builds without optimisation (the tests, `cargo run`) compute scrypt some fifty
/// times slower, so they use less; the file says which factor it used, so every build opens it.
const WORK_FACTOR: u8 = if cfg!(debug_assertions) { 12 } else { 18 };
/// The most work a file may ask for to be opened: 2^20 (1 GiB, a few seconds in a release build).
/// Above what Homegroup or `age -p` on a fast computer writes; a crafted file cannot ask for more.
const MAX_WORK_FACTOR: u8 = 20;

/// Whether these bytes are an age file (a protected backup), whatever is inside.
pub fn is_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// A passphrase as it protects a backup: Unicode-normalised (NFC), with one trailing line ending
/// (`\n` or `\r\n`, from a terminal or a pasted line) trimmed and nothing else. Empty, only
/// spaces, or over [`MAX_PASSPHRASE_CHARS`] characters is refused, naming the field `passphrase`.
pub(super) fn passphrase(text: &str) -> Result<SecretString> {
    let secret = SecretString::from(crate::text::typed_secret(text));
    let text = age::secrecy::ExposeSecret::expose_secret(&secret);
    if text.chars().count() > MAX_PASSPHRASE_CHARS {
        return Err(Error::invalid_input(
            "passphrase",
            Message::new("error-backup-passphrase-too-long").with("max", MAX_PASSPHRASE_CHARS),
        ));
    }
    if text.trim().is_empty() {
        return Err(Error::invalid_key("passphrase", "error-backup-passphrase-empty"));
    }
    Ok(secret)
}

/// `plain` encrypted to the passphrase, as an age file.
pub(super) fn encrypt(plain: &[u8], passphrase: SecretString) -> Result<Vec<u8>> {
    let mut recipient = age::scrypt::Recipient::new(passphrase);
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| Error::Data(format!("protecting the backup: {e}")))?;
    let mut out = Vec::with_capacity(plain.len() + plain.len() / 64 + 256);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(out)
}

fn damaged() -> Error {
    Error::invalid_key("file", "error-backup-protected-damaged")
}

fn wrong_passphrase() -> Error {
    Error::invalid_key("passphrase", "error-backup-wrong-passphrase")
}

/// What an age error means for someone restoring a backup.
fn decrypt_error(error: age::DecryptError) -> Error {
    use age::DecryptError::*;
    match error {
        DecryptionFailed | NoMatchingKeys => wrong_passphrase(),
        ExcessiveWork { .. } => Error::invalid_key("file", "error-backup-excessive-work"),
        UnknownFormat => Error::invalid_key("file", "error-backup-unknown-format"),
        InvalidHeader | InvalidMac | KeyDecryptionFailed | Io(_) => damaged(),
        #[allow(unreachable_patterns)]
        _ => damaged(),
    }
}

/// Whatever reading the encrypted body fails on, it is a damaged or cut-short file: age checks
/// each chunk and that the last one is there.
fn body_error(_: std::io::Error) -> Error {
    damaged()
}

/// The document inside a protected backup. Without a passphrase, or with one that does not open
/// it, the error names the field `passphrase`; a damaged file, or an age file that is not
/// protected with a passphrase, names `file`.
pub(super) fn decrypt(bytes: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>> {
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(decrypt_error)?;
    if !decryptor.is_scrypt() {
        return Err(Error::invalid_key("file", "error-backup-age-key"));
    }
    let Some(passphrase) = passphrase else {
        return Err(Error::invalid_key("passphrase", "error-backup-needs-passphrase"));
    };
    let mut identity = age::scrypt::Identity::new(self::passphrase(passphrase)?);
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(decrypt_error)?;
    let mut plain = Vec::with_capacity(bytes.len());
    reader.read_to_end(&mut plain).map_err(body_error)?;
    Ok(plain)
}

/// Whether these bytes are an age file in its text (armored) form, which Homegroup does not read.
pub(super) fn is_armored(bytes: &[u8]) -> bool {
    bytes.trim_ascii_start().starts_with(ARMOR_BEGIN)
}

/// The error for an armored age file.
pub(super) fn armored() -> Error {
    Error::invalid_key("file", "error-backup-armored")
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn text(raw: &str) -> String {
        passphrase(raw).unwrap().expose_secret().to_owned()
    }

    #[test]
    fn a_passphrase_is_normalised_and_only_a_line_ending_is_trimmed() {
        assert_eq!(text("caf\u{e9} con leche"), text("cafe\u{301} con leche\r\n"), "NFC, and CRLF trimmed");
        assert_eq!(text("caf\u{e9} con leche\n"), "caf\u{e9} con leche");
        assert_eq!(text(" spaced out "), " spaced out ", "spaces are part of it");
        assert_eq!(text("two lines\n\n"), "two lines\n", "one line ending only");
        assert_eq!(text("tab\t"), "tab\t");
    }

    #[test]
    fn an_empty_blank_or_overlong_passphrase_is_refused() {
        for bad in ["", "\n", "\r\n", "   ", " \t \n"] {
            let e = passphrase(bad).err().unwrap();
            assert_eq!(e.payload().field.as_deref(), Some("passphrase"), "{bad:?}");
            assert_eq!(e.to_string(), "Please type a passphrase.");
        }
        assert!(passphrase(&"a".repeat(MAX_PASSPHRASE_CHARS)).is_ok());
        assert!(
            passphrase(&format!("{}\n", "a".repeat(MAX_PASSPHRASE_CHARS))).is_ok(),
            "the line ending is not counted"
        );
        let e = passphrase(&"a".repeat(MAX_PASSPHRASE_CHARS + 1)).err().unwrap();
        assert_eq!(e.payload().field.as_deref(), Some("passphrase"));
        assert!(e.to_string().contains("at most 1024 characters"), "{e}");
        // Counted in characters after normalisation: 1,024 accented letters typed decomposed are fine.
        assert!(passphrase(&"e\u{301}".repeat(MAX_PASSPHRASE_CHARS)).is_ok());
        assert!(passphrase(&"\u{e9}".repeat(MAX_PASSPHRASE_CHARS + 1)).is_err());
    }

    #[test]
    fn age_files_are_recognised_by_their_first_bytes() {
        assert!(is_protected(b"age-encryption.org/v1\n-> scrypt"));
        assert!(!is_protected(b"{\"format\": \"homegroup-backup\"}"));
        assert!(!is_protected(b"\x89PNG\r\n\x1a\n"));
        assert!(is_armored(b"\n-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n"));
        assert!(!is_armored(b"age-encryption.org/v1\n"));
    }
}
