//! Making the backup document from the database.

use super::format::*;
use super::{BACKUP_FORMAT, BACKUP_VERSION};
use crate::meetings::table::{detail_select, DetailIndex};
use crate::settings::Settings;
use crate::{Clock, Result, Store};
use rusqlite::{params, Transaction};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

fn new_uid(id: i64, now: i64) -> String {
    let random = std::collections::hash_map::RandomState::new().build_hasher().finish();
    format!("{now:x}-{id:x}-{random:016x}")
}

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
}

fn read_backup(tx: &Transaction, settings: Settings, created_at: String) -> Result<Backup> {
    let fellowship_notes = tx
        .prepare(
            "SELECT fellowship_id, favourite, notes FROM fellowship_notes
             WHERE favourite = 1 OR notes != '' ORDER BY fellowship_id",
        )?
        .query_map([], |r| Ok(FellowshipNote { fellowship_id: r.get(0)?, favourite: r.get(1)?, notes: r.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut group_keys: HashMap<i64, GroupKey> = HashMap::new();
    let mut groups = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT id, uid, source, source_key, name, fellowship_id, notes, contact, website, favourite FROM groups",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let key = GroupKey { uid: r.get("uid")?, source: r.get("source")?, source_key: r.get("source_key")? };
        group_keys.insert(r.get("id")?, key.clone());
        groups.push(BackupGroup {
            key,
            name: r.get("name")?,
            fellowship_id: r.get("fellowship_id")?,
            notes: r.get("notes")?,
            contact: r.get("contact")?,
            website: r.get("website")?,
            favourite: r.get("favourite")?,
        });
    }
    drop(rows);
    drop(stmt);
    groups.sort_by(|a, b| {
        (&a.key.source, &a.key.source_key, &a.key.uid).cmp(&(&b.key.source, &b.key.source_key, &b.key.uid))
    });

    let mut skips: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = tx.prepare("SELECT meeting_id, local_date FROM skips ORDER BY local_date")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, date) = row?;
        skips.entry(id).or_default().push(date);
    }
    drop(stmt);

    let mut meeting_keys: HashMap<i64, MeetingKey> = HashMap::new();
    let mut meetings = Vec::new();
    let mut stmt = tx.prepare(&format!(
        "SELECT m.id, m.uid, m.source, m.slug, m.group_id, {}, m.personal_notes, m.active, m.listed, m.favourite,
                m.source_updated, s.lead_minutes, s.remind, s.added_at, s.keep_unlisted
         FROM meetings m LEFT JOIN schedule s ON s.meeting_id = m.id",
        detail_select()
    ))?;
    let details = DetailIndex::of(&stmt)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get("id")?;
        let key = MeetingKey { uid: r.get("uid")?, source: r.get("source")?, slug: r.get("slug")? };
        let remind: Option<bool> = r.get("remind")?;
        let added_at: Option<i64> = r.get("added_at")?;
        meeting_keys.insert(id, key.clone());
        meetings.push(BackupMeeting {
            key,
            details: details.read(r)?,
            group: r.get::<_, Option<i64>>("group_id")?.and_then(|g| group_keys.get(&g).cloned()),
            personal_notes: r.get("personal_notes")?,
            active: r.get("active")?,
            listed: r.get("listed")?,
            favourite: r.get("favourite")?,
            source_updated: r.get("source_updated")?,
            schedule: match (remind, added_at) {
                (Some(remind), Some(added_at)) => Some(ScheduleEntry {
                    lead_minutes: r.get("lead_minutes")?,
                    remind,
                    added_at,
                    keep_unlisted: r.get("keep_unlisted")?,
                }),
                _ => None,
            },
            skips: skips.remove(&id).unwrap_or_default(),
        });
    }
    drop(rows);
    drop(stmt);
    meetings.sort_by_key(|m| sort_key(&m.key));

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
        import_sources: crate::import::sources::all(tx)?,
        people: super::people::read_people(tx, &group_keys, &meeting_keys)?,
        recovery_counts: super::people::read_counts(tx)?,
        groups,
        meetings,
        attendance,
    })
}

fn sort_key(key: &MeetingKey) -> (Option<String>, Option<String>, Option<String>) {
    (key.source.clone(), key.slug.clone(), key.uid.clone())
}
