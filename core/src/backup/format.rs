//! The backup document (version 3), and what a backup and a restore tell the user.

use crate::import::ImportSource;
use crate::meetings::MeetingDetails;
use crate::settings::Settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    pub settings: Settings,
    pub fellowship_notes: Vec<FellowshipNote>,
    /// The lists the user imported.
    pub import_sources: Vec<ImportSource>,
    pub groups: Vec<BackupGroup>,
    pub meetings: Vec<BackupMeeting>,
    pub attendance: Vec<BackupAttendance>,
    /// Version 3 on; none in older backups.
    #[serde(default)]
    pub people: Vec<super::people::BackupPerson>,
    #[serde(default)]
    pub recovery_counts: Vec<super::people::BackupCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FellowshipNote {
    pub fellowship_id: String,
    pub favourite: bool,
    pub notes: String,
}

/// Who a group is: made in the app (`uid`) or by an import (`source`, `source_key`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GroupKey {
    pub uid: Option<String>,
    pub source: Option<String>,
    pub source_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupGroup {
    pub key: GroupKey,
    pub name: String,
    pub fellowship_id: Option<String>,
    pub notes: String,
    pub contact: String,
    pub website: Option<String>,
    pub favourite: bool,
}

/// Who a meeting is: made in the app (`uid`) or imported (`source`, `slug`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MeetingKey {
    pub uid: Option<String>,
    pub source: Option<String>,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleEntry {
    pub lead_minutes: Option<u32>,
    pub remind: bool,
    pub added_at: i64,
    /// "Keep reminding me" for a meeting gone from its list (absent in older backups).
    #[serde(default)]
    pub keep_unlisted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupMeeting {
    pub key: MeetingKey,
    #[serde(flatten)]
    pub details: MeetingDetails,
    pub group: Option<GroupKey>,
    pub personal_notes: String,
    pub active: bool,
    pub listed: bool,
    pub favourite: bool,
    pub source_updated: Option<String>,
    pub schedule: Option<ScheduleEntry>,
    /// Skipped occurrences, `YYYY-MM-DD` in the meeting's zone.
    pub skips: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupAttendance {
    /// `None` when the meeting was deleted; the log keeps its name.
    pub meeting: Option<MeetingKey>,
    pub meeting_name: String,
    pub local_date: String,
    pub recorded_at: i64,
}

/// What a backup holds, to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSummary {
    pub meetings: u32,
    pub groups: u32,
    pub attendance: u32,
    pub people: u32,
}

impl Backup {
    pub fn summary(&self) -> BackupSummary {
        BackupSummary {
            meetings: self.meetings.len() as u32,
            groups: self.groups.len() as u32,
            attendance: self.attendance.len() as u32,
            people: self.people.len() as u32,
        }
    }
}

/// What a restore changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    pub version: u32,
    pub groups_added: u32,
    pub groups_updated: u32,
    pub meetings_added: u32,
    pub meetings_updated: u32,
    pub schedule_entries: u32,
    pub skips_added: u32,
    pub attendance_added: u32,
    pub people_restored: u32,
    pub counts_restored: u32,
    pub settings_restored: bool,
}

impl RestoreReport {
    /// One plain sentence for people.
    pub fn summary(&self) -> String {
        format!(
            "Restored: {} meeting(s) added and {} updated, {} group(s) added and {} updated, {} in your schedule, \
             {} skipped week(s) and {} attendance record(s) added, {} person(s){}.",
            self.meetings_added,
            self.meetings_updated,
            self.groups_added,
            self.groups_updated,
            self.schedule_entries,
            self.skips_added,
            self.attendance_added,
            self.people_restored,
            if self.settings_restored { ", settings restored" } else { "" }
        )
    }
}
