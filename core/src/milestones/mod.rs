//! My milestones (optional, off until a recovery date is set): the counted day and what it counts,
//! how long it has run in the user's zone, the milestone days, and their notification at 9:00 that
//! morning (or at the first start that day). "Start a new count" keeps earlier counts privately;
//! the words never shame.
//!
//! - `calendar.rs`: the pure calendar (milestone days, elapsed time);
//! - here: the `recovery_counts` and `milestone_log` tables, what is due, what it says.

pub mod calendar;

pub use calendar::{Elapsed, Milestone};

use crate::i18n::{self, Locale, Message};
use crate::recurrence::resolve_local;
use crate::reminders::NotificationText;
use crate::validation::optional_text;
use crate::{Error, Result, Store};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The hour of the day a milestone's notification comes, in the user's zone.
pub const NOTIFY_AT: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => panic!("9:00 is a time"),
};
/// Longest description of what a count counts.
const MAX_LABEL: usize = 120;

/// One count: the counted day and what it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoveryCount {
    pub id: i64,
    /// What it counts, in the user's words ("Days since my last drink"); may be empty.
    pub label: String,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// When a new count started after it; `None` for the current one.
    pub ended_on: Option<String>,
}

impl RecoveryCount {
    fn start(&self) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(&self.start_date, "%Y-%m-%d").map_err(|e| Error::Data(format!("recovery date: {e}")))
    }
}

/// What Today shows of the current count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountToday {
    pub count: RecoveryCount,
    pub elapsed: Elapsed,
    /// The milestone that is today, if one is.
    pub milestone_today: Option<Milestone>,
    /// The next milestone and its day (`YYYY-MM-DD`).
    pub next_milestone: Option<Milestone>,
    pub next_milestone_date: Option<String>,
}

/// The current count and the earlier ones, for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecoveryCounts {
    pub current: Option<RecoveryCount>,
    pub earlier: Vec<RecoveryCount>,
}

/// A milestone whose notification is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueMilestone {
    pub count_id: i64,
    pub day: NaiveDate,
    pub milestone: Milestone,
    pub label: String,
    /// 9:00 on its day in the user's zone.
    pub due_at: DateTime<Utc>,
}

/// What a milestone's notification says, in `locale`. Discreet: that there is a milestone, nothing
/// more.
pub fn milestone_text(milestone: &DueMilestone, discreet: bool, locale: Locale) -> NotificationText {
    if discreet {
        return NotificationText { title: i18n::text(locale, "milestone-title-discreet", &[]), body: String::new() };
    }
    let body =
        if milestone.label.is_empty() { i18n::text(locale, "milestone-body", &[]) } else { milestone.label.clone() };
    let words = milestone.milestone.words(locale);
    NotificationText { title: i18n::text(locale, "milestone-title", &[("milestone", words.into())]), body }
}

/// A recovery date as typed: a real date, not in the future (in the user's zone), not before 1900.
fn checked_start(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid_key("start_date", "error-count-date-format"))?;
    if date > today {
        return Err(Error::invalid_key("start_date", "error-count-date-future"));
    }
    if date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(date) {
        return Err(Error::invalid_key("start_date", "error-count-date-too-early"));
    }
    Ok(date)
}

fn today_in(now: DateTime<Utc>, zone: Tz) -> NaiveDate {
    now.with_timezone(&zone).date_naive()
}

/// 9:00 on `day` in `zone`.
fn notify_instant(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    resolve_local(zone, day.and_time(NOTIFY_AT))
}

impl Store {
    /// The count running now, if the user keeps one.
    pub fn current_count(&self) -> Result<Option<RecoveryCount>> {
        Ok(self
            .conn()
            .query_row("SELECT id, label, start_date, ended_on FROM recovery_counts WHERE ended_on IS NULL", [], |r| {
                Ok(RecoveryCount { id: r.get(0)?, label: r.get(1)?, start_date: r.get(2)?, ended_on: r.get(3)? })
            })
            .optional()?)
    }

    pub fn recovery_counts(&self) -> Result<RecoveryCounts> {
        Ok(RecoveryCounts { current: self.current_count()?, earlier: self.earlier_counts()? })
    }

    /// Earlier counts, newest first (kept privately until deleted).
    pub fn earlier_counts(&self) -> Result<Vec<RecoveryCount>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, label, start_date, ended_on FROM recovery_counts WHERE ended_on IS NOT NULL
             ORDER BY ended_on DESC, id DESC",
        )?;
        let counts = stmt
            .query_map([], |r| {
                Ok(RecoveryCount { id: r.get(0)?, label: r.get(1)?, start_date: r.get(2)?, ended_on: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(counts)
    }

    /// Sets the current count's date and what it counts (starting one if there is none).
    pub fn set_recovery_date(
        &mut self,
        start_date: &str,
        label: &str,
        now: DateTime<Utc>,
        zone: Tz,
    ) -> Result<RecoveryCount> {
        let start = checked_start(start_date, today_in(now, zone))?;
        let label = optional_text("label", "label-count-description", Some(label), MAX_LABEL)?.unwrap_or_default();
        let start = start.format("%Y-%m-%d").to_string();
        match self.current_count()? {
            Some(current) => {
                self.conn().execute(
                    "UPDATE recovery_counts SET start_date = ?2, label = ?3 WHERE id = ?1",
                    params![current.id, start, label],
                )?;
                // Milestones already shown for the old date do not count for the new one.
                self.conn().execute("DELETE FROM milestone_log WHERE count_id = ?1", [current.id])?;
            }
            None => {
                self.conn().execute(
                    "INSERT INTO recovery_counts (uid, label, start_date, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![crate::store::random_uid()?, label, start, now.timestamp()],
                )?;
            }
        }
        self.current_count()?.ok_or_else(|| Error::Data("the count was not saved".into()))
    }

    /// "Start a new count": the current one is kept among the earlier counts, a new one starts
    /// from `start_date` (today, if the user does not say otherwise).
    pub fn start_new_count(
        &mut self,
        start_date: &str,
        label: &str,
        now: DateTime<Utc>,
        zone: Tz,
    ) -> Result<RecoveryCount> {
        let today = today_in(now, zone);
        checked_start(start_date, today)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE recovery_counts SET ended_on = ?1 WHERE ended_on IS NULL",
            [today.format("%Y-%m-%d").to_string()],
        )?;
        tx.commit()?;
        self.set_recovery_date(start_date, label, now, zone)
    }

    /// Stops counting (the count joins the earlier ones); Today shows no count.
    pub fn stop_counting(&mut self, now: DateTime<Utc>, zone: Tz) -> Result<()> {
        self.conn().execute(
            "UPDATE recovery_counts SET ended_on = ?1 WHERE ended_on IS NULL",
            [today_in(now, zone).format("%Y-%m-%d").to_string()],
        )?;
        Ok(())
    }

    /// Deletes a count (an earlier one, or the current one), with its milestone log.
    pub fn delete_count(&mut self, id: i64) -> Result<()> {
        if self.conn().execute("DELETE FROM recovery_counts WHERE id = ?1", [id])? == 0 {
            return Err(Error::Missing(Message::new("error-count-not-found")));
        }
        Ok(())
    }

    /// The current count as Today shows it, in the user's zone.
    pub fn count_today(&self, now: DateTime<Utc>, zone: Tz) -> Result<Option<CountToday>> {
        let Some(count) = self.current_count()? else { return Ok(None) };
        let start = count.start()?;
        let today = today_in(now, zone);
        // A date after today (the zone moved back across midnight): the count starts at zero.
        let elapsed = calendar::elapsed(start, today.max(start)).ok_or_else(|| Error::Data("elapsed".into()))?;
        let next = calendar::all()
            .filter_map(|m| m.date(start).map(|d| (d, m)))
            .filter(|(d, _)| *d > today)
            .min_by_key(|(d, _)| *d);
        Ok(Some(CountToday {
            milestone_today: calendar::milestone_on(start, today),
            next_milestone: next.map(|(_, m)| m),
            next_milestone_date: next.map(|(d, _)| d.format("%Y-%m-%d").to_string()),
            count,
            elapsed,
        }))
    }

    /// The milestones of the current count from `now` for `days` days, each due at 9:00 on its day
    /// (today's, if not yet shown, even past 9:00: the app may not have been running then).
    pub fn planned_milestones(&self, now: DateTime<Utc>, zone: Tz, days: u64) -> Result<Vec<DueMilestone>> {
        let Some(count) = self.current_count()? else { return Ok(Vec::new()) };
        let start = count.start()?;
        let today = today_in(now, zone);
        let last = today.checked_add_days(chrono::Days::new(days)).unwrap_or(today);
        let mut shown = self.conn().prepare_cached("SELECT 1 FROM milestone_log WHERE count_id = ?1 AND day = ?2")?;
        let mut due = Vec::new();
        for (day, milestone) in calendar::milestones_between(start, today, last) {
            if shown.exists(params![count.id, day.format("%Y-%m-%d").to_string()])? {
                continue;
            }
            due.push(DueMilestone {
                count_id: count.id,
                day,
                milestone,
                label: count.label.clone(),
                due_at: notify_instant(day, zone),
            });
        }
        Ok(due)
    }

    /// The milestone notifications due at `now`, claimed (written to the log) so they come once;
    /// one that cannot be shown is released with [`Store::release_milestone`].
    pub fn claim_due_milestones(&mut self, now: DateTime<Utc>, zone: Tz) -> Result<Vec<DueMilestone>> {
        let due: Vec<DueMilestone> =
            self.planned_milestones(now, zone, 0)?.into_iter().filter(|m| m.due_at <= now).collect();
        for m in &due {
            self.record_milestone_shown(m.count_id, m.day, now)?;
        }
        Ok(due)
    }

    /// Notes a milestone as shown (also what fired from the plan while the app was locked).
    pub fn record_milestone_shown(&mut self, count_id: i64, day: NaiveDate, now: DateTime<Utc>) -> Result<()> {
        self.conn().execute(
            "INSERT OR IGNORE INTO milestone_log (count_id, day, fired_at)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM recovery_counts WHERE id = ?1)",
            params![count_id, day.format("%Y-%m-%d").to_string(), now.timestamp()],
        )?;
        Ok(())
    }

    /// A milestone that could not be shown goes back to due.
    pub fn release_milestone(&mut self, m: &DueMilestone) -> Result<()> {
        self.conn().execute(
            "DELETE FROM milestone_log WHERE count_id = ?1 AND day = ?2",
            params![m.count_id, m.day.format("%Y-%m-%d").to_string()],
        )?;
        Ok(())
    }

    /// When the next milestone notification is due after `now` (for the reminder thread's sleep).
    pub fn next_milestone_due(&self, now: DateTime<Utc>, zone: Tz) -> Result<Option<DateTime<Utc>>> {
        Ok(self.planned_milestones(now, zone, 400)?.into_iter().map(|m| m.due_at.max(now)).min())
    }
}

#[cfg(test)]
mod tests;
