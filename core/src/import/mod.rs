//! Importing meeting lists: Meeting Guide JSON feeds (`meeting_guide`) and BMLT results (`bmlt`).
//!
//! This module owns the rules an import keeps:
//! - one import is one transaction: every good row lands, or nothing does;
//! - a row with one bad field keeps the meeting and drops that field with a warning; a row that
//!   cannot be a meeting is reported (index, slug, field, reason) and skipped;
//! - a re-import updates feed-owned fields by (source, slug), adds new meetings and marks the ones
//!   gone from the feed as no longer listed; it never deletes a meeting and never touches what the
//!   user owns (schedule, favourites, lead times, skips, attendance, personal notes, their groups);
//! - rows are read one at a time from the file's bytes, so a huge feed needs little memory beyond
//!   the file itself, and nothing a file holds can make it panic.

mod bmlt;
mod fields;
mod guess;
mod meeting_guide;
mod preview;
mod read;
mod row;
mod run;
#[cfg(any(test, feature = "generators"))]
pub mod sample;
mod shrink;
pub(crate) mod sources;
mod types;
mod write;

pub use sources::ImportSource;
pub use types::*;

use crate::i18n::Message;
use crate::meetings::MeetingDetails;
use crate::{Error, Result};
use chrono_tz::Tz;
use std::path::Path;

/// One row of a feed, read into a meeting's details and what the list says beside them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FeedMeeting {
    pub slug: String,
    pub group: Option<String>,
    /// Its `time_zone` is set once the zone is known: the row's own, else the list's.
    pub details: MeetingDetails,
    /// The row's own zone, else the user's; `None` when neither is known.
    pub zone: Option<Tz>,
    /// Whether the row named its zone itself.
    pub own_zone: bool,
    pub active: bool,
    pub source_updated: Option<String>,
    pub warnings: Vec<fields::FieldProblem>,
}

pub(crate) use read::RowOutcome;

/// What every format reads the same way: a row's name, days, time, length, attendance and types;
/// each format adds the place and the ways to join.
pub(crate) fn when_and_what(
    name: String,
    weekdays: u8,
    start: Option<chrono::NaiveTime>,
    duration_minutes: u32,
    attendance: crate::meetings::Attendance,
    types: Vec<String>,
) -> MeetingDetails {
    MeetingDetails {
        name,
        weekdays: crate::meetings::weekdays_of(weekdays),
        start_time: start.map(fields::hours_and_minutes),
        duration_minutes,
        attendance,
        types,
        ..MeetingDetails::default()
    }
}

/// The name meetings from `path` are kept under: the file's name without its extension.
pub fn source_name_for(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".into())
}

fn checked_source(options: &ImportOptions, fallback: &str) -> Result<String> {
    let source = options.source.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(fallback);
    crate::validation::required_text("source", "label-list-name", source, crate::validation::MAX_NAME)
}

fn checked_zone(options: &ImportOptions) -> Result<Option<Tz>> {
    options
        .time_zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
        .map(|z| crate::time_zone::parse("time_zone", z))
        .transpose()
}

fn unknown_fellowship(id: &str) -> Error {
    Error::invalid_input("fellowship", Message::new("error-fellowship-unknown").with("id", id))
}

fn duplicate_message() -> Message {
    Message::new("import-duplicate-slug")
}

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    FeedFormat::export_all(cfg)?;
    ImportOptions::export_all(cfg)?;
    ImportProblem::export_all(cfg)?;
    PreviewMeeting::export_all(cfg)?;
    ImportPreview::export_all(cfg)?;
    ImportReport::export_all(cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests;
