//! Word search over the rendered pages and the checklist: every query word must be found, and a
//! word in a title counts more than in a heading, which counts more than in the text.

use super::GuidanceHit;
use crate::text::{folded_words, stem};

/// Words shown before and after the first match in a search snippet.
const SNIPPET_WORDS_BEFORE: usize = 6;
const SNIPPET_WORDS_AFTER: usize = 18;

/// The documents that hold every word of `query` (folded, none empty), best first; ties keep
/// the documents' order.
pub(super) fn rank<'a>(documents: impl Iterator<Item = &'a Document>, query: &[&str]) -> Vec<GuidanceHit> {
    let mut hits: Vec<(u32, usize, GuidanceHit)> = documents
        .enumerate()
        .filter_map(|(order, doc)| doc.score(query).map(|(score, hit)| (score, order, hit)))
        .collect();
    hits.sort_by(|(score_a, order_a, _), (score_b, order_b, _)| score_b.cmp(score_a).then(order_a.cmp(order_b)));
    hits.into_iter().map(|(_, _, hit)| hit).collect()
}

/// What search knows of a page (or the checklist).
pub(super) struct Document {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) title_words: Vec<String>,
    /// The text before the first heading, then one per heading.
    pub(super) sections: Vec<Section>,
}

pub(super) struct Section {
    heading_id: Option<String>,
    heading_words: Vec<String>,
    /// The plain text, built while rendering.
    pub(super) text: String,
    /// The text's words as written, each with its folded parts ("Al-Anon" → "al", "anon"; "—" → none).
    words: Vec<(String, Vec<String>)>,
}

impl Section {
    pub(super) fn new(heading_id: Option<String>, heading: &str) -> Section {
        Section { heading_id, heading_words: folded_words(heading), text: String::new(), words: Vec::new() }
    }

    pub(super) fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push(' ');
        self.index();
    }

    pub(super) fn index(&mut self) {
        self.words = self.text.split_whitespace().map(|w| (w.to_owned(), folded_words(w))).collect();
    }

    fn count(&self, query_word: &str) -> usize {
        self.words.iter().filter(|(_, parts)| parts.iter().any(|p| word_matches(query_word, p))).count()
    }

    /// The text around the first word that matches any of `query`.
    fn snippet(&self, query: &[&str]) -> String {
        let first = self
            .words
            .iter()
            .position(|(_, parts)| parts.iter().any(|p| query.iter().any(|q| word_matches(q, p))))
            .unwrap_or(0);
        let start = first.saturating_sub(SNIPPET_WORDS_BEFORE);
        let end = (first + SNIPPET_WORDS_AFTER).min(self.words.len());
        let mut snippet = self.words[start..end].iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" ");
        if start > 0 {
            snippet.insert_str(0, "… ");
        }
        if end < self.words.len() {
            snippet.push_str(" …");
        }
        snippet
    }
}

/// Whether a folded query word finds a folded text word: the text word begins with the query
/// word (or its singular), or the text word is the query word's plural ("family" finds
/// "families").
fn word_matches(query: &str, text: &str) -> bool {
    if text.starts_with(stem(query)) {
        return true;
    }
    // Only a plural's own singular: "helps" must not find "helpline".
    let text_stem = stem(text);
    text_stem.len() < text.len() && query.starts_with(text_stem) && query.len() <= text_stem.len() + 1
}

impl Document {
    /// The score of this document for `query`, with its best section as a hit; `None` unless
    /// every word is found somewhere.
    fn score(&self, query: &[&str]) -> Option<(u32, GuidanceHit)> {
        let mut total = 0u32;
        for q in query {
            let in_title = self.title_words.iter().any(|t| word_matches(q, t));
            let in_headings =
                self.sections.iter().filter(|s| s.heading_words.iter().any(|t| word_matches(q, t))).count();
            let in_text: usize = self.sections.iter().map(|s| s.count(q)).sum();
            if !in_title && in_headings == 0 && in_text == 0 {
                return None;
            }
            total += 10 * u32::from(in_title) + 4 * in_headings.min(2) as u32 + in_text.min(5) as u32;
        }
        // The section that holds the most of the query; the earliest on a tie.
        let (best, best_score) = self
            .sections
            .iter()
            .map(|s| {
                let score: usize = query
                    .iter()
                    .map(|q| 4 * usize::from(s.heading_words.iter().any(|t| word_matches(q, t))) + s.count(q).min(3))
                    .sum();
                (s, score)
            })
            .fold((&self.sections[0], 0), |best, current| if current.1 > best.1 { current } else { best });
        let section = if best_score == 0 { &self.sections[0] } else { best };
        Some((
            total,
            GuidanceHit {
                slug: self.slug.clone(),
                title: self.title.clone(),
                heading_id: section.heading_id.clone(),
                snippet: section.snippet(query),
            },
        ))
    }
}
