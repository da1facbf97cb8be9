//! Which reminders are due and which comes next, read from the schedule, the skips and the log.

use super::{Reminder, START_GRACE};
use crate::meetings::table::{detail_select, DetailIndex};
use crate::meetings::MeetingDetails;
use crate::settings::MAX_LEAD_MINUTES;
use crate::{Result, Store};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

/// A scheduled meeting with its reminders on, as planning reads it.
#[derive(serde::Deserialize)]
struct Remindable {
    id: i64,
    #[serde(default)]
    details: MeetingDetails,
    fellowship_name: Option<String>,
    group_name: Option<String>,
    lead_minutes: Option<u32>,
}

impl Store {
    /// Reminders not yet fired whose occurrence starts in `[from, from + horizon)`, soonest due first.
    pub fn planned_reminders(&self, from: DateTime<Utc>, horizon: Duration) -> Result<Vec<Reminder>> {
        let mut reminders = Vec::new();
        self.each_planned(from, horizon, |meeting, starts_at, due_at| {
            reminders.push(Reminder {
                meeting_id: meeting.id,
                meeting_name: meeting.details.name.clone(),
                fellowship_name: meeting.fellowship_name.clone(),
                group_name: meeting.group_name.clone(),
                attendance: meeting.details.attendance,
                location: meeting.details.place().map(str::to_owned),
                starts_at,
                due_at,
            });
        })?;
        reminders.sort_by(|a, b| a.due_at.cmp(&b.due_at).then(a.meeting_id.cmp(&b.meeting_id)));
        Ok(reminders)
    }

    /// Calls `visit(meeting, starts_at, due_at)` for every reminder not yet fired nor skipped whose
    /// occurrence starts in `[from, from + horizon)`.
    fn each_planned(
        &self,
        from: DateTime<Utc>,
        horizon: Duration,
        mut visit: impl FnMut(&Remindable, DateTime<Utc>, DateTime<Utc>),
    ) -> Result<()> {
        let default_lead = self.settings()?.default_lead_minutes;
        let fired = self.fired_since(from)?;
        let skipped = self.skipped_dates()?;
        for meeting in self.remindable_meetings()? {
            let Some(rule) = meeting.details.rule() else { continue };
            let lead = Duration::minutes(i64::from(meeting.lead_minutes.unwrap_or(default_lead).min(MAX_LEAD_MINUTES)));
            for occurrence in rule.between(from, from + horizon) {
                let is_skipped = || {
                    !skipped.is_empty()
                        && skipped.contains(&(meeting.id, occurrence.local_date.format("%Y-%m-%d").to_string()))
                };
                if occurrence.starts_at < from
                    || fired.contains(&(meeting.id, occurrence.starts_at.timestamp()))
                    || is_skipped()
                {
                    continue;
                }
                visit(&meeting, occurrence.starts_at, occurrence.starts_at - lead);
            }
        }
        Ok(())
    }

    /// The reminders that should fire at `now`, including ones whose due time passed while the app
    /// was not running, as long as their meeting has not started.
    pub fn due_reminders(&self, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
        let window = Duration::minutes(i64::from(MAX_LEAD_MINUTES)) + START_GRACE;
        Ok(self.planned_reminders(now - START_GRACE, window)?.into_iter().filter(|r| r.fires_at(now)).collect())
    }

    /// When the next reminder after `now` is due, looking a week and a day ahead.
    pub fn next_reminder_due(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        let window = Duration::minutes(i64::from(MAX_LEAD_MINUTES)) + Duration::days(1);
        let mut next: Option<DateTime<Utc>> = None;
        self.each_planned(now, window, |_, _, due| {
            if due > now && next.is_none_or(|n| due < n) {
                next = Some(due);
            }
        })?;
        Ok(next)
    }

    /// Scheduled meetings that are meeting and have reminders on; one gone from its list only once
    /// the user chose "Keep reminding me".
    fn remindable_meetings(&self) -> Result<Vec<Remindable>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT m.id, {}, s.lead_minutes, f.name AS fellowship_name, g.name AS group_name
             FROM schedule s JOIN meetings m ON m.id = s.meeting_id
             LEFT JOIN fellowships f ON f.id = m.fellowship_id
             LEFT JOIN groups g ON g.id = m.group_id
             WHERE s.remind = 1 AND m.active = 1 AND m.start_time IS NOT NULL
               AND (m.listed = 1 OR s.keep_unlisted = 1)",
            detail_select()
        ))?;
        let details = DetailIndex::of(&stmt)?;
        let mut rows = stmt.query([])?;
        let mut meetings = Vec::new();
        while let Some(row) = rows.next()? {
            let mut meeting: Remindable = crate::store::from_row(row)?;
            meeting.details = details.read(row)?;
            meetings.push(meeting);
        }
        Ok(meetings)
    }

    /// Occurrences claimed or delivered since `from`: never planned again.
    fn fired_since(&self, from: DateTime<Utc>) -> Result<HashSet<(i64, i64)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT meeting_id, occurrence_at FROM reminder_log WHERE occurrence_at >= ?1")?;
        let rows = stmt.query_map([from.timestamp() - START_GRACE.num_seconds()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn skipped_dates(&self) -> Result<HashSet<(i64, String)>> {
        let mut stmt = self.conn().prepare_cached("SELECT meeting_id, local_date FROM skips")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
