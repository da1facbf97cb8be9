//! What an import is asked for and what it answers: the wire types the UI and the command line see.

use super::row::Row;
use crate::meetings::Attendance;
use crate::notices::MyChange;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The formats Homegroup reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeedFormat {
    /// Meeting Guide JSON (Code4Recovery; the 12 Step Meeting List).
    MeetingGuide,
    /// BMLT `GetSearchResults` JSON (NA).
    Bmlt,
}

impl FeedFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedFormat::MeetingGuide => "meeting_guide",
            FeedFormat::Bmlt => "bmlt",
        }
    }

    /// Parses `meeting-guide`, `meeting_guide` or `bmlt`.
    pub fn parse(text: &str) -> Option<FeedFormat> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "meeting_guide" | "mg" => Some(FeedFormat::MeetingGuide),
            "bmlt" => Some(FeedFormat::Bmlt),
            _ => None,
        }
    }

    /// BMLT rows are recognised by their own field names.
    pub(super) fn detect(row: &Row) -> FeedFormat {
        if row.contains_key("id_bigint") || row.contains_key("weekday_tinyint") {
            FeedFormat::Bmlt
        } else {
            FeedFormat::MeetingGuide
        }
    }
}

/// What the user chose for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    /// `None`: recognised from the rows.
    pub format: Option<FeedFormat>,
    /// The zone for rows that name none (most feeds name none).
    pub time_zone: Option<String>,
    /// The fellowship the feed's type codes are read with (`None`: the Meeting Guide list only).
    pub fellowship: Option<String>,
    /// The name the meetings are kept under, so the same list updates them next time.
    /// `None`: the file's name.
    pub source: Option<String>,
    /// Import even when more than a third of the list's meetings would be no longer listed (the
    /// user confirmed the preview, or gave `--allow-shrink`).
    pub allow_shrink: bool,
}

/// A problem with one row. `index` counts rows from 0, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    pub index: u32,
    pub slug: Option<String>,
    pub field: String,
    pub message: String,
}

/// A meeting as the preview shows it, before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewMeeting {
    pub slug: String,
    pub name: String,
    pub group: Option<String>,
    /// 0 = Sunday; empty by appointment.
    pub weekdays: Vec<u8>,
    /// `HH:MM`, 24-hour; `None` by appointment.
    pub start_time: Option<String>,
    /// `None`: the zone the user picks.
    pub time_zone: Option<String>,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub active: bool,
}

/// What an import would do, read without writing anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub source: String,
    pub format: FeedFormat,
    /// Rows in the file.
    pub rows: u32,
    /// Rows that would become meetings.
    pub meetings: u32,
    pub first_meetings: Vec<PreviewMeeting>,
    pub warning_count: u32,
    pub skipped_count: u32,
    /// The first problems (at most [`MAX_LISTED_PROBLEMS`] of each kind).
    pub warnings: Vec<ImportProblem>,
    pub skipped: Vec<ImportProblem>,
    /// The fellowship the feed seems to be from, for the user to confirm.
    pub guessed_fellowship: Option<String>,
    /// Rows that name no zone: the import needs the user's zone for them.
    pub rows_without_time_zone: u32,
    /// Zones the rows name themselves.
    pub feed_time_zones: Vec<String>,
    /// This list was imported before: meetings will be updated, not added twice.
    pub previously_imported: bool,
    /// Meetings the list had before, and how many of them this file leaves out (they would be
    /// marked as no longer listed).
    pub listed_before: u32,
    pub leaving: u32,
    /// More than a third would leave: the import needs the user's confirmation (`allow_shrink`).
    pub shrinks: bool,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub source: String,
    pub format: FeedFormat,
    pub fellowship: Option<String>,
    pub time_zone: Option<String>,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Meetings of this source that are no longer in the feed (kept, marked as not listed).
    pub delisted: u32,
    pub warning_count: u32,
    pub skipped_count: u32,
    pub warnings: Vec<ImportProblem>,
    pub skipped: Vec<ImportProblem>,
    /// What changed for my meetings (scheduled or favourite): each is also kept as a notice.
    pub my_changes: Vec<MyChange>,
}

/// Problems listed in a preview or report, per kind; the counts include the rest.
pub const MAX_LISTED_PROBLEMS: usize = 500;
/// Meetings a preview shows.
pub const PREVIEW_MEETINGS: usize = 10;
