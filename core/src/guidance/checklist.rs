//! The "Is now a good time?" checklist (`checklist.json`): its signs, the rules that choose the
//! next steps for the ticked ones, and its text for search.

use super::search::{Document, Section};
use super::{ChecklistSign, NextStep, StepLink, CHECKLIST_SLUG};
use crate::i18n::Locale;
use crate::text::folded_words;
use crate::{Error, Result};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

pub(super) const CHECKLIST_JSON: &str = include_str!("../../../assets/guidance/checklist.json");
pub(super) const CHECKLIST_JSON_ES: &str = include_str!("../../../assets/guidance/es/checklist.json");

pub(super) fn checklist_json(locale: Locale) -> &'static str {
    match locale {
        Locale::En => CHECKLIST_JSON,
        Locale::Es => CHECKLIST_JSON_ES,
    }
}

pub(super) const WHEN_ANY: &str = "any";
pub(super) const WHEN_NONE: &str = "none";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChecklistFile {
    pub(super) title: String,
    pub(super) intro: String,
    pub(super) signs: Vec<ChecklistSign>,
    pub(super) next_steps: Vec<StepRule>,
    pub(super) closing: String,
}

/// A next step and when it shows: `any` (something ticked), `none` (nothing ticked) or a sign id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepRule {
    pub(super) when: String,
    pub(super) text: String,
    pub(super) link: Option<StepLink>,
}

/// The embedded file, parsed on first use. Errors are kept as text because [`Error`] is not
/// `Clone`; they only happen if the bundled content is broken (which tests catch).
static CHECKLIST_EN: LazyLock<Result<ChecklistFile, String>> = LazyLock::new(|| load_checklist(CHECKLIST_JSON));
static CHECKLIST_ES: LazyLock<Result<ChecklistFile, String>> = LazyLock::new(|| load_checklist(CHECKLIST_JSON_ES));

pub(super) fn checklist_file(locale: Locale) -> Result<&'static ChecklistFile> {
    let file = match locale {
        Locale::En => &CHECKLIST_EN,
        Locale::Es => &CHECKLIST_ES,
    };
    file.as_ref().map_err(|e| Error::Data(e.clone()))
}

pub(super) fn load_checklist(json: &str) -> Result<ChecklistFile, String> {
    let file: ChecklistFile = serde_json::from_str(json).map_err(|e| format!("assets/guidance/checklist.json: {e}"))?;
    let mut ids = HashSet::new();
    for sign in &file.signs {
        if sign.id == WHEN_ANY || sign.id == WHEN_NONE || !ids.insert(sign.id.as_str()) {
            return Err(format!("checklist sign \"{}\" is reserved or repeated", sign.id));
        }
    }
    for rule in &file.next_steps {
        if rule.when != WHEN_ANY && rule.when != WHEN_NONE && !ids.contains(rule.when.as_str()) {
            return Err(format!("checklist next step for unknown sign \"{}\"", rule.when));
        }
        if let Some(link) = &rule.link {
            if !link.href.starts_with("#/") {
                return Err(format!("checklist link {:?} is not an in-app link", link.href));
            }
        }
    }
    Ok(file)
}

impl ChecklistFile {
    /// The next steps for the signs the user ticked: first the steps for each ticked sign, then
    /// the general ones; when nothing is ticked, the steps for that.
    pub(super) fn steps_for(&self, ticked: &[String]) -> Result<Vec<NextStep>> {
        for id in ticked {
            if !self.signs.iter().any(|s| &s.id == id) {
                return Err(Error::invalid("ticked", format!("\"{id}\" is not one of the checklist's signs.")));
            }
        }
        let is_ticked = |when: &str| ticked.iter().any(|id| id == when);
        let step = |rule: &StepRule| NextStep { text: rule.text.clone(), link: rule.link.clone() };
        let steps = if ticked.is_empty() {
            self.next_steps.iter().filter(|r| r.when == WHEN_NONE).map(step).collect()
        } else {
            let specific = self.next_steps.iter().filter(|r| is_ticked(&r.when));
            let general = self.next_steps.iter().filter(|r| r.when == WHEN_ANY);
            specific.chain(general).map(step).collect()
        };
        Ok(steps)
    }

    /// The checklist as search sees it: one section holding its intro, signs and closing.
    pub(super) fn document(&self) -> Document {
        let mut intro = Section::new(None, "");
        intro.push_text(&self.intro);
        for sign in &self.signs {
            intro.push_text(&sign.text);
        }
        intro.push_text(&self.closing);
        Document {
            slug: CHECKLIST_SLUG.to_owned(),
            title: self.title.clone(),
            title_words: folded_words(&self.title),
            sections: vec![intro],
        }
    }
}
