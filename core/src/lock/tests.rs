use super::*;
use crate::i18n::Language;
use crate::meetings::{MeetingDetails, MeetingInput};
use crate::{ErrorKind, FixedClock};
use chrono::{NaiveDate, TimeZone};

const SECRET_WORD: &str = "Pelican";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap()
}

/// A data folder with a meeting, notes and a daily copy, all holding [`SECRET_WORD`].
fn folder_with_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let input = MeetingInput::from(MeetingDetails {
        name: format!("{SECRET_WORD} Tuesday"),
        weekdays: vec![2],
        start_time: Some("19:00".into()),
        location: Some(format!("{SECRET_WORD} hall")),
        ..MeetingDetails::default()
    });
    let meeting = store.create_meeting(&input, true, &FixedClock::new(now())).unwrap();
    store.set_meeting_notes(meeting.id, &format!("{SECRET_WORD} notes")).unwrap();
    store.make_daily_backup(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    dir
}

fn lock_on(dir: &Path, pin: &str) -> Key {
    turn_on(dir, pin, SecretKind::Pin, false, KdfParams::FOR_TESTS, &mut |_| {}).unwrap()
}

/// Every file under `dir` that holds `word` in plain bytes.
fn files_holding(dir: &Path, word: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if std::fs::read(&path).unwrap().windows(word.len()).any(|w| w == word.as_bytes()) {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

fn meeting_names(store: &Store) -> Vec<String> {
    store.meetings(&Default::default()).unwrap().into_iter().map(|m| m.details.name).collect()
}

#[test]
fn turning_the_lock_on_encrypts_the_database_and_its_copies() {
    let dir = folder_with_data();
    assert!(!files_holding(dir.path(), SECRET_WORD).is_empty(), "the words are there in plain text first");
    let key = lock_on(dir.path(), "246810");
    assert_eq!(files_holding(dir.path(), SECRET_WORD), Vec::<String>::new(), "no file holds them now");
    assert!(!convert::is_plain_sqlite(&dir.path().join(DATABASE_FILE)));
    let (store, recovery) = open_store(dir.path(), Some(&key), now()).unwrap();
    assert!(recovery.is_none());
    assert_eq!(meeting_names(&store), [format!("{SECRET_WORD} Tuesday")]);
    // A copy made now is encrypted too, and a copy can be restored with the key.
    store.make_daily_backup(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
    let mut store = store;
    store.restore_backup("homegroup-2026-12-01.sqlite3").unwrap();
    assert_eq!(meeting_names(&store), [format!("{SECRET_WORD} Tuesday")]);
    drop(store);
    assert_eq!(files_holding(dir.path(), SECRET_WORD), Vec::<String>::new());
    let status = status(dir.path(), now()).unwrap();
    assert!(status.enabled && status.kind == Some(SecretKind::Pin));
}

#[test]
fn a_locked_store_is_never_opened_without_its_key_nor_taken_for_a_damaged_one() {
    let dir = folder_with_data();
    drop(lock_on(dir.path(), "246810"));
    let database = dir.path().join(DATABASE_FILE);
    let before = std::fs::read(&database).unwrap();
    let err = open_store(dir.path(), None, now()).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::Locked);
    assert_eq!(std::fs::read(&database).unwrap(), before, "untouched");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("unreadable")), "nothing moved aside: {names:?}");
}

#[test]
fn a_wrong_pin_is_refused_counted_across_restarts_and_then_waited_for() {
    let dir = folder_with_data();
    drop(lock_on(dir.path(), "246810"));
    for i in 0..5 {
        let e = unlock(dir.path(), "000000", now() + chrono::Duration::seconds(i)).err().unwrap();
        assert_eq!((e.kind(), e.to_string().as_str()), (ErrorKind::InvalidInput, "That PIN is not right."));
    }
    // A restart: the count is in the lock file.
    let at = now() + chrono::Duration::seconds(10);
    assert_eq!(status(dir.path(), at).unwrap().wait_seconds, 24, "30 s after the fifth try (at 4 s), 6 s of it gone");
    let e = unlock(dir.path(), "246810", at).err().unwrap();
    assert!(e.to_string().contains("Please wait"), "even the right PIN waits: {e}");
    let later = now() + chrono::Duration::seconds(40);
    assert!(unlock(dir.path(), "000000", later).is_err());
    assert_eq!(status(dir.path(), later).unwrap().wait_seconds, 60, "each wrong try doubles the wait");
    let key = unlock(dir.path(), "246810", later + chrono::Duration::seconds(61)).unwrap();
    assert_eq!(status(dir.path(), later).unwrap().wait_seconds, 0, "a right PIN clears the count");
    let (store, _) = open_store(dir.path(), Some(&key), now()).unwrap();
    assert_eq!(meeting_names(&store).len(), 1, "wrong tries never erase anything");
}

#[test]
fn the_wait_doubles_up_to_fifteen_minutes() {
    let waits: Vec<u32> = (0..16).map(|f| wait_before_next_try(f, Some(now().timestamp()), now())).collect();
    assert_eq!(waits[..5], [0, 0, 0, 0, 0]);
    assert_eq!(waits[5..10], [30, 60, 120, 240, 480]);
    assert!(waits[10..].iter().all(|w| *w == 900));
}

#[test]
fn changing_the_pin_rekeys_everything_and_turning_it_off_decrypts() {
    let dir = folder_with_data();
    drop(lock_on(dir.path(), "246810"));
    let key = change(
        dir.path(),
        "246810",
        "a new long passphrase",
        SecretKind::Passphrase,
        KdfParams::FOR_TESTS,
        now(),
        &mut |_| {},
    )
    .unwrap();
    assert!(unlock(dir.path(), "246810", now()).is_err(), "the old PIN no longer opens it");
    let (mut store, _) = open_store(dir.path(), Some(&key), now()).unwrap();
    store.restore_backup("homegroup-2026-12-01.sqlite3").unwrap();
    assert_eq!(meeting_names(&store).len(), 1, "the copy was rekeyed with the database");
    drop(store);
    assert_eq!(status(dir.path(), now()).unwrap().kind, Some(SecretKind::Passphrase));

    turn_off(dir.path(), "a new long passphrase", now(), &mut |_| {}).unwrap();
    assert!(convert::is_plain_sqlite(&dir.path().join(DATABASE_FILE)));
    assert!(!status(dir.path(), now()).unwrap().enabled);
    let (mut store, _) = open_store(dir.path(), None, now()).unwrap();
    store.restore_backup("homegroup-2026-12-01.sqlite3").unwrap();
    assert_eq!(meeting_names(&store), [format!("{SECRET_WORD} Tuesday")]);
}

#[test]
fn bad_secrets_change_nothing() {
    let dir = folder_with_data();
    for (pin, kind) in [
        ("12345", SecretKind::Pin),
        ("12a456", SecretKind::Pin),
        ("        ", SecretKind::Pin),
        ("too short", SecretKind::Passphrase),
    ] {
        let e = turn_on(dir.path(), pin, kind, false, KdfParams::FOR_TESTS, &mut |_| {}).err().unwrap();
        assert_eq!(e.payload().field.as_deref(), Some("new_pin"), "{pin:?}: {e}");
    }
    assert!(!status(dir.path(), now()).unwrap().enabled);
    assert!(convert::is_plain_sqlite(&dir.path().join(DATABASE_FILE)));
}

#[test]
fn files_kept_aside_as_unreadable_are_removed_only_with_agreement() {
    let dir = folder_with_data();
    let kept = dir.path().join("homegroup.sqlite3.unreadable-20261120-101010");
    std::fs::write(&kept, format!("{SECRET_WORD} damaged")).unwrap();
    assert_eq!(status(dir.path(), now()).unwrap().unreadable_files, 1);
    let e = turn_on(dir.path(), "246810", SecretKind::Pin, false, KdfParams::FOR_TESTS, &mut |_| {}).err().unwrap();
    assert_eq!(e.payload().field.as_deref(), Some("unreadable"));
    assert!(kept.exists() && !status(dir.path(), now()).unwrap().enabled);
    turn_on(dir.path(), "246810", SecretKind::Pin, true, KdfParams::FOR_TESTS, &mut |_| {}).unwrap();
    assert!(!kept.exists());
    assert_eq!(files_holding(dir.path(), SECRET_WORD), Vec::<String>::new());
}

#[test]
fn a_conversion_that_fails_before_its_commit_leaves_everything_as_it_was() {
    let dir = folder_with_data();
    // A copy that is not a database makes the export fail half way.
    std::fs::write(dir.path().join("backups/homegroup-2026-11-30.sqlite3"), "not a database").unwrap();
    assert!(turn_on(dir.path(), "246810", SecretKind::Pin, false, KdfParams::FOR_TESTS, &mut |_| {}).is_err());
    assert!(!status(dir.path(), now()).unwrap().enabled);
    let (store, _) = open_store(dir.path(), None, now()).unwrap();
    assert_eq!(meeting_names(&store).len(), 1);
    for folder in [dir.path().to_owned(), dir.path().join("backups")] {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".converting"), "{name}: a half-converted file is left");
        }
    }
}

#[test]
fn the_screen_settings_are_checked_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        save_screen_settings(dir.path(), 3, Theme::Dark, Language::Es).err().unwrap().payload().field.as_deref(),
        Some("auto_lock_minutes")
    );
    save_screen_settings(dir.path(), 0, Theme::Dark, Language::Es).unwrap();
    let status = status(dir.path(), now()).unwrap();
    assert_eq!((status.auto_lock_minutes, status.theme, status.language), (0, Theme::Dark, Language::Es));
}

#[test]
fn erasing_with_the_lock_off_forgets_the_screen_settings_and_with_it_on_keeps_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    save_screen_settings(dir.path(), 5, Theme::Dark, Language::Es).unwrap();
    forget_screen_settings(dir.path()).unwrap();
    assert!(!LockFile::path(dir.path()).exists(), "the lock screen's copy of the settings is gone");
    forget_screen_settings(dir.path()).unwrap();
    let locked = folder_with_data();
    drop(lock_on(locked.path(), "246810"));
    forget_screen_settings(locked.path()).unwrap();
    assert!(status(locked.path(), now()).unwrap().enabled, "the lock stays: it opens the emptied database");
}

#[test]
fn erasing_from_the_lock_screen_removes_every_file_and_the_lock() {
    let dir = folder_with_data();
    drop(lock_on(dir.path(), "246810"));
    std::fs::write(dir.path().join("not-homegroups.txt"), "kept").unwrap();
    erase_files(dir.path()).unwrap();
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["not-homegroups.txt"]);
    assert!(!status(dir.path(), now()).unwrap().enabled);
    let (store, _) = open_store(dir.path(), None, now()).unwrap();
    assert!(meeting_names(&store).is_empty(), "a fresh start");
}
