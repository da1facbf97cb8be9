use super::catalogue::{source, EN, ES};
use super::*;
use crate::Error;
use chrono::NaiveTime;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

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

/// Every message of a catalogue and the variables it uses (`{ $name }`, selectors and function
/// arguments alike), parsed with Fluent's own parser; a catalogue that does not parse fails.
fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source(locale))
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", locale.code()));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                for attribute in &message.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(found.insert(id.clone(), variables).is_none(), "{id} twice in {}.ftl", locale.code());
            }
            ast::Entry::Term(term) => panic!("{}.ftl: terms are not used (-{})", locale.code(), term.id.name),
            ast::Entry::Junk { content } => panic!("{}.ftl cannot read: {content}", locale.code()),
            _ => {}
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::MessageReference { id, .. } => {
            panic!("messages are not nested by reference ({})", id.name)
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let english = messages(Locale::En);
    let spanish = messages(Locale::Es);
    let only_english: Vec<&String> = english.keys().filter(|id| !spanish.contains_key(*id)).collect();
    let only_spanish: Vec<&String> = spanish.keys().filter(|id| !english.contains_key(*id)).collect();
    assert!(only_english.is_empty(), "missing from es.ftl: {only_english:?}");
    assert!(only_spanish.is_empty(), "missing from en.ftl: {only_spanish:?}");
    for (id, variables) in &english {
        assert_eq!(variables, &spanish[id], "{id} uses other variables in es.ftl");
    }
    assert!(english.len() > 150, "{} messages", english.len());
}

/// Strings in the code that look like ids of the catalogue and are not.
const NOT_MESSAGES: [&str; 1] = ["meeting-guide"];

#[test]
fn every_message_the_code_names_is_in_the_catalogue_and_every_message_is_used() {
    let english = messages(Locale::En);
    let prefixes: BTreeSet<&str> = english.keys().filter_map(|id| id.split('-').next()).collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named: BTreeSet<String> = BTreeSet::new();
    for dir in [root.join("src"), root.join("../src-tauri/src")] {
        rust_files(&dir, &mut |text| {
            // Every string literal that looks like an id of the catalogue ("error-…", "label-…").
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_id = literal.contains('-')
                    && !literal.ends_with('-')
                    && !NOT_MESSAGES.contains(&literal)
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && literal.split('-').next().is_some_and(|prefix| prefixes.contains(prefix));
                if looks_like_id || english.contains_key(literal) {
                    named.insert(literal.to_owned());
                }
            }
        });
    }
    let unknown: Vec<&String> = named.iter().filter(|id| !english.contains_key(*id)).collect();
    assert!(unknown.is_empty(), "named in the code but not in en.ftl: {unknown:?}");
    let unused: Vec<&String> = english.keys().filter(|id| !named.contains(*id)).collect();
    assert!(unused.is_empty(), "in en.ftl but named nowhere: {unused:?}");
}

fn rust_files(dir: &std::path::Path, each: &mut dyn FnMut(&str)) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, each);
        } else if path.extension().is_some_and(|e| e == "rs") {
            each(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn catalogues_load_into_bundles_without_errors() {
    for (locale, text) in [(Locale::En, EN), (Locale::Es, ES)] {
        let resource = fluent_bundle::FluentResource::try_new(text.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", locale.code()));
        let mut bundle = fluent_bundle::FluentBundle::new(vec![locale.code().parse().unwrap()]);
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{}: {errors:?}", locale.code()));
        assert!(has_message(locale, "error-locked"));
    }
    assert!(!has_message(Locale::Es, "no-such-message"));
}

#[test]
fn arguments_are_put_in_without_isolation_marks() {
    let worded = text(Locale::Es, "error-date-format", &[("text", FluentValue::from("mañana"))]);
    assert_eq!(worded, "“mañana” no es una fecha como 2026-12-24.");
    for locale in Locale::ALL {
        let worded = text(locale, "reminder-title", &[("name", "Serenity".into()), ("at", "x".into())]);
        assert!(!worded.contains(['\u{2068}', '\u{2069}']), "{worded:?}");
    }
}

#[test]
fn plurals_follow_each_language() {
    let minutes = |locale, n: i64| text(locale, "reminder-starts-in", &[("minutes", n.into())]);
    assert_eq!(minutes(Locale::En, 1), "Starts in 1 minute");
    assert_eq!(minutes(Locale::En, 5), "Starts in 5 minutes");
    assert_eq!(minutes(Locale::Es, 1), "Empieza en 1 minuto");
    assert_eq!(minutes(Locale::Es, 5), "Empieza en 5 minutos");
    let days = |locale, n: i64| text(locale, "milestone-days", &[("count", n.into())]);
    assert_eq!((days(Locale::En, 1), days(Locale::En, 30)), ("1 day".into(), "30 days".into()));
    assert_eq!((days(Locale::Es, 1), days(Locale::Es, 30)), ("1 día".into(), "30 días".into()));
    let years = |locale, n: i64| text(locale, "milestone-years", &[("count", n.into())]);
    assert_eq!((years(Locale::Es, 1), years(Locale::Es, 2)), ("1 año".into(), "2 años".into()));
    let wait =
        |locale, unit: &str, n: i64| Message::new("error-lock-wait").with("unit", unit).with("count", n).render(locale);
    assert_eq!(wait(Locale::En, "seconds", 30), "Too many wrong tries. Please wait 30 seconds before trying again.");
    assert_eq!(wait(Locale::En, "minute", 1), "Too many wrong tries. Please wait a minute before trying again.");
    assert_eq!(wait(Locale::En, "minutes", 5), "Too many wrong tries. Please wait 5 minutes before trying again.");
    assert_eq!(
        wait(Locale::Es, "seconds", 1),
        "Hubo demasiados intentos incorrectos. Espera 1 segundo antes de volver a intentarlo."
    );
    assert_eq!(
        wait(Locale::Es, "minutes", 5),
        "Hubo demasiados intentos incorrectos. Espera 5 minutos antes de volver a intentarlo."
    );
}

#[test]
fn times_of_day_as_each_language_writes_them() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(clock_time(t(19, 0), Locale::En), "7:00 PM");
    assert_eq!(clock_time(t(19, 0), Locale::Es), "7:00 p. m.");
    assert_eq!(clock_time(t(9, 5), Locale::Es), "9:05 a. m.");
    assert_eq!(clock_time(t(0, 30), Locale::Es), "12:30 a. m.");
    assert_eq!(clock_time(t(12, 0), Locale::Es), "12:00 p. m.");
    assert_eq!(clock_time(t(0, 30), Locale::En), "12:30 AM");
    assert_eq!(time_phrase(t(19, 0), Locale::En), "at 7:00 PM");
    assert_eq!(time_phrase(t(19, 0), Locale::Es), "a las 7:00 p. m.");
    assert_eq!(time_phrase(t(13, 0), Locale::Es), "a la 1:00 p. m.");
    assert_eq!(time_phrase(t(1, 15), Locale::Es), "a la 1:15 a. m.");
    assert_eq!(time_phrase(t(13, 0), Locale::En), "at 1:00 PM");
}

#[test]
fn an_error_is_english_on_the_command_line_and_spanish_in_the_app() {
    let error = crate::validation::required_text("name", "label-meeting-name", " ", 10).unwrap_err();
    assert_eq!(error.to_string(), "Please give a name for the meeting.");
    assert_eq!(error.render(Locale::Es), "Escribe el nombre de la reunión.");
    let error = crate::validation::required_text("name", "label-meeting-name", &"x".repeat(11), 10).unwrap_err();
    assert_eq!(error.to_string(), "Name for the meeting is too long (11 characters; at most 10).");
    assert_eq!(error.render(Locale::Es), "Hay demasiado texto en el nombre de la reunión (11 caracteres; máximo 10).");

    let payload = with_locale(Locale::Es, || error.payload());
    assert_eq!(payload.message, "Hay demasiado texto en el nombre de la reunión (11 caracteres; máximo 10).");
    assert_eq!((payload.key, payload.field.as_deref()), ("error-text-too-long", Some("name")));
    let json = serde_json::to_value(&payload).unwrap();
    assert_eq!(json["args"]["length"], 11);
    assert_eq!(json["args"]["label"], serde_json::json!({ "key": "label-meeting-name", "args": {} }));
    // Display stays English whatever the app shows.
    assert_eq!(
        with_locale(Locale::Es, || error.to_string()),
        "Name for the meeting is too long (11 characters; at most 10)."
    );

    let locked = Error::Locked;
    assert_eq!(locked.to_string(), "Homegroup is locked.");
    assert_eq!(locked.render(Locale::Es), "Homegroup tiene el bloqueo activado.");
    let missing = Error::from(std::io::Error::from(std::io::ErrorKind::NotFound));
    assert_eq!(missing.render(Locale::Es), "No se encontró el archivo o la carpeta.");
    let gone = crate::meetings::not_found(7);
    assert_eq!(
        (gone.to_string(), gone.render(Locale::Es)),
        ("Meeting 7 was not found".into(), "No se encontró la reunión 7.".into())
    );
}

#[test]
fn text_not_in_the_catalogue_is_shown_as_given() {
    let error = Error::invalid("ticked", "\"x\" is not one of the checklist's signs.");
    assert_eq!(error.to_string(), "\"x\" is not one of the checklist's signs.");
    assert_eq!(error.render(Locale::Es), "\"x\" is not one of the checklist's signs.");
    assert_eq!(error.payload().key, "untranslated");
    let label = crate::validation::required_text("name", "name for the group", "", 10).unwrap_err();
    assert_eq!(label.to_string(), "Please give a name for the group.");
}

#[test]
fn the_current_locale_can_be_set_for_one_thread() {
    assert_eq!(current(), Locale::En, "English until the shell says otherwise");
    assert_eq!(with_locale(Locale::Es, current), Locale::Es);
    assert_eq!(with_locale(Locale::Es, || with_locale(Locale::En, current)), Locale::En);
    assert_eq!(current(), Locale::En);
    let elsewhere = std::thread::spawn(|| with_locale(Locale::Es, || std::thread::spawn(current).join().unwrap()));
    assert_eq!(elsewhere.join().unwrap(), Locale::En, "only the thread that asked");
}
