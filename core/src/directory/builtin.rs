//! The built-in directory: `assets/fellowships.json`, embedded in the binary and copied into SQLite
//! on first start and whenever its version changes. The user's favourites and notes live in
//! another table (`fellowship_notes`), so a refresh never touches them.

use super::Fellowship;
use crate::{Error, Result, Store};
use rusqlite::params;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The embedded data file.
pub const BUILTIN_FELLOWSHIPS: &str = include_str!("../../../assets/fellowships.json");
/// Per-fellowship meeting type codes (the 12 Step Meeting List's tables), keyed by fellowship id.
const FELLOWSHIP_TYPE_CODES: &str = include_str!("../../../assets/reference/fellowship-type-codes.json");

/// The version of the embedded data, as the file states it.
pub static BUILTIN_DATA_VERSION: std::sync::LazyLock<i64> =
    std::sync::LazyLock::new(|| parse_builtin(BUILTIN_FELLOWSHIPS).map(|f| f.version).unwrap_or(0));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BuiltinFile {
    pub version: i64,
    /// The user's favourite and notes are not in the file: they read as none.
    pub fellowships: Vec<Fellowship>,
}

#[derive(Debug, Deserialize)]
struct TypeCodeTable {
    types: BTreeMap<String, String>,
}

pub(crate) fn parse_builtin(text: &str) -> Result<BuiltinFile> {
    serde_json::from_str(text).map_err(|e| Error::Data(format!("built-in directory: {e}")))
}

/// Each fellowship's own meaning of the meeting type codes.
pub(crate) fn fellowship_type_codes() -> Result<BTreeMap<String, BTreeMap<String, String>>> {
    let tables: BTreeMap<String, TypeCodeTable> =
        serde_json::from_str(FELLOWSHIP_TYPE_CODES).map_err(|e| Error::Data(format!("type codes: {e}")))?;
    Ok(tables.into_iter().map(|(id, table)| (id, table.types)).collect())
}

impl Store {
    /// Copies the embedded directory into the database when the stored copy is of another version.
    pub(crate) fn refresh_builtin_directory(&mut self) -> Result<bool> {
        self.load_builtin_directory(&parse_builtin(BUILTIN_FELLOWSHIPS)?)
    }

    /// Replaces the built-in rows with `data` unless they already are at its version.
    /// Returns whether anything was written.
    pub(crate) fn load_builtin_directory(&mut self, data: &BuiltinFile) -> Result<bool> {
        let stored: Option<i64> =
            self.conn().query_row("SELECT max(data_version) FROM fellowships", [], |r| r.get(0))?;
        if stored == Some(data.version) {
            return Ok(false);
        }
        let type_codes = fellowship_type_codes()?;
        let tx = self.conn_mut().transaction()?;
        for (position, f) in data.fellowships.iter().enumerate() {
            let codes = type_codes.get(&f.id).cloned().unwrap_or_default();
            tx.execute(
                "INSERT INTO fellowships (id, position, name, abbreviation, audience, focus, approaches, formats,
                     description, website, meetings_url, meetings_note, type_codes, data_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                 ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name,
                     abbreviation = excluded.abbreviation, audience = excluded.audience, focus = excluded.focus,
                     approaches = excluded.approaches, formats = excluded.formats,
                     description = excluded.description, website = excluded.website,
                     meetings_url = excluded.meetings_url, meetings_note = excluded.meetings_note,
                     type_codes = excluded.type_codes, data_version = excluded.data_version",
                params![
                    f.id,
                    position as i64,
                    f.name,
                    f.abbreviation,
                    json(&f.audience).trim_matches('"'),
                    json(&f.focus),
                    json(&f.approaches),
                    json(&f.formats),
                    f.description,
                    f.website,
                    f.meetings_url,
                    f.meetings_note,
                    json(&codes),
                    data.version,
                ],
            )?;
        }
        // Fellowships that left the built-in list go; what the user kept about them stays in fellowship_notes.
        tx.execute("DELETE FROM fellowships WHERE data_version <> ?1", [data.version])?;
        tx.commit()?;
        Ok(true)
    }
}

/// A value as JSON text, for the directory's list columns. Plain data always serializes.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::FavouriteTarget;
    use crate::validation::is_web_url;
    use std::collections::HashSet;

    #[test]
    fn the_embedded_directory_is_complete_and_well_formed() {
        let data = parse_builtin(BUILTIN_FELLOWSHIPS).unwrap();
        assert!(data.fellowships.len() >= 20, "at least 20 fellowships");
        let ids: HashSet<&str> = data.fellowships.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids.len(), data.fellowships.len(), "ids are unique");
        for required in
            ["aa", "na", "al-anon", "coda", "fa", "pal", "nar-anon", "ca", "cma", "ga", "aca", "smart", "rd"]
        {
            assert!(ids.contains(required), "{required} is in the directory");
        }
        let codes = fellowship_type_codes().unwrap();
        for f in &data.fellowships {
            assert!(f.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{} is a slug", f.id);
            let sentences = f.description.matches(". ").count() + 1;
            assert!((2..=5).contains(&sentences), "{}: a two-to-four sentence description", f.id);
            for url in f.website.iter().chain(&f.meetings_url) {
                assert!(is_web_url(url) && url.starts_with("https://"), "{}: {url} is an https link", f.id);
            }
            assert!(!f.approaches.is_empty() && !f.formats.is_empty(), "{}: approach and format", f.id);
        }
        // Where the type-code reference knows a fellowship, the directory uses its key.
        for key in ["aa", "al-anon", "na", "coda", "pal", "ca", "cma", "ga", "aca", "rd"] {
            assert!(codes.contains_key(key) && ids.contains(key));
        }
    }

    #[test]
    fn loads_on_first_open_with_type_codes() {
        let store = Store::open_in_memory().unwrap();
        let fellowships = store.fellowships().unwrap();
        assert_eq!(fellowships[0].id, "aa");
        let al_anon_poa: String = store
            .conn()
            .query_row("SELECT json_extract(type_codes, '$.POA') FROM fellowships WHERE id = 'al-anon'", [], |r| {
                r.get(0)
            })
            .unwrap();
        let aa_poa: String = store
            .conn()
            .query_row("SELECT json_extract(type_codes, '$.POA') FROM fellowships WHERE id = 'aa'", [], |r| r.get(0))
            .unwrap();
        assert_ne!(al_anon_poa, aa_poa, "the same code means different things per fellowship");
    }

    #[test]
    fn an_upgrade_keeps_favourites_and_notes_and_drops_removed_fellowships() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_favourite(&FavouriteTarget::Fellowship("al-anon".into()), true).unwrap();
        store.set_fellowship_notes("al-anon", "Thursday meeting at the library").unwrap();
        store.set_favourite(&FavouriteTarget::Fellowship("fa".into()), true).unwrap();

        let mut next = parse_builtin(BUILTIN_FELLOWSHIPS).unwrap();
        next.version += 1;
        let al_anon = next.fellowships.iter_mut().find(|f| f.id == "al-anon").unwrap();
        al_anon.description = "A rewritten description. It says something new.".into();
        next.fellowships.retain(|f| f.id != "fa");
        assert!(store.load_builtin_directory(&next).unwrap());
        assert!(!store.load_builtin_directory(&next).unwrap(), "the same version is not written twice");

        let al_anon = store.fellowship("al-anon").unwrap();
        assert_eq!(al_anon.description, "A rewritten description. It says something new.");
        assert!(al_anon.favourite);
        assert_eq!(al_anon.notes, "Thursday meeting at the library");
        assert!(store.fellowship("fa").is_err(), "a fellowship gone from the data is gone from the list");

        // Going back to the shipped data brings it back, still a favourite.
        store.refresh_builtin_directory().unwrap();
        assert!(store.fellowship("fa").unwrap().favourite);
    }
}
