//! Spanish end to end, in one launch, with the Language setting on Español: a reminder arrives
//! over D-Bus in Spanish; every main screen (Today, Schedule, a meeting, Groups, a fellowship,
//! Guidance, a guidance page, the checklist, Settings, People, Reach out) shows no English; a
//! guidance page and the crisis card are in Spanish; and Settings → Idioma switches to English and
//! back at once, without a restart.
//!
//! "No English" is checked against the English catalogue: a word that the English messages
//! (`ui/messages/en.json`) and the core's English catalogue (`core/i18n/en.ftl`) use and the
//! Spanish ones never do ("your", "meeting", "save" …) must not appear in any line the screen
//! shows, once proper names are taken out (the fellowships' names in both languages, and the
//! names this test gives its own meeting, group and person).

use chrono::{Datelike, Duration, Timelike, Utc};
use homegroup_core::i18n::{Language, Locale};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::people::{PersonInput, Role};
use homegroup_core::{Store, SystemClock};
use homegroup_e2e::harness::{workspace_root, App, Display, Profile};
use homegroup_e2e::notifications::{wait_for_notifications, NotificationServer};
use serde_json::Value;
use std::collections::BTreeSet;

const MEETING: &str = "Grupo Esperanza";
const PLACE: &str = "Salón parroquial";
const PERSON: &str = "Marisol";

/// Lower-case words of three letters or more in `text` (placeholders and markup taken out).
fn words(text: &str) -> BTreeSet<String> {
    let text = without_markup(text);
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// `text` without `{placeholders}` and `<tags>`.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' | '<' => depth += 1,
            '}' | '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every text in a catalogue: JSON strings (Paraglide's messages, variants included) or the
/// messages of a Fluent file (its `#` comments and message ids left out).
fn catalogue_words(path: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(workspace_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut all = BTreeSet::new();
    if path.ends_with(".json") {
        fn walk(value: &Value, all: &mut BTreeSet<String>) {
            match value {
                Value::String(s) => all.extend(words(s)),
                Value::Array(items) => items.iter().for_each(|v| walk(v, all)),
                // Declarations and selectors name inputs; `$schema` is a link.
                Value::Object(map) => map
                    .iter()
                    .filter(|(k, _)| !["declarations", "selectors", "$schema"].contains(&k.as_str()))
                    .for_each(|(_, v)| walk(v, all)),
                _ => {}
            }
        }
        walk(&serde_json::from_str(&text).expect("a JSON catalogue"), &mut all);
    } else {
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let message = match line.split_once(" = ") {
                Some((id, rest)) if !id.starts_with(' ') => rest,
                _ => line,
            };
            // Variant keys ("[one]") are not text.
            let message = message.trim_start().trim_start_matches('*');
            let message =
                if message.starts_with('[') { message.split_once(']').map_or("", |(_, r)| r) } else { message };
            all.extend(words(message));
        }
    }
    all
}

/// The words only English text uses: in the English catalogues and in neither Spanish one.
fn english_only_words() -> BTreeSet<String> {
    let english: BTreeSet<String> =
        catalogue_words("ui/messages/en.json").union(&catalogue_words("core/i18n/en.ftl")).cloned().collect();
    let spanish: BTreeSet<String> =
        catalogue_words("ui/messages/es.json").union(&catalogue_words("core/i18n/es.ftl")).cloned().collect();
    english.difference(&spanish).cloned().collect()
}

/// Runs `script` in the page.
async fn js(app: &App, script: &str, args: Vec<Value>) -> Value {
    app.driver.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}")).json().clone()
}

/// Opens a route the way a link does, and waits until `ready` shows.
async fn visit(app: &App, hash: &str, ready: &str) {
    js(app, "location.hash = arguments[0]; return null", vec![Value::from(hash)]).await;
    app.find(ready).await;
}

#[tokio::test]
async fn in_spanish_every_screen_a_guidance_page_the_crisis_card_and_a_reminder() {
    let display = Display::start_new();
    let server = NotificationServer::start(&display.name(), "spanish");
    let profile = Profile::new();
    // A meeting 5 minutes from now, reminded 30 minutes before: due already, so the app reminds of
    // it as it starts. Language: Español. A sponsor and a recovery date for People and Today.
    let starts = (Utc::now() + Duration::minutes(5)).with_second(0).unwrap();
    let (meeting_id, proper_names) = {
        let mut store = Store::open_in(&profile.data_dir()).unwrap();
        let mut settings = store.settings().unwrap();
        settings.language = Language::Es;
        settings.discreet_notifications = false;
        store.save_settings(&settings).unwrap();
        let details = MeetingDetails {
            name: MEETING.into(),
            weekdays: vec![starts.weekday().num_days_from_sunday() as u8],
            start_time: Some(starts.format("%H:%M").to_string()),
            time_zone: "UTC".into(),
            location: Some(PLACE.into()),
            fellowship: Some("aa".into()),
            ..MeetingDetails::default()
        };
        let meeting = store.create_meeting(&MeetingInput::from(details), true, &SystemClock).unwrap();
        store.add_to_schedule(meeting.id, Some(30), true, &SystemClock).unwrap();
        let person = PersonInput {
            name: PERSON.into(),
            phone: "+1 555 010 2030".into(),
            role: Role::Sponsor,
            ..PersonInput::default()
        };
        store.create_person(&person, &SystemClock).unwrap();
        store.set_recovery_date("2024-02-29", "", Utc::now(), chrono_tz::UTC).unwrap();
        // The data folder's path is shown in Settings; "Online Intergroup" and "Meeting Guide" are
        // names of an organisation and an app.
        let data_dir = profile.data_dir().display().to_string();
        let mut names: Vec<String> = vec![MEETING.into(), PLACE.into(), PERSON.into(), "Homegroup".into(), data_dir];
        names.extend(["Online Intergroup".into(), "Meeting Guide".into()]);
        for locale in Locale::ALL {
            for fellowship in store.fellowships_in(locale).unwrap() {
                names.push(fellowship.name);
                names.extend(fellowship.abbreviation);
            }
        }
        // Longest first, so a name is taken out before a shorter one inside it.
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        (meeting.id, names)
    };
    let english = english_only_words();
    assert!(english.contains("settings") && english.contains("your"), "the English words are read: {english:?}");

    let app = App::start(&profile).await;
    app.find("[data-testid=screen-today]").await;

    // The reminder, in Spanish: "Grupo Esperanza a las 7:05 p. m." / "Empieza en 5 minutos · Salón parroquial".
    let calls = wait_for_notifications(&server.log, 1, Utc::now() + Duration::seconds(30)).await;
    let reminder = &calls[0];
    assert!(reminder.summary.starts_with(&format!("{MEETING} a la")), "a Spanish title: {reminder:#?}");
    assert!(reminder.summary.ends_with(" m."), "a Spanish clock time (p. m. / a. m.): {reminder:#?}");
    assert!(reminder.body.starts_with("Empieza"), "a Spanish body: {reminder:#?}");
    assert!(reminder.body.contains(PLACE), "{reminder:#?}");

    // Every main screen: no line with a word only English uses.
    let screens = [
        ("#/today", "[data-testid=today-count]"),
        ("#/schedule", "[data-testid=week]"),
        (&*format!("#/schedule/m/{meeting_id}"), "[data-testid=meeting-name]"),
        ("#/schedule/new", "[data-testid=meeting-form]"),
        ("#/groups", "[data-testid=directory-list]"),
        ("#/groups/f/aa", "[data-testid=fellowship-notes]"),
        ("#/groups/new", "[data-testid=group-name-input]"),
        ("#/guidance", "[data-testid=guidance-topics]"),
        ("#/guidance/what-is-peer-support", "[data-testid=crisis]"),
        ("#/guidance/checklist", "[data-testid=checklist-submit]"),
        ("#/settings", "[data-testid=data-dir]"),
        ("#/people", "[data-testid=people-list]"),
        ("#/people/new", "[data-testid=person-form]"),
        ("#/reach-out", "[data-testid=reach-out-sponsor]"),
    ];
    let mut problems = Vec::new();
    for (hash, ready) in screens {
        visit(&app, hash, ready).await;
        let shown = js(&app, "return document.body.innerText", vec![]).await;
        for line in shown.as_str().unwrap_or_default().lines() {
            let mut plain = line.to_owned();
            for name in &proper_names {
                plain = plain.replace(name.as_str(), " ");
            }
            let found: Vec<String> = words(&plain).into_iter().filter(|w| english.contains(w)).collect();
            if !found.is_empty() {
                problems.push(format!("{hash}: {line:?} has English {found:?}"));
            }
        }
        app.screenshot(&format!("es-{}", hash.trim_start_matches("#/").replace('/', "-"))).await;
    }
    assert!(problems.is_empty(), "English shown in Spanish:\n{}", problems.join("\n"));

    // A guidance page and the crisis card, in Spanish (the crisis lines are the US's: it says so).
    visit(&app, "#/guidance/what-is-peer-support", "[data-testid=crisis]").await;
    app.wait_for_text("h1", "¿Qué es el apoyo entre pares?").await;
    app.wait_for_text("[data-testid=crisis]", "Si necesitas ayuda ahora").await;
    app.wait_for_text("[data-testid=crisis]", "Estados Unidos").await;

    // Settings → Idioma: English at once, then Español again, no restart.
    visit(&app, "#/settings", "[data-testid=language]").await;
    app.wait_for_text("body", "Idioma").await;
    app.click("[data-testid=language] option[value=en]").await;
    app.wait_for_text("body", "Language").await;
    app.click("[data-testid=language] option[value=es]").await;
    app.wait_for_text("body", "Idioma").await;
    app.stop().await;
}
