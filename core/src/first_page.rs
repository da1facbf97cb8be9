//! The first screen's data carried in the app's page itself. The shell serves the page with the
//! data in a JSON block, so the page draws its first screen in the same task that starts it,
//! without a round trip to the shell and the frames that go by meanwhile. A JSON block is never
//! run by the browser, so the page's content security policy is the same with it as without.

use crate::{Error, Result};
use serde::Serialize;

/// The id of the data block in the page.
pub const BLOCK_ID: &str = "first-screen";

/// The name of the `<meta>` that tells the page the desktop's own font family (see [`with_meta`]).
pub const DESKTOP_FONT: &str = "desktop-font";

/// `page` (the app's index.html) with `data` as JSON in a `<script type="application/json">` block
/// at the end of its head. An error when the page has no head to put it in.
pub fn with_data(page: &str, data: &impl Serialize) -> Result<String> {
    let json = serde_json::to_string(data).map_err(|e| Error::Data(e.to_string()))?;
    in_head(page, &format!(r#"<script type="application/json" id="{BLOCK_ID}">{}</script>"#, escape_for_html(&json)))
}

/// `page` with `<meta name="{name}" content="{content}">` at the end of its head, the content
/// escaped so that any text reads back as it was. An error when the page has no head.
pub fn with_meta(page: &str, name: &str, content: &str) -> Result<String> {
    in_head(page, &format!(r#"<meta name="{}" content="{}">"#, escape_attribute(name), escape_attribute(content)))
}

fn in_head(page: &str, element: &str) -> Result<String> {
    let at = page.find("</head>").ok_or_else(|| Error::Data("the app's page has no head".into()))?;
    Ok([&page[..at], element, &page[at..]].concat())
}

/// Text for a double-quoted attribute: it can neither end the attribute nor the tag.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// JSON that holds no `<`, `>` or `&`: the user's own words (a meeting named "</script>…") can then
/// neither end the block nor open a comment in it. In JSON these can only be inside strings, where
/// the `\u` escapes read back as the same characters.
fn escape_for_html(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const PAGE: &str = "<!doctype html><html><head><title>Homegroup</title>\
                        <script type=\"module\" src=\"/assets/index.js\"></script></head>\
                        <body><div id=\"app\"></div></body></html>";

    /// The block's text, as the page reads it (`textContent`): up to the first `</script`.
    fn block_text(page: &str) -> &str {
        let open = format!(r#"<script type="application/json" id="{BLOCK_ID}">"#);
        let start = page.find(&open).expect("the block is in the page") + open.len();
        let length = page[start..].find("</script").expect("the block ends");
        &page[start..start + length]
    }

    #[test]
    fn the_data_goes_at_the_end_of_the_head_and_reads_back_the_same() {
        let data = json!({ "lock": { "locked": false }, "today": { "title": "Tuesday night" } });
        let page = with_data(PAGE, &data).unwrap();
        assert!(page.starts_with("<!doctype html><html><head><title>Homegroup</title>"));
        assert!(page.contains(r#"</script><script type="application/json" id="first-screen">"#));
        assert!(page.ends_with("</head><body><div id=\"app\"></div></body></html>"));
        assert_eq!(serde_json::from_str::<Value>(block_text(&page)).unwrap(), data);
    }

    #[test]
    fn the_users_words_cannot_end_the_block_or_open_a_comment() {
        let name = "Step study </script><script>alert(1)</script> <!-- & more -->";
        let page = with_data(PAGE, &json!({ "name": name })).unwrap();
        let text = block_text(&page);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        assert_eq!(serde_json::from_str::<Value>(text).unwrap()["name"], name);
        // The page's own script and app element are still where they were, once each.
        assert_eq!(page.matches("<script").count(), 2);
        assert_eq!(page.matches(r#"<div id="app">"#).count(), 1);
    }

    #[test]
    fn a_page_without_a_head_is_an_error() {
        assert!(with_data("<p>No head here</p>", &json!({})).is_err());
        assert!(with_meta("<p>No head here</p>", DESKTOP_FONT, "Cantarell").is_err());
    }

    #[test]
    fn a_meta_goes_at_the_end_of_the_head() {
        let page = with_meta(PAGE, DESKTOP_FONT, "Noto Sans").unwrap();
        assert!(page.contains(r#"</script><meta name="desktop-font" content="Noto Sans"></head>"#), "{page}");
    }

    #[test]
    fn a_metas_content_cannot_end_the_attribute_or_the_tag() {
        let page = with_meta(PAGE, DESKTOP_FONT, r#"Odd" onload="alert(1)"><script>x</script> & Co"#).unwrap();
        let (_, rest) = page.split_once(r#"<meta name="desktop-font" content=""#).unwrap();
        let (content, after) = rest.split_once('"').unwrap();
        assert_eq!(content, "Odd&quot; onload=&quot;alert(1)&quot;&gt;&lt;script&gt;x&lt;/script&gt; &amp; Co");
        assert!(after.starts_with("></head>"), "{after}");
        assert_eq!(page.matches("<script").count(), 1, "no element was added: {page}");
    }
}
