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
    /// The database could not be read or written.
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("storage: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written (import, export, backup).
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    /// Data in the database or an embedded asset is not what the code expects.
    #[error("data: {0}")]
    Data(String),
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
}
