#![cfg(unix)]
//! A reminder is delivered outside the store's lock: claimed and committed, shown, then marked.
//! This kills a real process (SIGKILL) at each of those points and checks what the next start
//! does: the reminder comes again only if it was not marked delivered and its meeting has not
//! started, and never twice once marked.
//!
//! The child is this same test binary, started with `HOMEGROUP_CRASH_AT` set: it runs the delivery
//! steps on a database in `HOMEGROUP_CRASH_DIR`, appends each notification it "shows" to a file
//! there, and kills itself at the named point.

use chrono::{DateTime, TimeZone, Utc};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{FixedClock, Store};
use std::path::Path;
use std::process::Command;

const TEST_NAME: &str = "a_crash_at_each_delivery_step_repeats_only_what_was_not_marked";

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap()
}

/// Thursday 19:00 UTC, reminded 30 minutes before.
fn prepare(dir: &Path) {
    let mut store = Store::open_in(dir).unwrap();
    let input = MeetingInput::from(MeetingDetails {
        name: "Thursday Serenity".into(),
        weekdays: vec![4],
        start_time: Some("19:00".into()),
        time_zone: "UTC".into(),
        ..MeetingDetails::default()
    });
    store.create_meeting(&input, true, &FixedClock::new(at(12, 0))).unwrap();
}

fn shown(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("shown.log")).map(|t| t.lines().count()).unwrap_or(0)
}

fn kill_myself() -> ! {
    let _ = Command::new("kill").args(["-KILL", &std::process::id().to_string()]).status();
    std::thread::sleep(std::time::Duration::from_secs(10));
    unreachable!("SIGKILL did not arrive");
}

/// The child: one delivery, as the app's reminder loop does it, killed at `point`.
fn child(dir: &Path, point: &str) -> ! {
    let mut store = Store::open_in(dir).unwrap();
    let claimed = store.claim_due_reminders(at(18, 30)).unwrap();
    assert_eq!(claimed.len(), 1, "one reminder is due");
    if point == "after_claim" {
        kill_myself();
    }
    let mut log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("shown.log")).unwrap();
    std::io::Write::write_all(&mut log, format!("{}\n", claimed[0].meeting_name).as_bytes()).unwrap();
    if point == "after_showing" {
        kill_myself();
    }
    store.mark_delivered(&claimed[0], at(18, 30)).unwrap();
    if point == "after_marking" {
        kill_myself();
    }
    std::process::exit(0);
}

/// The next start: unfinished claims released, then the loop looks at `now`.
fn restart_and_fire(dir: &Path, now: DateTime<Utc>) -> usize {
    let mut store = Store::open_in(dir).unwrap();
    store.release_unfinished_claims().unwrap();
    store.fire_due_reminders(now, |_| Ok(())).unwrap().len()
}

#[test]
fn a_crash_at_each_delivery_step_repeats_only_what_was_not_marked() {
    if let (Some(dir), Some(point)) = (std::env::var_os("HOMEGROUP_CRASH_DIR"), std::env::var_os("HOMEGROUP_CRASH_AT"))
    {
        child(Path::new(&dir), &point.to_string_lossy());
    }
    // (where it dies, when the next start looks, reminders shown again then)
    let cases = [
        ("after_claim", at(18, 40), 1),
        ("after_claim", at(19, 5), 0),    // the meeting has started: too late to remind
        ("after_showing", at(18, 40), 1), // shown but not marked: shown again while ahead
        ("after_showing", at(19, 5), 0),
        ("after_marking", at(18, 40), 0),
    ];
    for (point, next_start, again) in cases {
        let dir = tempfile::tempdir().unwrap();
        prepare(dir.path());
        let status = Command::new(std::env::current_exe().unwrap())
            .args([TEST_NAME, "--exact", "--test-threads=1"])
            .env("HOMEGROUP_CRASH_DIR", dir.path())
            .env("HOMEGROUP_CRASH_AT", point)
            .status()
            .unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "{point}: the child was killed, not finished: {status}");
        let shown_before = shown(dir.path());
        assert_eq!(shown_before, usize::from(point != "after_claim"), "{point}");
        assert_eq!(restart_and_fire(dir.path(), next_start), again, "{point}, next start at {next_start}");
        assert_eq!(restart_and_fire(dir.path(), next_start), 0, "{point}: never again after that");
    }
}
