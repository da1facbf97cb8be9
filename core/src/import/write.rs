//! Writing one list's meetings and groups inside the import's transaction, through the meetings
//! table's statements (`meetings/table.rs`), each prepared once per import.

use super::FeedMeeting;
use crate::meetings::table::{FeedStatements, FeedValues, StoredFeedMeeting};
use crate::Result;
use rusqlite::{params, Statement, Transaction};
use std::collections::HashMap;

/// A group of a feed, keyed by its name under the source.
const INSERT_GROUP: &str = "INSERT INTO groups (name, fellowship_id, source, source_key, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?1, ?4, ?4)";

/// What writing one meeting did.
pub(super) enum Written {
    Added,
    /// `mine`: the meeting as it was, when it is one of mine (scheduled or favourite), so the
    /// import can say what changed for it.
    Updated {
        mine: Option<Box<StoredFeedMeeting>>,
    },
    Unchanged,
}

pub(super) struct WriteOutcome {
    pub id: i64,
    pub kind: Written,
}

/// Writes the meetings and groups of one source (list).
pub(super) struct FeedWriter<'t> {
    tx: &'t Transaction<'t>,
    source: &'t str,
    now: i64,
    /// The source has no meetings stored (never imported, or all deleted): nothing can clash, so
    /// meetings are inserted without a look-up first.
    new_meetings: bool,
    /// The same for its groups, decided separately (groups outlive their meetings).
    new_groups: bool,
    /// Groups written so far, by name.
    groups: HashMap<String, i64>,
    meetings: FeedStatements<'t>,
    insert_group: Statement<'t>,
    upsert_group: Statement<'t>,
}

impl<'t> FeedWriter<'t> {
    pub fn new(tx: &'t Transaction<'t>, source: &'t str, now: i64) -> Result<FeedWriter<'t>> {
        let stored = |table: &str| -> Result<bool> {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE source = ?1)");
            Ok(tx.query_row(&sql, [source], |r| r.get(0))?)
        };
        Ok(FeedWriter {
            tx,
            source,
            now,
            new_meetings: !stored("meetings")?,
            new_groups: !stored("groups")?,
            groups: HashMap::new(),
            meetings: FeedStatements::new(tx)?,
            insert_group: tx.prepare(INSERT_GROUP)?,
            upsert_group: tx.prepare(&format!(
                "{INSERT_GROUP}
                 ON CONFLICT (source, source_key) DO UPDATE SET fellowship_id = excluded.fellowship_id,
                     updated_at = CASE WHEN groups.fellowship_id IS excluded.fellowship_id
                         THEN groups.updated_at ELSE excluded.updated_at END
                 RETURNING id"
            ))?,
        })
    }

    /// Whether the source had no meetings before this import (so none can have left the feed).
    pub fn is_new_list(&self) -> bool {
        self.new_meetings
    }

    /// The id of the group a feed names, created or updated under its source once per import.
    /// Groups the user made have no source, so they can never match.
    pub fn group(&mut self, name: &str, fellowship: Option<&str>) -> Result<i64> {
        if let Some(id) = self.groups.get(name) {
            return Ok(*id);
        }
        let values = params![name, fellowship, self.source, self.now];
        let id = if self.new_groups {
            self.insert_group.execute(values)?;
            self.tx.last_insert_rowid()
        } else {
            self.upsert_group.query_row(values, |r| r.get(0))?
        };
        self.groups.insert(name.to_owned(), id);
        Ok(id)
    }

    /// Adds or updates one meeting of the feed; unchanged when the feed says what is stored.
    pub fn meeting(&mut self, m: &FeedMeeting, group_id: Option<i64>) -> Result<WriteOutcome> {
        let values = FeedValues {
            source: self.source,
            slug: &m.slug,
            details: &m.details,
            group_id,
            active: m.active,
            source_updated: m.source_updated.as_deref(),
            now: self.now,
        };
        let stored = if self.new_meetings { None } else { self.meetings.find(self.source, &m.slug)? };
        let Some(stored) = stored else {
            let id = self.meetings.insert(self.tx, &values)?;
            return Ok(WriteOutcome { id, kind: Written::Added });
        };
        let same = stored.listed
            && stored.details == m.details
            && stored.group_id == group_id
            && stored.active == m.active
            && stored.source_updated == m.source_updated;
        if same {
            return Ok(WriteOutcome { id: stored.id, kind: Written::Unchanged });
        }
        self.meetings.update(&values)?;
        let id = stored.id;
        let mine = (stored.in_schedule || stored.favourite).then(|| Box::new(stored));
        Ok(WriteOutcome { id, kind: Written::Updated { mine } })
    }
}
