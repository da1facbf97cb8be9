//! The directory in Spanish (`assets/fellowships.es.json`): each fellowship's description and
//! meeting note in Spanish, and its name only where the fellowship itself uses a Spanish one (the
//! official English name otherwise). Laid over the stored English as the directory is read.

use super::Fellowship;
use crate::i18n::Locale;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const SPANISH: &str = include_str!("../../../assets/fellowships.es.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Translation {
    pub name: Option<String>,
    pub abbreviation: Option<String>,
    pub description: String,
    pub meetings_note: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct TranslationFile {
    /// The version of `fellowships.json` it was written for (a test keeps the two in step).
    #[cfg_attr(not(test), allow(dead_code))]
    pub version: i64,
    pub fellowships: HashMap<String, Translation>,
}

/// The file, parsed once; a broken file (a build's mistake, caught by the tests) leaves English.
pub(super) static TRANSLATIONS: LazyLock<Option<TranslationFile>> =
    LazyLock::new(|| serde_json::from_str(SPANISH).ok());

/// `fellowship` as shown in `locale`.
pub(super) fn localize(mut fellowship: Fellowship, locale: Locale) -> Fellowship {
    if locale == Locale::Es {
        if let Some(t) = TRANSLATIONS.as_ref().and_then(|file| file.fellowships.get(&fellowship.id)) {
            if let Some(name) = &t.name {
                fellowship.name.clone_from(name);
                fellowship.abbreviation.clone_from(&t.abbreviation);
            }
            fellowship.description.clone_from(&t.description);
            if fellowship.meetings_note.is_some() {
                fellowship.meetings_note.clone_from(&t.meetings_note);
            }
        }
    }
    fellowship
}
