use super::*;
use crate::directory::{FavouriteTarget, GroupInput};
use crate::import::ImportOptions;
use crate::meetings::{MeetingDetails, MeetingFilter, MeetingInput};
use crate::FixedClock;
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

const FEED: &str = r#"[
  {"name": "Feed Monday", "slug": "feed-monday", "day": 1, "time": "19:00", "group": "Monday Group"},
  {"name": "Feed Tuesday", "slug": "feed-tuesday", "day": 2, "time": "12:00"}
]"#;

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap())
}

/// A store with one of everything the user can make.
fn store_with(names: &[String], lead: Option<u32>, skip: bool, favourite_feed: bool) -> Store {
    let clock = clock();
    let mut store = Store::open_in_memory().unwrap();
    let opts =
        ImportOptions { time_zone: Some("America/New_York".into()), source: Some("feed".into()), ..Default::default() };
    store.import_feed(FEED.as_bytes(), &opts, &clock, &mut |_| {}).unwrap();
    let group =
        store.create_group(&GroupInput { name: "My home group".into(), ..GroupInput::default() }, &clock).unwrap();
    store.set_favourite(&FavouriteTarget::Group(group.id), true).unwrap();
    store.set_fellowship_notes("aa", "Sponsor: call Sam").unwrap();
    for (i, name) in names.iter().enumerate() {
        let input = MeetingInput {
            details: MeetingDetails {
                name: name.clone(),
                weekdays: vec![(i % 7) as u8],
                start_time: Some("18:30".into()),
                time_zone: "Europe/London".into(),
                ..MeetingDetails::default()
            },
            group: Some(group.id),
        };
        let m = store.create_meeting(&input, i % 2 == 0, &clock).unwrap();
        if i % 2 == 0 {
            store.add_to_schedule(m.id, lead, true, &clock).unwrap();
        }
    }
    let feed_monday = store.find_meeting("feed-monday").unwrap();
    store.add_to_schedule(feed_monday.id, Some(10), true, &clock).unwrap();
    if skip {
        store.set_skipped(feed_monday.id, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), true).unwrap();
    }
    store.set_attended(feed_monday.id, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), true, &clock).unwrap();
    if favourite_feed {
        store.set_meeting_favourite(store.find_meeting("feed-tuesday").unwrap().id, true).unwrap();
    }
    let mut settings = store.settings().unwrap();
    settings.default_lead_minutes = 45;
    store.save_settings(&settings).unwrap();
    store
}

#[test]
fn restores_into_an_empty_database() {
    let clock = clock();
    let mut source = store_with(&["Women's meeting".into(), "Steps".into()], Some(20), true, true);
    let backup = source.backup(&clock).unwrap();
    assert_eq!(backup.version, BACKUP_VERSION);
    // Every meeting, imported or not, and the list it came from.
    let slugs: Vec<Option<&str>> = backup.meetings.iter().map(|m| m.key.slug.as_deref()).collect();
    assert_eq!(slugs, [None, None, Some("feed-monday"), Some("feed-tuesday")]);
    assert_eq!(backup.import_sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["feed"]);

    let mut fresh = Store::open_in_memory().unwrap();
    let report = fresh.restore(&backup, &clock).unwrap();
    assert_eq!((report.meetings_added, report.groups_added, report.attendance_added), (4, 2, 1));
    assert_eq!(fresh.settings().unwrap().default_lead_minutes, 45);
    assert_eq!(fresh.fellowship("aa").unwrap().notes, "Sponsor: call Sam");
    let scheduled = fresh.meetings(&MeetingFilter { in_schedule_only: true, ..Default::default() }).unwrap();
    assert_eq!(scheduled.len(), 2);
    let monday = fresh.find_meeting("feed-monday").unwrap();
    assert_eq!((monday.lead_minutes, monday.group_name.as_deref()), (Some(10), Some("Monday Group")));

    // The same list imported again on the new device finds nothing to add.
    let opts =
        ImportOptions { time_zone: Some("America/New_York".into()), source: Some("feed".into()), ..Default::default() };
    let again = fresh.import_feed(FEED.as_bytes(), &opts, &clock, &mut |_| {}).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged, again.delisted), (0, 0, 2, 0));

    // Restoring again merges: nothing is added twice.
    let again = fresh.restore(&backup, &clock).unwrap();
    assert_eq!((again.meetings_added, again.groups_added, again.attendance_added, again.skips_added), (0, 0, 0, 0));
    assert_eq!(fresh.meetings(&MeetingFilter::default()).unwrap().len(), 4);
}

#[test]
fn merges_into_an_existing_database_without_touching_newer_feed_data() {
    let clock = clock();
    let mut source = store_with(&["Steps".into()], None, false, false);
    let backup = source.backup(&clock).unwrap();
    // Another device with the same feed, imported later with a new time.
    let mut other = Store::open_in_memory().unwrap();
    let newer = FEED.replace("\"19:00\"", "\"19:30\"");
    let opts =
        ImportOptions { time_zone: Some("America/New_York".into()), source: Some("feed".into()), ..Default::default() };
    other.import_feed(newer.as_bytes(), &opts, &clock, &mut |_| {}).unwrap();
    let report = other.restore(&backup, &clock).unwrap();
    assert_eq!((report.meetings_added, report.meetings_updated), (1, 2), "one made in the app, two from the list");
    let monday = other.find_meeting("feed-monday").unwrap();
    assert_eq!(monday.details.start_time.as_deref(), Some("19:30"), "the feed's newer time stays");
    assert!(monday.in_schedule, "the user's schedule comes back");
    assert_eq!(other.meetings(&MeetingFilter::default()).unwrap().len(), 3);
}

#[test]
fn a_newer_version_is_refused_clearly_and_other_files_are_not_backups() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.restore_bytes(br#"{"format": "homegroup-backup", "version": 99}"#, &clock()).unwrap_err();
    assert_eq!(err.payload().field.as_deref(), Some("version"));
    assert!(err.to_string().contains("newer Homegroup"));
    for bad in [&b"[]"[..], b"not json", br#"{"format": "other", "version": 1}"#] {
        let err = store.restore_bytes(bad, &clock()).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("file"));
    }
    assert!(store.meetings(&MeetingFilter::default()).unwrap().is_empty());
}

/// A version 1 backup, as Homegroup 0.1 wrote it: weekdays as a bit mask, `fellowship_id`, only
/// the imported meetings with something of the user's.
const BACKUP_V1: &str = r#"{
  "format": "homegroup-backup", "version": 1, "created_at": "2026-11-20T10:00:00Z",
  "settings": {"theme": "dark", "first_day_of_week": 0, "default_lead_minutes": 15, "discreet_notifications": true,
               "start_at_login": false, "ninety_in_ninety": true},
  "fellowship_notes": [{"fellowship_id": "na", "favourite": true, "notes": "Thursday book study"}],
  "groups": [{"key": {"uid": "g-1", "source": null, "source_key": null}, "name": "Home group", "fellowship_id": "na",
              "notes": "", "contact": "", "website": null, "favourite": true}],
  "meetings": [{"key": {"uid": "m-1", "source": null, "slug": null}, "name": "Mon and Wed", "fellowship_id": "na",
                "group": {"uid": "g-1", "source": null, "source_key": null}, "weekdays": 10, "date": null,
                "start_time": "19:30", "duration_minutes": 90, "time_zone": "America/Denver", "attendance": "hybrid",
                "types": ["O"], "location": "Hall", "address": "1 Main St", "latitude": null, "longitude": null,
                "location_notes": null, "conference_url": "https://example.org/j/1", "conference_url_notes": null,
                "conference_phone": null, "conference_phone_notes": null, "notes": null, "personal_notes": "bring tea",
                "active": true, "listed": true, "favourite": false, "source_updated": null,
                "schedule": {"lead_minutes": 20, "remind": true, "added_at": 1790000000}, "skips": ["2026-11-23"]}],
  "attendance": [{"meeting": {"uid": "m-1", "source": null, "slug": null}, "meeting_name": "Mon and Wed",
                  "local_date": "2026-11-18", "recorded_at": 1790000000}]
}"#;

#[test]
fn a_version_1_backup_still_restores() {
    let mut store = Store::open_in_memory().unwrap();
    let report = store.restore_bytes(BACKUP_V1.as_bytes(), &clock()).unwrap();
    assert_eq!((report.version, report.meetings_added, report.groups_added, report.attendance_added), (1, 1, 1, 1));
    let m = store.meetings(&MeetingFilter::default()).unwrap().remove(0);
    assert_eq!(m.details.weekdays, [1, 3], "Monday and Wednesday");
    assert_eq!(m.details.fellowship.as_deref(), Some("na"));
    assert_eq!((m.lead_minutes, m.group_name.as_deref()), (Some(20), Some("Home group")));
    assert_eq!(m.personal_notes, "bring tea");
    assert!(store.settings().unwrap().discreet_notifications);
}

#[test]
fn a_file_round_trip() {
    let clock = clock();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backup.json");
    let mut source = store_with(&["Steps".into()], Some(5), true, false);
    let summary = source.backup_to_file(&path, &clock, None).unwrap();
    assert_eq!(summary.meetings, 3);
    assert!(std::fs::read_to_string(&path).unwrap().contains("\"Steps\""), "a plain backup is JSON");
    let mut fresh = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let report = fresh.restore_from_file(&path, &clock, None, &mut |done, total| seen.push((done, total))).unwrap();
    assert_eq!(seen.last(), Some(&(3, 3)), "progress ends at the total");
    assert_eq!(report.meetings_added, 3);
    assert!(report.summary().starts_with("Restored: 3 meeting(s) added"));
}

const PASSPHRASE: &str = "caf\u{e9} on the corner, 7pm";
const NAMES: [&str; 2] = ["Women's Serenity Circle", "Tuesday Steps"];

/// One protected backup of `store_with(NAMES)`, made once for the tests below (scrypt is slow in
/// a debug build), with the document it holds.
fn protected() -> &'static (Vec<u8>, Backup) {
    static FILE: std::sync::OnceLock<(Vec<u8>, Backup)> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        let clock = clock();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.age");
        let mut source = store_with(&NAMES.map(String::from), Some(15), true, true);
        let summary = source.backup_to_file(&path, &clock, Some(PASSPHRASE)).unwrap();
        assert_eq!(summary.meetings, 4);
        (std::fs::read(&path).unwrap(), source.backup(&clock).unwrap())
    })
}

fn write(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backup");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn restore_file(store: &mut Store, bytes: &[u8], passphrase: Option<&str>) -> Result<RestoreReport> {
    let (_dir, path) = write(bytes);
    store.restore_from_file(&path, &clock(), passphrase, &mut |_, _| {})
}

fn field(result: Result<RestoreReport>) -> (String, String) {
    let e = result.unwrap_err();
    (e.payload().field.unwrap_or_default(), e.to_string())
}

/// Nothing of a backup's is in the store: no meeting, group, note or changed setting.
fn assert_untouched(store: &Store) {
    assert!(store.meetings(&MeetingFilter::default()).unwrap().is_empty());
    assert_eq!(store.settings().unwrap(), crate::settings::Settings::default());
    assert_eq!(store.fellowship("aa").unwrap().notes, "");
}

#[test]
fn a_protected_round_trip_hides_the_data_and_gives_it_back() {
    let (bytes, document) = protected();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "), "binary age, one passphrase recipient");
    assert!(is_protected(bytes));
    let text = String::from_utf8_lossy(bytes);
    for secret in NAMES.iter().chain(&["Sponsor: call Sam", "My home group", "Feed Monday", "homegroup-backup"]) {
        assert!(!text.contains(secret), "{secret} is in the file in plain text");
    }

    // Typed differently: decomposed accent (NFD) and a line ending from a terminal.
    let typed = "cafe\u{301} on the corner, 7pm\r\n";
    let mut fresh = Store::open_in_memory().unwrap();
    let report = restore_file(&mut fresh, bytes, Some(typed)).unwrap();
    assert_eq!((report.meetings_added, report.groups_added, report.attendance_added), (4, 2, 1));
    assert_eq!(&fresh.backup(&clock()).unwrap(), document, "the same data");
    assert_eq!(&parse(bytes, Some(PASSPHRASE)).unwrap(), document);
}

#[test]
fn a_protected_backup_without_its_passphrase_asks_for_it() {
    let (bytes, _) = protected();
    let mut store = Store::open_in_memory().unwrap();
    let (field_name, message) = field(restore_file(&mut store, bytes, None));
    assert_eq!(field_name, "passphrase");
    assert_eq!(message, "This backup is protected with a passphrase. Please type it to open the backup.");
    // The plain entry point (the fuzz target's) says the same, without deriving a key.
    let (field_name, _) = field(store.restore_bytes(bytes, &clock()));
    assert_eq!(field_name, "passphrase");
    // A blank one is not tried.
    let (field_name, message) = field(restore_file(&mut store, bytes, Some("  \n")));
    assert_eq!((field_name.as_str(), message.as_str()), ("passphrase", "Please type a passphrase."));
    assert_untouched(&store);
}

#[test]
fn another_passphrase_does_not_open_it_and_changes_nothing() {
    let (bytes, _) = protected();
    let mut store = Store::open_in_memory().unwrap();
    let (field_name, message) = field(restore_file(&mut store, bytes, Some("cafe on the corner, 7pm")));
    assert_eq!(field_name, "passphrase");
    assert_eq!(message, "That passphrase does not open this backup.");
    assert_untouched(&store);
}

#[test]
fn a_damaged_or_cut_short_protected_backup_is_refused_clearly() {
    let (bytes, _) = protected();
    let mut store = Store::open_in_memory().unwrap();
    // Cut in the header: found without the passphrase.
    let (field_name, message) = field(restore_file(&mut store, &bytes[..40], None));
    assert_eq!(field_name, "file");
    assert!(message.contains("damaged or incomplete"), "{message}");
    // Cut in the body: found once the passphrase opens the header.
    let (field_name, message) = field(restore_file(&mut store, &bytes[..bytes.len() - 20], Some(PASSPHRASE)));
    assert_eq!(field_name, "file");
    assert!(message.contains("damaged or incomplete"), "{message}");
    // Only the header and its nonce: the body is missing.
    let end_of_header = bytes.windows(5).position(|w| w == b"\n--- ").unwrap();
    let header_end = end_of_header + bytes[end_of_header + 1..].iter().position(|&b| b == b'\n').unwrap() + 2;
    let (field_name, message) = field(restore_file(&mut store, &bytes[..header_end + 16], Some(PASSPHRASE)));
    assert_eq!(field_name, "file");
    assert!(message.contains("damaged or incomplete"), "{message}");
    assert_untouched(&store);
}

#[test]
fn files_from_other_apps_are_not_backups() {
    let mut store = Store::open_in_memory().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    for (bytes, passphrase) in [
        (&png[..], None),
        (&png[..], Some(PASSPHRASE)),
        (br#"{"name": "Lewes Big Book", "day": 1}"#, None),
        (br#"[{"name": "Lewes Big Book"}]"#, Some(PASSPHRASE)),
        (b"", None),
    ] {
        let (field_name, message) = field(restore_file(&mut store, bytes, passphrase));
        assert_eq!((field_name.as_str(), message.as_str()), ("file", "This file is not a Homegroup backup."));
    }
    // An age file for a key, not a passphrase.
    let key = age::x25519::Identity::generate();
    let recipient = key.to_public();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut for_a_key = Vec::new();
    let mut w = encryptor.wrap_output(&mut for_a_key).unwrap();
    std::io::Write::write_all(&mut w, b"{}").unwrap();
    w.finish().unwrap();
    let (field_name, message) = field(restore_file(&mut store, &for_a_key, Some(PASSPHRASE)));
    assert_eq!(field_name, "file");
    assert!(message.contains("age key, not a passphrase"), "{message}");
    // age's text form.
    let (field_name, message) = field(restore_file(&mut store, b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n", None));
    assert_eq!(field_name, "file");
    assert!(message.contains("armored"), "{message}");
    // An age file of a newer version.
    let (field_name, message) = field(restore_file(&mut store, b"age-encryption.org/v2\nwhatever\n", None));
    assert_eq!(field_name, "file");
    assert!(message.contains("newer kind of encryption"), "{message}");
    assert_untouched(&store);
}

#[test]
fn a_refused_passphrase_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backup.age");
    let mut store = store_with(&[], None, false, false);
    for bad in ["", "   ", &"x".repeat(MAX_PASSPHRASE_CHARS + 1)] {
        let e = store.backup_to_file(&path, &clock(), Some(bad)).unwrap_err();
        assert_eq!(e.payload().field.as_deref(), Some("passphrase"));
        assert!(!path.exists());
    }
}

/// `tests/fixtures/backup/protected-v2.age`: a version 2 backup protected with the passphrase in
/// that folder's README (scrypt work factor 2^10, so it opens fast), as this version wrote it.
#[test]
fn a_protected_backup_from_a_fixture_restores() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/backup/protected-v2.age");
    let mut store = Store::open_in_memory().unwrap();
    let report =
        store.restore_from_file(&path, &clock(), Some("correct horse battery staple"), &mut |_, _| {}).unwrap();
    assert_eq!((report.version, report.meetings_added), (2, 3));
    assert!(store.meetings(&MeetingFilter::default()).unwrap().iter().any(|m| m.details.name == "Steps"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// backup → restore into a fresh store → backup gives the same document.
    #[test]
    fn backup_restore_backup_is_the_same_document(
        names in proptest::collection::vec("[A-Za-z][A-Za-z '&-]{0,20}", 0..5),
        lead in proptest::option::of(0u32..600),
        skip in any::<bool>(),
        favourite_feed in any::<bool>(),
    ) {
        let clock = clock();
        let mut source = store_with(&names, lead, skip, favourite_feed);
        let first = source.backup(&clock).unwrap();
        let mut fresh = Store::open_in_memory().unwrap();
        fresh.restore(&first, &clock).unwrap();
        let second = fresh.backup(&clock).unwrap();
        prop_assert_eq!(&first, &second);
        let text = serde_json::to_string(&first).unwrap();
        let mut third = Store::open_in_memory().unwrap();
        third.restore_bytes(text.as_bytes(), &clock).unwrap();
        prop_assert_eq!(&third.backup(&clock).unwrap(), &first);
    }
}

#[test]
fn people_and_recovery_counts_come_back_once_with_their_links() {
    use crate::people::{PeopleOf, PersonInput, Role};
    let clock = clock();
    let mut source = store_with(&["Steps".into()], None, false, false);
    let monday = source.find_meeting("feed-monday").unwrap();
    source
        .create_person(
            &PersonInput {
                name: "Sam".into(),
                phone: "+1 555 010 2030".into(),
                role: Role::Sponsor,
                meeting_id: Some(monday.id),
                group_id: monday.group,
                note: "Call before 9".into(),
                ..PersonInput::default()
            },
            &clock,
        )
        .unwrap();
    let now = crate::Clock::now(&clock);
    source.set_recovery_date("2025-01-10", "Clean date", now, chrono_tz::UTC).unwrap();
    source.start_new_count("2026-06-01", "Clean date", now, chrono_tz::UTC).unwrap();
    let backup = source.backup(&clock).unwrap();
    assert_eq!((backup.people.len(), backup.recovery_counts.len()), (1, 2));

    let mut fresh = Store::open_in_memory().unwrap();
    let report = fresh.restore(&backup, &clock).unwrap();
    assert_eq!((report.people_restored, report.counts_restored), (1, 2));
    let people = fresh.people(PeopleOf::Everyone).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!((people[0].role, people[0].note.as_str()), (Role::Sponsor, "Call before 9"));
    assert_eq!(people[0].meeting_name.as_deref(), Some(monday.details.name.as_str()), "linked to the same meeting");
    assert_eq!(people[0].group_name.as_deref(), Some("Monday Group"));
    assert_eq!(fresh.current_count().unwrap().unwrap().start_date, "2026-06-01");
    assert_eq!(fresh.earlier_counts().unwrap().len(), 1);

    // Again: merged by their ids, nothing twice.
    fresh.restore(&backup, &clock).unwrap();
    assert_eq!(fresh.people(PeopleOf::Everyone).unwrap().len(), 1);
    assert_eq!(fresh.earlier_counts().unwrap().len(), 1);
    // And the whole document comes out the same.
    let mut again = fresh.backup(&clock).unwrap();
    again.created_at.clone_from(&backup.created_at);
    assert_eq!(again.people, backup.people);
    assert_eq!(again.recovery_counts, backup.recovery_counts);
}

#[test]
fn a_version_2_backup_restores_with_no_people() {
    let clock = clock();
    let mut source = store_with(&["Steps".into()], None, false, false);
    let mut document = serde_json::to_value(source.backup(&clock).unwrap()).unwrap();
    document["version"] = 2.into();
    let object = document.as_object_mut().unwrap();
    object.remove("people");
    object.remove("recovery_counts");
    let mut fresh = Store::open_in_memory().unwrap();
    let report = fresh.restore_bytes(&serde_json::to_vec(&document).unwrap(), &clock).unwrap();
    assert_eq!((report.version, report.people_restored, report.meetings_added), (2, 0, 3));
}
