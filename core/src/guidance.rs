//! Guidance on peer support, bundled from `assets/guidance/` and rendered here once: the pages in
//! reading order (`index.json`), the crisis resources shown on every guidance view (`crisis.md`),
//! word search over all of them, and the "Is now a good time?" checklist (`checklist.json`) with its
//! gentle next steps.
//!
//! Markdown becomes HTML with every piece of raw HTML dropped and links limited to in-app routes
//! (`#/…`) and `https:`, `tel:` and `sms:` addresses, so the UI can show the result with `{@html}`
//! and bundled text can never inject markup.

use crate::directory::fold;
use crate::{Error, Result};
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;
use ts_rs::TS;

/// The reading order of the pages.
const INDEX_JSON: &str = include_str!("../../assets/guidance/index.json");
const CHECKLIST_JSON: &str = include_str!("../../assets/guidance/checklist.json");
/// The crisis resources: a page of its own, not in the reading order, shown on every guidance view.
pub const CRISIS_SLUG: &str = "crisis";
/// The checklist's route (`#/guidance/checklist`); search may return it as a hit.
pub const CHECKLIST_SLUG: &str = "checklist";

/// Every bundled page. `include_str!` needs literal paths, so a page is listed here and in
/// `index.json`; a slug in the index without a source here is a data error (and a test failure).
const SOURCES: &[(&str, &str)] = &[
    ("what-is-peer-support", include_str!("../../assets/guidance/what-is-peer-support.md")),
    ("when-to-join", include_str!("../../assets/guidance/when-to-join.md")),
    ("benefits", include_str!("../../assets/guidance/benefits.md")),
    ("kinds-of-support", include_str!("../../assets/guidance/kinds-of-support.md")),
    ("finding-a-group", include_str!("../../assets/guidance/finding-a-group.md")),
    ("family-and-friends", include_str!("../../assets/guidance/family-and-friends.md")),
    ("open-and-closed-meetings", include_str!("../../assets/guidance/open-and-closed-meetings.md")),
    ("medication-and-groups", include_str!("../../assets/guidance/medication-and-groups.md")),
    ("online-meeting-privacy", include_str!("../../assets/guidance/online-meeting-privacy.md")),
    ("overdose", include_str!("../../assets/guidance/overdose.md")),
    (CRISIS_SLUG, include_str!("../../assets/guidance/crisis.md")),
];

/// A summary is the first paragraph, cut to whole sentences within this many characters.
const MAX_SUMMARY_CHARS: usize = 160;
/// Words shown before and after the first match in a search snippet.
const SNIPPET_WORDS_BEFORE: usize = 6;
const SNIPPET_WORDS_AFTER: usize = 18;

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
    /// Neighbours in reading order; `None` at either end and for the crisis page.
    pub previous: Option<GuidanceSummary>,
    pub next: Option<GuidanceSummary>,
}

/// A page that matches a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuidanceHit {
    /// A page's slug, `crisis`, or `checklist`: each is a route under `#/guidance/`.
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

/// The topics, in reading order.
pub fn index() -> Result<Vec<GuidanceSummary>> {
    Ok(library()?.pages.iter().map(Rendered::summary).collect())
}

/// One page by its slug (also `crisis`).
pub fn page(slug: &str) -> Result<GuidancePage> {
    let library = library()?;
    if slug == CRISIS_SLUG {
        return Ok(library.crisis.page(None, None));
    }
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
pub fn search(query: &str) -> Result<Vec<GuidanceHit>> {
    let folded = fold(query);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let library = library()?;
    let mut hits: Vec<(u32, usize, GuidanceHit)> = library
        .searchable()
        .enumerate()
        .filter_map(|(order, doc)| doc.score(&words).map(|(score, hit)| (score, order, hit)))
        .collect();
    hits.sort_by(|(score_a, order_a, _), (score_b, order_b, _)| score_b.cmp(score_a).then(order_a.cmp(order_b)));
    Ok(hits.into_iter().map(|(_, _, hit)| hit).collect())
}

/// The checklist's signs, without the rules for next steps.
pub fn checklist() -> Result<Checklist> {
    let file = checklist_file()?;
    Ok(Checklist {
        title: file.title.clone(),
        intro: file.intro.clone(),
        signs: file.signs.clone(),
        closing: file.closing.clone(),
    })
}

/// The next steps for the signs the user ticked: first the steps for each ticked sign, then the
/// general ones; when nothing is ticked, the steps for that. Never a score or a verdict.
pub fn next_steps(ticked: &[String]) -> Result<Vec<NextStep>> {
    let file = checklist_file()?;
    for id in ticked {
        if !file.signs.iter().any(|s| &s.id == id) {
            return Err(Error::invalid("ticked", format!("\"{id}\" is not one of the checklist's signs.")));
        }
    }
    let is_ticked = |when: &str| ticked.iter().any(|id| id == when);
    let step = |rule: &StepRule| NextStep { text: rule.text.clone(), link: rule.link.clone() };
    let steps = if ticked.is_empty() {
        file.next_steps.iter().filter(|r| r.when == WHEN_NONE).map(step).collect()
    } else {
        let specific = file.next_steps.iter().filter(|r| is_ticked(&r.when));
        let general = file.next_steps.iter().filter(|r| r.when == WHEN_ANY);
        specific.chain(general).map(step).collect()
    };
    Ok(steps)
}

// ---- loading -----------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    pages: Vec<String>,
}

const WHEN_ANY: &str = "any";
const WHEN_NONE: &str = "none";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistFile {
    title: String,
    intro: String,
    signs: Vec<ChecklistSign>,
    next_steps: Vec<StepRule>,
    closing: String,
}

/// A next step and when it shows: `any` (something ticked), `none` (nothing ticked) or a sign id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRule {
    when: String,
    text: String,
    link: Option<StepLink>,
}

struct Library {
    /// In reading order.
    pages: Vec<Rendered>,
    crisis: Rendered,
    /// The checklist, searchable like a page.
    checklist: Document,
}

impl Library {
    /// Everything search looks at, in the order ties are shown: pages, the checklist, crisis.
    fn searchable(&self) -> impl Iterator<Item = &Document> {
        self.pages.iter().map(|p| &p.document).chain([&self.checklist, &self.crisis.document])
    }
}

/// The embedded files, parsed and rendered on first use. Errors are kept as text because
/// [`Error`] is not `Clone`; they only happen if the bundled content is broken (which tests catch).
static LIBRARY: LazyLock<Result<Library, String>> = LazyLock::new(load_library);
static CHECKLIST: LazyLock<Result<ChecklistFile, String>> = LazyLock::new(|| load_checklist(CHECKLIST_JSON));

fn library() -> Result<&'static Library> {
    LIBRARY.as_ref().map_err(|e| Error::Data(e.clone()))
}

fn checklist_file() -> Result<&'static ChecklistFile> {
    CHECKLIST.as_ref().map_err(|e| Error::Data(e.clone()))
}

fn source(slug: &str) -> Result<&'static str, String> {
    SOURCES
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, markdown)| *markdown)
        .ok_or_else(|| format!("guidance page \"{slug}\" is listed in index.json but not bundled"))
}

fn load_library() -> Result<Library, String> {
    let index: IndexFile = serde_json::from_str(INDEX_JSON).map_err(|e| format!("assets/guidance/index.json: {e}"))?;
    let mut seen = HashSet::new();
    let mut pages = Vec::with_capacity(index.pages.len());
    for slug in &index.pages {
        if slug == CRISIS_SLUG || slug == CHECKLIST_SLUG || !seen.insert(slug.as_str()) {
            return Err(format!("guidance page \"{slug}\" cannot be listed in index.json"));
        }
        pages.push(render(slug, source(slug)?)?);
    }
    let crisis = render(CRISIS_SLUG, source(CRISIS_SLUG)?)?;
    let checklist = load_checklist(CHECKLIST_JSON)?;
    Ok(Library { pages, crisis, checklist: checklist.document() })
}

fn load_checklist(json: &str) -> Result<ChecklistFile, String> {
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
    fn document(&self) -> Document {
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

// ---- rendering ---------------------------------------------------------------------------------

/// A page rendered once: what the UI reads and what search looks at.
struct Rendered {
    html: String,
    toc: Vec<TocEntry>,
    summary: String,
    document: Document,
}

impl Rendered {
    fn summary(&self) -> GuidanceSummary {
        GuidanceSummary {
            slug: self.document.slug.clone(),
            title: self.document.title.clone(),
            summary: self.summary.clone(),
        }
    }

    fn page(&self, previous: Option<GuidanceSummary>, next: Option<GuidanceSummary>) -> GuidancePage {
        GuidancePage {
            slug: self.document.slug.clone(),
            title: self.document.title.clone(),
            html: self.html.clone(),
            toc: self.toc.clone(),
            previous,
            next,
        }
    }
}

/// Where a Markdown link may go.
#[derive(Debug, PartialEq, Eq)]
enum LinkTarget {
    /// A route of the app (`#/groups?for=family`): a plain hash link.
    InApp,
    /// Opened by the system's browser, dialer or messages app.
    External,
}

fn link_target(link_type: LinkType, dest: &str) -> Option<LinkTarget> {
    // An e-mail autolink's destination has no scheme (the writer would add `mailto:`).
    if link_type == LinkType::Email {
        return None;
    }
    let lower = dest.to_ascii_lowercase();
    if dest.starts_with("#/") {
        Some(LinkTarget::InApp)
    } else if ["https:", "tel:", "sms:"].iter().any(|scheme| lower.starts_with(scheme)) {
        Some(LinkTarget::External)
    } else {
        None
    }
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Drops raw HTML and images (their alt text stays as text), and writes link tags from trusted
/// code: in-app links as they are, external ones marked `data-external`, any other link as its
/// text alone. The only raw HTML left afterwards is the link tags written here.
fn sanitise<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    // Whether each open link wrote an `<a>`, so its end writes `</a>` only then.
    let mut open_links: Vec<bool> = Vec::new();
    for event in events {
        match event {
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Link { link_type, dest_url, .. }) => {
                let tag = match link_target(link_type, &dest_url) {
                    Some(LinkTarget::InApp) => Some(format!("<a href=\"{}\">", escape_attr(&dest_url))),
                    Some(LinkTarget::External) => Some(format!(
                        "<a href=\"{}\" data-external=\"true\" rel=\"noopener noreferrer\">",
                        escape_attr(&dest_url)
                    )),
                    None => None,
                };
                open_links.push(tag.is_some());
                if let Some(tag) = tag {
                    out.push(Event::InlineHtml(tag.into()));
                }
            }
            Event::End(TagEnd::Link) => {
                if open_links.pop() == Some(true) {
                    out.push(Event::InlineHtml("</a>".into()));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A heading's anchor: its folded text joined by dashes, made unique within the page.
fn heading_id(text: &str, taken: &mut HashSet<String>) -> String {
    let base = fold(text).replace(' ', "-");
    let base = if base.is_empty() { "section".to_owned() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn toc_level(level: HeadingLevel) -> Option<u8> {
    match level {
        HeadingLevel::H2 => Some(2),
        HeadingLevel::H3 => Some(3),
        _ => None,
    }
}

/// Renders one page: its title (the first `#` heading, left out of the body), HTML, table of
/// contents, summary and search sections.
fn render(slug: &str, markdown: &str) -> Result<Rendered, String> {
    let events = sanitise(Parser::new_ext(markdown, Options::empty()));

    let mut body: Vec<Event> = Vec::with_capacity(events.len());
    let mut title: Option<String> = None;
    let mut toc = Vec::new();
    let mut ids = HashSet::new();
    let mut sections = vec![Section::new(None, "")];
    let mut summary: Option<String> = None;
    // The heading being read: its level, its inner events and its text.
    let mut heading: Option<(HeadingLevel, Vec<Event>, String)> = None;
    // The text of the first paragraph, while it is being read.
    let mut first_paragraph: Option<String> = None;

    for event in events {
        if let Some((level, inner, text)) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let level = *level;
                    let text = collapse_whitespace(text);
                    let inner = std::mem::take(inner);
                    heading = None;
                    if level == HeadingLevel::H1 && title.is_none() {
                        title = Some(text);
                        continue;
                    }
                    let id = heading_id(&text, &mut ids);
                    if let Some(level) = toc_level(level) {
                        toc.push(TocEntry { id: id.clone(), text: text.clone(), level });
                    }
                    sections.push(Section::new(Some(id.clone()), &text));
                    body.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(CowStr::from(id)),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    }));
                    body.extend(inner);
                    body.push(Event::End(TagEnd::Heading(level)));
                }
                event => {
                    if let Some(t) = plain_text(&event) {
                        text.push_str(t);
                    }
                    inner.push(event);
                }
            }
            continue;
        }
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((*level, Vec::new(), String::new()));
                continue;
            }
            Event::Start(Tag::Paragraph) if summary.is_none() && title.is_some() => {
                first_paragraph = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(text) = first_paragraph.take() {
                    summary = Some(shorten(&text, MAX_SUMMARY_CHARS));
                }
            }
            _ => {}
        }
        let section = sections.last_mut().expect("there is always a section");
        if let Some(t) = plain_text(&event) {
            section.text.push_str(t);
            if let Some(p) = first_paragraph.as_mut() {
                p.push_str(t);
            }
        } else if matches!(event, Event::End(TagEnd::Paragraph | TagEnd::Item)) {
            section.text.push(' ');
        }
        body.push(event);
    }

    let title = title.filter(|t| !t.is_empty()).ok_or_else(|| format!("guidance page \"{slug}\" has no title"))?;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, body.into_iter());
    for section in &mut sections {
        section.index();
    }
    Ok(Rendered {
        html,
        toc,
        summary: summary.unwrap_or_default(),
        document: Document { slug: slug.to_owned(), title_words: folded_words(&title), title, sections },
    })
}

/// The text an event adds to what a reader sees (links and markup add none).
fn plain_text<'e>(event: &'e Event) -> Option<&'e str> {
    match event {
        Event::Text(t) | Event::Code(t) => Some(t),
        Event::SoftBreak | Event::HardBreak => Some(" "),
        _ => None,
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whole sentences that fit in `max` characters; a first sentence that is too long is cut at a
/// word and ends with "…".
fn shorten(text: &str, max: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut fits = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if text[..end].chars().count() > max {
            break;
        }
        if matches!(c, '.' | '!' | '?') && text[end..].starts_with(' ') {
            fits = Some(end);
        }
    }
    if let Some(end) = fits {
        return text[..end].to_owned();
    }
    let mut cut = String::new();
    for word in text.split(' ') {
        if cut.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

// ---- search ------------------------------------------------------------------------------------

/// What search knows of a page (or the checklist).
struct Document {
    slug: String,
    title: String,
    title_words: Vec<String>,
    /// The text before the first heading, then one per heading.
    sections: Vec<Section>,
}

struct Section {
    heading_id: Option<String>,
    heading_words: Vec<String>,
    /// The plain text, built while rendering.
    text: String,
    /// The text's words as written, each with its folded parts ("Al-Anon" → "al", "anon"; "—" → none).
    words: Vec<(String, Vec<String>)>,
}

impl Section {
    fn new(heading_id: Option<String>, heading: &str) -> Section {
        Section { heading_id, heading_words: folded_words(heading), text: String::new(), words: Vec::new() }
    }

    fn push_text(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push(' ');
        self.index();
    }

    fn index(&mut self) {
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

fn folded_words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A plural's singular, roughly: "families" → "famil" (a prefix of "family"), "groups" → "group".
fn stem(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        &word[..word.len() - 3]
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
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

#[cfg(test)]
mod tests {
    use super::*;

    fn slugs() -> Vec<String> {
        index().unwrap().into_iter().map(|s| s.slug).collect()
    }

    /// Every link destination in a Markdown text.
    fn link_destinations(markdown: &str) -> Vec<String> {
        Parser::new(markdown)
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
                _ => None,
            })
            .collect()
    }

    /// The routes the UI knows (see ui/src/lib/router.svelte.ts and the screens).
    fn is_known_route(href: &str, slugs: &[String]) -> bool {
        let Some(rest) = href.strip_prefix("#/") else { return false };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let segments: Vec<&str> = path.split('/').collect();
        let query_ok = |allowed: bool| {
            query.is_empty()
                || (allowed
                    && query.split('&').all(|pair| match pair.split_once('=') {
                        Some(("for", v)) => ["self", "family"].contains(&v),
                        Some(("format", v)) => ["in_person", "online", "phone"].contains(&v),
                        Some(("approach", v)) => {
                            serde_json::from_value::<crate::directory::Approach>(serde_json::Value::String(v.into()))
                                .is_ok()
                        }
                        Some(("q", v)) => !v.is_empty(),
                        _ => false,
                    }))
        };
        match segments.as_slice() {
            ["today"] | ["schedule"] | ["settings"] | ["guidance"] => query_ok(false),
            ["groups"] => query_ok(true),
            ["guidance", "checklist"] | ["guidance", "crisis"] => query_ok(false),
            ["guidance", slug] => query_ok(false) && slugs.iter().any(|s| s == slug),
            _ => false,
        }
    }

    #[test]
    fn every_page_in_the_index_renders_with_a_title_and_is_reachable() {
        let topics = index().unwrap();
        let listed: Vec<String> = serde_json::from_str::<IndexFile>(INDEX_JSON).unwrap().pages;
        assert_eq!(topics.iter().map(|t| t.slug.clone()).collect::<Vec<_>>(), listed, "reading order");
        assert_eq!(topics.len(), 10);
        for (i, topic) in topics.iter().enumerate() {
            let page = page(&topic.slug).unwrap();
            assert!(!page.title.is_empty());
            assert_eq!(page.title, topic.title);
            assert!(!topic.summary.is_empty() && topic.summary.chars().count() <= MAX_SUMMARY_CHARS + 1);
            assert!(!page.html.contains("<h1"), "{}: the title is not repeated in the body", topic.slug);
            assert!(page.html.contains("<p>"));
            assert!(!page.toc.is_empty(), "{} has sections", topic.slug);
            assert_eq!(page.previous.map(|p| p.slug), i.checked_sub(1).map(|j| topics[j].slug.clone()));
            assert_eq!(page.next.map(|p| p.slug), topics.get(i + 1).map(|t| t.slug.clone()));
        }
        // Every bundled page but the crisis one is in the reading order.
        for (slug, _) in SOURCES {
            assert!(*slug == CRISIS_SLUG || listed.iter().any(|l| l == slug), "{slug} is not in index.json");
        }
        assert_eq!(topics[1].title, "When to join a group");
        assert_eq!(
            topics[0].summary,
            "A peer support group is a group of people who meet regularly because they face similar struggles. \
             In the meetings, they help each other get through them."
        );
    }

    #[test]
    fn unknown_pages_are_not_found() {
        for slug in ["nope", "checklist", "", "../crisis"] {
            let error = page(slug).unwrap_err();
            assert_eq!(error.kind(), crate::ErrorKind::NotFound, "{slug}");
        }
    }

    #[test]
    fn crisis_renders_with_phone_and_text_links() {
        let crisis = page(CRISIS_SLUG).unwrap();
        assert_eq!(crisis.title, "If you need help now");
        assert!(crisis.previous.is_none() && crisis.next.is_none());
        assert!(crisis.html.contains(r#"<a href="tel:+18006624357" data-external="true""#), "{}", crisis.html);
        assert!(crisis.html.contains(">1-800-662-4357</a>"));
        assert!(crisis.html.contains(r#"<a href="tel:988" data-external="true""#));
        assert!(crisis.html.contains(r#"<a href="sms:988" data-external="true""#));
        assert!(!slugs().contains(&CRISIS_SLUG.to_owned()), "crisis is not a topic of its own");
    }

    #[test]
    fn raw_html_is_dropped() {
        let markdown = "# Title\n\n<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> there \
                        <script>alert(2)</script>.\n\n<div onclick=\"x()\">block</div>\n\n![pic](https://example.org/x.png \"t\")\n";
        let rendered = render("test", markdown).unwrap();
        for banned in ["<script", "alert(1)", "<img", "onerror", "<div", "onclick"] {
            assert!(!rendered.html.contains(banned), "{banned} survived: {}", rendered.html);
        }
        assert!(rendered.html.contains("<p>Hello  there alert(2).</p>"), "{}", rendered.html);
        assert!(rendered.html.contains("pic"), "an image's alt text stays as text");
    }

    #[test]
    fn only_in_app_https_tel_and_sms_links_are_kept() {
        let markdown = "# T\n\n[bad](javascript:alert(1)) [Bad2](JavaScript:alert(1)) [data](data:text/html,x) \
                        [file](file:///etc/passwd) [web](http://example.org) [rel](other.md) [frag](#top) \
                        <javascript:alert(3)> <someone@example.org>\n\n[in app](#/groups?for=family) \
                        [site](https://example.org/a?b=1&c=\"2\") [call](tel:988)\n";
        let html = render("test", markdown).unwrap().html;
        let hrefs: Vec<&str> = html.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        assert_eq!(
            hrefs,
            ["#/groups?for=family", "https://example.org/a?b=1&amp;c=&quot;2&quot;", "tel:988"],
            "{html}"
        );
        for banned in ["alert(1)", "data:", "file:", "http:", "other.md", "#top", "mailto"] {
            assert!(!html.contains(banned), "{banned} survived: {html}");
        }
        // An autolink's text is its address: it stays, as text only.
        assert!(html.contains("javascript:alert(3) someone@example.org"), "{html}");
        assert!(html.contains("bad Bad2 data file web rel frag"), "the text of a refused link stays: {html}");
        assert!(html.contains(r##"<a href="#/groups?for=family">in app</a>"##), "{html}");
        assert!(html.contains(
            r#"<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" data-external="true" rel="noopener noreferrer">site</a>"#
        ));
        assert!(html.contains(r#"<a href="tel:988" data-external="true" rel="noopener noreferrer">call</a>"#));
        assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
    }

    #[test]
    fn every_in_app_link_goes_to_a_known_route() {
        let slugs = slugs();
        let mut checked = 0;
        for (slug, markdown) in SOURCES {
            for dest in link_destinations(markdown) {
                if dest.starts_with("#/") {
                    assert!(is_known_route(&dest, &slugs), "{slug}: {dest} is not a route of the app");
                    checked += 1;
                } else {
                    assert!(link_target(LinkType::Inline, &dest).is_some(), "{slug}: {dest} would be dropped");
                }
            }
        }
        for rule in &checklist_file().unwrap().next_steps {
            if let Some(link) = &rule.link {
                assert!(is_known_route(&link.href, &slugs), "checklist: {} is not a route of the app", link.href);
                checked += 1;
            }
        }
        assert!(checked > 20, "only {checked} links checked");
        // The check itself refuses what the app cannot show.
        for bad in ["#/groups?for=everyone", "#/guidance/nope", "#/nowhere", "#/groups?q=", "https://x", "#/today?x=1"]
        {
            assert!(!is_known_route(bad, &slugs), "{bad}");
        }
        assert!(is_known_route("#/groups?for=family&format=online", &slugs));
        assert!(is_known_route("#/groups?q=MARA&approach=education", &slugs));
    }

    #[test]
    fn headings_have_unique_ids_and_make_the_table_of_contents() {
        let mut all = slugs();
        all.push(CRISIS_SLUG.to_owned());
        for slug in all {
            let page = page(&slug).unwrap();
            let mut ids = HashSet::new();
            for entry in &page.toc {
                assert!(ids.insert(entry.id.clone()), "{slug}: {} twice", entry.id);
                assert!(page.html.contains(&format!("<h{} id=\"{}\">", entry.level, entry.id)), "{slug}: {}", entry.id);
            }
        }
        let page = page("when-to-join").unwrap();
        assert_eq!(
            page.toc[0],
            TocEntry { id: "signs-it-may-be-a-good-time".into(), text: "Signs it may be a good time".into(), level: 2 }
        );

        let rendered = render("t", "# T\n\n## Café!\n\n### Café\n\n## ¿?\n\n## Café\n").unwrap();
        let ids: Vec<&str> = rendered.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["cafe", "cafe-2", "section", "cafe-3"]);
        assert_eq!(rendered.toc[1].level, 3);
    }

    #[test]
    fn a_page_without_a_title_is_refused() {
        assert!(render("t", "Just text.\n\n## A heading\n").is_err());
    }

    #[test]
    fn search_finds_words_in_the_right_pages() {
        let sober: Vec<String> = search("sober").unwrap().into_iter().map(|h| h.slug).collect();
        assert!(sober.contains(&"when-to-join".to_owned()), "{sober:?}");
        assert!(sober.contains(&"benefits".to_owned()), "{sober:?}");
        assert!(!sober.contains(&"crisis".to_owned()));

        let family = search("family").unwrap();
        assert_eq!(family[0].slug, "family-and-friends", "the title counts most: {family:?}");
        assert!(family.iter().any(|h| h.slug == "what-is-peer-support"));
        assert!(family.iter().any(|h| h.slug == "when-to-join"));

        // Case, accents and plurals do not matter; every word must be found.
        let hits = search("FAMÍLIES  Friends").unwrap();
        assert_eq!(hits[0].slug, "family-and-friends");
        let hit = &search("first meeting").unwrap()[0];
        assert_eq!(hit.slug, "finding-a-group");
        assert_eq!(hit.heading_id.as_deref(), Some("your-first-meeting"));
        assert!(hit.snippet.to_lowercase().contains("first meeting"), "{hit:?}");
        assert_eq!(search("helpline").unwrap()[0].slug, "crisis");
        assert_eq!(search("good time").unwrap().iter().filter(|h| h.slug == "checklist").count(), 1);

        assert!(search("").unwrap().is_empty());
        assert!(search("  ?! ").unwrap().is_empty());
        assert!(search("zebra").unwrap().is_empty());
        assert!(search("sober zebra").unwrap().is_empty());
    }

    #[test]
    fn the_checklist_has_signs_and_no_rules() {
        let checklist = checklist().unwrap();
        assert_eq!(checklist.title, "Is now a good time?");
        assert_eq!(checklist.signs.len(), 5);
        assert!(checklist.signs.iter().any(|s| s.id == "family"));
        assert!(!checklist.closing.is_empty());
    }

    #[test]
    fn next_steps_follow_the_ticked_signs() {
        let none = next_steps(&[]).unwrap();
        assert_eq!(none.len(), 1);
        assert!(none[0].text.starts_with("That is fine."));
        assert!(none[0].link.is_none());

        let family = next_steps(&["family".to_owned()]).unwrap();
        assert_eq!(family[0].link.as_ref().unwrap().href, "#/groups?for=family", "the ticked sign's step comes first");
        assert_eq!(family.len(), 4, "{family:?}");
        assert!(!family.iter().any(|s| s.text.starts_with("That is fine.")));
        assert!(!family.iter().any(|s| s.link.as_ref().is_some_and(|l| l.href == "#/guidance/kinds-of-support")));

        let both =
            next_steps(&["hard-alone".to_owned(), "after-treatment".to_owned(), "hard-alone".to_owned()]).unwrap();
        assert_eq!(both.len(), 5, "a sign ticked twice counts once: {both:?}");

        let error = next_steps(&["family".to_owned(), "nope".to_owned()]).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(error.payload().field.as_deref(), Some("ticked"));
        assert!(next_steps(&["any".to_owned()]).is_err());
    }

    #[test]
    fn a_broken_checklist_is_refused() {
        let base = r#"{"title":"t","intro":"i","signs":[{"id":"a","text":"A"}],"closing":"c","next_steps":"#;
        assert!(load_checklist(&format!(r#"{base}[{{"when":"a","text":"x","link":null}}]}}"#)).is_ok());
        assert!(load_checklist(&format!(r#"{base}[{{"when":"b","text":"x","link":null}}]}}"#)).is_err());
        let external = r#"[{"when":"any","text":"x","link":{"label":"l","href":"javascript:x"}}]}"#;
        assert!(load_checklist(&format!("{base}{external}")).is_err());
    }

    #[test]
    fn summaries_are_whole_sentences_or_cut_at_a_word() {
        assert_eq!(shorten("One. Two.", 160), "One. Two.");
        assert_eq!(shorten("First one here. Second one is much longer.", 20), "First one here.");
        assert_eq!(shorten("a very long first sentence without an end", 20), "a very long first…");
    }
}
