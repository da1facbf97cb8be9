//! Markdown to HTML, once per page: the body, the table of contents, the summary and the text
//! search reads.
//!
//! The HTML is safe to show with `{@html}` because of [`sanitise`], which every page goes through
//! before it is written. It keeps the Markdown's own structure and text, and these links:
//! - in-app routes (`#/…`), as a plain `<a href>`;
//! - `https:`, `tel:` and `sms:` addresses, marked `data-external="true"` (the UI opens them in the
//!   system's browser, dialer or messages app) with `rel="noopener noreferrer"`.
//!
//! It drops all raw HTML (blocks and inline), images (their alt text stays as text), and links of
//! any other kind — other schemes (`http:`, `javascript:`, `data:`, `file:`, `mailto:`…),
//! relative paths, fragments and e-mail autolinks — of which only the link text stays.

use super::search::{Document, Section};
use super::{GuidancePage, GuidanceSummary, TocEntry};
use crate::text::{fold, folded_words};
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// A summary is the first paragraph, cut to whole sentences within this many characters.
pub(super) const MAX_SUMMARY_CHARS: usize = 160;

// ---- the sanitiser -----------------------------------------------------------------------------

/// Where a Markdown link may go.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum LinkTarget {
    /// A route of the app (`#/groups?for=family`): a plain hash link.
    InApp,
    /// Opened by the system's browser, dialer or messages app.
    External,
}

pub(super) fn link_target(link_type: LinkType, dest: &str) -> Option<LinkTarget> {
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

// ---- rendering ---------------------------------------------------------------------------------

/// A page rendered once: what the UI reads and what search looks at.
pub(super) struct Rendered {
    pub(super) html: String,
    pub(super) toc: Vec<TocEntry>,
    pub(super) summary: String,
    pub(super) document: Document,
}

impl Rendered {
    pub(super) fn summary(&self) -> GuidanceSummary {
        GuidanceSummary {
            slug: self.document.slug.clone(),
            title: self.document.title.clone(),
            summary: self.summary.clone(),
        }
    }

    pub(super) fn page(&self, previous: Option<GuidanceSummary>, next: Option<GuidanceSummary>) -> GuidancePage {
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
pub(super) fn render(slug: &str, markdown: &str) -> Result<Rendered, String> {
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
pub(super) fn shorten(text: &str, max: usize) -> String {
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
