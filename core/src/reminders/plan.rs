//! The reminders of the next two weeks, planned ahead and kept outside the database, so they keep
//! coming while the app is locked (and, on phones, so the system can deliver them while the app is
//! not running). The plan holds only due times, occurrence times and the discreet texts: no
//! meeting, group, fellowship or place. Milestones of the recovery count join it (their dates, so
//! roughly the recovery date, are what it reveals of them). It ends with a nudge to open Homegroup
//! before it runs out.
//!
//! Each occurrence keeps its id from one plan to the next, so a new plan replaces only what
//! changed; ids are allocated (never hashed), so two occurrences never share one.

use super::{notification_text, NotificationText, Reminder};
use crate::i18n::{self, Locale};
use crate::lock::LOCK_FILE;
use crate::milestones::{milestone_text, DueMilestone};
use crate::{Error, Result, Store};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How far ahead a plan reaches.
pub const PLAN_DAYS: i64 = 14;
/// The file's name in the data folder.
pub const PLAN_FILE: &str = "reminder-plan.json";

/// One notification to have pending: a meeting's reminder, or the nudge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedNotification {
    /// Stable for its occurrence across plans; 32-bit, as phones want.
    pub id: u32,
    /// The meeting, for merging what fired into the reminder log; `None` for the nudge.
    pub meeting_id: Option<i64>,
    /// When the occurrence starts (UTC seconds); for a milestone, the end of its day (it is not
    /// shown after); `None` for the nudge.
    pub starts_at: Option<i64>,
    /// A milestone's count and day (`YYYY-MM-DD`), for merging what fired into the milestone log.
    #[serde(default)]
    pub milestone: Option<(i64, String)>,
    /// When to show it (UTC seconds).
    pub due_at: i64,
    pub title: String,
    pub body: String,
}

impl PlannedNotification {
    /// Whether it should be shown at `now`: due, and (for a reminder) its meeting not started.
    pub fn fires_at(&self, now: DateTime<Utc>) -> bool {
        let now = now.timestamp();
        let ends = self.starts_at.map_or(i64::MAX, |start| if start == self.due_at { start + 60 } else { start });
        self.due_at <= now && now < ends
    }
}

/// The plan: what to have pending, and what fired from it while the database could not be written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderPlan {
    pub made_at: i64,
    pub items: Vec<PlannedNotification>,
    /// (meeting, occurrence start) of reminders shown from the plan while locked: merged into the
    /// reminder log at unlock, and never shown twice.
    pub fired: Vec<(i64, i64)>,
    /// (count, day) of milestones shown from the plan while locked, the same way.
    pub fired_milestones: Vec<(i64, String)>,
    /// The next id to give out.
    pub next_id: u32,
}

/// The nudge's id: never given to an occurrence.
pub const NUDGE_ID: u32 = 1;

impl ReminderPlan {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(PLAN_FILE)
    }

    /// The plan kept in `dir`; none yet is an empty plan.
    pub fn read(dir: &Path) -> Result<ReminderPlan> {
        match std::fs::read(Self::path(dir)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Data(format!("{PLAN_FILE}: {e}"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ReminderPlan::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Keeps the plan in `dir`, atomically.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let bytes = serde_json::to_vec(self).map_err(|e| Error::Data(e.to_string()))?;
        crate::lock::write_atomically(&Self::path(dir), &bytes)
    }

    /// Removes the plan (the lock was turned off: the database is readable at any time).
    pub fn remove(dir: &Path) -> Result<()> {
        crate::lock::remove_if_present(&Self::path(dir))
    }

    /// The notifications due at `now` that have not been shown yet.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<&PlannedNotification> {
        self.items
            .iter()
            .filter(|item| item.fires_at(now))
            .filter(|item| match (&item.milestone, item.meeting_id, item.starts_at) {
                (Some(milestone), _, _) => !self.fired_milestones.contains(milestone),
                (None, Some(meeting), Some(start)) => !self.fired.contains(&(meeting, start)),
                _ => !self.fired.contains(&(0, item.due_at)),
            })
            .collect()
    }

    /// Notes that `item` was shown.
    pub fn mark_fired(&mut self, item: &PlannedNotification) {
        if let Some(milestone) = &item.milestone {
            if !self.fired_milestones.contains(milestone) {
                self.fired_milestones.push(milestone.clone());
            }
            return;
        }
        let key = match (item.meeting_id, item.starts_at) {
            (Some(meeting), Some(start)) => (meeting, start),
            _ => (0, item.due_at),
        };
        if !self.fired.contains(&key) {
            self.fired.push(key);
        }
    }

    /// When the next notification is due after `now`.
    pub fn next_due(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.items
            .iter()
            .map(|i| i.due_at)
            .filter(|due| *due > now.timestamp())
            .min()
            .and_then(|at| DateTime::from_timestamp(at, 0))
    }
}

/// The nudge's text in `locale`: open Homegroup before the plan runs out.
pub fn nudge_text(locale: Locale) -> NotificationText {
    NotificationText { title: i18n::text(locale, "nudge-title", &[]), body: i18n::text(locale, "nudge-body", &[]) }
}

impl Store {
    /// A new plan from `now` for [`PLAN_DAYS`], at most `limit` notifications in all (the nudge
    /// included), keeping the ids `previous` gave each occurrence. Texts are in the language the
    /// app shows now ([`i18n::current`]), and discreet when `discreet` says so (always, while the
    /// app is locked).
    pub fn plan_reminders(
        &self,
        now: DateTime<Utc>,
        zone: Tz,
        discreet: bool,
        limit: usize,
        previous: &ReminderPlan,
    ) -> Result<ReminderPlan> {
        let horizon = Duration::days(PLAN_DAYS);
        let reminders: Vec<Reminder> =
            self.planned_reminders(now, horizon)?.into_iter().filter(|r| r.due_at > now || r.fires_at(now)).collect();
        let milestones = self.planned_milestones(now, zone, PLAN_DAYS as u64)?;
        Ok(plan_from(&reminders, &milestones, now, zone, discreet, limit.max(1), previous, i18n::current()))
    }

    /// Records in the reminder and milestone logs what fired from a plan while the database was
    /// locked, so nothing is shown twice; returns how many were new.
    pub fn merge_fired(&mut self, plan: &ReminderPlan, now: DateTime<Utc>) -> Result<usize> {
        for (count, day) in &plan.fired_milestones {
            if let Ok(day) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                self.record_milestone_shown(*count, day, now)?;
            }
        }
        let tx = self.conn_mut().transaction()?;
        let mut merged = 0;
        for (meeting, start) in plan.fired.iter().filter(|(meeting, _)| *meeting != 0) {
            merged += tx.execute(
                "INSERT OR IGNORE INTO reminder_log (meeting_id, occurrence_at, fired_at, delivered)
                 SELECT ?1, ?2, ?3, 1 WHERE EXISTS (SELECT 1 FROM meetings WHERE id = ?1)",
                rusqlite::params![meeting, start, now.timestamp()],
            )?;
        }
        tx.commit()?;
        Ok(merged)
    }
}

/// One thing the plan may hold, before it is given an id and a text.
enum Planned<'a> {
    Reminder(&'a Reminder),
    Milestone(&'a DueMilestone),
}

impl Planned<'_> {
    fn due_at(&self) -> i64 {
        match self {
            Planned::Reminder(r) => r.due_at.timestamp(),
            Planned::Milestone(m) => m.due_at.timestamp(),
        }
    }
}

/// The plan for `reminders` and `milestones`, pure: the soonest `limit - 1` of them and the nudge,
/// worded in `locale`; ids kept from `previous` where the occurrence (or milestone) is the same,
/// new ones allocated past every id in use.
#[allow(clippy::too_many_arguments)]
pub fn plan_from(
    reminders: &[Reminder],
    milestones: &[DueMilestone],
    now: DateTime<Utc>,
    zone: Tz,
    discreet: bool,
    limit: usize,
    previous: &ReminderPlan,
    locale: Locale,
) -> ReminderPlan {
    let known: HashMap<(i64, i64), u32> = previous
        .items
        .iter()
        .filter(|i| i.milestone.is_none())
        .filter_map(|i| Some(((i.meeting_id?, i.starts_at?), i.id)))
        .collect();
    let known_milestones: HashMap<(i64, String), u32> =
        previous.items.iter().filter_map(|i| Some((i.milestone.clone()?, i.id))).collect();
    let mut next_id = previous.next_id.max(NUDGE_ID + 1);
    let mut allocate = |known: Option<u32>| match known {
        Some(id) => id,
        None => {
            let id = next_id;
            // Ids wrap within 31 bits (phones' ids are signed); a plan holds at most a few
            // hundred, so a wrapped id never meets one still in use.
            next_id = if next_id >= i32::MAX as u32 { NUDGE_ID + 1 } else { next_id + 1 };
            id
        }
    };
    let mut candidates: Vec<Planned> = reminders.iter().map(Planned::Reminder).collect();
    candidates.extend(milestones.iter().map(Planned::Milestone));
    candidates.sort_by_key(Planned::due_at);
    let mut items: Vec<PlannedNotification> = Vec::new();
    // One slot is the nudge's.
    for candidate in candidates.iter().take(limit - 1) {
        items.push(match candidate {
            Planned::Reminder(reminder) => {
                let key = (reminder.meeting_id, reminder.starts_at.timestamp());
                // Worded as at its due time, so a later plan words it the same and a phone is
                // never handed it again as changed (it cannot tell whether it was shown).
                let text = notification_text(reminder, reminder.due_at, zone, discreet, locale);
                PlannedNotification {
                    id: allocate(known.get(&key).copied()),
                    meeting_id: Some(reminder.meeting_id),
                    starts_at: Some(reminder.starts_at.timestamp()),
                    milestone: None,
                    due_at: reminder.due_at.timestamp(),
                    title: text.title,
                    body: text.body,
                }
            }
            Planned::Milestone(m) => {
                let key = (m.count_id, m.day.format("%Y-%m-%d").to_string());
                let text = milestone_text(m, discreet, locale);
                let day_ends = m
                    .day
                    .succ_opt()
                    .map(|next| crate::recurrence::resolve_local(zone, next.and_time(chrono::NaiveTime::MIN)));
                PlannedNotification {
                    id: allocate(known_milestones.get(&key).copied()),
                    meeting_id: None,
                    starts_at: day_ends.map(|end| end.timestamp()),
                    milestone: Some(key),
                    due_at: m.due_at.timestamp(),
                    title: text.title,
                    body: text.body,
                }
            }
        });
    }
    // The nudge comes before the plan runs out: a day before its end, or, when the limit cut it
    // short, just after the last item it holds (nothing after that one is pending).
    let cut_short = candidates.len() > limit - 1;
    let last = items.last().map_or(now.timestamp(), |i| i.due_at);
    let nudge_at = if cut_short { last + 60 } else { (now + Duration::days(PLAN_DAYS - 1)).timestamp() };
    let nudge = nudge_text(locale);
    items.push(PlannedNotification {
        id: NUDGE_ID,
        meeting_id: None,
        starts_at: None,
        milestone: None,
        due_at: nudge_at,
        title: nudge.title,
        body: nudge.body,
    });
    // What fired stays noted while it could still be planned, and no longer.
    let since = now.timestamp() - Duration::days(1).num_seconds();
    let fired = previous.fired.iter().copied().filter(|(_, start)| *start >= since).collect();
    let today = now.with_timezone(&zone).date_naive() - Duration::days(1);
    let fired_milestones = previous
        .fired_milestones
        .iter()
        .filter(|(_, day)| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok_and(|d| d >= today))
        .cloned()
        .collect();
    ReminderPlan { made_at: now.timestamp(), items, fired, fired_milestones, next_id }
}

/// The lock file and the plan live side by side; the plan is useful only while the lock is on.
pub fn plan_needed(dir: &Path) -> bool {
    dir.join(LOCK_FILE).exists() && crate::lock::LockFile::read(dir).is_ok_and(|f| f.lock.is_some())
}
