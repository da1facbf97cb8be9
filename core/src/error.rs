//! The one error type of the core. It crosses the IPC boundary as
//! `{ "kind": "...", "message": "..." }` so the UI can switch on a stable `kind`
//! and show the message as it is.

use serde::{Serialize, Serializer};
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user or a file gave is not acceptable; the message names the field.
    #[error("{message}")]
    InvalidInput { field: String, message: String },
    #[error("{0} was not found")]
    NotFound(String),
    /// The database could not be read or written. The message is plain words for people; the
    /// SQLite error itself is kept for logs (`{:?}`).
    #[error("{}", storage_message(.0))]
    Storage(#[from] rusqlite::Error),
    #[error("Homegroup could not bring its saved data up to date.")]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written (import, export, backup).
    #[error("{}", file_message(.0))]
    Io(#[from] std::io::Error),
    /// Data in the database or an embedded asset is not what the code expects.
    #[error("data: {0}")]
    Data(String),
    /// The app lock is on and the app is locked: nothing of the user's can be read or written.
    #[error("Homegroup is locked.")]
    Locked,
}

/// What a storage failure means to the person using the app; never SQLite's own text.
fn storage_message(error: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode::*;
    match error.sqlite_error_code() {
        Some(ReadOnly) => "Homegroup could not save your data: the data folder is read-only.",
        Some(DiskFull) => "Homegroup could not save your data: the disk is full.",
        Some(CannotOpen) => "Homegroup could not open its data folder. Check that it exists and can be written to.",
        Some(DatabaseBusy | DatabaseLocked) => {
            "Homegroup's data is in use by another Homegroup window or command. Try again in a moment."
        }
        Some(NotADatabase | DatabaseCorrupt) => "Homegroup's data file is damaged.",
        Some(PermissionDenied) => "Homegroup is not allowed to read or write its data folder.",
        _ => "Homegroup could not read or save your data.",
    }
}

/// What a file failure means, in plain words.
fn file_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "The file or folder was not found.".into(),
        PermissionDenied => "Homegroup is not allowed to read or write there.".into(),
        ReadOnlyFilesystem => "That place is read-only: nothing can be saved there.".into(),
        StorageFull => "The disk is full.".into(),
        IsADirectory => "That is a folder, not a file.".into(),
        kind => format!("The file could not be read or written ({kind})."),
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
    pub message: String,
    /// The input field the message is about, when there is one.
    pub field: Option<String>,
}

impl Error {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::InvalidInput { field: field.to_owned(), message: message.into() }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Storage(_) | Error::Migration(_) => ErrorKind::Storage,
            Error::Io(_) => ErrorKind::Io,
            Error::Data(_) => ErrorKind::Data,
            Error::Locked => ErrorKind::Locked,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
            field: match self {
                Error::InvalidInput { field, .. } => Some(field.clone()),
                _ => None,
            },
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
