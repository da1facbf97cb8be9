//! The first screen's data carried in the app's page itself. The shell serves the page with the
//! data in a JSON block, so the page draws its first screen in the same task that starts it,
//! without a round trip to the shell and the frames that go by meanwhile. A JSON block is never
//! run by the browser, so the page's content security policy is the same with it as without.

use crate::{Error, Result};
use serde::Serialize;

/// The id of the data block in the page.
pub const BLOCK_ID: &str = "first-screen";

/// `page` (the app's index.html) with `data` as JSON in a `<script type="application/json">` block
/// at the end of its head. An error when the page has no head to put it in.
pub fn with_data(page: &str, data: &impl Serialize) -> Result<String> {
    let at = page.find("</head>").ok_or_else(|| Error::Data("the app's page has no head".into()))?;
    let json = serde_json::to_string(data).map_err(|e| Error::Data(e.to_string()))?;
    let block = format!(r#"<script type="application/json" id="{BLOCK_ID}">{}</script>"#, escape_for_html(&json));
    Ok([&page[..at], &block, &page[at..]].concat())
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
    }
}
