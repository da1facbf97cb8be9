//! Backup and restore: everything the user made, in one versioned JSON document.
//!
//! Held: the user's own groups, meetings made in the app, imported meetings that carry user data
//! (schedule, favourite, personal notes, skips, attendance) with the imported groups they use or
//! favour, the schedule with lead times, favourites, fellowship notes, skips, the attendance log
//! and the settings. Ids differ between databases, so nothing refers to one: imported rows are
//! known by (source, slug) or (source, source key), rows made in the app by a `uid` given to them
//! when a backup is first made. A restore merges by those identities, in one transaction.

use crate::meetings::Attendance;
use crate::settings::Settings;
use crate::{Clock, Error, Result, Store};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use ts_rs::TS;

/// The version this build writes. Older versions restore; newer ones are refused with a clear error.
pub const BACKUP_VERSION: u32 = 1;
/// What the `format` field says, so another JSON file is not taken for a backup.
pub const BACKUP_FORMAT: &str = "homegroup-backup";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    pub settings: Settings,
    pub fellowship_notes: Vec<FellowshipNote>,
    pub groups: Vec<BackupGroup>,
    pub meetings: Vec<BackupMeeting>,
    pub attendance: Vec<BackupAttendance>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupMeeting {
    pub key: MeetingKey,
    pub name: String,
    pub fellowship_id: Option<String>,
    pub group: Option<GroupKey>,
    pub weekdays: u8,
    pub date: Option<String>,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub time_zone: String,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub location: Option<String>,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub location_notes: Option<String>,
    pub conference_url: Option<String>,
    pub conference_url_notes: Option<String>,
    pub conference_phone: Option<String>,
    pub conference_phone_notes: Option<String>,
    pub notes: Option<String>,
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
    pub settings_restored: bool,
}

impl RestoreReport {
    /// One plain sentence for people.
    pub fn summary(&self) -> String {
        format!(
            "Restored: {} meeting(s) added and {} updated, {} group(s) added and {} updated, {} in your schedule, \
             {} skipped week(s) and {} attendance record(s) added{}.",
            self.meetings_added,
            self.meetings_updated,
            self.groups_added,
            self.groups_updated,
            self.schedule_entries,
            self.skips_added,
            self.attendance_added,
            if self.settings_restored { ", settings restored" } else { "" }
        )
    }
}

fn new_uid(id: i64, now: i64) -> String {
    let random = std::collections::hash_map::RandomState::new().build_hasher().finish();
    format!("{now:x}-{id:x}-{random:016x}")
}

const MEETING_COLUMNS: &str = "m.id, m.uid, m.source, m.slug, m.name, m.fellowship_id, m.group_id, m.weekdays, m.date,
    m.start_time, m.duration_minutes, m.time_zone, m.attendance, m.types, m.location, m.address, m.latitude,
    m.longitude, m.location_notes, m.conference_url, m.conference_url_notes, m.conference_phone,
    m.conference_phone_notes, m.notes, m.personal_notes, m.active, m.listed, m.favourite, m.source_updated,
    s.lead_minutes, s.remind, s.added_at";

impl Store {
    /// Makes the backup document. Rows made in the app get their `uid` here, once.
    pub fn backup(&mut self, clock: &dyn Clock) -> Result<Backup> {
        let now = clock.now();
        let settings = self.settings()?;
        let tx = self.conn_mut().transaction()?;
        for table in ["meetings", "groups"] {
            let ids: Vec<i64> = tx
                .prepare(&format!("SELECT id FROM {table} WHERE uid IS NULL AND source IS NULL"))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                tx.execute(
                    &format!("UPDATE {table} SET uid = ?2 WHERE id = ?1"),
                    params![id, new_uid(id, now.timestamp())],
                )?;
            }
        }
        let backup = read_backup(&tx, settings, now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))?;
        tx.commit()?;
        Ok(backup)
    }

    /// Writes the backup to `path` as pretty JSON.
    pub fn backup_to_file(&mut self, path: &Path, clock: &dyn Clock) -> Result<BackupSummary> {
        let backup = self.backup(clock)?;
        let text = serde_json::to_string_pretty(&backup).map_err(|e| Error::Data(e.to_string()))?;
        std::fs::write(path, text)?;
        Ok(BackupSummary {
            meetings: backup.meetings.len() as u32,
            groups: backup.groups.len() as u32,
            attendance: backup.attendance.len() as u32,
        })
    }

    /// Reads a backup file and restores it.
    pub fn restore_from_file(&mut self, path: &Path, clock: &dyn Clock) -> Result<RestoreReport> {
        let bytes = std::fs::read(path)?;
        self.restore_bytes(&bytes, clock)
    }

    /// Parses a backup, checking its format and version first.
    pub fn restore_bytes(&mut self, bytes: &[u8], clock: &dyn Clock) -> Result<RestoreReport> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<u32>,
        }
        let not_backup = || Error::invalid("file", "This file is not a Homegroup backup.");
        let head: Head = serde_json::from_slice(bytes).map_err(|_| not_backup())?;
        if head.format.as_deref() != Some(BACKUP_FORMAT) {
            return Err(not_backup());
        }
        match head.version {
            Some(v) if v > BACKUP_VERSION => Err(Error::invalid(
                "version",
                format!(
                    "This backup was made by a newer Homegroup (backup version {v}; this one reads up to {BACKUP_VERSION}). \
                     Please update Homegroup, then restore it."
                ),
            )),
            Some(1) => {
                let backup: Backup = serde_json::from_slice(bytes)
                    .map_err(|e| Error::invalid("file", format!("This backup is damaged and cannot be read ({e}).")))?;
                self.restore(&backup, clock)
            }
            _ => Err(not_backup()),
        }
    }

    /// Merges a backup into this database, in one transaction.
    pub fn restore(&mut self, backup: &Backup, clock: &dyn Clock) -> Result<RestoreReport> {
        backup.settings.validate()?;
        let now = clock.now().timestamp();
        let mut report = RestoreReport { version: backup.version, settings_restored: true, ..RestoreReport::default() };
        let tx = self.conn_mut().transaction()?;
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
        let known_fellowship = |tx: &Transaction, id: &Option<String>| -> Result<Option<String>> {
            Ok(match id {
                Some(id) => tx.query_row("SELECT id FROM fellowships WHERE id = ?1", [id], |r| r.get(0)).optional()?,
                None => None,
            })
        };
        let mut group_ids: HashMap<GroupKey, i64> = HashMap::new();
        for g in &backup.groups {
            let fellowship = known_fellowship(&tx, &g.fellowship_id)?;
            let existing: Option<i64> = find_group(&tx, &g.key)?;
            let id = match existing {
                Some(id) => {
                    if g.key.source.is_none() {
                        tx.execute(
                            "UPDATE groups SET name = ?2, fellowship_id = ?3, notes = ?4, contact = ?5, website = ?6,
                                 favourite = ?7, updated_at = ?8 WHERE id = ?1",
                            params![id, g.name, fellowship, g.notes, g.contact, g.website, g.favourite, now],
                        )?;
                    } else {
                        // Imported: the feed owns the rest.
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
            group_ids.insert(g.key.clone(), id);
        }
        let mut meeting_ids: HashMap<MeetingKey, i64> = HashMap::new();
        for m in &backup.meetings {
            let fellowship = known_fellowship(&tx, &m.fellowship_id)?;
            let group = match &m.group {
                Some(key) => match group_ids.get(key) {
                    Some(id) => Some(*id),
                    None => find_group(&tx, key)?,
                },
                None => None,
            };
            let types = serde_json::to_string(&m.types).map_err(|e| Error::Data(e.to_string()))?;
            let existing = find_meeting(&tx, &m.key)?;
            let id = match existing {
                Some(id) if m.key.source.is_some() => {
                    // Imported: the latest feed owns its fields; restore what the user owns.
                    tx.execute(
                        "UPDATE meetings SET personal_notes = ?2, favourite = ?3 WHERE id = ?1",
                        params![id, m.personal_notes, m.favourite],
                    )?;
                    report.meetings_updated += 1;
                    id
                }
                existing => {
                    let values = params![
                        m.key.uid,
                        m.key.source,
                        m.key.slug,
                        m.name,
                        fellowship,
                        group,
                        m.weekdays & 0x7f,
                        m.date,
                        m.start_time,
                        m.duration_minutes.clamp(1, 24 * 60),
                        m.time_zone,
                        m.attendance.as_str(),
                        types,
                        m.location,
                        m.address,
                        m.latitude,
                        m.longitude,
                        m.location_notes,
                        m.conference_url,
                        m.conference_url_notes,
                        m.conference_phone,
                        m.conference_phone_notes,
                        m.notes,
                        m.personal_notes,
                        m.active,
                        m.listed,
                        m.favourite,
                        m.source_updated,
                        now
                    ];
                    let sql_columns = "uid, source, slug, name, fellowship_id, group_id, weekdays, date, start_time,
                        duration_minutes, time_zone, attendance, types, location, address, latitude, longitude,
                        location_notes, conference_url, conference_url_notes, conference_phone, conference_phone_notes,
                        notes, personal_notes, active, listed, favourite, source_updated";
                    match existing {
                        Some(id) => {
                            tx.execute(
                                &format!(
                                    "UPDATE meetings SET ({sql_columns}, updated_at) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                                     ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,
                                     ?25, ?26, ?27, ?28, ?29) WHERE id = {id}"
                                ),
                                values,
                            )?;
                            report.meetings_updated += 1;
                            id
                        }
                        None => {
                            tx.execute(
                                &format!(
                                    "INSERT INTO meetings ({sql_columns}, created_at, updated_at) VALUES (?1, ?2, ?3,
                                     ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                                     ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?29)"
                                ),
                                values,
                            )?;
                            report.meetings_added += 1;
                            tx.last_insert_rowid()
                        }
                    }
                }
            };
            if let Some(s) = &m.schedule {
                tx.execute(
                    "INSERT INTO schedule (meeting_id, lead_minutes, remind, added_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (meeting_id) DO UPDATE SET lead_minutes = excluded.lead_minutes,
                         remind = excluded.remind, added_at = excluded.added_at",
                    params![id, s.lead_minutes.map(|l| l.min(crate::settings::MAX_LEAD_MINUTES)), s.remind, s.added_at],
                )?;
                report.schedule_entries += 1;
            }
            for date in &m.skips {
                report.skips_added += tx.execute(
                    "INSERT OR IGNORE INTO skips (meeting_id, local_date) VALUES (?1, ?2)",
                    params![id, date],
                )? as u32;
            }
            meeting_ids.insert(m.key.clone(), id);
        }
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
        tx.commit()?;
        Ok(report)
    }
}

fn find_group(tx: &Transaction, key: &GroupKey) -> Result<Option<i64>> {
    Ok(match (&key.uid, &key.source, &key.source_key) {
        (_, Some(source), Some(source_key)) => tx
            .query_row(
                "SELECT id FROM groups WHERE source = ?1 AND source_key = ?2",
                params![source, source_key],
                |r| r.get(0),
            )
            .optional()?,
        (Some(uid), None, _) => tx.query_row("SELECT id FROM groups WHERE uid = ?1", [uid], |r| r.get(0)).optional()?,
        _ => None,
    })
}

fn find_meeting(tx: &Transaction, key: &MeetingKey) -> Result<Option<i64>> {
    Ok(match (&key.uid, &key.source, &key.slug) {
        (_, Some(source), Some(slug)) => tx
            .query_row("SELECT id FROM meetings WHERE source = ?1 AND slug = ?2", params![source, slug], |r| r.get(0))
            .optional()?,
        (Some(uid), None, _) => {
            tx.query_row("SELECT id FROM meetings WHERE uid = ?1", [uid], |r| r.get(0)).optional()?
        }
        _ => None,
    })
}

fn read_backup(tx: &Transaction, settings: Settings, created_at: String) -> Result<Backup> {
    let fellowship_notes = tx
        .prepare(
            "SELECT fellowship_id, favourite, notes FROM fellowship_notes
             WHERE favourite = 1 OR notes != '' ORDER BY fellowship_id",
        )?
        .query_map([], |r| Ok(FellowshipNote { fellowship_id: r.get(0)?, favourite: r.get(1)?, notes: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    // Meetings: made in the app, or imported with something of the user's.
    let mut stmt = tx.prepare(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings m LEFT JOIN schedule s ON s.meeting_id = m.id
         WHERE m.source IS NULL OR s.meeting_id IS NOT NULL OR m.favourite = 1 OR m.personal_notes != ''
            OR EXISTS (SELECT 1 FROM skips k WHERE k.meeting_id = m.id)
            OR EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)"
    ))?;
    let mut rows = stmt.query([])?;
    let mut meetings: Vec<(i64, Option<i64>, BackupMeeting)> = Vec::new();
    while let Some(r) = rows.next()? {
        let types: String = r.get(13)?;
        let remind: Option<bool> = r.get(30)?;
        let added_at: Option<i64> = r.get(31)?;
        meetings.push((
            r.get(0)?,
            r.get(6)?,
            BackupMeeting {
                key: MeetingKey { uid: r.get(1)?, source: r.get(2)?, slug: r.get(3)? },
                name: r.get(4)?,
                fellowship_id: r.get(5)?,
                group: None,
                weekdays: r.get(7)?,
                date: r.get(8)?,
                start_time: r.get(9)?,
                duration_minutes: r.get(10)?,
                time_zone: r.get(11)?,
                attendance: serde_json::from_value(serde_json::Value::String(r.get(12)?))
                    .map_err(|e| Error::Data(e.to_string()))?,
                types: serde_json::from_str(&types).map_err(|e| Error::Data(e.to_string()))?,
                location: r.get(14)?,
                address: r.get(15)?,
                latitude: r.get(16)?,
                longitude: r.get(17)?,
                location_notes: r.get(18)?,
                conference_url: r.get(19)?,
                conference_url_notes: r.get(20)?,
                conference_phone: r.get(21)?,
                conference_phone_notes: r.get(22)?,
                notes: r.get(23)?,
                personal_notes: r.get(24)?,
                active: r.get(25)?,
                listed: r.get(26)?,
                favourite: r.get(27)?,
                source_updated: r.get(28)?,
                schedule: match (remind, added_at) {
                    (Some(remind), Some(added_at)) => {
                        Some(ScheduleEntry { lead_minutes: r.get(29)?, remind, added_at })
                    }
                    _ => None,
                },
                skips: Vec::new(),
            },
        ));
    }
    drop(rows);
    drop(stmt);

    // Groups: the user's own, imported ones the user favoured, and imported ones a kept meeting uses.
    let used: std::collections::HashSet<i64> = meetings.iter().filter_map(|(_, g, _)| *g).collect();
    let mut group_keys: HashMap<i64, GroupKey> = HashMap::new();
    let mut groups = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, uid, source, source_key, name, fellowship_id, notes, contact, website, favourite FROM groups",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let key = GroupKey { uid: r.get(1)?, source: r.get(2)?, source_key: r.get(3)? };
        let favourite: bool = r.get(9)?;
        if key.source.is_some() && !favourite && !used.contains(&id) {
            continue;
        }
        group_keys.insert(id, key.clone());
        groups.push(BackupGroup {
            key,
            name: r.get(4)?,
            fellowship_id: r.get(5)?,
            notes: r.get(6)?,
            contact: r.get(7)?,
            website: r.get(8)?,
            favourite,
        });
    }
    drop(rows);
    drop(stmt);

    let mut skips: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = tx.prepare("SELECT meeting_id, local_date FROM skips ORDER BY local_date")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, date) = row?;
        skips.entry(id).or_default().push(date);
    }
    drop(stmt);
    let mut meeting_keys: HashMap<i64, MeetingKey> = HashMap::new();
    let mut out_meetings = Vec::new();
    for (id, group_id, mut m) in meetings {
        m.group = group_id.and_then(|g| group_keys.get(&g).cloned());
        m.skips = skips.remove(&id).unwrap_or_default();
        meeting_keys.insert(id, m.key.clone());
        out_meetings.push(m);
    }
    out_meetings.sort_by_key(|m| sort_key(&m.key));
    groups.sort_by(|a, b| {
        (&a.key.source, &a.key.source_key, &a.key.uid).cmp(&(&b.key.source, &b.key.source_key, &b.key.uid))
    });

    let mut stmt = tx.prepare("SELECT meeting_id, meeting_name, local_date, recorded_at FROM attendance")?;
    let mut attendance = stmt
        .query_map([], |r| {
            let id: Option<i64> = r.get(0)?;
            Ok(BackupAttendance {
                meeting: id.and_then(|id| meeting_keys.get(&id).cloned()),
                meeting_name: r.get(1)?,
                local_date: r.get(2)?,
                recorded_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    attendance.sort_by(|a, b| {
        (&a.local_date, &a.meeting_name, a.meeting.as_ref().map(sort_key)).cmp(&(
            &b.local_date,
            &b.meeting_name,
            b.meeting.as_ref().map(sort_key),
        ))
    });

    Ok(Backup {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        created_at,
        settings,
        fellowship_notes,
        groups,
        meetings: out_meetings,
        attendance,
    })
}

fn sort_key(key: &MeetingKey) -> (Option<String>, Option<String>, Option<String>) {
    (key.source.clone(), key.slug.clone(), key.uid.clone())
}

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    BackupSummary::export_all(cfg)?;
    RestoreReport::export_all(cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests;
