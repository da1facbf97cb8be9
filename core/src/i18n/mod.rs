//! The languages Homegroup speaks, and which one to use: the user's choice, or the device's.
//! Every text the core words for people (errors, notifications, the tray, calendar alarms, import
//! problems) is worded in a [`Locale`] from the Project Fluent catalogues `core/i18n/en.ftl` and
//! `core/i18n/es.ftl`; the command line stays English.
//!
//! - here: the Language setting, the locales, and the one the app shows now ([`current`]);
//! - `catalogue.rs`: the catalogues, embedded in the binary, and [`text`];
//! - `message.rs`: [`Message`], a text's id and arguments, worded later in any locale (errors
//!   carry one, so the command line words them in English and the app in the user's language);
//! - `clock.rs`: times of day as each language writes them ("7:00 PM", "7:00 p. m.").

mod catalogue;
mod clock;
mod message;

pub use catalogue::{has_message, text};
pub use clock::{clock_time, time_phrase};
pub use fluent_bundle::FluentValue;
pub use message::{Arg, Message};

use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
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
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A locale for this thread only, set by [`with_locale`]; it wins over [`CURRENT`].
    static THIS_THREAD: Cell<Option<Locale>> = const { Cell::new(None) };
}

/// Sets the locale the app shows now, for every thread: the shell calls it with the Language
/// setting resolved against the device's language, at start, at unlock and when Settings are saved.
pub fn set_current(locale: Locale) {
    CURRENT.store(locale as u8, Ordering::Relaxed);
}

/// The locale the app shows now (English until the shell says otherwise).
pub fn current() -> Locale {
    if let Some(locale) = THIS_THREAD.with(Cell::get) {
        return locale;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Locale::Es,
        _ => Locale::En,
    }
}

/// Runs `work` with [`current`] answering `locale` on this thread only, whatever the app shows:
/// for tests, which run side by side in one process and must not change each other's language.
pub fn with_locale<T>(locale: Locale, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Locale>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THIS_THREAD.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(THIS_THREAD.with(|cell| cell.replace(Some(locale))));
    work()
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
mod tests;
