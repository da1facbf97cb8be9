//! Merging a backup into this database, in one transaction. What an import owns (an imported
//! meeting's or group's details) stays as the latest import left it when the row is already here;
//! what the user owns (schedule, favourites, notes, skips, attendance, settings) comes back.

use super::format::*;
use crate::meetings::table::{self, NewMeeting};
use crate::meetings::MeetingDetails;
use crate::{Clock, Error, Result, Store};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

impl Store {
    /// Merges a backup into this database, in one transaction.
    pub fn restore(&mut self, backup: &Backup, clock: &dyn Clock) -> Result<RestoreReport> {
        self.restore_with_progress(backup, clock, &mut |_, _| {})
    }

    /// [`Store::restore`], telling `progress` how many of the backup's meetings are done.
    pub fn restore_with_progress(
        &mut self,
        backup: &Backup,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(u32, u32),
    ) -> Result<RestoreReport> {
        backup.settings.validate()?;
        let now = clock.now().timestamp();
        let mut report = RestoreReport { version: backup.version, settings_restored: true, ..RestoreReport::default() };
        let tx = self.conn_mut().transaction()?;
        restore_settings(&tx, backup)?;
        for source in &backup.import_sources {
            crate::import::sources::save(&tx, source)?;
        }
        let group_ids = restore_groups(&tx, &backup.groups, now, &mut report)?;
        let mut meeting_ids: HashMap<&MeetingKey, i64> = HashMap::new();
        let total = backup.meetings.len() as u32;
        for (done, m) in backup.meetings.iter().enumerate() {
            if done % 256 == 0 {
                progress(done as u32, total);
            }
            let id = restore_meeting(&tx, m, &group_ids, now, &mut report)?;
            meeting_ids.insert(&m.key, id);
        }
        progress(total, total);
        for a in &backup.attendance {
            let meeting_id = match &a.meeting {
                Some(key) => meeting_ids.get(key).copied().or(find_meeting(&tx, key)?),
                None => None,
            };
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM attendance WHERE meeting_id IS ?1 AND local_date = ?2
                     AND (?1 IS NOT NULL OR meeting_name = ?3))",
                params![meeting_id, a.local_date, a.meeting_name],
                |r| r.get(0),
            )?;
            if !exists {
                tx.execute(
                    "INSERT INTO attendance (meeting_id, meeting_name, local_date, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                    params![meeting_id, a.meeting_name, a.local_date, a.recorded_at],
                )?;
                report.attendance_added += 1;
            }
        }
        let group_id = |key: &GroupKey| Ok(group_ids.get(key).copied().or(find_group(&tx, key)?));
        let meeting_id = |key: &MeetingKey| Ok(meeting_ids.get(key).copied().or(find_meeting(&tx, key)?));
        report.people_restored = super::people::restore_people(&tx, &backup.people, &group_id, &meeting_id, now)?;
        let today = clock.now().date_naive().format("%Y-%m-%d").to_string();
        report.counts_restored = super::people::restore_counts(&tx, &backup.recovery_counts, &today, now)?;
        tx.commit()?;
        Ok(report)
    }
}

fn restore_settings(tx: &Transaction, backup: &Backup) -> Result<()> {
    for (key, value) in serde_json::to_value(&backup.settings)
        .map_err(|e| Error::Data(e.to_string()))?
        .as_object()
        .into_iter()
        .flatten()
    {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value.to_string()],
        )?;
    }
    for note in &backup.fellowship_notes {
        tx.execute(
            "INSERT INTO fellowship_notes (fellowship_id, favourite, notes) VALUES (?1, ?2, ?3)
             ON CONFLICT (fellowship_id) DO UPDATE SET favourite = excluded.favourite, notes = excluded.notes",
            params![note.fellowship_id, note.favourite, note.notes],
        )?;
    }
    Ok(())
}

/// A fellowship id the directory knows, else `None` (a backup from a newer directory may name one
/// this build does not have).
fn known_fellowship(tx: &Transaction, id: &Option<String>) -> Result<Option<String>> {
    Ok(match id {
        Some(id) => tx.query_row("SELECT id FROM fellowships WHERE id = ?1", [id], |r| r.get(0)).optional()?,
        None => None,
    })
}

fn restore_groups(
    tx: &Transaction,
    groups: &[BackupGroup],
    now: i64,
    report: &mut RestoreReport,
) -> Result<HashMap<GroupKey, i64>> {
    let mut ids = HashMap::new();
    for g in groups {
        let fellowship = known_fellowship(tx, &g.fellowship_id)?;
        let id = match find_group(tx, &g.key)? {
            Some(id) => {
                if g.key.source.is_none() {
                    tx.execute(
                        "UPDATE groups SET name = ?2, fellowship_id = ?3, notes = ?4, contact = ?5, website = ?6,
                             favourite = ?7, updated_at = ?8 WHERE id = ?1",
                        params![id, g.name, fellowship, g.notes, g.contact, g.website, g.favourite, now],
                    )?;
                } else {
                    // Imported: the list owns the rest.
                    tx.execute("UPDATE groups SET favourite = ?2 WHERE id = ?1", params![id, g.favourite])?;
                }
                report.groups_updated += 1;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO groups (name, fellowship_id, notes, contact, website, favourite, source, source_key,
                         uid, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                    params![
                        g.name,
                        fellowship,
                        g.notes,
                        g.contact,
                        g.website,
                        g.favourite,
                        g.key.source,
                        g.key.source_key,
                        g.key.uid,
                        now
                    ],
                )?;
                report.groups_added += 1;
                tx.last_insert_rowid()
            }
        };
        ids.insert(g.key.clone(), id);
    }
    Ok(ids)
}

fn restore_meeting(
    tx: &Transaction,
    m: &BackupMeeting,
    group_ids: &HashMap<GroupKey, i64>,
    now: i64,
    report: &mut RestoreReport,
) -> Result<i64> {
    let existing = find_meeting(tx, &m.key)?;
    let id = match existing {
        Some(id) if m.key.source.is_some() => {
            // Imported and already here: the latest import owns its details; the user's own come back.
            tx.execute(
                "UPDATE meetings SET personal_notes = ?2, favourite = ?3 WHERE id = ?1",
                params![id, m.personal_notes, m.favourite],
            )?;
            report.meetings_updated += 1;
            id
        }
        existing => {
            let group_id = match &m.group {
                Some(key) => match group_ids.get(key) {
                    Some(id) => Some(*id),
                    None => find_group(tx, key)?,
                },
                None => None,
            };
            let details = MeetingDetails {
                fellowship: known_fellowship(tx, &m.details.fellowship)?,
                duration_minutes: m.details.duration_minutes.clamp(1, 24 * 60),
                ..m.details.clone()
            };
            let row = NewMeeting {
                details: &details,
                group_id,
                source: m.key.source.as_deref(),
                slug: m.key.slug.as_deref(),
                uid: m.key.uid.as_deref(),
                personal_notes: &m.personal_notes,
                active: m.active,
                listed: m.listed,
                favourite: m.favourite,
                source_updated: m.source_updated.as_deref(),
            };
            match existing {
                Some(id) => {
                    table::replace(tx, id, &row, now)?;
                    report.meetings_updated += 1;
                    id
                }
                None => {
                    report.meetings_added += 1;
                    table::insert(tx, &row, now)?
                }
            }
        }
    };
    if let Some(s) = &m.schedule {
        tx.execute(
            "INSERT INTO schedule (meeting_id, lead_minutes, remind, added_at, keep_unlisted) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (meeting_id) DO UPDATE SET lead_minutes = excluded.lead_minutes,
                 remind = excluded.remind, added_at = excluded.added_at, keep_unlisted = excluded.keep_unlisted",
            params![
                id,
                s.lead_minutes.map(|l| l.min(crate::settings::MAX_LEAD_MINUTES)),
                s.remind,
                s.added_at,
                s.keep_unlisted
            ],
        )?;
        report.schedule_entries += 1;
    }
    for date in &m.skips {
        report.skips_added += tx
            .execute("INSERT OR IGNORE INTO skips (meeting_id, local_date) VALUES (?1, ?2)", params![id, date])?
            as u32;
    }
    Ok(id)
}

fn find_group(tx: &Transaction, key: &GroupKey) -> Result<Option<i64>> {
    Ok(match (&key.uid, &key.source, &key.source_key) {
        (_, Some(source), Some(source_key)) => tx
            .prepare_cached("SELECT id FROM groups WHERE source = ?1 AND source_key = ?2")?
            .query_row(params![source, source_key], |r| r.get(0))
            .optional()?,
        (Some(uid), None, _) => {
            tx.prepare_cached("SELECT id FROM groups WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?
        }
        _ => None,
    })
}

fn find_meeting(tx: &Transaction, key: &MeetingKey) -> Result<Option<i64>> {
    Ok(match (&key.uid, &key.source, &key.slug) {
        (_, Some(source), Some(slug)) => tx
            .prepare_cached("SELECT id FROM meetings WHERE source = ?1 AND slug = ?2")?
            .query_row(params![source, slug], |r| r.get(0))
            .optional()?,
        (Some(uid), None, _) => {
            tx.prepare_cached("SELECT id FROM meetings WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?
        }
        _ => None,
    })
}
