//! The group directory: built-in fellowships (refreshed from `assets/fellowships.json`), the user's
//! own groups, favourites, and search with filters over both.

mod builtin;
mod groups;
mod lexicon;
mod search;
mod spanish;

pub use crate::text::fold;
pub use builtin::{BUILTIN_DATA_VERSION, BUILTIN_FELLOWSHIPS};
pub use groups::{Group, GroupDeletion, GroupInput};
pub use search::DirectoryIndex;

use crate::i18n::Locale;
use crate::{Error, Result, Store};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who a group is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Audience {
    /// The person in recovery.
    #[serde(rename = "self")]
    Person,
    /// Family members and friends.
    #[serde(rename = "family")]
    Family,
    #[serde(rename = "both")]
    Both,
}

impl Audience {
    /// Whether a group for `self` also serves someone looking for `wanted`.
    pub fn serves(self, wanted: Audience) -> bool {
        self == Audience::Both || wanted == Audience::Both || self == wanted
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    TwelveStep,
    Secular,
    FaithBased,
    Mindfulness,
    // Curriculum-led groups: each meeting pairs a lesson with time to talk.
    Education,
}

/// How a group meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Online,
    Phone,
}

/// A built-in fellowship, with what the user keeps about it (read from `assets/fellowships.json`,
/// then from the database with the user's favourite and notes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Fellowship {
    pub id: String,
    pub name: String,
    pub abbreviation: Option<String>,
    pub audience: Audience,
    pub focus: Vec<String>,
    pub approaches: Vec<Approach>,
    pub formats: Vec<Format>,
    pub description: String,
    pub website: Option<String>,
    pub meetings_url: Option<String>,
    pub meetings_note: Option<String>,
    #[serde(default)]
    pub favourite: bool,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Fellowship,
    Group,
}

/// One line of the directory list: a fellowship or one of the user's (or an import's) groups.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DirectoryEntry {
    pub kind: EntryKind,
    /// The fellowship's slug, or the group's id as text.
    pub id: String,
    pub name: String,
    pub abbreviation: Option<String>,
    /// `None` for a group whose fellowship is not known.
    pub audience: Option<Audience>,
    pub approaches: Vec<Approach>,
    pub formats: Vec<Format>,
    pub favourite: bool,
    /// For a group: the fellowship it belongs to.
    pub fellowship_name: Option<String>,
    /// The first sentence of the description (or the group's notes).
    pub summary: String,
    /// The source that created a group, `None` for the user's own and for fellowships.
    pub source: Option<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) description: String,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) focus: Vec<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) order: u32,
}

/// What the Groups screen asks for; every part is optional. Mirrors the route
/// `#/groups?q=…&for=family|self&approach=…&format=…&favourites=1`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DirectoryQuery {
    pub text: String,
    #[serde(rename = "for")]
    #[ts(rename = "for")]
    pub audience: Option<Audience>,
    pub approach: Option<Approach>,
    pub format: Option<Format>,
    pub favourites_only: bool,
}

/// Something the user can mark as a favourite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum FavouriteTarget {
    Fellowship(String),
    Group(i64),
}

impl Store {
    /// Every fellowship in the built-in directory, in the data file's order, in the language shown.
    pub fn fellowships(&self) -> Result<Vec<Fellowship>> {
        self.fellowships_in(crate::i18n::current())
    }

    /// Every fellowship, in `locale`.
    pub fn fellowships_in(&self, locale: Locale) -> Result<Vec<Fellowship>> {
        let mut stmt = self.conn().prepare(&format!("{FELLOWSHIP_SELECT} ORDER BY f.position, f.id"))?;
        let rows = stmt.query_map([], fellowship_from_row)?;
        let fellowships: Result<Vec<Fellowship>> = rows.collect::<rusqlite::Result<Vec<_>>>()?.into_iter().collect();
        Ok(fellowships?.into_iter().map(|f| spanish::localize(f, locale)).collect())
    }

    pub fn fellowship(&self, id: &str) -> Result<Fellowship> {
        let fellowship = self
            .conn()
            .query_row(&format!("{FELLOWSHIP_SELECT} WHERE f.id = ?1"), [id], fellowship_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("The fellowship \"{id}\"")))??;
        Ok(spanish::localize(fellowship, crate::i18n::current()))
    }

    /// A fellowship's own meeting type codes, as stored JSON (code → name).
    pub fn fellowship_type_codes(&self, id: &str) -> Result<String> {
        self.conn()
            .query_row("SELECT type_codes FROM fellowships WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("The fellowship \"{id}\"")))
    }

    /// Keeps the user's own notes about a built-in fellowship.
    pub fn set_fellowship_notes(&mut self, id: &str, notes: &str) -> Result<Fellowship> {
        let notes = crate::validation::optional_text("notes", "notes", Some(notes), crate::validation::MAX_NOTES)?;
        self.fellowship(id)?;
        self.conn().execute(
            "INSERT INTO fellowship_notes (fellowship_id, notes) VALUES (?1, ?2)
             ON CONFLICT (fellowship_id) DO UPDATE SET notes = excluded.notes",
            params![id, notes.unwrap_or_default()],
        )?;
        self.fellowship(id)
    }

    /// Marks or unmarks a fellowship or group as a favourite.
    pub fn set_favourite(&mut self, target: &FavouriteTarget, favourite: bool) -> Result<()> {
        match target {
            FavouriteTarget::Fellowship(id) => {
                self.fellowship(id)?;
                self.conn().execute(
                    "INSERT INTO fellowship_notes (fellowship_id, favourite) VALUES (?1, ?2)
                     ON CONFLICT (fellowship_id) DO UPDATE SET favourite = excluded.favourite",
                    params![id, favourite],
                )?;
            }
            FavouriteTarget::Group(id) => {
                let changed =
                    self.conn().execute("UPDATE groups SET favourite = ?2 WHERE id = ?1", params![id, favourite])?;
                if changed == 0 {
                    return Err(Error::NotFound(format!("Group {id}")));
                }
            }
        }
        Ok(())
    }

    /// Searches and filters the directory. Favourites come first; with a search text, better
    /// matches come before weaker ones.
    pub fn search_directory(&self, query: &DirectoryQuery) -> Result<Vec<DirectoryEntry>> {
        self.search_directory_in(query, crate::i18n::current())
    }

    /// [`Store::search_directory`] in `locale`: its names and descriptions are what is searched.
    pub fn search_directory_in(&self, query: &DirectoryQuery, locale: Locale) -> Result<Vec<DirectoryEntry>> {
        let index = self.directory_index(locale)?;
        Ok(index.search(query).into_iter().cloned().collect())
    }

    /// The directory's search index in `locale`, rebuilt only when the database changed since it
    /// was made (by this connection or another one, such as the command line) or the language did.
    pub fn directory_index(&self, locale: Locale) -> Result<std::sync::Arc<DirectoryIndex>> {
        let stamp = self.change_stamp()?;
        if let Some((cached_stamp, cached_locale, index)) = self.directory_cache.borrow().as_ref() {
            if *cached_stamp == stamp && *cached_locale == locale {
                return Ok(index.clone());
            }
        }
        let index = std::sync::Arc::new(DirectoryIndex::new(self.directory_entries(locale)?));
        *self.directory_cache.borrow_mut() = Some((stamp, locale, index.clone()));
        Ok(index)
    }

    fn directory_entries(&self, locale: Locale) -> Result<Vec<DirectoryEntry>> {
        let mut entries: Vec<DirectoryEntry> = Vec::new();
        for (order, f) in self.fellowships_in(locale)?.into_iter().enumerate() {
            entries.push(DirectoryEntry {
                kind: EntryKind::Fellowship,
                id: f.id,
                summary: first_sentence(&f.description),
                name: f.name,
                abbreviation: f.abbreviation,
                audience: Some(f.audience),
                approaches: f.approaches,
                formats: f.formats,
                favourite: f.favourite,
                fellowship_name: None,
                source: None,
                description: f.description,
                focus: f.focus,
                order: order as u32,
            });
        }
        // A group shows its fellowship's audience, approaches and formats.
        let by_id: std::collections::HashMap<String, usize> =
            entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut order = entries.len() as u32;
        let mut stmt = self.conn().prepare(
            "SELECT g.id, g.name, g.notes, g.favourite, g.source, g.fellowship_id
             FROM groups g ORDER BY g.name COLLATE NOCASE, g.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut groups = Vec::new();
        while let Some(row) = rows.next()? {
            let notes: String = row.get(2)?;
            let fellowship = row.get::<_, Option<String>>(5)?.and_then(|id| by_id.get(&id)).map(|&i| &entries[i]);
            groups.push(DirectoryEntry {
                kind: EntryKind::Group,
                id: row.get::<_, i64>(0)?.to_string(),
                name: row.get(1)?,
                abbreviation: None,
                audience: fellowship.and_then(|f| f.audience),
                approaches: fellowship.map(|f| f.approaches.clone()).unwrap_or_default(),
                formats: fellowship.map(|f| f.formats.clone()).unwrap_or_default(),
                favourite: row.get(3)?,
                fellowship_name: fellowship.map(|f| f.abbreviation.clone().unwrap_or_else(|| f.name.clone())),
                summary: first_sentence(&notes),
                source: row.get(4)?,
                description: notes,
                focus: fellowship.map(|f| f.focus.clone()).unwrap_or_default(),
                order,
            });
            order += 1;
        }
        entries.extend(groups);
        Ok(entries)
    }
}

const FELLOWSHIP_SELECT: &str = "SELECT f.id, f.name, f.abbreviation, f.audience, f.focus, f.approaches, f.formats,
        f.description, f.website, f.meetings_url, f.meetings_note,
        coalesce(n.favourite, 0), coalesce(n.notes, '')
     FROM fellowships f LEFT JOIN fellowship_notes n ON n.fellowship_id = f.id";

fn fellowship_from_row(row: &Row) -> rusqlite::Result<Result<Fellowship>> {
    let audience: String = row.get(3)?;
    let focus: String = row.get(4)?;
    let approaches: String = row.get(5)?;
    let formats: String = row.get(6)?;
    let base = (|| -> Result<Fellowship> {
        Ok(Fellowship {
            id: row.get(0)?,
            name: row.get(1)?,
            abbreviation: row.get(2)?,
            audience: parse_json_str(&audience)?,
            focus: parse_json_list(Some(&focus))?,
            approaches: parse_json_list(Some(&approaches))?,
            formats: parse_json_list(Some(&formats))?,
            description: row.get(7)?,
            website: row.get(8)?,
            meetings_url: row.get(9)?,
            meetings_note: row.get(10)?,
            favourite: row.get(11)?,
            notes: row.get(12)?,
        })
    })();
    Ok(base)
}

/// Reads an enum stored as its bare serde name (`family`, `twelve_step`).
fn parse_json_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|e| Error::Data(format!("unexpected value {text:?}: {e}")))
}

/// Reads a JSON array column; a missing one is empty.
fn parse_json_list<T: serde::de::DeserializeOwned>(text: Option<&str>) -> Result<Vec<T>> {
    match text {
        None => Ok(Vec::new()),
        Some(text) => serde_json::from_str(text).map_err(|e| Error::Data(format!("unexpected list {text:?}: {e}"))),
    }
}

/// The first sentence of a text, for one-line summaries.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(char::is_whitespace));
    match end {
        Some((i, c)) => text[..i + c.len_utf8()].to_owned(),
        None => text.lines().next().unwrap_or("").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_serve_the_right_people() {
        assert!(Audience::Family.serves(Audience::Family));
        assert!(Audience::Both.serves(Audience::Person));
        assert!(!Audience::Person.serves(Audience::Family));
        assert!(!Audience::Family.serves(Audience::Person));
    }

    #[test]
    fn first_sentence_stops_at_the_end_of_a_sentence() {
        assert_eq!(first_sentence("For families. Meetings are free."), "For families.");
        assert_eq!(first_sentence("No full stop at the end"), "No full stop at the end");
        assert_eq!(first_sentence(""), "");
    }

    #[test]
    fn the_directory_reads_in_spanish_with_spanish_names_only_where_a_fellowship_uses_one() {
        let store = Store::open_in_memory().unwrap();
        let file = spanish::TRANSLATIONS.as_ref().expect("fellowships.es.json parses");
        let english = store.fellowships_in(Locale::En).unwrap();
        assert_eq!(file.version, builtin::parse_builtin(builtin::BUILTIN_FELLOWSHIPS).unwrap().version);
        for f in &english {
            let t = file.fellowships.get(&f.id).unwrap_or_else(|| panic!("{} has no Spanish", f.id));
            assert_ne!(t.description, f.description, "{}: translated", f.id);
            assert_eq!(
                t.meetings_note.is_some(),
                f.meetings_note.is_some(),
                "{}: a note where the English has one",
                f.id
            );
        }
        assert_eq!(file.fellowships.len(), english.len(), "no translation for a fellowship that is not there");
        let spanish = store.fellowships_in(Locale::Es).unwrap();
        let name = |id: &str| spanish.iter().find(|f| f.id == id).unwrap().name.clone();
        assert_eq!(name("aa"), "Alcohólicos Anónimos");
        assert_eq!(name("fa"), "Families Anonymous", "no Spanish name the fellowship does not use");

        // Everyday Spanish finds the right groups, and English still works in Spanish.
        let search = |text: &str| -> Vec<String> {
            let query = DirectoryQuery { text: text.into(), ..DirectoryQuery::default() };
            store.search_directory_in(&query, Locale::Es).unwrap().into_iter().map(|e| e.id).take(3).collect()
        };
        assert_eq!(search("mi esposa bebe").first().map(String::as_str), Some("al-anon"));
        assert!(search("mi esposa toma demasiado").contains(&"al-anon".to_owned()));
        assert!(search("no puedo dejar de apostar").contains(&"ga".to_owned()));
        assert!(search("my husband drinks").contains(&"al-anon".to_owned()));
        let first = store.search_directory_in(&DirectoryQuery::default(), Locale::Es).unwrap();
        assert!(first.iter().any(|e| e.summary.starts_with("Una comunidad")), "summaries in Spanish");
    }
}
