//! The bundled pages and their reading order, parsed and rendered once on first use.

use super::checklist::{checklist_json, load_checklist};
use super::render::{render, Rendered};
use super::search::Document;
use super::CHECKLIST_SLUG;
use crate::i18n::Locale;
use crate::{Error, Result};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The reading order of the pages.
pub(super) const INDEX_JSON: &str = include_str!("../../../assets/guidance/index.json");

/// Every bundled page, per language (`assets/guidance/` in English, `assets/guidance/es/` in
/// Spanish, the same slugs). `include_str!` needs literal paths, so a page is listed here and in
/// `index.json`; a slug in the index without a source here is a data error (and a test failure).
pub(super) const SOURCES: &[(&str, &str)] = &[
    ("what-is-peer-support", include_str!("../../../assets/guidance/what-is-peer-support.md")),
    ("when-to-join", include_str!("../../../assets/guidance/when-to-join.md")),
    ("benefits", include_str!("../../../assets/guidance/benefits.md")),
    ("kinds-of-support", include_str!("../../../assets/guidance/kinds-of-support.md")),
    ("finding-a-group", include_str!("../../../assets/guidance/finding-a-group.md")),
    ("family-and-friends", include_str!("../../../assets/guidance/family-and-friends.md")),
    ("open-and-closed-meetings", include_str!("../../../assets/guidance/open-and-closed-meetings.md")),
    ("medication-and-groups", include_str!("../../../assets/guidance/medication-and-groups.md")),
    ("online-meeting-privacy", include_str!("../../../assets/guidance/online-meeting-privacy.md")),
    ("overdose", include_str!("../../../assets/guidance/overdose.md")),
];

pub(super) const SOURCES_ES: &[(&str, &str)] = &[
    ("what-is-peer-support", include_str!("../../../assets/guidance/es/what-is-peer-support.md")),
    ("when-to-join", include_str!("../../../assets/guidance/es/when-to-join.md")),
    ("benefits", include_str!("../../../assets/guidance/es/benefits.md")),
    ("kinds-of-support", include_str!("../../../assets/guidance/es/kinds-of-support.md")),
    ("finding-a-group", include_str!("../../../assets/guidance/es/finding-a-group.md")),
    ("family-and-friends", include_str!("../../../assets/guidance/es/family-and-friends.md")),
    ("open-and-closed-meetings", include_str!("../../../assets/guidance/es/open-and-closed-meetings.md")),
    ("medication-and-groups", include_str!("../../../assets/guidance/es/medication-and-groups.md")),
    ("online-meeting-privacy", include_str!("../../../assets/guidance/es/online-meeting-privacy.md")),
    ("overdose", include_str!("../../../assets/guidance/es/overdose.md")),
];

pub(super) fn sources(locale: Locale) -> &'static [(&'static str, &'static str)] {
    match locale {
        Locale::En => SOURCES,
        Locale::Es => SOURCES_ES,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IndexFile {
    pub(super) pages: Vec<String>,
}

pub(super) struct Library {
    /// In reading order.
    pub(super) pages: Vec<Rendered>,
    /// The checklist, searchable like a page.
    pub(super) checklist: Document,
}

impl Library {
    /// Everything search looks at, in the order ties are shown: pages, then the checklist.
    pub(super) fn searchable(&self) -> impl Iterator<Item = &Document> {
        self.pages.iter().map(|p| &p.document).chain([&self.checklist])
    }
}

/// The embedded files, parsed and rendered on first use, per language. Errors are kept as text
/// because [`Error`] is not `Clone`; they only happen if the bundled content is broken (which tests
/// catch).
static LIBRARY_EN: LazyLock<Result<Library, String>> = LazyLock::new(|| load_library(Locale::En));
static LIBRARY_ES: LazyLock<Result<Library, String>> = LazyLock::new(|| load_library(Locale::Es));

pub(super) fn library(locale: Locale) -> Result<&'static Library> {
    let library = match locale {
        Locale::En => &LIBRARY_EN,
        Locale::Es => &LIBRARY_ES,
    };
    library.as_ref().map_err(|e| Error::Data(e.clone()))
}

fn source(locale: Locale, slug: &str) -> Result<&'static str, String> {
    sources(locale)
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, markdown)| *markdown)
        .ok_or_else(|| format!("guidance page \"{slug}\" is listed in index.json but not bundled"))
}

fn load_library(locale: Locale) -> Result<Library, String> {
    let index: IndexFile = serde_json::from_str(INDEX_JSON).map_err(|e| format!("assets/guidance/index.json: {e}"))?;
    let mut seen = HashSet::new();
    let mut pages = Vec::with_capacity(index.pages.len());
    for slug in &index.pages {
        if slug == CHECKLIST_SLUG || !seen.insert(slug.as_str()) {
            return Err(format!("guidance page \"{slug}\" cannot be listed in index.json"));
        }
        pages.push(render(slug, source(locale, slug)?)?);
    }
    let checklist = load_checklist(checklist_json(locale))?;
    Ok(Library { pages, checklist: checklist.document() })
}
