//! What an import would do, read without writing anything.

use super::guess::FellowshipGuess;
use super::read::{for_each_row, note_row_problems, read_row, KnownCodes, Problems, RowOutcome};
use super::{
    checked_source, checked_zone, duplicate_message, source_name_for, unknown_fellowship, FeedFormat, ImportOptions,
    ImportPreview, PreviewMeeting, PREVIEW_MEETINGS,
};
use crate::{Result, Store};
use std::collections::HashSet;
use std::path::Path;

impl Store {
    /// Reads a feed file and says what importing it would do, without writing anything.
    pub fn preview_import_file(&self, path: &Path, options: &ImportOptions) -> Result<ImportPreview> {
        let bytes = std::fs::read(path)?;
        self.preview_import(
            &bytes,
            &ImportOptions { source: Some(checked_source(options, &source_name_for(path))?), ..options.clone() },
        )
    }

    /// Says what importing `bytes` would do, without writing anything.
    pub fn preview_import(&self, bytes: &[u8], options: &ImportOptions) -> Result<ImportPreview> {
        let source = checked_source(options, "import")?;
        let zone = checked_zone(options)?;
        let mut format = options.format;
        let mut problems = Problems::default();
        let mut first_meetings = Vec::new();
        let mut meetings = 0u32;
        let mut rows_without_time_zone = 0u32;
        let mut zones: Vec<String> = Vec::new();
        let mut guess = FellowshipGuess::default();
        guess.read(&source, 5);
        let fellowship_table = match options.fellowship.as_deref() {
            Some(id) => Some(self.fellowship_type_codes(id).map_err(|_| unknown_fellowship(id))?),
            None => None,
        };
        let known = KnownCodes::new(fellowship_table.as_deref());
        let mut slugs: HashSet<String> = HashSet::new();
        let rows = for_each_row(bytes, |index, row| {
            let f = *format.get_or_insert_with(|| FeedFormat::detect(row));
            match read_row(f, row, zone) {
                RowOutcome::Skip { slug, field, message } => problems.skip(index, slug, field, &message),
                RowOutcome::Meeting(m) => {
                    if !slugs.insert(m.slug.clone()) {
                        problems.skip(index, Some(m.slug.clone()), "slug", &duplicate_message());
                        return Ok(());
                    }
                    meetings += 1;
                    guess.read(&m.details.name, 1);
                    if let Some(g) = &m.group {
                        guess.read(g, 1);
                    }
                    if m.own_zone {
                        if let Some(z) = m.zone {
                            if zones.len() < 20 && !zones.iter().any(|n| n == z.name()) {
                                zones.push(z.name().to_owned());
                            }
                        }
                    } else {
                        rows_without_time_zone += 1;
                    }
                    note_row_problems(&mut problems, &known, options.fellowship.as_deref(), index, &m);
                    if first_meetings.len() < PREVIEW_MEETINGS {
                        first_meetings.push(PreviewMeeting {
                            slug: m.slug.clone(),
                            name: m.details.name.clone(),
                            group: m.group.clone(),
                            weekdays: m.details.weekdays.clone(),
                            start_time: m.details.start_time.clone(),
                            time_zone: m.zone.map(|z| z.name().to_owned()),
                            attendance: m.details.attendance,
                            types: m.details.types.clone(),
                            active: m.active,
                        });
                    }
                }
            }
            Ok(())
        })?;
        let format = format.unwrap_or(FeedFormat::MeetingGuide);
        let previously_imported = super::sources::known(self.conn(), &source)?;
        let shrink = super::shrink::measure(self.conn(), &source, &slugs)?;
        Ok(ImportPreview {
            source,
            format,
            rows,
            meetings,
            first_meetings,
            warning_count: problems.warning_count,
            skipped_count: problems.skipped_count,
            warnings: problems.warnings,
            skipped: problems.skipped,
            guessed_fellowship: Some(guess.best(format).to_owned()),
            rows_without_time_zone,
            feed_time_zones: zones,
            previously_imported,
            listed_before: shrink.listed_before,
            leaving: shrink.leaving,
            shrinks: shrink.too_much(),
        })
    }
}
