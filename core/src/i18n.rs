//! The languages Homegroup speaks, and which one to use: the user's choice, or the device's.
//! Every text the core words for people (errors, notifications, the tray, calendar alarms) is
//! worded in a [`Locale`]; the command line stays English.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The Language setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Follow the device's language (English when it is one Homegroup does not speak).
    #[default]
    Device,
    En,
    Es,
}

/// A language Homegroup has text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The locale for a BCP 47 or POSIX tag ("es-MX", "es_US.UTF-8", "en"): its language, when
    /// Homegroup speaks it, else English.
    pub fn from_tag(tag: &str) -> Locale {
        let language = tag.split(['-', '_', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match language.as_str() {
            "es" => Locale::Es,
            _ => Locale::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }
}

/// The locale the app shows now, set by the shell from the Language setting (English until then):
/// what errors and bundled content crossing to the UI are worded in.
static CURRENT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

pub fn set_current(locale: Locale) {
    CURRENT.store(locale as u8, std::sync::atomic::Ordering::Relaxed);
}

pub fn current() -> Locale {
    match CURRENT.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Locale::Es,
        _ => Locale::En,
    }
}

impl Language {
    /// The locale to use, given the device's language tag.
    pub fn resolve(self, device_tag: &str) -> Locale {
        match self {
            Language::Device => Locale::from_tag(device_tag),
            Language::En => Locale::En,
            Language::Es => Locale::Es,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_language_is_followed_when_homegroup_speaks_it() {
        for (tag, locale) in [
            ("es-MX", Locale::Es),
            ("es_US.UTF-8", Locale::Es),
            ("ES", Locale::Es),
            ("en-GB", Locale::En),
            ("fr-FR", Locale::En),
            ("", Locale::En),
            ("C", Locale::En),
        ] {
            assert_eq!(Language::Device.resolve(tag), locale, "{tag}");
        }
        assert_eq!(Language::En.resolve("es-MX"), Locale::En);
        assert_eq!(Language::Es.resolve("en-US"), Locale::Es);
    }
}
