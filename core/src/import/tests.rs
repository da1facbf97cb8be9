use super::*;
use crate::directory::GroupInput;
use crate::meetings::{Attendance, Meeting, MeetingFilter};
use crate::notices::{FieldChange, FieldValue, MyChange, MyChangeKind};
use crate::FixedClock;
use crate::Store;
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Map, Value};

const SUSSEX: &str = include_str!("../../../tests/fixtures/meeting-guide/sussex-county-aa.json");
const MESSY: &str = include_str!("../../../tests/fixtures/meeting-guide/messy.json");
const BMLT: &str = include_str!("../../../tests/fixtures/bmlt/results.json");

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap())
}

fn options(source: &str, zone: &str, fellowship: Option<&str>) -> ImportOptions {
    ImportOptions {
        format: None,
        time_zone: Some(zone.into()),
        fellowship: fellowship.map(str::to_owned),
        source: Some(source.into()),
        allow_shrink: false,
    }
}

fn import(store: &mut Store, bytes: &str, opts: &ImportOptions) -> Result<ImportReport> {
    store.import_feed(bytes.as_bytes(), opts, &clock(), &mut |_| {})
}

fn by_slug(store: &Store, slug: &str) -> Meeting {
    store
        .meetings(&MeetingFilter::default())
        .unwrap()
        .into_iter()
        .find(|m| m.slug.as_deref() == Some(slug))
        .unwrap_or_else(|| panic!("no meeting {slug}"))
}

fn codes(m: &Meeting) -> Vec<&str> {
    m.details.types.iter().map(String::as_str).collect()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_real_sussex_feed_imports_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let opts = options("sussex-county-aa", "America/New_York", Some("aa"));
    let report = import(&mut store, SUSSEX, &opts).unwrap();
    assert_eq!(report.rows, 123);
    assert_eq!((report.added, report.updated, report.unchanged, report.delisted), (123, 0, 0, 0));
    assert_eq!(report.skipped_count, 0, "{:?}", report.skipped);
    let meetings = store.meetings(&MeetingFilter::default()).unwrap();
    assert_eq!(meetings.len(), 123);
    assert!(meetings
        .iter()
        .all(|m| m.details.time_zone == "America/New_York" && m.source.as_deref() == Some("sussex-county-aa")));
    assert!(meetings.iter().all(|m| m.details.fellowship.as_deref() == Some("aa")));

    let first = by_slug(&store, "rehoboth-beach-speaker");
    assert_eq!(first.details.weekdays, vec![0]);
    assert_eq!(first.details.start_time.as_deref(), Some("19:00"));
    assert_eq!(first.details.duration_minutes, 60);
    assert_eq!(codes(&first), ["O", "SP"]);
    assert_eq!(first.group_name.as_deref(), Some("Rehoboth Beach Sunday Group"));
    assert_eq!(first.details.address.as_deref(), Some("18 Olive Ave, Rehoboth Beach, DE 19971, USA"));
    // The feed's groups became groups marked with the source.
    let groups = store.groups().unwrap();
    assert!(!groups.is_empty());
    assert!(groups.iter().all(|g| g.source.as_deref() == Some("sussex-county-aa")));
    // ONL is said by attendance now, not kept as a type.
    assert!(meetings.iter().all(|m| !codes(m).contains(&"ONL")));
    assert_eq!(meetings.iter().filter(|m| m.details.attendance == Attendance::Online).count(), 28);
    // A meeting ending at midnight lasts until midnight.
    assert!(meetings.iter().all(|m| (1..=24 * 60).contains(&m.details.duration_minutes)));
}

#[test]
fn every_messy_case_is_handled_on_purpose() {
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, MESSY, &options("messy", "America/New_York", Some("aa"))).unwrap();

    // Skipped: blank name, bad time, missing name, a row that is a string, a duplicate slug.
    let skipped: Vec<(u32, Option<&str>, &str)> =
        report.skipped.iter().map(|p| (p.index, p.slug.as_deref(), p.field.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (10, Some("no-name"), "name"),
            (11, Some("bad-time"), "time"),
            (12, Some("missing-name"), "name"),
            (13, None, "row"),
            (14, Some("day-string"), "slug"),
        ]
    );
    assert_eq!(report.added, 11);
    assert_eq!(report.rows, 16);

    let m = by_slug(&store, "day-array");
    assert_eq!((m.details.weekdays.clone(), m.details.start_time.as_deref()), (vec![1, 3, 5], Some("07:00")));

    let m = by_slug(&store, "day-string");
    assert_eq!(
        (m.details.weekdays.clone(), m.details.start_time.as_deref(), m.details.duration_minutes),
        (vec![2], Some("19:00"), 90)
    );
    assert_eq!(codes(&m), ["O", "D", "SP"], "a types string, lower case");

    let m = by_slug(&store, "lower-pm");
    assert_eq!(m.details.start_time.as_deref(), Some("19:00"));
    assert_eq!((m.details.notes.clone(), m.details.location.clone()), (None, None), "null where a string is expected");
    assert_eq!(codes(&m), ["C", "BB-UNKNOWN"], "unknown codes are kept");
    assert!(report
        .warnings
        .iter()
        .any(|w| w.slug.as_deref() == Some("lower-pm") && w.field == "types" && w.message.contains("BB-UNKNOWN")));

    let m = by_slug(&store, "12345");
    assert_eq!(m.details.time_zone, "America/Chicago", "a row's own zone wins over the user's");
    assert!(m.details.types.is_empty());

    let m = by_slug(&store, "by-appointment");
    assert!(m.details.by_appointment() && m.details.weekdays.is_empty() && m.active);
    assert_eq!(m.details.time_zone, "America/New_York", "no timezone: the zone the user gave");

    let m = by_slug(&store, "old-onl");
    assert_eq!((m.details.attendance, codes(&m)), (Attendance::Online, vec!["O"]));
    let m = by_slug(&store, "old-tc");
    assert_eq!((m.details.attendance, m.active, codes(&m)), (Attendance::InPerson, false, vec!["C"]));

    let m = by_slug(&store, "zoommtg");
    assert_eq!(m.details.conference_url, None, "zoommtg:// is dropped");
    assert_eq!(
        m.details.conference_phone.as_deref(),
        Some("+13017158592,,85779615129#,,,,005088#"),
        "dial strings kept"
    );
    assert!(report.warnings.iter().any(|w| w.slug.as_deref() == Some("zoommtg") && w.field == "conference_url"));

    let m = by_slug(&store, "dial-pw");
    assert_eq!(m.details.conference_phone, None);
    assert_eq!(m.details.conference_url.as_deref(), Some("https://meet.example.org/x"));
    assert!(report.warnings.iter().any(|w| w.slug.as_deref() == Some("dial-pw") && w.field == "conference_phone"));

    let m = by_slug(&store, "inactive");
    assert!(!m.active && m.rule().is_none(), "kept, as not meeting now");

    let m = by_slug(&store, "with-group");
    assert_eq!(m.details.duration_minutes, 300, "19:30 to 00:30 crosses midnight");
    assert_eq!(codes(&m), ["O", "12x12"]);
    assert_eq!(m.details.attendance, Attendance::Hybrid);
    assert_eq!(m.group_name.as_deref(), Some("Friday Night Group"));
}

#[test]
fn bmlt_results() {
    let mut store = Store::open_in_memory().unwrap();
    let preview = store.preview_import(BMLT.as_bytes(), &options("na-area", "America/New_York", None)).unwrap();
    assert_eq!(preview.format, FeedFormat::Bmlt);
    assert_eq!(preview.guessed_fellowship.as_deref(), Some("na"));
    let report = import(&mut store, BMLT, &options("na-area", "America/New_York", Some("na"))).unwrap();
    assert_eq!(report.format, FeedFormat::Bmlt);
    assert_eq!(report.added, 3);
    let skipped: Vec<&str> = report.skipped.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(skipped, ["weekday_tinyint", "id_bigint"]);

    let m = by_slug(&store, "101");
    assert_eq!(
        (m.details.weekdays.clone(), m.details.start_time.as_deref(), m.details.duration_minutes),
        (vec![0], Some("19:00"), 90)
    );
    assert_eq!(m.details.time_zone, "America/New_York", "an empty time_zone is the user's");
    assert_eq!(m.details.address.as_deref(), Some("12 Elm St, Dover, DE, 19901"));
    assert_eq!(codes(&m), ["O", "D", "JT"]);
    let m = by_slug(&store, "102");
    assert_eq!(
        (m.details.weekdays.clone(), m.details.attendance, m.details.time_zone.as_str()),
        (vec![6], Attendance::Online, "America/Los_Angeles")
    );
    assert_eq!(m.details.conference_phone.as_deref(), Some("+16465588656,,958019765#"));
    let m = by_slug(&store, "103");
    assert_eq!((m.details.attendance, m.details.conference_url.clone()), (Attendance::Hybrid, None));
}

#[test]
fn reimport_is_idempotent_and_keeps_user_data() {
    let clock = clock();
    let mut store = Store::open_in_memory().unwrap();
    let opts = options("sussex-county-aa", "America/New_York", Some("aa"));
    import(&mut store, SUSSEX, &opts).unwrap();
    let m = by_slug(&store, "rehoboth-beach-speaker");
    store.add_to_schedule(m.id, Some(45), true, &clock).unwrap();
    store.set_meeting_notes(m.id, "Sit near the door").unwrap();
    store.set_meeting_favourite(m.id, true).unwrap();
    store.set_skipped(m.id, NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), true).unwrap();
    store.set_attended(m.id, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), true, &clock).unwrap();
    let own_group = store
        .create_group(&GroupInput { name: "Rehoboth Beach Sunday Group".into(), ..GroupInput::default() }, &clock)
        .unwrap();

    let report = import(&mut store, SUSSEX, &opts).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged, report.delisted), (0, 0, 123, 0));
    assert!(report.my_changes.is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 123, "no duplicates");
    let after = store.meeting(m.id).unwrap();
    assert_eq!(
        (after.in_schedule, after.lead_minutes, after.personal_notes.as_str(), after.favourite),
        (true, Some(45), "Sit near the door", true)
    );
    assert_eq!(count(&store, "SELECT count(*) FROM skips"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM attendance"), 1);
    let group = store.group(own_group.id).unwrap();
    assert_eq!((group.source, group.meeting_count), (None, 0), "the user's group is never touched");
}

#[test]
fn a_favourite_group_from_a_list_stays_a_favourite_through_re_imports() {
    const GROUP: &str = "Rehoboth Beach Sunday Group";
    let mut store = Store::open_in_memory().unwrap();
    let sussex = |fellowship: &str| options("sussex-county-aa", "America/New_York", Some(fellowship));
    import(&mut store, SUSSEX, &sussex("aa")).unwrap();
    let group_id = by_slug(&store, "rehoboth-beach-speaker").group.expect("the list names the meeting's group");
    store.set_favourite(&crate::directory::FavouriteTarget::Group(group_id), true).unwrap();
    let favourites = |store: &Store| -> Vec<String> {
        store.overview().unwrap().favourites.into_iter().map(|entry| entry.id).collect()
    };
    assert_eq!(favourites(&store), [group_id.to_string()]);

    let mut without: Vec<Value> = serde_json::from_str(SUSSEX).unwrap();
    without.retain(|m| m["group"] != GROUP);
    let without = serde_json::to_string(&without).unwrap();
    for (step, feed, fellowship) in [
        ("the same list again", SUSSEX, "aa"),
        // The group's row is rewritten: its fellowship changes with the list's.
        ("the list read as another fellowship's", SUSSEX, "na"),
        // The group outlives its meetings, which are kept as no longer listed.
        ("a list without the group's meeting", without.as_str(), "aa"),
        ("the whole list back", SUSSEX, "aa"),
    ] {
        import(&mut store, feed, &sussex(fellowship)).unwrap_or_else(|e| panic!("{step}: {e}"));
        let group = store.group(group_id).unwrap_or_else(|e| panic!("{step}: the group is gone: {e}"));
        assert!(group.favourite, "{step}: the group is no longer a favourite");
        assert_eq!(group.source.as_deref(), Some("sussex-county-aa"), "{step}");
        let same_name = count(&store, &format!("SELECT count(*) FROM groups WHERE name = '{GROUP}'"));
        assert_eq!(same_name, 1, "{step}: the same group, not a new one beside it");
        assert_eq!(favourites(&store), [group_id.to_string()], "{step}: Today still shows it");
    }
    assert_eq!(by_slug(&store, "rehoboth-beach-speaker").group, Some(group_id), "its meeting is in it again");
}

#[test]
fn a_list_whose_meetings_were_all_deleted_imports_again_into_its_groups() {
    let mut store = Store::open_in_memory().unwrap();
    let opts = options("sussex-county-aa", "America/New_York", Some("aa"));
    import(&mut store, SUSSEX, &opts).unwrap();
    let groups = count(&store, "SELECT count(*) FROM groups WHERE source = 'sussex-county-aa'");
    assert!(groups > 0, "the fixture names groups");
    for meeting in store.meetings(&MeetingFilter::default()).unwrap() {
        store.delete_meeting(meeting.id).unwrap();
    }

    let report = import(&mut store, SUSSEX, &opts).unwrap();
    assert_eq!(report.added, 123);
    assert_eq!(count(&store, "SELECT count(*) FROM groups WHERE source = 'sussex-county-aa'"), groups);
}

#[test]
fn a_changed_feed_updates_adds_and_delists_and_says_so_for_my_schedule() {
    let clock = clock();
    let mut store = Store::open_in_memory().unwrap();
    let opts = options("sussex-county-aa", "America/New_York", Some("aa"));
    import(&mut store, SUSSEX, &opts).unwrap();
    let mut feed: Vec<Value> = serde_json::from_str(SUSSEX).unwrap();
    let moved_slug = feed[0]["slug"].as_str().unwrap().to_owned();
    let gone_slug = feed[1]["slug"].as_str().unwrap().to_owned();
    let moved = by_slug(&store, &moved_slug);
    let gone = by_slug(&store, &gone_slug);
    store.add_to_schedule(moved.id, None, true, &clock).unwrap();
    store.add_to_schedule(gone.id, None, true, &clock).unwrap();
    store.set_meeting_notes(gone.id, "My home group").unwrap();

    feed[0]["time"] = "19:30".into();
    feed.remove(1);
    feed.push(serde_json::json!({"name": "Brand New", "slug": "brand-new", "day": 2, "time": "12:00"}));
    let changed = serde_json::to_string(&feed).unwrap();
    let report = import(&mut store, &changed, &opts).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged, report.delisted), (1, 1, 121, 1));
    assert_eq!(
        report.my_changes,
        [
            MyChange {
                meeting_id: moved.id,
                name: moved.details.name.clone(),
                kind: MyChangeKind::Changed,
                // The feed's end time stayed, so the meeting is half an hour shorter.
                changes: vec![
                    FieldChange {
                        field: "start_time".into(),
                        before: moved.details.start_time.clone().map(FieldValue::Text),
                        after: Some(FieldValue::Text("19:30".into())),
                    },
                    FieldChange {
                        field: "duration_minutes".into(),
                        before: Some(FieldValue::Number(60)),
                        after: Some(FieldValue::Number(30)),
                    },
                ],
            },
            MyChange {
                meeting_id: gone.id,
                name: gone.details.name.clone(),
                kind: MyChangeKind::NoLongerListed,
                changes: vec![],
            },
        ]
    );
    assert_eq!(store.meeting(moved.id).unwrap().details.start_time.as_deref(), Some("19:30"));
    let kept = store.meeting(gone.id).unwrap();
    assert!(!kept.listed && kept.in_schedule && kept.personal_notes == "My home group", "never deleted");

    // Back in the feed: listed again, same meeting.
    let report = import(&mut store, SUSSEX, &opts).unwrap();
    assert_eq!((report.added, report.delisted), (0, 1), "brand-new leaves");
    assert!(store.meeting(gone.id).unwrap().listed);
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 124);
}

#[test]
fn nothing_is_written_when_an_import_cannot_finish() {
    let mut store = Store::open_in_memory().unwrap();
    // Broken JSON after good rows.
    let broken = &SUSSEX[..SUSSEX.len() / 2];
    let err = import(&mut store, broken, &options("s", "America/New_York", None)).unwrap_err();
    assert_eq!(err.payload().field.as_deref(), Some("file"));
    // No zone for rows that name none.
    let err = import(&mut store, SUSSEX, &ImportOptions { time_zone: None, ..options("s", "", None) }).unwrap_err();
    assert_eq!(err.payload().field.as_deref(), Some("time_zone"));
    // A fellowship that does not exist, a zone that does not exist.
    let err = import(&mut store, SUSSEX, &options("s", "America/New_York", Some("xyz"))).unwrap_err();
    assert_eq!(err.payload().field.as_deref(), Some("fellowship"));
    let err = import(&mut store, SUSSEX, &options("s", "Mars/Base", None)).unwrap_err();
    assert_eq!(err.payload().field.as_deref(), Some("time_zone"));
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM groups"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM import_sources"), 0);
}

#[test]
fn the_preview_writes_nothing_and_guesses_the_fellowship() {
    let store = Store::open_in_memory().unwrap();
    let preview = store
        .preview_import(
            SUSSEX.as_bytes(),
            &ImportOptions { source: Some("sussex-county-aa".into()), ..Default::default() },
        )
        .unwrap();
    assert_eq!((preview.rows, preview.meetings, preview.first_meetings.len()), (123, 123, PREVIEW_MEETINGS));
    assert_eq!(preview.guessed_fellowship.as_deref(), Some("aa"));
    assert_eq!(preview.rows_without_time_zone, 123);
    assert!(!preview.previously_imported);
    assert_eq!(preview.first_meetings[0].name, "Rehoboth Beach Speaker");
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 0);

    let al_anon = r#"[{"name": "Al-Anon Serenity", "slug": "a", "day": 1, "time": "19:00", "types": ["POA"]}]"#;
    let preview = store.preview_import(al_anon.as_bytes(), &Default::default()).unwrap();
    assert_eq!(preview.guessed_fellowship.as_deref(), Some("al-anon"));
    // A wrapped list is read too.
    let wrapped = format!(r#"{{"formats": [], "meetings": {al_anon}}}"#);
    assert_eq!(store.preview_import(wrapped.as_bytes(), &Default::default()).unwrap().meetings, 1);
}

#[test]
fn problems_are_worded_in_the_language_of_the_moment() {
    use crate::i18n::{with_locale, Locale};
    let store = Store::open_in_memory().unwrap();
    let opts = options("messy", "America/New_York", Some("aa"));
    let message = |preview: &ImportPreview, slug: &str, field: &str| {
        let all = preview.skipped.iter().chain(&preview.warnings);
        all.filter(|p| p.slug.as_deref() == Some(slug) && p.field == field).map(|p| p.message.clone()).next().unwrap()
    };
    let english = store.preview_import(MESSY.as_bytes(), &opts).unwrap();
    let spanish = with_locale(Locale::Es, || store.preview_import(MESSY.as_bytes(), &opts)).unwrap();
    assert_eq!(message(&english, "no-name", "name"), "This row has no meeting name.");
    assert_eq!(message(&spanish, "no-name", "name"), "Esta fila no tiene el nombre de la reunión.");
    assert_eq!(
        message(&english, "lower-pm", "types"),
        "The type code \"BB-UNKNOWN\" is not known for aa; it is kept as it is."
    );
    assert_eq!(
        message(&spanish, "lower-pm", "types"),
        "El código de tipo “BB-UNKNOWN” no es conocido en aa; se guarda tal como está."
    );
    assert_eq!(
        message(&spanish, "day-string", "slug"),
        "Una fila anterior tiene el mismo slug, así que esta se dejó fuera."
    );
    let refused = with_locale(Locale::Es, || store.preview_import(b"[1, 2", &opts)).unwrap_err();
    assert!(refused.to_string().starts_with("This file is not a meeting list Homegroup can read (line 1, column 5"));
    assert!(refused
        .render(Locale::Es)
        .starts_with("Este archivo no es una lista de reuniones que Homegroup pueda leer"));
}

#[test]
fn type_codes_are_read_with_the_chosen_fellowship() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = r#"[{"name": "Parents", "slug": "p", "day": 1, "time": "19:00", "types": ["POA"]}]"#;
    import(&mut store, feed, &options("al-anon-list", "UTC", Some("al-anon"))).unwrap();
    import(&mut store, feed, &options("aa-list", "UTC", Some("aa"))).unwrap();
    // Each meeting read on its own (`Store::meeting`), named with its fellowship's table.
    let ids: Vec<i64> = store.meetings(&MeetingFilter::default()).unwrap().iter().map(|m| m.id).collect();
    let names: Vec<Option<String>> =
        ids.iter().map(|id| store.meeting(*id).unwrap().type_names[0].name.clone()).collect();
    assert!(names.contains(&Some("Parents of Alcoholics".into())));
    assert!(names.contains(&Some("Proof of Attendance".into())));
}

#[test]
fn a_large_generated_feed_imports() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = sample::meeting_guide_feed(2_000, 7);
    let mut seen = 0;
    let report =
        store.import_feed(&feed, &options("big", "America/New_York", Some("aa")), &clock(), &mut |n| seen = n).unwrap();
    assert_eq!((report.added, report.skipped_count), (2_000, 0));
    assert_eq!(seen, 2_000);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any bytes: an error or a report, never a panic, and never a half import.
    #[test]
    fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut store = Store::open_in_memory().unwrap();
        let result = store.import_feed(&bytes, &options("fuzz", "UTC", None), &clock(), &mut |_| {});
        if result.is_err() {
            prop_assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 0);
        }
    }

    /// Rows with random values in every field: never a panic; what lands is valid.
    #[test]
    fn never_panics_on_odd_values(values in proptest::collection::vec(
        prop_oneof![
            Just(Value::Null), any::<i64>().prop_map(Value::from), any::<f64>().prop_map(|f| serde_json::json!(f)),
            ".{0,12}".prop_map(Value::from), Just(serde_json::json!([1, "x", null])), Just(serde_json::json!({"a": 1})),
        ], 12)) {
        let keys = ["name", "slug", "day", "time", "end_time", "types", "timezone", "conference_url",
            "conference_phone", "attendance_option", "latitude", "group"];
        let row: Map<String, Value> = keys.iter().map(|k| k.to_string()).zip(values).collect();
        let feed = serde_json::to_vec(&vec![Value::Object(row.clone()), Value::Object(row)]).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        for format in [FeedFormat::MeetingGuide, FeedFormat::Bmlt] {
            let opts = ImportOptions { format: Some(format), ..options("fuzz", "UTC", None) };
            let _ = store.preview_import(&feed, &opts);
            let _ = store.import_feed(&feed, &opts, &clock(), &mut |_| {});
        }
        prop_assert!(store.meetings(&MeetingFilter::default()).is_ok());
    }
}
