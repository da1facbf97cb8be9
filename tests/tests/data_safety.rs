//! Nothing lost: a full disk and a read-only data folder give a clear error and no partial write;
//! an import killed with SIGKILL at random points leaves the database whole, with the import
//! either fully there or not at all. Uses a real tmpfs (tests run as root, which ignores
//! permission bits) and the real command-line binary.

use homegroup_core::import::{sample, FeedFormat, ImportOptions};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{ErrorKind, Store, SystemClock};
use homegroup_e2e::harness::{app_binary, Display};
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

    /// The same folder seen through a read-only bind mount: unlike a remount, it can be made while
    /// files are open for writing, as when the disk turns read-only under a running app.
    fn read_only_view(&self) -> SmallDisk {
        let dir = tempfile::Builder::new().prefix("homegroup-ro-").tempdir().unwrap().keep();
        assert!(Command::new("mount").arg("--bind").arg(&self.0).arg(&dir).status().unwrap().success());
        assert!(Command::new("mount").args(["-o", "remount,bind,ro"]).arg(&dir).status().unwrap().success());
        SmallDisk(dir)
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
        allow_shrink: false,
    }
}

/// A weekly meeting: what the user saved before anything else happens.
fn weekly(name: &str, weekday: u8, time: &str) -> MeetingInput {
    MeetingInput::from(MeetingDetails {
        name: name.into(),
        weekdays: vec![weekday],
        start_time: Some(time.into()),
        ..MeetingDetails::default()
    })
}

fn with_home_group(dir: &Path) {
    let mut store = Store::open_in(dir).unwrap();
    store.create_meeting(&weekly("My home group", 2, "19:00"), true, &SystemClock).unwrap();
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

/// Runs the command line on `dir` with no terminal.
fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(app_binary()).args(args).env("HOMEGROUP_DATA_DIR", dir).stdin(Stdio::null()).output().unwrap()
}

/// The command line refused to write, as it should: exit code 1 (not a crash, not a signal) and
/// one plain sentence that says the folder is read-only, with none of SQLite's own words.
fn assert_refused_plainly(out: &Output, what: &str, says: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.signal(), None, "{what}: killed by a signal: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{what}: exit code 1 for \"nothing could be done\": {stderr}");
    assert!(stderr.lines().count() == 1, "{what}: one line: {stderr:?}");
    for raw in [
        "panicked",
        "RUST_BACKTRACE",
        "storage:",
        "database file",
        "readonly database",
        "SQLITE_",
        "Os {",
        "SqliteFailure",
    ] {
        assert!(!stderr.contains(raw), "{what}: {raw:?} is not for people to read: {stderr:?}");
    }
    let lower = stderr.to_lowercase();
    assert!(lower.contains(says), "{what}: it says {says:?}: {stderr:?}");
    assert!(lower.contains("read-only"), "{what}: it says the data folder is read-only: {stderr:?}");
}

#[test]
fn a_data_folder_that_turns_read_only_refuses_writes_with_a_clear_error() {
    let disk = SmallDisk::mount("4m");
    with_home_group(&disk.0);
    // The disk turns read-only while the app runs: the database's -wal and -shm files are there
    // (the app holds it open), so SQLite opens it, reads it, and refuses the write.
    let running_app = Store::open_in(&disk.0).unwrap();
    assert!(disk.0.join("homegroup.sqlite3-shm").exists(), "an open database in WAL mode has its -shm file");
    let view = disk.read_only_view();
    let out = cli(&view.0, &["schedule", "remove", "1"]);
    assert_refused_plainly(&out, "a write on a folder that turned read-only", "could not save");
    drop(view);
    drop(running_app);
    assert_only_home_group(&disk.0);
    let store = Store::open_in(&disk.0).unwrap();
    assert_eq!(store.overview().unwrap().scheduled_meetings, 1, "the home group is still in the schedule");
}

#[test]
fn a_data_folder_read_only_from_the_start_gives_a_clear_error() {
    let disk = SmallDisk::mount("4m");
    with_home_group(&disk.0);
    // Closed cleanly, the database has no -shm file, and in a read-only folder SQLite cannot make
    // one: it cannot open a WAL database at all (SQLITE_CANTOPEN). The refusal comes at the start,
    // before any write; it must still say why.
    assert!(!disk.0.join("homegroup.sqlite3-shm").exists(), "closed cleanly: no -shm left");
    disk.remount_read_only();
    let err = Store::open_in(&disk.0)
        .and_then(|mut store| store.create_meeting(&weekly("Another", 3, "08:00"), true, &SystemClock).map(|_| ()))
        .expect_err("nothing can be written to a read-only folder");
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    let out = cli(&disk.0, &["schedule", "remove", "1"]);
    assert_refused_plainly(&out, "a write on a folder that was read-only from the start", "homegroup could not");

    // The window app says the same in a small window of its own and exits 1, rather than
    // panicking with no window: the test closes that window as a person would.
    let display = Display::start_new();
    let home = tempfile::tempdir().unwrap();
    let mut app = Command::new(app_binary())
        .env("HOMEGROUP_DATA_DIR", &disk.0)
        .env("DISPLAY", display.name())
        .env("HOME", home.path())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let title = "Homegroup could not start";
    let start = Instant::now();
    while !homegroup_e2e::window::is_shown(&display.name(), title) {
        assert!(start.elapsed() < Duration::from_secs(30), "no window saying {title:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Under load the first close request can come before GTK handles them: ask every 3 s.
    let asked_first = Instant::now();
    let mut asked: Option<Instant> = None;
    let status = loop {
        if let Some(status) = app.try_wait().unwrap() {
            break status;
        }
        if asked.is_none_or(|at| at.elapsed() >= Duration::from_secs(3)) {
            homegroup_e2e::window::try_request_close(&display.name(), title);
            asked = Some(Instant::now());
        }
        if asked_first.elapsed() > Duration::from_secs(30) {
            let _ = app.kill();
            panic!("the window app did not exit when its window {title:?} was closed");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut app.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(1), "the window app exits 1: {stderr}");
    assert!(stderr.contains(title) && stderr.contains("read-only"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Where a SIGKILL landed in an import, from the `--progress` lines the child wrote before it died.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Landed {
    /// No row read yet (the transaction may not have begun).
    BeforeReading,
    /// Rows read, not all of them: the import was interrupted mid-way and must not be there.
    WhileReading,
    /// Every row read, "committed" not printed: the commit may or may not have happened.
    BeforeCommitLine,
    /// "committed" printed: the import must be there, whole.
    AfterCommit,
}

fn landed(lines: &[String], rows: usize) -> Landed {
    if lines.iter().any(|l| l == "committed") {
        Landed::AfterCommit
    } else if lines.iter().any(|l| *l == format!("read {rows} of {rows}")) {
        Landed::BeforeCommitLine
    } else if lines.iter().any(|l| l.starts_with("read ")) {
        Landed::WhileReading
    } else {
        Landed::BeforeReading
    }
}

#[test]
fn an_import_killed_at_random_points_is_all_or_nothing() {
    const ROUNDS: u64 = 50;
    let work = tempfile::tempdir().unwrap();
    let feed_path = work.path().join("big.json");
    let rows = 3_000;
    std::fs::write(&feed_path, sample::meeting_guide_feed(rows, 11)).unwrap();
    // "read 0", "read 256", … every 256 rows, then "read 3000 of 3000".
    let read_lines = (rows - 1) / 256 + 2;
    let started = Instant::now();
    let mut tally = std::collections::HashMap::<Landed, u32>::new();
    let mut seed: u64 = 0x5eed;
    let mut random = move |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    for round in 0..ROUNDS {
        let data = work.path().join(format!("data-{round}"));
        with_home_group(&data);
        let mut child = Command::new(app_binary())
            .args(["import", feed_path.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"])
            .arg("--progress")
            .env("HOMEGROUP_DATA_DIR", &data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (lines_tx, lines_rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = lines_tx.send(line);
            }
        });
        // Most rounds wait for a random "read" line and kill a moment later, inside the import;
        // one in ten kills before the first row, one in ten after the commit.
        let wait_for = match round % 10 {
            0 => None,
            9 => Some("committed".to_owned()),
            _ => {
                let k = random(read_lines as u64 - 1) as usize; // any "read" line but the last
                Some(format!("read {} of {rows}", k * 256))
            }
        };
        let mut seen = Vec::new();
        match &wait_for {
            None => std::thread::sleep(Duration::from_millis(random(20))),
            Some(line) => {
                let deadline = Instant::now() + Duration::from_secs(30);
                while !seen.contains(line) {
                    let left = deadline.saturating_duration_since(Instant::now());
                    match lines_rx.recv_timeout(left) {
                        Ok(l) => seen.push(l),
                        Err(e) => panic!("round {round}: the import never printed {line:?} ({e}); it printed {seen:?}"),
                    }
                }
                std::thread::sleep(Duration::from_micros(random(8_000)));
            }
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        reader.join().unwrap();
        seen.extend(lines_rx.try_iter());
        let at = landed(&seen, rows);
        *tally.entry(at).or_default() += 1;
        if at != Landed::AfterCommit {
            assert_eq!(status.signal(), Some(9), "round {round}: killed at {at:?}, so it died of SIGKILL: {seen:?}");
        }

        let store = Store::open_in(&data).unwrap();
        store.check_integrity().unwrap_or_else(|e| panic!("round {round}, killed at {at:?}: {e}"));
        let count = store.meetings(&Default::default()).unwrap().len();
        let nothing = count == 1;
        let whole = count == rows + 1;
        match at {
            Landed::BeforeReading | Landed::WhileReading => assert!(
                nothing,
                "round {round}: killed at {at:?} (last line {:?}), so nothing of the import may be there; \
                 {count} meetings",
                seen.last()
            ),
            Landed::BeforeCommitLine => {
                assert!(nothing || whole, "round {round}: killed at {at:?}: {count} meetings, a half import")
            }
            Landed::AfterCommit => assert!(whole, "round {round}: committed, yet {count} meetings, not {}", rows + 1),
        }
        assert!(
            store.meetings(&Default::default()).unwrap().iter().any(|m| m.details.name == "My home group"),
            "round {round}: what was saved before is still there"
        );
        drop(store);
        let _ = std::fs::remove_dir_all(&data);
    }
    let count = |at| tally.get(&at).copied().unwrap_or(0);
    println!(
        "SIGKILL rounds: {ROUNDS} in {:.1} s; before any row: {}, mid-import: {}, after the last row: {}, after the \
         commit: {}",
        started.elapsed().as_secs_f64(),
        count(Landed::BeforeReading),
        count(Landed::WhileReading),
        count(Landed::BeforeCommitLine),
        count(Landed::AfterCommit)
    );
    assert!(count(Landed::WhileReading) >= 20, "at least 20 of {ROUNDS} kills must land mid-import: {tally:?}");
    assert!(count(Landed::BeforeReading) >= 1 && count(Landed::AfterCommit) >= 1, "both ends are tried: {tally:?}");
}
