#![cfg(unix)]
//! Turning the app lock on, changing the PIN and turning it off rewrite the database and its daily
//! copies. This kills a real process (SIGKILL) at each named step of each and checks that the next
//! start finds one readable database, with nothing lost, whose lock state matches its files.
//!
//! The child is this same test binary, started with `HOMEGROUP_LOCK_CRASH` set to
//! `<operation>:<step>`: it runs the operation on the folder in `HOMEGROUP_LOCK_DIR` and kills itself
//! when the step is reached.

use chrono::{TimeZone, Utc};
use homegroup_core::lock::{self, KdfParams, SecretKind, Step};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{FixedClock, Store};
use std::path::Path;
use std::process::Command;

const TEST_NAME: &str = "a_kill_at_each_step_leaves_one_readable_database";
const PIN: &str = "135790";
const NEW: &str = "a longer passphrase";

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap()
}

fn prepare(dir: &Path, locked: bool) {
    let mut store = Store::open_in(dir).unwrap();
    for name in ["Monday group", "Thursday group"] {
        let input = MeetingInput::from(MeetingDetails {
            name: name.into(),
            weekdays: vec![1],
            start_time: Some("19:00".into()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&input, true, &FixedClock::new(now())).unwrap();
    }
    store.make_daily_backup(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    drop(store);
    if locked {
        lock::turn_on(dir, PIN, SecretKind::Pin, false, KdfParams::FOR_TESTS, &mut |_| {}).unwrap();
    }
}

fn kill_myself() -> ! {
    let _ = Command::new("kill").args(["-KILL", &std::process::id().to_string()]).status();
    std::thread::sleep(std::time::Duration::from_secs(10));
    unreachable!("SIGKILL did not arrive");
}

fn child(dir: &Path, operation: &str, at: &str) -> ! {
    let mut stop = |step: Step| {
        if step.name() == at {
            kill_myself();
        }
    };
    let params = KdfParams::FOR_TESTS;
    match operation {
        "on" => drop(lock::turn_on(dir, PIN, SecretKind::Pin, false, params, &mut stop).unwrap()),
        "change" => drop(lock::change(dir, PIN, NEW, SecretKind::Passphrase, params, now(), &mut stop).unwrap()),
        "off" => lock::turn_off(dir, PIN, now(), &mut stop).unwrap(),
        other => panic!("no operation {other}"),
    }
    std::process::exit(0);
}

/// Opens what the next start finds, with whichever secret the lock file now asks for.
fn reopen(dir: &Path) -> (bool, Store) {
    let status = lock::status(dir, now()).unwrap();
    let key = match status.kind {
        None => None,
        Some(SecretKind::Pin) => Some(lock::unlock(dir, PIN, now()).unwrap()),
        Some(SecretKind::Passphrase) => Some(lock::unlock(dir, NEW, now()).unwrap()),
    };
    let (store, recovery) = lock::open_store(dir, key.as_ref(), now()).unwrap();
    assert!(recovery.is_none(), "nothing was taken for damaged");
    (status.enabled, store)
}

#[test]
fn a_kill_at_each_step_leaves_one_readable_database() {
    if let (Some(dir), Some(what)) = (std::env::var_os("HOMEGROUP_LOCK_DIR"), std::env::var_os("HOMEGROUP_LOCK_CRASH"))
    {
        let what = what.to_string_lossy().into_owned();
        let (operation, at) = what.split_once(':').unwrap();
        child(Path::new(&dir), operation, at);
    }
    for operation in ["on", "change", "off"] {
        for step in Step::ALL {
            let dir = tempfile::tempdir().unwrap();
            prepare(dir.path(), operation != "on");
            let status = Command::new(std::env::current_exe().unwrap())
                .args([TEST_NAME, "--exact", "--test-threads=1"])
                .env("HOMEGROUP_LOCK_DIR", dir.path())
                .env("HOMEGROUP_LOCK_CRASH", format!("{operation}:{}", step.name()))
                .status()
                .unwrap();
            use std::os::unix::process::ExitStatusExt;
            let at = format!("{operation} killed after {}", step.name());
            assert_eq!(status.signal(), Some(9), "{at}: {status}");
            let (enabled, mut store) = reopen(dir.path());
            // Before the commit the old state stands; from the commit on, the new one.
            let committed = step != Step::Converted;
            let expected_on = match operation {
                "on" => committed,
                "change" => true,
                _ => !committed,
            };
            assert_eq!(enabled, expected_on, "{at}");
            let names: Vec<String> =
                store.meetings(&Default::default()).unwrap().into_iter().map(|m| m.details.name).collect();
            assert_eq!(names, ["Monday group", "Thursday group"], "{at}: nothing lost");
            store.check_integrity().unwrap();
            store.restore_backup("homegroup-2026-12-01.sqlite3").unwrap_or_else(|e| panic!("{at}: the copy: {e}"));
            drop(store);
            for folder in [dir.path().to_owned(), dir.path().join("backups")] {
                for entry in std::fs::read_dir(folder).unwrap().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    assert!(!name.ends_with(".converting"), "{at}: {name} is left");
                }
            }
        }
    }
}
