//! Meetings: the one serde type that leaves the core for a meeting (IPC, command line, backups),
//! built around [`MeetingDetails`], the meeting's own fields written down once; the form's input
//! and its validation; the `meetings` table (`table.rs`); and the queries over it.

mod details;
mod input;
pub(crate) mod table;

pub(crate) use details::weekdays_of;
pub use details::MeetingDetails;
pub use input::MeetingInput;
pub(crate) use input::{is_dial_string, parse_start_time};

use crate::i18n::Message;
use crate::recurrence::Rule;
use crate::{Error, Result, Store};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};
use table::DetailIndex;
use ts_rs::TS;

/// "Meeting 7 was not found".
pub(crate) fn not_found(id: i64) -> Error {
    Error::Missing(Message::new("error-meeting-not-found").with("id", id))
}

/// How people attend a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
}

impl rusqlite::ToSql for Attendance {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Online => "online",
            Attendance::Hybrid => "hybrid",
        }
    }

    pub(crate) fn parse(text: &str) -> Result<Attendance> {
        match text {
            "in_person" => Ok(Attendance::InPerson),
            "online" => Ok(Attendance::Online),
            "hybrid" => Ok(Attendance::Hybrid),
            other => Err(Error::Data(format!("unknown attendance {other:?}"))),
        }
    }
}

/// A meeting type code and what it means in the meeting's fellowship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingType {
    pub code: String,
    /// `None` when neither the fellowship nor the Meeting Guide list knows the code.
    pub name: Option<String>,
}

/// A meeting as it leaves the core, everywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Meeting {
    /// The app's own id; never a feed's slug.
    pub id: i64,
    /// The import it came from; `None` for a meeting made in the app.
    pub source: Option<String>,
    /// The source's key for the meeting; `None` for a meeting made in the app.
    pub slug: Option<String>,
    /// Read from its own columns (see `table.rs`), not by name.
    #[serde(default)]
    pub details: MeetingDetails,
    /// The group's id.
    pub group: Option<i64>,
    pub fellowship_name: Option<String>,
    pub group_name: Option<String>,
    /// The type codes with what each means in the meeting's fellowship.
    #[serde(default)]
    pub type_names: Vec<MeetingType>,
    /// The user's own notes; never changed by an import.
    pub personal_notes: String,
    /// `false`: the source says it is not meeting for now.
    pub active: bool,
    /// `false`: gone from the source's latest list.
    pub listed: bool,
    pub in_schedule: bool,
    pub favourite: bool,
    /// Minutes before the meeting its reminder comes; `None` uses the default from settings.
    pub lead_minutes: Option<u32>,
    /// `false`: "no reminder" for this meeting.
    pub reminders: bool,
    /// Gone from its list, and the user chose "Keep reminding me" (else its reminders pause).
    pub keep_reminding: bool,
}

impl Meeting {
    /// When the meeting happens, for recurrence; `None` when it never happens (by appointment,
    /// not meeting for now, or an unreadable time or zone).
    pub fn rule(&self) -> Option<Rule> {
        self.active.then(|| self.details.rule()).flatten()
    }
}

/// The columns of a full [`Meeting`]: the table's, with its fellowship, group and schedule.
fn meeting_select() -> &'static str {
    static SELECT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SELECT.get_or_init(|| {
        format!(
            "SELECT m.id, m.source, m.slug, m.group_id AS \"group\", {}, f.name AS fellowship_name, g.name AS group_name,
                    m.personal_notes, m.active, m.listed, s.meeting_id IS NOT NULL AS in_schedule, m.favourite,
                    s.lead_minutes, coalesce(s.remind, 1) AS reminders, coalesce(s.keep_unlisted, 0) AS keep_reminding
             FROM meetings m
             LEFT JOIN fellowships f ON f.id = m.fellowship_id
             LEFT JOIN groups g ON g.id = m.group_id
             LEFT JOIN schedule s ON s.meeting_id = m.id",
            table::detail_select()
        )
    })
}

/// A row of [`meeting_select`]: the details from their columns, the rest by name. Type codes are
/// named afterwards, once per fellowship (see `Store::name_types`).
fn meeting_from_row(row: &Row, details: &DetailIndex) -> Result<Meeting> {
    let mut meeting: Meeting = crate::store::from_row(row)?;
    meeting.details = details.read(row)?;
    Ok(meeting)
}

/// Which meetings a list asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeetingFilter {
    pub in_schedule_only: bool,
    pub group: Option<i64>,
    pub fellowship: Option<String>,
}

impl Store {
    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        let mut meetings = self.query_meetings("WHERE m.id = ?1", params![id])?;
        let meeting = meetings.pop().ok_or_else(|| not_found(id))?;
        Ok(meeting)
    }

    /// Meetings of the full select, filtered by `condition`, with their type codes named.
    fn query_meetings(&self, condition: &str, values: impl rusqlite::Params) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare_cached(&format!("{} {condition}", meeting_select()))?;
        let details = DetailIndex::of(&stmt)?;
        let mut rows = stmt.query(values)?;
        let mut meetings = Vec::new();
        while let Some(row) = rows.next()? {
            meetings.push(meeting_from_row(row, &details)?);
        }
        self.name_types(&mut meetings)?;
        Ok(meetings)
    }

    /// Names each meeting's type codes with its fellowship's table, reading each table once.
    fn name_types(&self, meetings: &mut [Meeting]) -> Result<()> {
        let mut tables: std::collections::HashMap<Option<String>, Option<String>> = std::collections::HashMap::new();
        for meeting in meetings.iter_mut().filter(|m| !m.details.types.is_empty()) {
            let fellowship = &meeting.details.fellowship;
            let table = match tables.get(fellowship) {
                Some(table) => table.clone(),
                None => {
                    let table = match fellowship {
                        Some(id) => self.fellowship_type_codes(id).ok(),
                        None => None,
                    };
                    tables.insert(fellowship.clone(), table.clone());
                    table
                }
            };
            meeting.type_names = crate::type_codes::describe_in(
                &meeting.details.types,
                fellowship.as_deref(),
                table.as_deref(),
                crate::i18n::current(),
            );
        }
        Ok(())
    }

    /// Meetings by name, filtered.
    pub fn meetings(&self, filter: &MeetingFilter) -> Result<Vec<Meeting>> {
        self.query_meetings(
            "WHERE (?1 = 0 OR s.meeting_id IS NOT NULL) AND (?2 IS NULL OR m.group_id = ?2)
               AND (?3 IS NULL OR m.fellowship_id = ?3)
             ORDER BY m.name COLLATE NOCASE, m.id",
            params![filter.in_schedule_only, filter.group, filter.fellowship],
        )
    }

    /// Adds a meeting made in the app; `in_schedule` puts it in the user's schedule at once.
    pub fn create_meeting(
        &mut self,
        input: &MeetingInput,
        in_schedule: bool,
        clock: &dyn crate::Clock,
    ) -> Result<Meeting> {
        let (details, group) = input.validate(self)?;
        let now = clock.now().timestamp();
        let tx = self.conn_mut().transaction()?;
        let id = table::insert(&tx, &table::NewMeeting::own(&details, group), now)?;
        if in_schedule {
            tx.execute("INSERT INTO schedule (meeting_id, added_at) VALUES (?1, ?2)", params![id, now])?;
        }
        tx.commit()?;
        self.meeting(id)
    }

    /// Changes a meeting's details. Skips and attendance are keyed by local date, so they stay.
    pub fn update_meeting(&mut self, id: i64, input: &MeetingInput, clock: &dyn crate::Clock) -> Result<Meeting> {
        let (details, group) = input.validate(self)?;
        if !table::update_details(self.conn(), id, &details, group, clock.now().timestamp())? {
            return Err(not_found(id));
        }
        self.meeting(id)
    }

    /// Deletes a meeting with its schedule entry, skips and reminder log. The attendance log keeps
    /// the meeting's name, so past attendance still counts.
    pub fn delete_meeting(&mut self, id: i64) -> Result<()> {
        if self.conn().execute("DELETE FROM meetings WHERE id = ?1", [id])? == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Keeps the user's own notes on a meeting.
    pub fn set_meeting_notes(&mut self, id: i64, notes: &str) -> Result<Meeting> {
        let notes = crate::validation::optional_text(
            "personal_notes",
            "label-notes",
            Some(notes),
            crate::validation::MAX_NOTES,
        )?;
        if self
            .conn()
            .execute("UPDATE meetings SET personal_notes = ?2 WHERE id = ?1", params![id, notes.unwrap_or_default()])?
            == 0
        {
            return Err(not_found(id));
        }
        self.meeting(id)
    }
}
