//! The command line's `--json` output: a stable shape for scripts, kept here so the command line
//! only prints. Fields are added, never renamed or removed.

use crate::i18n::{Arg, Message};
use crate::import::ImportReport;
use crate::meetings::{Attendance, Meeting, MeetingDetails, MeetingFilter};
use crate::notices::MyChange;
use crate::people::{Person, Role};
use crate::{Error, Result, Store};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use serde::Serialize;

/// One meeting, for `homegroup meetings --json`: the meeting's details (see [`MeetingDetails`])
/// with its id, source and slug and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptMeeting {
    pub id: i64,
    /// The source's key (`None` for meetings made in the app).
    pub slug: Option<String>,
    pub source: Option<String>,
    #[serde(flatten)]
    pub details: MeetingDetails,
    pub in_schedule: bool,
    pub active: bool,
    pub listed: bool,
}

impl From<Meeting> for ScriptMeeting {
    fn from(m: Meeting) -> Self {
        ScriptMeeting {
            id: m.id,
            slug: m.slug,
            source: m.source,
            details: m.details,
            in_schedule: m.in_schedule,
            active: m.active,
            listed: m.listed,
        }
    }
}

/// One occurrence, for `homegroup next --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptOccurrence {
    pub meeting_id: i64,
    pub name: String,
    /// RFC 3339 with the meeting's UTC offset.
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    /// `YYYY-MM-DD` in the meeting's zone.
    pub local_date: String,
    pub attendance: Attendance,
    pub location: Option<String>,
    pub conference_url: Option<String>,
}

/// One person, for `homegroup people --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptPerson {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub other_contact: Option<String>,
    /// `sponsor`, `sponsee`, `home_group`, `program_friend`, `family` or `other`.
    pub role: Role,
    pub note: String,
    pub group: Option<String>,
    pub meeting: Option<String>,
}

impl From<Person> for ScriptPerson {
    fn from(p: Person) -> Self {
        ScriptPerson {
            id: p.id,
            name: p.name,
            phone: p.phone,
            other_contact: p.other_contact,
            role: p.role,
            note: p.note,
            group: p.group_name,
            meeting: p.meeting_name,
        }
    }
}

/// What an import did, for `homegroup import --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptImportReport {
    pub source: String,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Meetings of the list no longer in it (kept, marked).
    pub delisted: u32,
    pub skipped: u32,
    pub warnings: u32,
    /// My meetings (scheduled or favourite) that changed, stopped for now or left the list:
    /// `{meeting_id, name, kind, changes: [{field, before, after}]}`.
    pub my_changes: Vec<MyChange>,
}

impl From<ImportReport> for ScriptImportReport {
    fn from(r: ImportReport) -> Self {
        ScriptImportReport {
            source: r.source,
            rows: r.rows,
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            delisted: r.delisted,
            skipped: r.skipped_count,
            warnings: r.warning_count,
            my_changes: r.my_changes,
        }
    }
}

impl Store {
    /// Every meeting, by name.
    pub fn script_meetings(&self) -> Result<Vec<ScriptMeeting>> {
        Ok(self.meetings(&MeetingFilter::default())?.into_iter().map(ScriptMeeting::from).collect())
    }

    /// Scheduled occurrences starting in `[now, now + days)`, soonest first; skipped ones left out.
    pub fn script_next(&self, now: DateTime<Utc>, days: i64) -> Result<Vec<ScriptOccurrence>> {
        let items = self.agenda_items(now, now + Duration::days(days))?;
        Ok(items
            .into_iter()
            .filter(|i| !i.skipped && i.starts_at >= now)
            .map(|i| {
                let zone: Tz = i.time_zone.parse().unwrap_or(Tz::UTC);
                ScriptOccurrence {
                    meeting_id: i.meeting_id,
                    name: i.name,
                    starts_at: i.starts_at.with_timezone(&zone).to_rfc3339(),
                    ends_at: i.ends_at.with_timezone(&zone).to_rfc3339(),
                    time_zone: i.time_zone,
                    local_date: i.local_date.format("%Y-%m-%d").to_string(),
                    attendance: i.attendance,
                    location: i.location,
                    conference_url: i.conference_url,
                }
            })
            .collect())
    }

    /// The meeting a person or script names with a bare word: a feed slug unique across sources,
    /// else the app's id. Feeds often use numbers as slugs, so a number that is one meeting's slug
    /// and another's id is refused with both named (`--id` says an id is meant). An ambiguous slug
    /// is an error listing the candidates' ids.
    pub fn find_meeting(&self, key: &str) -> Result<Meeting> {
        let key = key.trim();
        let mut stmt = self.conn().prepare("SELECT id, source FROM meetings WHERE slug = ?1 ORDER BY id")?;
        let found: Vec<(i64, Option<String>)> =
            stmt.query_map(params![key], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let by_id = key.parse::<i64>().ok().and_then(|id| self.meeting(id).ok());
        let from = |source: &Option<String>| match source {
            Some(source) => Arg::from(source),
            None => Arg::from(Message::new("source-this-app")),
        };
        match (found.as_slice(), by_id) {
            ([], Some(m)) => Ok(m),
            ([], None) => Err(Error::Missing(Message::new("error-meeting-key-not-found").with("key", key))),
            ([(id, _)], Some(other)) if other.id != *id => Err(Error::invalid_input(
                "meeting",
                Message::new("error-slug-and-id")
                    .with("key", key)
                    .with("id", *id)
                    .with("name", self.meeting(*id)?.details.name)
                    .with("other_name", other.details.name)
                    .with("other_source", from(&other.source)),
            )),
            ([(id, _)], _) => self.meeting(*id),
            (many, _) => {
                // The list is worded now, in the language of the moment (the command line's is English).
                let locale = crate::i18n::current();
                let choices = many
                    .iter()
                    .map(|(id, source)| Message::new("meeting-choice").with("id", *id).with("source", from(source)))
                    .map(|choice| choice.render(locale))
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(Error::invalid_input(
                    "meeting",
                    Message::new("error-slug-many").with("key", key).with("choices", choices),
                ))
            }
        }
    }
}
