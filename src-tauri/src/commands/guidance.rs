//! Guidance commands: each a one-line call into `homegroup_core::guidance`, in the language shown.
//! The guidance is bundled in the core, so these need no state.

use homegroup_core::guidance::{self, Checklist, GuidanceHit, GuidancePage, GuidanceSummary, NextStep};
use homegroup_core::i18n::current as locale;
use homegroup_core::Result;

/// The guidance topics, in reading order.
#[tauri::command]
pub fn guidance_index() -> Result<Vec<GuidanceSummary>> {
    guidance::index(locale())
}

/// One guidance page, rendered to HTML with raw HTML dropped.
#[tauri::command]
pub fn guidance_page(slug: String) -> Result<GuidancePage> {
    guidance::page(locale(), &slug)
}

/// Pages that contain every word of the query, best first.
#[tauri::command]
pub fn guidance_search(query: String) -> Result<Vec<GuidanceHit>> {
    guidance::search(locale(), &query)
}

/// The "Is now a good time?" checklist.
#[tauri::command]
pub fn guidance_checklist() -> Result<Checklist> {
    guidance::checklist(locale())
}

/// Gentle next steps for the signs the user ticked.
#[tauri::command]
pub fn guidance_next_steps(ticked: Vec<String>) -> Result<Vec<NextStep>> {
    guidance::next_steps(locale(), &ticked)
}
