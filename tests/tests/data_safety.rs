//! Nothing lost: a full disk and a read-only data folder give a clear error and no partial write;
//! an import killed with SIGKILL at random points leaves the database whole, with the import
//! either fully there or not at all. Uses a real tmpfs (tests run as root, which ignores
//! permission bits) and the real command-line binary.

use homegroup_core::import::{sample, FeedFormat, ImportOptions};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{ErrorKind, Store, SystemClock};
use homegroup_e2e::harness::app_binary;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::Builder::new().prefix("homegroup-disk-").tempdir().unwrap().keep();
        let status =
            Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(&dir).status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "mounting a tmpfs needs root (CI and `make test` run as root): run this test as root"
        );
        SmallDisk(dir)
    }

    fn remount_read_only(&self) {
        assert!(Command::new("mount").args(["-o", "remount,ro"]).arg(&self.0).status().unwrap().success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        format: Some(FeedFormat::MeetingGuide),
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("big-feed".into()),
    }
}

fn with_home_group(dir: &Path) {
    let mut store = Store::open_in(dir).unwrap();
    let mine = MeetingInput::from(MeetingDetails {
        name: "My home group".into(),
        weekdays: vec![2],
        start_time: Some("19:00".into()),
        ..MeetingDetails::default()
    });
    store.create_meeting(&mine, true, &SystemClock).unwrap();
}

fn assert_only_home_group(dir: &Path) {
    let store = Store::open_in(dir).unwrap();
    store.check_integrity().unwrap();
    let meetings = store.meetings(&Default::default()).unwrap();
    assert_eq!(meetings.len(), 1, "nothing half-written");
    assert_eq!(meetings[0].details.name, "My home group", "what was saved before is still there");
}

#[test]
fn a_full_disk_fails_the_import_cleanly_and_keeps_what_was_saved() {
    let disk = SmallDisk::mount("1200k");
    with_home_group(&disk.0);
    let feed = sample::meeting_guide_feed(5_000, 3); // several MB in SQLite: far more than the disk holds
    let mut store = Store::open_in(&disk.0).unwrap();
    let err = store.import_feed(&feed, &options(), &SystemClock, &mut |_| {}).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Storage, "a clear storage error: {err}");
    drop(store);
    assert_only_home_group(&disk.0);
}

#[test]
fn a_read_only_data_folder_gives_a_clear_error() {
    let disk = SmallDisk::mount("4m");
    with_home_group(&disk.0);
    disk.remount_read_only();
    let result = Store::open_in(&disk.0).and_then(|mut store| {
        let more = MeetingInput::from(MeetingDetails {
            name: "Another".into(),
            weekdays: vec![3],
            start_time: Some("08:00".into()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&more, true, &SystemClock).map(|_| ())
    });
    let err = result.expect_err("nothing can be written to a read-only folder");
    assert!(matches!(err.kind(), ErrorKind::Storage | ErrorKind::Io), "{err}");
    // The command line says so too, with exit code 1 and no panic.
    let out = Command::new(app_binary())
        .args(["meetings"])
        .env("HOMEGROUP_DATA_DIR", &disk.0)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_import_killed_at_random_points_is_all_or_nothing() {
    let work = tempfile::tempdir().unwrap();
    let feed_path = work.path().join("big.json");
    let rows = 3_000;
    std::fs::write(&feed_path, sample::meeting_guide_feed(rows, 11)).unwrap();
    let mut whole = 0;
    let mut nothing = 0;
    let mut seed: u64 = 0x5eed;
    for round in 0..50 {
        let data = work.path().join(format!("data-{round}"));
        with_home_group(&data);
        let mut child = Command::new(app_binary())
            .args(["import", feed_path.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"])
            .env("HOMEGROUP_DATA_DIR", &data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A different moment each round, from right away to after the import ends.
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        std::thread::sleep(Duration::from_millis((seed >> 33) % 1_500));
        let _ = Command::new("kill").args(["-KILL", &child.id().to_string()]).status();
        let _ = child.wait();

        let store = Store::open_in(&data).unwrap();
        store.check_integrity().unwrap();
        let count = store.meetings(&Default::default()).unwrap().len();
        match count {
            1 => nothing += 1,
            n if n == rows + 1 => whole += 1,
            n => panic!("round {round}: {n} meetings, a half import"),
        }
        drop(store);
        let _ = std::fs::remove_dir_all(&data);
    }
    println!("SIGKILL rounds: 50, import whole: {whole}, not there at all: {nothing}");
}
