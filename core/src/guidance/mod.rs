//! Guidance on peer support, bundled from `assets/guidance/` (Spanish in `assets/guidance/es/`) and
//! rendered here once per language: the pages in
//! reading order (`index.json`), word search over them, and the "Is now a good time?" checklist
//! (`checklist.json`) with its gentle next steps. The crisis lines are not here: the UI shows them
//! itself, on every guidance view and at `#/guidance/crisis`, without asking the core.
//!
//! Markdown becomes HTML with every piece of raw HTML dropped and links limited to in-app routes
//! (`#/…`) and `https:`, `tel:` and `sms:` addresses, so the UI can show the result with `{@html}`
//! and bundled text can never inject markup.
//!
//! The files: `content` holds the bundled sources and loads them, `render` turns Markdown into
//! safe HTML, `search` finds words in the rendered pages, `checklist` reads the checklist and
//! chooses its next steps.

mod checklist;
mod content;
mod render;
mod search;
#[cfg(test)]
mod tests;

use crate::i18n::Locale;
use crate::text::fold;
use crate::{Error, Result};
use checklist::checklist_file;
use content::library;
use render::Rendered;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The checklist's route (`#/guidance/checklist`); search may return it as a hit.
pub const CHECKLIST_SLUG: &str = "checklist";

/// One entry of the topic list, and the previous/next links of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuidanceSummary {
    pub slug: String,
    pub title: String,
    /// The first paragraph as plain text, shortened.
    pub summary: String,
}

/// A heading of a page, for its table of contents (`##` and `###` only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TocEntry {
    /// The heading's `id` in `html`, unique within the page.
    pub id: String,
    pub text: String,
    /// 2 or 3.
    pub level: u8,
}

/// A page ready to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuidancePage {
    pub slug: String,
    /// The page's first `#` heading, which the body does not repeat.
    pub title: String,
    /// Rendered by the core from bundled Markdown with raw HTML dropped. External links carry
    /// `data-external="true"` so the UI opens them in the system's apps.
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Neighbours in reading order; `None` at either end.
    pub previous: Option<GuidanceSummary>,
    pub next: Option<GuidanceSummary>,
}

/// A page that matches a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuidanceHit {
    /// A page's slug, or `checklist`: each is a route under `#/guidance/`.
    pub slug: String,
    pub title: String,
    /// The heading of the section that matches best, when it is not the page's opening.
    pub heading_id: Option<String>,
    /// Plain text around the first match.
    pub snippet: String,
}

/// The "Is now a good time?" checklist. There is no score and no verdict: ticked signs only
/// choose which gentle next steps to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Checklist {
    pub title: String,
    pub intro: String,
    pub signs: Vec<ChecklistSign>,
    pub closing: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSign {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NextStep {
    pub text: String,
    pub link: Option<StepLink>,
}

/// An in-app link (`#/…`) from a next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StepLink {
    pub label: String,
    pub href: String,
}

/// Adds this module's wire types to the TypeScript bindings.
pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    GuidanceSummary::export_all(cfg)?;
    TocEntry::export_all(cfg)?;
    GuidancePage::export_all(cfg)?;
    GuidanceHit::export_all(cfg)?;
    Checklist::export_all(cfg)?;
    ChecklistSign::export_all(cfg)?;
    NextStep::export_all(cfg)?;
    StepLink::export_all(cfg)?;
    Ok(())
}

/// The topics, in reading order, in `locale`.
pub fn index(locale: Locale) -> Result<Vec<GuidanceSummary>> {
    Ok(library(locale)?.pages.iter().map(Rendered::summary).collect())
}

/// One page by its slug, in `locale`.
pub fn page(locale: Locale, slug: &str) -> Result<GuidancePage> {
    let library = library(locale)?;
    let position = library
        .pages
        .iter()
        .position(|p| p.document.slug == slug)
        .ok_or_else(|| Error::NotFound(format!("The guidance page \"{slug}\"")))?;
    let previous = position.checked_sub(1).map(|i| library.pages[i].summary());
    let next = library.pages.get(position + 1).map(Rendered::summary);
    Ok(library.pages[position].page(previous, next))
}

/// Pages whose title, headings or text contain every word of `query` (ignoring case and accents;
/// a word also finds longer words it begins and its plural). Best matches first: a word in a title
/// counts more than in a heading, which counts more than in the text. An empty query finds nothing.
pub fn search(locale: Locale, query: &str) -> Result<Vec<GuidanceHit>> {
    let folded = fold(query);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    Ok(search::rank(library(locale)?.searchable(), &words))
}

/// The checklist's signs, without the rules for next steps.
pub fn checklist(locale: Locale) -> Result<Checklist> {
    let file = checklist_file(locale)?;
    Ok(Checklist {
        title: file.title.clone(),
        intro: file.intro.clone(),
        signs: file.signs.clone(),
        closing: file.closing.clone(),
    })
}

/// The next steps for the signs the user ticked: first the steps for each ticked sign, then the
/// general ones; when nothing is ticked, the steps for that. Never a score or a verdict.
pub fn next_steps(locale: Locale, ticked: &[String]) -> Result<Vec<NextStep>> {
    checklist_file(locale)?.steps_for(ticked)
}
