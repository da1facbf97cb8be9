//! Reading a feed: its rows one at a time from the file's bytes (never all held at once), each row
//! in its format, and the problems found on the way.

use super::row::{Row, RowSeed};
use super::{bmlt, meeting_guide, FeedFormat, FeedMeeting, ImportProblem, MAX_LISTED_PROBLEMS};
use crate::i18n::{self, Message};
use crate::{Error, Result};
use chrono_tz::Tz;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::{HashMap, HashSet};
use std::fmt;

pub(crate) enum RowOutcome {
    Meeting(Box<FeedMeeting>),
    Skip { slug: Option<String>, field: &'static str, message: Message },
}

impl RowOutcome {
    pub(super) fn skip(slug: Option<String>, field: &'static str, message: Message) -> RowOutcome {
        RowOutcome::Skip { slug, field, message }
    }
}

/// Reads one row of either format. A row that is not an object is skipped.
pub(super) fn read_row(format: FeedFormat, row: &mut Row, zone: Option<Tz>) -> RowOutcome {
    if !row.is_object() {
        return RowOutcome::skip(None, "row", Message::new("import-not-object"));
    }
    match format {
        FeedFormat::MeetingGuide => meeting_guide::read_row(row, zone),
        FeedFormat::Bmlt => bmlt::read_row(row, zone),
    }
}

/// Calls `each` with every row of a feed, one at a time: a JSON array of rows, or an object with
/// the array under `meetings` (as some servers wrap it). The rows are never all held at once.
pub(super) fn for_each_row(bytes: &[u8], mut each: impl FnMut(u32, &mut Row) -> Result<()>) -> Result<u32> {
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
        Error::invalid_input(
            "file",
            Message::new("error-feed-unreadable")
                .with("line", e.line())
                .with("column", e.column())
                .with("detail", plain_json_error(&e)),
        )
    })?;
    Ok(rows.count)
}

fn plain_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json ends its messages with " at line L column C"; the position is said already.
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

/// Gathers problems, listing the first few and counting all. A listed problem is worded as it is
/// listed, in the language the app shows then ([`i18n::current`]); the others are only counted.
#[derive(Debug, Default)]
pub(super) struct Problems {
    pub warnings: Vec<ImportProblem>,
    pub skipped: Vec<ImportProblem>,
    pub warning_count: u32,
    pub skipped_count: u32,
}

impl Problems {
    pub fn warn(&mut self, index: u32, slug: &str, field: &str, message: &Message) {
        self.warning_count = self.warning_count.saturating_add(1);
        if self.warnings.len() < MAX_LISTED_PROBLEMS {
            let message = message.render(i18n::current());
            self.warnings.push(ImportProblem { index, slug: Some(slug.to_owned()), field: field.to_owned(), message });
        }
    }

    pub fn skip(&mut self, index: u32, slug: Option<String>, field: &str, message: &Message) {
        self.skipped_count = self.skipped_count.saturating_add(1);
        if self.skipped.len() < MAX_LISTED_PROBLEMS {
            let message = message.render(i18n::current());
            self.skipped.push(ImportProblem { index, slug, field: field.to_owned(), message });
        }
    }
}

/// Which type codes the chosen fellowship or the Meeting Guide list knows, in one set.
pub(super) struct KnownCodes {
    codes: HashSet<String>,
}

impl KnownCodes {
    pub fn new(fellowship_table: Option<&str>) -> KnownCodes {
        let own: HashMap<String, String> =
            fellowship_table.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        let generic = crate::type_codes::generic_codes().map(str::to_owned);
        KnownCodes { codes: own.into_keys().chain(generic).collect() }
    }

    pub fn knows(&self, code: &str) -> bool {
        self.codes.contains(code)
    }
}

/// The row's warnings, plus one per type code the fellowship does not know.
pub(super) fn note_row_problems(
    problems: &mut Problems,
    known: &KnownCodes,
    fellowship: Option<&str>,
    index: u32,
    m: &FeedMeeting,
) {
    for w in &m.warnings {
        problems.warn(index, &m.slug, w.field, &w.message);
    }
    for code in &m.details.types {
        if !known.knows(code) {
            let message = match fellowship {
                Some(fellowship) => {
                    Message::new("import-type-unknown-for").with("code", code).with("fellowship", fellowship)
                }
                None => Message::new("import-type-unknown").with("code", code),
            };
            problems.warn(index, &m.slug, "types", &message);
        }
    }
}
