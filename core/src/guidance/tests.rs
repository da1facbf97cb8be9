//! The guidance's tests: the bundled content, rendering and its sanitiser, search and the
//! checklist, each through the functions the app calls where it can.

use super::checklist::{checklist_file, load_checklist};
use super::content::{IndexFile, INDEX_JSON, SOURCES};
use super::render::{link_target, render, shorten, MAX_SUMMARY_CHARS};
use super::*;
use crate::i18n::Locale;
use pulldown_cmark::{Event, LinkType, Parser, Tag};
use std::collections::HashSet;

fn slugs() -> Vec<String> {
    index(Locale::En).unwrap().into_iter().map(|s| s.slug).collect()
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
        // The crisis page is the UI's own (its CrisisCard), not a page of the core.
        ["guidance", "checklist"] | ["guidance", "crisis"] => query_ok(false),
        ["guidance", slug] => query_ok(false) && slugs.iter().any(|s| s == slug),
        _ => false,
    }
}

#[test]
fn every_page_in_the_index_renders_with_a_title_and_is_reachable() {
    let topics = index(Locale::En).unwrap();
    let listed: Vec<String> = serde_json::from_str::<IndexFile>(INDEX_JSON).unwrap().pages;
    assert_eq!(topics.iter().map(|t| t.slug.clone()).collect::<Vec<_>>(), listed, "reading order");
    assert_eq!(topics.len(), 10);
    for (i, topic) in topics.iter().enumerate() {
        let page = page(Locale::En, &topic.slug).unwrap();
        assert!(!page.title.is_empty());
        assert_eq!(page.title, topic.title);
        assert!(!topic.summary.is_empty() && topic.summary.chars().count() <= MAX_SUMMARY_CHARS + 1);
        assert!(!page.html.contains("<h1"), "{}: the title is not repeated in the body", topic.slug);
        assert!(page.html.contains("<p>"));
        assert!(!page.toc.is_empty(), "{} has sections", topic.slug);
        assert_eq!(page.previous.map(|p| p.slug), i.checked_sub(1).map(|j| topics[j].slug.clone()));
        assert_eq!(page.next.map(|p| p.slug), topics.get(i + 1).map(|t| t.slug.clone()));
    }
    // Every bundled page is in the reading order.
    for (slug, _) in SOURCES {
        assert!(listed.iter().any(|l| l == slug), "{slug} is not in index.json");
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
    // The crisis lines are the UI's own (its CrisisCard), not a page of the core.
    for slug in ["nope", "checklist", "", "../crisis", "crisis"] {
        let error = page(Locale::En, slug).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::NotFound, "{slug}");
    }
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
    assert_eq!(hrefs, ["#/groups?for=family", "https://example.org/a?b=1&amp;c=&quot;2&quot;", "tel:988"], "{html}");
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
    for rule in &checklist_file(Locale::En).unwrap().next_steps {
        if let Some(link) = &rule.link {
            assert!(is_known_route(&link.href, &slugs), "checklist: {} is not a route of the app", link.href);
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} links checked");
    // The check itself refuses what the app cannot show.
    for bad in ["#/groups?for=everyone", "#/guidance/nope", "#/nowhere", "#/groups?q=", "https://x", "#/today?x=1"] {
        assert!(!is_known_route(bad, &slugs), "{bad}");
    }
    assert!(is_known_route("#/groups?for=family&format=online", &slugs));
    assert!(is_known_route("#/groups?q=MARA&approach=education", &slugs));
}

#[test]
fn headings_have_unique_ids_and_make_the_table_of_contents() {
    for slug in slugs() {
        let page = page(Locale::En, &slug).unwrap();
        let mut ids = HashSet::new();
        for entry in &page.toc {
            assert!(ids.insert(entry.id.clone()), "{slug}: {} twice", entry.id);
            assert!(page.html.contains(&format!("<h{} id=\"{}\">", entry.level, entry.id)), "{slug}: {}", entry.id);
        }
    }
    let page = page(Locale::En, "when-to-join").unwrap();
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
    let sober: Vec<String> = search(Locale::En, "sober").unwrap().into_iter().map(|h| h.slug).collect();
    assert!(sober.contains(&"when-to-join".to_owned()), "{sober:?}");
    assert!(sober.contains(&"benefits".to_owned()), "{sober:?}");
    assert!(!sober.contains(&"crisis".to_owned()));

    let family = search(Locale::En, "family").unwrap();
    assert_eq!(family[0].slug, "family-and-friends", "the title counts most: {family:?}");
    assert!(family.iter().any(|h| h.slug == "what-is-peer-support"));
    assert!(family.iter().any(|h| h.slug == "when-to-join"));

    // Case, accents and plurals do not matter; every word must be found.
    let hits = search(Locale::En, "FAMÍLIES  Friends").unwrap();
    assert_eq!(hits[0].slug, "family-and-friends");
    let hit = &search(Locale::En, "first meeting").unwrap()[0];
    assert_eq!(hit.slug, "finding-a-group");
    assert_eq!(hit.heading_id.as_deref(), Some("your-first-meeting"));
    assert!(hit.snippet.to_lowercase().contains("first meeting"), "{hit:?}");
    assert!(
        search(Locale::En, "helpline").unwrap().iter().all(|h| h.slug != "crisis"),
        "the crisis lines are the UI's"
    );
    assert_eq!(search(Locale::En, "good time").unwrap().iter().filter(|h| h.slug == "checklist").count(), 1);

    assert!(search(Locale::En, "").unwrap().is_empty());
    assert!(search(Locale::En, "  ?! ").unwrap().is_empty());
    assert!(search(Locale::En, "zebra").unwrap().is_empty());
    assert!(search(Locale::En, "sober zebra").unwrap().is_empty());
}

#[test]
fn the_checklist_has_signs_and_no_rules() {
    let checklist = checklist(Locale::En).unwrap();
    assert_eq!(checklist.title, "Is now a good time?");
    assert_eq!(checklist.signs.len(), 5);
    assert!(checklist.signs.iter().any(|s| s.id == "family"));
    assert!(!checklist.closing.is_empty());
}

#[test]
fn next_steps_follow_the_ticked_signs() {
    let none = next_steps(Locale::En, &[]).unwrap();
    assert_eq!(none.len(), 1);
    assert!(none[0].text.starts_with("That is fine."));
    assert!(none[0].link.is_none());

    let family = next_steps(Locale::En, &["family".to_owned()]).unwrap();
    assert_eq!(family[0].link.as_ref().unwrap().href, "#/groups?for=family", "the ticked sign's step comes first");
    assert_eq!(family.len(), 4, "{family:?}");
    assert!(!family.iter().any(|s| s.text.starts_with("That is fine.")));
    assert!(!family.iter().any(|s| s.link.as_ref().is_some_and(|l| l.href == "#/guidance/kinds-of-support")));

    let both =
        next_steps(Locale::En, &["hard-alone".to_owned(), "after-treatment".to_owned(), "hard-alone".to_owned()])
            .unwrap();
    assert_eq!(both.len(), 5, "a sign ticked twice counts once: {both:?}");

    let error = next_steps(Locale::En, &["family".to_owned(), "nope".to_owned()]).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::InvalidInput);
    assert_eq!(error.payload().field.as_deref(), Some("ticked"));
    assert!(next_steps(Locale::En, &["any".to_owned()]).is_err());
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

/// The Spanish guidance has every page in the same order, with the same sections and the same
/// in-app links, so a reader can switch language on any page and keep their place.
#[test]
fn spanish_guidance_matches_the_english_page_for_page() {
    let english = index(Locale::En).unwrap();
    let spanish = index(Locale::Es).unwrap();
    assert_eq!(
        english.iter().map(|p| &p.slug).collect::<Vec<_>>(),
        spanish.iter().map(|p| &p.slug).collect::<Vec<_>>()
    );
    for (en, es) in english.iter().zip(&spanish) {
        assert_ne!(en.title, es.title, "{}: the Spanish page has its own title", en.slug);
        let (en_page, es_page) = (page(Locale::En, &en.slug).unwrap(), page(Locale::Es, &es.slug).unwrap());
        assert_eq!(en_page.toc.len(), es_page.toc.len(), "{}: the same sections", en.slug);
        let links = |html: &str| -> Vec<String> {
            html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_owned).collect()
        };
        assert_eq!(links(&en_page.html), links(&es_page.html), "{}: the same links", en.slug);
    }
    let checklist = checklist(Locale::Es).unwrap();
    assert_eq!(checklist.title, "¿Es un buen momento?");
    assert_eq!(
        checklist.signs.iter().map(|s| &s.id).collect::<Vec<_>>(),
        super::checklist(Locale::En).unwrap().signs.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    assert!(!next_steps(Locale::Es, &["family".to_owned()]).unwrap().is_empty());
    // Search reads the Spanish words, without their accents.
    let family: Vec<String> = search(Locale::Es, "familia").unwrap().into_iter().map(|h| h.slug).collect();
    assert!(family.contains(&"family-and-friends".to_owned()), "{family:?}");
    assert!(!search(Locale::Es, "reunion").unwrap().is_empty(), "reunión without its accent");
}
