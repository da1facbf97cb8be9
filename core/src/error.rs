//! The one error type of the core. It crosses the IPC boundary as
//! `{ "kind", "message", "field", "key", "args" }`: the UI switches on a stable `kind`, shows
//! `message` (worded in the language the app shows now) beside `field`, and could word `key` with
//! `args` itself. `Display` (the command line, logs) is always English.
//!
//! Every text is a [`Message`] of the catalogue (`core/i18n/*.ftl`), kept unworded in the error
//! until it is shown.

use crate::i18n::{self, Arg, Locale, Message};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user or a file gave is not acceptable; the message says what would be, and
    /// `field` names the input it is about.
    #[error("{}", .message.english())]
    InvalidInput { field: String, message: Message },
    /// Something asked for is not there (a meeting, a person, a copy); the message says what.
    #[error("{}", .0.english())]
    Missing(Message),
    /// The same, from code that does not word its messages through the catalogue yet: what was
    /// asked for, in English ("Group 7"). Prefer [`Error::Missing`].
    #[error("{}", not_found_message(.0).english())]
    NotFound(String),
    /// The database could not be read or written. The message is plain words for people; the
    /// SQLite error itself is kept for logs (`{:?}`).
    #[error("{}", storage_message(.0).english())]
    Storage(#[from] rusqlite::Error),
    #[error("{}", Message::new("error-migration").english())]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written (import, export, backup).
    #[error("{}", file_message(.0).english())]
    Io(#[from] std::io::Error),
    /// Data in the database or an embedded asset is not what the code expects.
    #[error("{}", data_message(.0).english())]
    Data(String),
    /// The app lock is on and the app is locked: nothing of the user's can be read or written.
    #[error("{}", Message::new("error-locked").english())]
    Locked,
}

fn not_found_message(what: &str) -> Message {
    Message::new("error-not-found-text").with("what", what)
}

fn data_message(detail: &str) -> Message {
    Message::new("error-data").with("detail", detail)
}

/// What a storage failure means to the person using the app; never SQLite's own text.
fn storage_message(error: &rusqlite::Error) -> Message {
    use rusqlite::ErrorCode::*;
    Message::new(match error.sqlite_error_code() {
        Some(ReadOnly) => "error-storage-read-only",
        Some(DiskFull) => "error-storage-disk-full",
        Some(CannotOpen) => "error-storage-cannot-open",
        Some(DatabaseBusy | DatabaseLocked) => "error-storage-busy",
        Some(NotADatabase | DatabaseCorrupt) => "error-storage-damaged",
        Some(PermissionDenied) => "error-storage-permission",
        _ => "error-storage-other",
    })
}

/// What a file failure means, in plain words.
fn file_message(error: &std::io::Error) -> Message {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => Message::new("error-file-not-found"),
        PermissionDenied => Message::new("error-file-permission"),
        ReadOnlyFilesystem => Message::new("error-file-read-only"),
        StorageFull => Message::new("error-file-disk-full"),
        IsADirectory => Message::new("error-file-is-folder"),
        kind => Message::new("error-file-other").with("kind", kind.to_string()),
    }
}

/// The stable, machine-readable kind of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    InvalidInput,
    NotFound,
    Storage,
    Io,
    Data,
    Locked,
}

/// The shape an error takes on the wire.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    /// The message, worded in the language the app shows now.
    pub message: String,
    /// The input field the message is about, when there is one.
    pub field: Option<String>,
    /// The message's id in the catalogue (`core/i18n/*.ftl`).
    pub key: &'static str,
    /// The message's arguments by name, so the UI could word the message itself.
    pub args: BTreeMap<&'static str, Arg>,
}

impl Error {
    /// Input refused, with a message of the catalogue that takes no arguments.
    pub fn invalid_key(field: &str, key: &'static str) -> Self {
        Error::invalid_input(field, Message::new(key))
    }

    /// Input refused, with a message of the catalogue and its arguments.
    pub fn invalid_input(field: &str, message: Message) -> Self {
        Error::InvalidInput { field: field.to_owned(), message }
    }

    /// Input refused, with text that is not in the catalogue: shown as it is, in every language.
    /// For code not yet worded through the catalogue; prefer [`Error::invalid_key`].
    pub fn invalid(field: &str, text: impl Into<String>) -> Self {
        Error::invalid_input(field, Message::new("untranslated").with("text", text.into()))
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Missing(_) | Error::NotFound(_) => ErrorKind::NotFound,
            Error::Storage(_) | Error::Migration(_) => ErrorKind::Storage,
            Error::Io(_) => ErrorKind::Io,
            Error::Data(_) => ErrorKind::Data,
            Error::Locked => ErrorKind::Locked,
        }
    }

    /// The input field the error is about, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }

    /// What the error says, unworded.
    pub fn message(&self) -> Message {
        match self {
            Error::InvalidInput { message, .. } | Error::Missing(message) => message.clone(),
            Error::NotFound(what) => not_found_message(what),
            Error::Storage(e) => storage_message(e),
            Error::Migration(_) => Message::new("error-migration"),
            Error::Io(e) => file_message(e),
            Error::Data(detail) => data_message(detail),
            Error::Locked => Message::new("error-locked"),
        }
    }

    /// What the error says in `locale` (`to_string()` is English).
    pub fn render(&self, locale: Locale) -> String {
        self.message().render(locale)
    }

    /// The error as it crosses to the UI, worded in the language the app shows now.
    pub fn payload(&self) -> ErrorPayload {
        let message = self.message();
        ErrorPayload {
            kind: self.kind(),
            message: message.render(i18n::current()),
            field: self.field().map(str::to_owned),
            key: message.key,
            args: message.args,
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_and_message() {
        let json = serde_json::to_value(Error::invalid("name", "Please give the group a name.")).unwrap();
        assert_eq!(json["kind"], "invalid_input");
        assert_eq!(json["message"], "Please give the group a name.");
        assert_eq!(json["field"], "name");

        let json = serde_json::to_value(Error::NotFound("Meeting 7".into())).unwrap();
        assert_eq!(json["kind"], "not_found");
        assert_eq!(json["message"], "Meeting 7 was not found");
        assert!(json["field"].is_null());
    }

    #[test]
    fn storage_and_file_errors_speak_plainly() {
        let read_only = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some("attempt to write a readonly database".into()),
        );
        let message = Error::from(read_only).to_string();
        assert_eq!(message, "Homegroup could not save your data: the data folder is read-only.");
        let full = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        assert!(Error::from(full).to_string().contains("disk is full"));
        let missing = Error::from(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(missing.to_string(), "The file or folder was not found.");
        assert!(!missing.to_string().contains("os error"));
    }
}
