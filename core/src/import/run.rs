//! An import: one transaction over the whole list, re-importing by (source, slug).

use super::read::{for_each_row, note_row_problems, read_row, KnownCodes, Problems, RowOutcome};
use super::shrink::Shrink;
use super::write::{FeedWriter, Written};
use super::{
    checked_source, checked_zone, duplicate_message, source_name_for, unknown_fellowship, FeedFormat, ImportOptions,
    ImportReport,
};
use crate::notices::{self, detail_changes, MyChange, MyChangeKind};
use crate::{Clock, Error, Result, Store};
use rusqlite::{params, Transaction};
use std::collections::HashSet;
use std::path::Path;

impl Store {
    /// Imports a feed file; the meetings are kept under the file's name unless `options.source` says.
    pub fn import_file(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(u32),
    ) -> Result<ImportReport> {
        let bytes = std::fs::read(path)?;
        let options =
            ImportOptions { source: Some(checked_source(options, &source_name_for(path))?), ..options.clone() };
        self.import_feed(&bytes, &options, clock, progress)
    }

    /// Imports `bytes` in one transaction. `progress` is told how many rows have been read.
    pub fn import_feed(
        &mut self,
        bytes: &[u8],
        options: &ImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(u32),
    ) -> Result<ImportReport> {
        let source = checked_source(options, "import")?;
        let zone = checked_zone(options)?;
        let fellowship = options.fellowship.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned);
        let fellowship_table = match fellowship.as_deref() {
            Some(id) => Some(self.fellowship_type_codes(id).map_err(|_| unknown_fellowship(id))?),
            None => None,
        };
        let now = clock.now().timestamp();
        let known = KnownCodes::new(fellowship_table.as_deref());
        let mut format = options.format;
        let mut problems = Problems::default();
        let mut counts = [0u32; 3]; // added, updated, unchanged
        let mut my_changes = Vec::new();
        // Meetings written, for finding the ones gone from the feed (a new list has none).
        let mut seen: HashSet<i64> = HashSet::new();
        let mut slugs: HashSet<String> = HashSet::new();

        let tx = self.conn_mut().transaction()?;
        let listed_before: u32 =
            tx.query_row("SELECT count(*) FROM meetings WHERE source = ?1 AND listed = 1", [&source], |r| r.get(0))?;
        let mut writer = FeedWriter::new(&tx, &source, now)?;
        let new_list = writer.is_new_list();
        let rows = for_each_row(bytes, |index, row| {
            if index % 256 == 0 {
                progress(index);
            }
            let f = *format.get_or_insert_with(|| FeedFormat::detect(row));
            let m = match read_row(f, row, zone) {
                RowOutcome::Skip { slug, field, message } => {
                    problems.skip(index, slug, field, &message);
                    return Ok(());
                }
                RowOutcome::Meeting(m) => m,
            };
            if slugs.contains(&m.slug) {
                problems.skip(index, Some(m.slug), "slug", &duplicate_message());
                return Ok(());
            }
            let Some(tz) = m.zone else {
                return Err(Error::invalid_key("time_zone", "error-list-no-zone"));
            };
            note_row_problems(&mut problems, &known, fellowship.as_deref(), index, &m);
            let group_id = match &m.group {
                None => None,
                Some(name) => Some(writer.group(name, fellowship.as_deref())?),
            };
            let mut m = *m;
            m.details.fellowship.clone_from(&fellowship);
            m.details.time_zone = tz.name().to_owned();
            m.details.duration_minutes = m.details.duration_minutes.clamp(1, 24 * 60);
            let outcome = writer.meeting(&m, group_id)?;
            if !new_list {
                seen.insert(outcome.id);
            }
            match outcome.kind {
                Written::Added => counts[0] += 1,
                Written::Updated { mine } => {
                    counts[1] += 1;
                    if let Some(before) = mine {
                        // Only a change from meeting to not: one that starts again needs no notice.
                        let stopped = before.active && before.listed && !m.active;
                        let changes = detail_changes(&before.details, &m.details);
                        my_changes.extend(MyChange::on_update(outcome.id, &m.details.name, changes, stopped));
                    }
                }
                Written::Unchanged => counts[2] += 1,
            }
            slugs.insert(m.slug);
            Ok(())
        })?;
        progress(rows);

        // Meetings of this source that the feed no longer lists: kept, marked as not listed; too
        // many at once and nothing is imported unless the user said so.
        drop(writer);
        let mut delisted = 0u32;
        if !new_list {
            let leaving = listed_meetings_not_in(&tx, &source, &seen)?;
            let shrink = Shrink { listed_before, leaving: leaving.len() as u32 };
            if shrink.too_much() && !options.allow_shrink {
                return Err(shrink.refusal()); // the transaction is dropped: nothing changes
            }
            for (id, name, mine) in leaving {
                tx.execute("UPDATE meetings SET listed = 0, updated_at = ?2 WHERE id = ?1", params![id, now])?;
                delisted += 1;
                if mine {
                    my_changes.push(MyChange {
                        meeting_id: id,
                        name,
                        kind: MyChangeKind::NoLongerListed,
                        changes: vec![],
                    });
                }
            }
            notices::clear_returned(&tx, &source)?;
        }
        for change in &my_changes {
            notices::record(&tx, change, now)?;
        }
        let format = format.unwrap_or(FeedFormat::MeetingGuide);
        super::sources::save(
            &tx,
            &super::ImportSource {
                name: source.clone(),
                format,
                fellowship_id: fellowship.clone(),
                time_zone: zone.map(|z| z.name().to_owned()),
                imported_at: now,
            },
        )?;
        tx.commit()?;
        Ok(ImportReport {
            source,
            format,
            fellowship,
            time_zone: zone.map(|z| z.name().to_owned()),
            rows,
            added: counts[0],
            updated: counts[1],
            unchanged: counts[2],
            delisted,
            warning_count: problems.warning_count,
            skipped_count: problems.skipped_count,
            warnings: problems.warnings,
            skipped: problems.skipped,
            my_changes,
        })
    }
}

/// The listed meetings of `source` the import did not write, with their names and whether each is
/// one of mine (scheduled or favourite).
fn listed_meetings_not_in(tx: &Transaction, source: &str, seen: &HashSet<i64>) -> Result<Vec<(i64, String, bool)>> {
    let mut stmt = tx.prepare(
        "SELECT m.id, m.name, (s.meeting_id IS NOT NULL OR m.favourite = 1) FROM meetings m
         LEFT JOIN schedule s ON s.meeting_id = m.id WHERE m.source = ?1 AND m.listed = 1",
    )?;
    let listed = stmt.query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let mut leaving = Vec::new();
    for meeting in listed {
        let meeting: (i64, String, bool) = meeting?;
        if !seen.contains(&meeting.0) {
            leaving.push(meeting);
        }
    }
    Ok(leaving)
}
