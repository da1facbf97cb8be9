//! Importing meeting lists: Meeting Guide JSON feeds (`meeting_guide`) and BMLT results (`bmlt`).
//!
//! This module owns the rules an import keeps:
//! - one import is one transaction: every good row lands, or nothing does;
//! - a row with one bad field keeps the meeting and drops that field with a warning; a row that
//!   cannot be a meeting is reported (index, slug, field, reason) and skipped;
//! - a re-import updates feed-owned fields by (source, slug), adds new meetings and marks the ones
//!   gone from the feed as no longer listed; it never deletes a meeting and never touches what the
//!   user owns (schedule, favourites, lead times, skips, attendance, personal notes, their groups);
//! - rows are read one at a time from the file's bytes, so a huge feed needs little memory beyond
//!   the file itself, and nothing a file holds can make it panic.

mod bmlt;
mod fields;
mod meeting_guide;
mod row;
pub mod sample;
mod write;

use crate::meetings::Attendance;
use crate::{Clock, Error, Result, Store};
use chrono_tz::Tz;
use row::{Row, RowSeed};
use rusqlite::params;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use ts_rs::TS;
use write::{FeedWriter, StoredFeedFields, Written};

/// The formats Homegroup reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeedFormat {
    /// Meeting Guide JSON (Code4Recovery; the 12 Step Meeting List).
    MeetingGuide,
    /// BMLT `GetSearchResults` JSON (NA).
    Bmlt,
}

impl FeedFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedFormat::MeetingGuide => "meeting_guide",
            FeedFormat::Bmlt => "bmlt",
        }
    }

    /// Parses `meeting-guide`, `meeting_guide` or `bmlt`.
    pub fn parse(text: &str) -> Option<FeedFormat> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "meeting_guide" | "mg" => Some(FeedFormat::MeetingGuide),
            "bmlt" => Some(FeedFormat::Bmlt),
            _ => None,
        }
    }

    /// BMLT rows are recognised by their own field names.
    fn detect(row: &Row) -> FeedFormat {
        if row.contains_key("id_bigint") || row.contains_key("weekday_tinyint") {
            FeedFormat::Bmlt
        } else {
            FeedFormat::MeetingGuide
        }
    }
}

/// What the user chose for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    /// `None`: recognised from the rows.
    pub format: Option<FeedFormat>,
    /// The zone for rows that name none (most feeds name none).
    pub time_zone: Option<String>,
    /// The fellowship the feed's type codes are read with (`None`: the Meeting Guide list only).
    pub fellowship: Option<String>,
    /// The name the meetings are kept under, so the same list updates them next time.
    /// `None`: the file's name.
    pub source: Option<String>,
}

/// A problem with one row. `index` counts rows from 0, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    pub index: u32,
    pub slug: Option<String>,
    pub field: String,
    pub message: String,
}

/// A meeting as the preview shows it, before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewMeeting {
    pub slug: String,
    pub name: String,
    pub group: Option<String>,
    /// 0 = Sunday; empty by appointment.
    pub weekdays: Vec<u8>,
    /// `HH:MM`, 24-hour; `None` by appointment.
    pub start_time: Option<String>,
    /// `None`: the zone the user picks.
    pub time_zone: Option<String>,
    pub attendance: Attendance,
    pub types: Vec<String>,
    pub active: bool,
}

/// What an import would do, read without writing anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub source: String,
    pub format: FeedFormat,
    /// Rows in the file.
    pub rows: u32,
    /// Rows that would become meetings.
    pub meetings: u32,
    pub first_meetings: Vec<PreviewMeeting>,
    pub warning_count: u32,
    pub skipped_count: u32,
    /// The first problems (at most [`MAX_LISTED_PROBLEMS`] of each kind).
    pub warnings: Vec<ImportProblem>,
    pub skipped: Vec<ImportProblem>,
    /// The fellowship the feed seems to be from, for the user to confirm.
    pub guessed_fellowship: Option<String>,
    /// Rows that name no zone: the import needs the user's zone for them.
    pub rows_without_time_zone: u32,
    /// Zones the rows name themselves.
    pub feed_time_zones: Vec<String>,
    /// This list was imported before: meetings will be updated, not added twice.
    pub previously_imported: bool,
}

/// How a meeting in the user's schedule was affected by an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleChangeKind {
    /// The feed changed its details (time, place, link, ...).
    Changed,
    /// It is gone from the feed; it stays in the schedule until the user removes it.
    Delisted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScheduleChange {
    pub meeting_id: i64,
    pub name: String,
    pub change: ScheduleChangeKind,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub source: String,
    pub format: FeedFormat,
    pub fellowship: Option<String>,
    pub time_zone: Option<String>,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Meetings of this source that are no longer in the feed (kept, marked as not listed).
    pub delisted: u32,
    pub warning_count: u32,
    pub skipped_count: u32,
    pub warnings: Vec<ImportProblem>,
    pub skipped: Vec<ImportProblem>,
    /// Meetings in the user's schedule that changed or left the feed.
    pub schedule_changes: Vec<ScheduleChange>,
}

/// Problems listed in a preview or report, per kind; the counts include the rest.
pub const MAX_LISTED_PROBLEMS: usize = 500;
/// Meetings a preview shows.
pub const PREVIEW_MEETINGS: usize = 10;

/// One row, read into the shape the `meetings` table keeps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FeedMeeting {
    pub slug: String,
    pub name: String,
    pub group: Option<String>,
    pub weekdays: u8,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    /// The row's own zone, else the user's; `None` when neither is known.
    pub time_zone: Option<Tz>,
    /// Whether the row named its zone itself.
    pub own_zone: bool,
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
    pub active: bool,
    pub source_updated: Option<String>,
    pub warnings: Vec<fields::FieldProblem>,
}

pub(crate) enum RowOutcome {
    Meeting(Box<FeedMeeting>),
    Skip { slug: Option<String>, field: &'static str, message: String },
}

impl RowOutcome {
    fn skip(slug: Option<String>, field: &'static str, message: impl Into<String>) -> RowOutcome {
        RowOutcome::Skip { slug, field, message: message.into() }
    }
}

/// Reads one row of either format. A row that is not an object is skipped.
fn read_row(format: FeedFormat, row: &mut Row, zone: Option<Tz>) -> RowOutcome {
    if !row.is_object() {
        return RowOutcome::skip(None, "row", "This row is not a meeting (it is not a JSON object).");
    }
    match format {
        FeedFormat::MeetingGuide => meeting_guide::read_row(row, zone),
        FeedFormat::Bmlt => bmlt::read_row(row, zone),
    }
}

/// Calls `each` with every row of a feed, one at a time: a JSON array of rows, or an object with
/// the array under `meetings` (as some servers wrap it). The rows are never all held at once.
fn for_each_row(bytes: &[u8], mut each: impl FnMut(u32, &mut Row) -> Result<()>) -> Result<u32> {
    struct Rows<'f, F> {
        each: &'f mut F,
        count: u32,
        failure: Option<Error>,
    }
    struct RowsInArray<'r, 'f, F>(&'r mut Rows<'f, F>);

    impl<'de, F: FnMut(u32, &mut Row) -> Result<()>> Visitor<'de> for RowsInArray<'_, '_, F> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of meetings")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            let mut row = Row::new();
            while seq.next_element_seed(RowSeed(&mut row))?.is_some() {
                let index = self.0.count;
                self.0.count = self.0.count.saturating_add(1);
                if let Err(e) = (self.0.each)(index, &mut row) {
                    self.0.failure = Some(e);
                    return Err(serde::de::Error::custom("stopped"));
                }
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
            let mut found = false;
            while let Some(key) = map.next_key::<String>()? {
                if key == "meetings" && !found {
                    found = true;
                    map.next_value_seed(RowsInArray(&mut *self.0))?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if found {
                Ok(())
            } else {
                Err(serde::de::Error::custom("no list of meetings in this file"))
            }
        }
    }
    impl<'de, F: FnMut(u32, &mut Row) -> Result<()>> DeserializeSeed<'de> for RowsInArray<'_, '_, F> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    let mut rows = Rows { each: &mut each, count: 0, failure: None };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = RowsInArray(&mut rows).deserialize(&mut de).and_then(|()| de.end());
    if let Some(failure) = rows.failure {
        return Err(failure);
    }
    parsed.map_err(|e| {
        Error::invalid(
            "file",
            format!(
                "This file is not a meeting list Homegroup can read (line {}, column {}: {}).",
                e.line(),
                e.column(),
                plain_json_error(&e)
            ),
        )
    })?;
    Ok(rows.count)
}

fn plain_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json ends its messages with " at line L column C"; the position is said already.
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

/// Gathers problems, listing the first few and counting all.
#[derive(Debug, Default)]
struct Problems {
    warnings: Vec<ImportProblem>,
    skipped: Vec<ImportProblem>,
    warning_count: u32,
    skipped_count: u32,
}

impl Problems {
    fn warn(&mut self, index: u32, slug: &str, field: &str, message: String) {
        self.warning_count = self.warning_count.saturating_add(1);
        if self.warnings.len() < MAX_LISTED_PROBLEMS {
            self.warnings.push(ImportProblem { index, slug: Some(slug.to_owned()), field: field.to_owned(), message });
        }
    }

    fn skip(&mut self, index: u32, slug: Option<String>, field: &str, message: String) {
        self.skipped_count = self.skipped_count.saturating_add(1);
        if self.skipped.len() < MAX_LISTED_PROBLEMS {
            self.skipped.push(ImportProblem { index, slug, field: field.to_owned(), message });
        }
    }
}

/// Which type codes the chosen fellowship or the Meeting Guide list knows, in one set.
struct KnownCodes {
    codes: HashSet<String>,
}

impl KnownCodes {
    fn new(fellowship_table: Option<&str>) -> KnownCodes {
        let own: HashMap<String, String> =
            fellowship_table.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        let generic = crate::type_codes::generic_codes().map(str::to_owned);
        KnownCodes { codes: own.into_keys().chain(generic).collect() }
    }

    fn knows(&self, code: &str) -> bool {
        self.codes.contains(code)
    }
}

/// The row's warnings, plus one per type code the fellowship does not know.
fn note_row_problems(
    problems: &mut Problems,
    known: &KnownCodes,
    fellowship: Option<&str>,
    index: u32,
    m: &FeedMeeting,
) {
    for w in &m.warnings {
        problems.warn(index, &m.slug, w.field, w.message.clone());
    }
    for code in &m.types {
        if !known.knows(code) {
            let whose = fellowship.map(|f| format!(" for {f}")).unwrap_or_default();
            problems.warn(
                index,
                &m.slug,
                "types",
                format!("The type code \"{code}\" is not known{whose}; it is kept as it is."),
            );
        }
    }
}

/// The name meetings from `path` are kept under: the file's name without its extension.
pub fn source_name_for(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".into())
}

fn checked_source(options: &ImportOptions, fallback: &str) -> Result<String> {
    let source = options.source.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(fallback);
    crate::validation::required_text("source", "name for the list", source, crate::validation::MAX_NAME)
}

fn checked_zone(options: &ImportOptions) -> Result<Option<Tz>> {
    options
        .time_zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
        .map(|z| crate::time_zone::parse("time_zone", z))
        .transpose()
}

/// Guesses the fellowship from words in the meetings' and groups' names and the list's name.
#[derive(Debug, Default)]
struct FellowshipGuess {
    votes: HashMap<&'static str, u32>,
}

impl FellowshipGuess {
    const PHRASES: &'static [(&'static str, &'static str)] = &[
        ("al-anon", "al-anon"),
        ("alanon", "al-anon"),
        ("alateen", "al-anon"),
        ("nar-anon", "nar-anon"),
        ("naranon", "nar-anon"),
        ("gam-anon", "gam-anon"),
        ("co-anon", "co-anon"),
        ("narcotics anonymous", "na"),
        ("cocaine anonymous", "ca"),
        ("crystal meth", "cma"),
        ("marijuana anonymous", "ma"),
        ("heroin anonymous", "ha"),
        ("gamblers anonymous", "ga"),
        ("codependents anonymous", "coda"),
        ("co-dependents anonymous", "coda"),
        ("adult children", "aca"),
        ("smart recovery", "smart"),
        ("celebrate recovery", "cr"),
        ("recovery dharma", "rd"),
        ("refuge recovery", "rr"),
        ("lifering", "lifering"),
        ("women for sobriety", "wfs"),
        ("alcoholics anonymous", "aa"),
    ];
    const WORDS: &'static [(&'static str, &'static str)] = &[
        ("aa", "aa"),
        ("na", "na"),
        ("alanon", "al-anon"),
        ("ca", "ca"),
        ("cma", "cma"),
        ("coda", "coda"),
        ("aca", "aca"),
        ("acoa", "aca"),
        ("smart", "smart"),
    ];

    fn read(&mut self, text: &str, weight: u32) {
        let lower = text.to_lowercase();
        for (phrase, id) in Self::PHRASES {
            if lower.contains(phrase) {
                *self.votes.entry(id).or_default() += weight;
            }
        }
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            if let Some((_, id)) = Self::WORDS.iter().find(|(w, _)| *w == word) {
                *self.votes.entry(id).or_default() += weight;
            }
        }
    }

    fn best(&self, format: FeedFormat) -> &'static str {
        self.votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, _)| *id)
            // Most Meeting Guide feeds are AA's; BMLT is NA's.
            .unwrap_or(match format {
                FeedFormat::MeetingGuide => "aa",
                FeedFormat::Bmlt => "na",
            })
    }
}

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
                RowOutcome::Skip { slug, field, message } => problems.skip(index, slug, field, message),
                RowOutcome::Meeting(m) => {
                    if !slugs.insert(m.slug.clone()) {
                        problems.skip(index, Some(m.slug.clone()), "slug", duplicate_message());
                        return Ok(());
                    }
                    meetings += 1;
                    guess.read(&m.name, 1);
                    if let Some(g) = &m.group {
                        guess.read(g, 1);
                    }
                    if m.own_zone {
                        if let Some(z) = m.time_zone {
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
                            name: m.name.clone(),
                            group: m.group.clone(),
                            weekdays: (0..7).filter(|d| m.weekdays & (1 << d) != 0).collect(),
                            start_time: m.start_time.clone(),
                            time_zone: m.time_zone.map(|z| z.name().to_owned()),
                            attendance: m.attendance,
                            types: m.types.clone(),
                            active: m.active,
                        });
                    }
                }
            }
            Ok(())
        })?;
        let format = format.unwrap_or(FeedFormat::MeetingGuide);
        let previously_imported: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE source = ?1) OR EXISTS (SELECT 1 FROM import_sources WHERE name = ?1)",
            [&source],
            |r| r.get(0),
        )?;
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
        })
    }

    /// Imports a feed file; the meetings are kept under the file's name unless `options.source` says.
    pub fn import_file(&mut self, path: &Path, options: &ImportOptions, clock: &dyn Clock) -> Result<ImportReport> {
        let bytes = std::fs::read(path)?;
        let options =
            ImportOptions { source: Some(checked_source(options, &source_name_for(path))?), ..options.clone() };
        self.import_feed(&bytes, &options, clock, &mut |_| {})
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
        let mut schedule_changes = Vec::new();
        // Meetings written, for finding the ones gone from the feed (a new list has none).
        let mut seen: HashSet<i64> = HashSet::new();
        let mut slugs: HashSet<String> = HashSet::new();

        let tx = self.conn_mut().transaction()?;
        let mut writer = FeedWriter::new(&tx, &source, now)?;
        let new_list = writer.is_new_list();
        let rows = for_each_row(bytes, |index, row| {
            if index % 256 == 0 {
                progress(index);
            }
            let f = *format.get_or_insert_with(|| FeedFormat::detect(row));
            let m = match read_row(f, row, zone) {
                RowOutcome::Skip { slug, field, message } => {
                    problems.skip(index, slug, field, message);
                    return Ok(());
                }
                RowOutcome::Meeting(m) => m,
            };
            if slugs.contains(&m.slug) {
                problems.skip(index, Some(m.slug), "slug", duplicate_message());
                return Ok(());
            }
            let Some(tz) = m.time_zone else {
                return Err(Error::invalid(
                    "time_zone",
                    "This list does not say which time zone its meetings are in. Please choose one.",
                ));
            };
            note_row_problems(&mut problems, &known, fellowship.as_deref(), index, &m);
            let group_id = match &m.group {
                None => None,
                Some(name) => Some(writer.group(name, fellowship.as_deref())?),
            };
            let types = serde_json::to_string(&m.types).map_err(|e| Error::Data(e.to_string()))?;
            let FeedMeeting { slug, .. } = *m;
            let wanted = StoredFeedFields {
                name: m.name,
                fellowship_id: fellowship.as_deref().map(Cow::Borrowed),
                group_id,
                weekdays: m.weekdays,
                start_time: m.start_time,
                duration_minutes: m.duration_minutes.clamp(1, 24 * 60),
                time_zone: Cow::Borrowed(tz.name()),
                attendance: Cow::Borrowed(m.attendance.as_str()),
                types,
                location: m.location,
                address: m.address,
                latitude: m.latitude,
                longitude: m.longitude,
                location_notes: m.location_notes,
                conference_url: m.conference_url,
                conference_url_notes: m.conference_url_notes,
                conference_phone: m.conference_phone,
                conference_phone_notes: m.conference_phone_notes,
                notes: m.notes,
                active: m.active,
                source_updated: m.source_updated,
            };
            let outcome = writer.meeting(&slug, &wanted)?;
            slugs.insert(slug);
            if !new_list {
                seen.insert(outcome.id);
            }
            match outcome.kind {
                Written::Added => counts[0] += 1,
                Written::Updated { in_schedule } => {
                    counts[1] += 1;
                    if in_schedule {
                        schedule_changes.push(ScheduleChange {
                            meeting_id: outcome.id,
                            name: wanted.name,
                            change: ScheduleChangeKind::Changed,
                        });
                    }
                }
                Written::Unchanged => counts[2] += 1,
            }
            Ok(())
        })?;
        progress(rows);

        // Meetings of this source that the feed no longer lists: kept, marked as not listed.
        // (A new list has none.)
        drop(writer);
        let mut delisted = 0u32;
        if !new_list {
            let mut stmt = tx.prepare(
                "SELECT m.id, m.name, s.meeting_id IS NOT NULL FROM meetings m
                 LEFT JOIN schedule s ON s.meeting_id = m.id WHERE m.source = ?1 AND m.listed = 1",
            )?;
            let listed: Vec<(i64, String, bool)> = stmt
                .query_map([&source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (id, name, in_schedule) in listed.into_iter().filter(|(id, _, _)| !seen.contains(id)) {
                tx.execute("UPDATE meetings SET listed = 0, updated_at = ?2 WHERE id = ?1", params![id, now])?;
                delisted += 1;
                if in_schedule {
                    schedule_changes.push(ScheduleChange {
                        meeting_id: id,
                        name,
                        change: ScheduleChangeKind::Delisted,
                    });
                }
            }
        }
        let format = format.unwrap_or(FeedFormat::MeetingGuide);
        tx.execute(
            "INSERT INTO import_sources (name, format, fellowship_id, time_zone, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (name) DO UPDATE SET format = excluded.format, fellowship_id = excluded.fellowship_id,
                 time_zone = excluded.time_zone, imported_at = excluded.imported_at",
            params![source, format.as_str(), fellowship, zone.map(|z| z.name().to_owned()), now],
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
            schedule_changes,
        })
    }
}

fn unknown_fellowship(id: &str) -> Error {
    Error::invalid("fellowship", format!("There is no fellowship \"{id}\" in the directory."))
}

fn duplicate_message() -> String {
    "An earlier row has the same slug, so this one was left out.".into()
}

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    FeedFormat::export_all(cfg)?;
    ImportOptions::export_all(cfg)?;
    ImportProblem::export_all(cfg)?;
    PreviewMeeting::export_all(cfg)?;
    ImportPreview::export_all(cfg)?;
    ScheduleChangeKind::export_all(cfg)?;
    ScheduleChange::export_all(cfg)?;
    ImportReport::export_all(cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests;
