//! My people and my recovery counts in a backup (version 3): each with its stable random id, so a
//! restore merges rather than adds twice; a person's group and meeting by their backup keys.

use super::format::{GroupKey, MeetingKey};
use crate::Result;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupPerson {
    pub uid: String,
    pub name: String,
    pub phone: String,
    pub other_contact: Option<String>,
    pub note: String,
    pub role: String,
    pub group: Option<GroupKey>,
    pub meeting: Option<MeetingKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupCount {
    pub uid: String,
    pub label: String,
    pub start_date: String,
    pub ended_on: Option<String>,
}

/// Every person, with their group's and meeting's keys, in a stable order.
pub(super) fn read_people(
    tx: &Transaction,
    group_keys: &HashMap<i64, GroupKey>,
    meeting_keys: &HashMap<i64, MeetingKey>,
) -> Result<Vec<BackupPerson>> {
    let mut stmt = tx
        .prepare("SELECT uid, name, phone, other_contact, note, role, group_id, meeting_id FROM people ORDER BY uid")?;
    let people = stmt
        .query_map([], |r| {
            let group: Option<i64> = r.get(6)?;
            let meeting: Option<i64> = r.get(7)?;
            Ok(BackupPerson {
                uid: r.get(0)?,
                name: r.get(1)?,
                phone: r.get(2)?,
                other_contact: r.get(3)?,
                note: r.get(4)?,
                role: r.get(5)?,
                group: group.and_then(|id| group_keys.get(&id).cloned()),
                meeting: meeting.and_then(|id| meeting_keys.get(&id).cloned()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(people)
}

pub(super) fn read_counts(tx: &Transaction) -> Result<Vec<BackupCount>> {
    let mut stmt =
        tx.prepare("SELECT uid, label, start_date, ended_on FROM recovery_counts ORDER BY start_date, uid")?;
    let counts = stmt
        .query_map([], |r| {
            Ok(BackupCount { uid: r.get(0)?, label: r.get(1)?, start_date: r.get(2)?, ended_on: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(counts)
}

/// Adds or updates each person by uid; `group_id`/`meeting_id` find their links here. A person
/// whose fields this version's checks would refuse is still restored as saved: it was saved once.
pub(super) fn restore_people(
    tx: &Transaction,
    people: &[BackupPerson],
    group_id: &dyn Fn(&GroupKey) -> Result<Option<i64>>,
    meeting_id: &dyn Fn(&MeetingKey) -> Result<Option<i64>>,
    now: i64,
) -> Result<u32> {
    let mut restored = 0;
    for p in people {
        let group = p.group.as_ref().map(group_id).transpose()?.flatten();
        let meeting = p.meeting.as_ref().map(meeting_id).transpose()?.flatten();
        let role = if crate::people::Role::parse(&p.role).is_some() { p.role.as_str() } else { "other" };
        tx.execute(
            "INSERT INTO people (uid, name, phone, other_contact, note, role, group_id, meeting_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
             ON CONFLICT (uid) DO UPDATE SET name = excluded.name, phone = excluded.phone,
                 other_contact = excluded.other_contact, note = excluded.note, role = excluded.role,
                 group_id = excluded.group_id, meeting_id = excluded.meeting_id, updated_at = excluded.updated_at",
            params![p.uid, p.name, p.phone, p.other_contact, p.note, role, group, meeting, now],
        )?;
        restored += 1;
    }
    Ok(restored)
}

/// Adds or updates each count by uid. The backup's current count becomes the current one; a
/// different one running here is kept among the earlier counts (ended today), never lost.
pub(super) fn restore_counts(tx: &Transaction, counts: &[BackupCount], today: &str, now: i64) -> Result<u32> {
    if let Some(current) = counts.iter().find(|c| c.ended_on.is_none()) {
        tx.execute(
            "UPDATE recovery_counts SET ended_on = ?2 WHERE ended_on IS NULL AND uid != ?1",
            params![current.uid, today],
        )?;
    }
    for c in counts {
        let here: Option<Option<String>> =
            tx.query_row("SELECT ended_on FROM recovery_counts WHERE uid = ?1", [&c.uid], |r| r.get(0)).optional()?;
        // A count ended here since the backup stays ended.
        let ended_on = match here {
            Some(Some(ended)) if c.ended_on.is_none() => Some(ended),
            _ => c.ended_on.clone(),
        };
        tx.execute(
            "INSERT INTO recovery_counts (uid, label, start_date, ended_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (uid) DO UPDATE SET label = excluded.label, start_date = excluded.start_date,
                 ended_on = excluded.ended_on",
            params![c.uid, c.label, c.start_date, ended_on, now],
        )?;
    }
    Ok(counts.len() as u32)
}
