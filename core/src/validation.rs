//! Checks shared by every input the user or a file gives. Each failure names the field and says,
//! in plain words, what would be accepted.
//!
//! A `label` is what the field is called in those words: a label id of the catalogue
//! (`label-meeting-name`, worded in each language), or English words from code not yet worded
//! through the catalogue (shown as they are in every language).

use crate::i18n::{Arg, Message};
use crate::{Error, Result};

/// Longest name of a group or meeting.
pub const MAX_NAME: usize = 200;
/// Longest free text (notes).
pub const MAX_NOTES: usize = 5_000;
/// Longest short text (contact, location, address).
pub const MAX_SHORT: usize = 500;
/// Longest link.
pub const MAX_URL: usize = 2_000;

/// A required one-line text: trimmed, not empty, not too long.
pub fn required_text(field: &str, label: &'static str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid_input(field, Message::new("error-text-required").with("label", label_arg(label))));
    }
    bounded(field, label, value, max)
}

/// An optional text: trimmed; empty becomes `None`.
pub fn optional_text(field: &str, label: &'static str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => bounded(field, label, v, max).map(Some),
    }
}

fn bounded(field: &str, label: &'static str, value: &str, max: usize) -> Result<String> {
    let length = value.chars().count();
    if length > max {
        return Err(Error::invalid_input(
            field,
            Message::new("error-text-too-long").with("label", label_arg(label)).with("length", length).with("max", max),
        ));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Error::invalid_input(field, Message::new("error-text-unshowable").with("label", label_arg(label))));
    }
    Ok(value.to_owned())
}

/// A label as a message's argument: the catalogue's words for a label id, else the words given.
fn label_arg(label: &'static str) -> Arg {
    if label.starts_with("label-") {
        Arg::from(Message::new(label))
    } else {
        Arg::from(label)
    }
}

/// Whether `url` is an absolute http(s) link with a host, and nothing a browser would refuse.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = match lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(""); // user info is not the host
    let host_name = host.split(':').next().unwrap_or("");
    !host_name.is_empty()
        && (host_name.contains('.') || host_name == "localhost" || host_name.starts_with('['))
        && host_name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An optional web link: empty becomes `None`; anything else must be http(s).
pub fn optional_web_url(field: &str, label: &'static str, value: Option<&str>) -> Result<Option<String>> {
    let Some(url) = optional_text(field, label, value, MAX_URL)? else { return Ok(None) };
    if is_web_url(&url) {
        Ok(Some(url))
    } else {
        Err(Error::invalid_input(field, Message::new("error-web-address").with("label", label_arg(label))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls() {
        for good in
            ["https://www.aa.org/", "http://example.org", "HTTPS://Zoom.us/j/123?pwd=x", "https://localhost:8080/x"]
        {
            assert!(is_web_url(good), "{good} should be accepted");
        }
        for bad in [
            "javascript:alert(1)",
            "zoommtg://zoom.us/join?confno=1",
            "www.aa.org",
            "https://",
            "https:// aa.org",
            "ftp://example.org",
            "https://exa mple.org",
            "https://<script>/",
            "data:text/html,hi",
        ] {
            assert!(!is_web_url(bad), "{bad} should be refused");
        }
    }

    #[test]
    fn texts_are_trimmed_required_and_bounded() {
        assert_eq!(required_text("name", "name", "  Home group ", 20).unwrap(), "Home group");
        let err = required_text("name", "name", "   ", 20).unwrap_err();
        assert_eq!(err.to_string(), "Please give a name.");
        let err = required_text("name", "name", &"x".repeat(21), 20).unwrap_err();
        assert_eq!(err.to_string(), "Name is too long (21 characters; at most 20).");
        assert_eq!(optional_text("notes", "notes", Some("  "), 10).unwrap(), None);
        assert!(optional_text("notes", "notes", Some("a\u{0}b"), 10).is_err());
    }

    #[test]
    fn optional_web_url_names_the_field() {
        assert_eq!(optional_web_url("website", "website", Some("")).unwrap(), None);
        let err = optional_web_url("website", "website", Some("aa.org")).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("website"));
        assert!(err.to_string().contains("https://"));
    }
}
