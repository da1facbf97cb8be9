//! The catalogues: one Fluent file per locale, embedded in the binary, each parsed into a bundle
//! once (the first time a text of that locale is worded) and kept for the life of the process.

use super::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// The English catalogue: every id the code uses.
pub(super) const EN: &str = include_str!("../../i18n/en.ftl");
/// The Spanish catalogue: the same ids with the same variables (the tests check).
pub(super) const ES: &str = include_str!("../../i18n/es.ftl");

pub(super) fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::En => EN,
        Locale::Es => ES,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(locale: Locale) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static ES_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match locale {
        Locale::En => &EN_BUNDLE,
        Locale::Es => &ES_BUNDLE,
    };
    cell.get_or_init(|| build(locale))
}

fn build(locale: Locale) -> Bundle {
    // A catalogue that does not parse fails the tests; should one slip through, the entries that
    // did parse are still used and the others fall back to English (see `text`).
    let resource = FluentResource::try_new(source(locale).to_owned()).unwrap_or_else(|(partial, _)| partial);
    let language: LanguageIdentifier = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // No Unicode isolation marks around arguments: notifications, the tray and calendar files show
    // them as boxes or stray characters, and every text here runs in one direction.
    bundle.set_use_isolating(false);
    // `CAPITALIZE($label)`: the argument with its first letter in capitals, for a sentence that
    // starts with it ("Name is too long").
    let _ = bundle.add_function("CAPITALIZE", |positional, _named| match positional {
        [FluentValue::String(text)] => FluentValue::from(capitalized(text)),
        [other] => other.clone(),
        _ => FluentValue::Error,
    });
    let _ = bundle.add_resource(resource);
    bundle
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether the catalogue of `locale` has a message `id`.
pub fn has_message(locale: Locale, id: &str) -> bool {
    bundle(locale).get_message(id).is_some_and(|m| m.value().is_some())
}

/// The text `id` in `locale`, with `args` put in its placeholders. An id missing from the Spanish
/// catalogue is worded in English; one missing from both is returned as it is (the tests check
/// that neither happens).
pub fn text(locale: Locale, id: &str, args: &[(&str, FluentValue)]) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return match locale {
            Locale::En => id.to_owned(),
            _ => text(Locale::En, id, args),
        };
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let worded = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    // A missing argument is worded as its name; the core's own tests fail on it.
    #[cfg(test)]
    assert!(errors.is_empty(), "{id} in {}: {errors:?}", locale.code());
    worded.into_owned()
}
