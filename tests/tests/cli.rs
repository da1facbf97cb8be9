//! The command line, run as the real binary (no display needed): import the fixture feed, list,
//! schedule, next, export, backup and restore, with the exit codes scripts rely on.

use homegroup_e2e::harness::{app_binary, workspace_root};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn feed() -> PathBuf {
    workspace_root().join("tests/fixtures/meeting-guide/sussex-county-aa.json")
}

/// Runs `homegroup ARGS` with its own data folder and no terminal.
fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(app_binary())
        .args(args)
        .env("HOMEGROUP_DATA_DIR", data)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .output()
        .expect("the app binary runs")
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn import(data: &Path) -> Output {
    let feed = feed();
    run(data, &["import", feed.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"])
}

#[test]
fn import_list_schedule_next_export_backup_restore() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    let out = import(&data);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("123 added"), "{stdout}");

    let meetings: Vec<Value> = serde_json::from_str(&ok(&data, &["meetings", "--json"])).unwrap();
    assert_eq!(meetings.len(), 123);
    let m = meetings.iter().find(|m| m["slug"] == "rehoboth-beach-speaker").expect("the first meeting");
    for field in [
        "id",
        "slug",
        "name",
        "weekdays",
        "start_time",
        "duration_minutes",
        "time_zone",
        "attendance",
        "types",
        "in_schedule",
    ] {
        assert!(m.get(field).is_some(), "{field} missing in {m}");
    }
    assert_eq!(m["weekdays"], serde_json::json!([0]));
    assert_eq!(m["start_time"], "19:00");
    assert_eq!(m["duration_minutes"], 60);
    assert_eq!(m["time_zone"], "America/New_York");
    assert_eq!(m["attendance"], "in_person");
    assert_eq!(m["types"], serde_json::json!(["O", "SP"]));
    assert_eq!(m["in_schedule"], false);
    assert!(m["id"].is_i64());

    // Re-import: nothing added twice.
    let out = import(&data);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 added, 0 updated, 123 unchanged"));

    // Schedule by slug, with a lead time; a daily-ish meeting shows up in `next`.
    let stdout = ok(&data, &["schedule", "add", "rehoboth-beach-speaker", "--lead-minutes", "20"]);
    assert!(stdout.contains("Rehoboth Beach Speaker"));
    let meetings: Vec<Value> = serde_json::from_str(&ok(&data, &["meetings", "--json"])).unwrap();
    let m = meetings.iter().find(|m| m["slug"] == "rehoboth-beach-speaker").unwrap();
    assert_eq!(m["in_schedule"], true);
    let next: Vec<Value> = serde_json::from_str(&ok(&data, &["next", "--json"])).unwrap();
    assert_eq!(next.len(), 1, "a weekly meeting happens once in 7 days: {next:?}");
    assert_eq!(next[0]["meeting_id"], m["id"]);
    assert_eq!(next[0]["name"], "Rehoboth Beach Speaker");
    let starts = chrono::DateTime::parse_from_rfc3339(next[0]["starts_at"].as_str().unwrap()).unwrap();
    let local = starts.with_timezone(&chrono_tz::America::New_York);
    assert_eq!(local.format("%a %H:%M").to_string(), "Sun 19:00");

    // Export, backup, restore into another data folder.
    let ics = dir.path().join("mine.ics");
    ok(&data, &["export-ics", ics.to_str().unwrap()]);
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.contains("BEGIN:VEVENT") && text.contains("TZID:America/New_York") && text.contains("\r\n"));
    let backup = dir.path().join("backup.json");
    ok(&data, &["backup", backup.to_str().unwrap()]);
    let other = dir.path().join("other");
    let stdout = ok(&other, &["restore", backup.to_str().unwrap()]);
    assert!(stdout.contains("123 meeting(s) added"), "the whole list comes back: {stdout}");
    let restored: Vec<Value> = serde_json::from_str(&ok(&other, &["meetings", "--json"])).unwrap();
    assert_eq!(restored.len(), 123);
    let scheduled: Vec<&Value> = restored.iter().filter(|m| m["in_schedule"] == true).collect();
    assert_eq!(scheduled.len(), 1);
    assert_eq!(scheduled[0]["slug"], "rehoboth-beach-speaker");

    ok(&data, &["schedule", "remove", "rehoboth-beach-speaker"]);
    let next: Vec<Value> = serde_json::from_str(&ok(&data, &["next", "--json"])).unwrap();
    assert!(next.is_empty());
}

#[test]
fn data_dir_flag_wins_over_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let flag_dir = dir.path().join("flag");
    let out = run(&dir.path().join("env"), &["--data-dir", flag_dir.to_str().unwrap(), "meetings", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(flag_dir.join("homegroup.sqlite3").exists());
    assert!(!dir.path().join("env").exists());
}

#[test]
fn bad_input_exits_1_and_bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{ not json").unwrap();
    let junk = junk.to_str().unwrap();

    // Bad input: exit 1 with the reason.
    let out = run(&data, &["import", junk, "--time-zone", "UTC", "--fellowship", "aa"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a meeting list"));
    assert_eq!(run(&data, &["schedule", "add", "no-such-meeting"]).status.code(), Some(1));
    assert_eq!(run(&data, &["restore", junk]).status.code(), Some(1));
    let feed = feed();
    let out = run(&data, &["import", feed.to_str().unwrap(), "--time-zone", "Mars/Base", "--fellowship", "aa"]);
    assert_eq!(out.status.code(), Some(1));

    // Usage: exit 2. Without a terminal a missing choice names its flag.
    let out = run(&data, &["import", feed.to_str().unwrap(), "--fellowship", "aa"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--time-zone"));
    let out = run(&data, &["import", feed.to_str().unwrap(), "--time-zone", "UTC"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fellowship"));
    assert_eq!(run(&data, &["import"]).status.code(), Some(2));
    assert_eq!(run(&data, &["import", "x", "--format", "csv"]).status.code(), Some(2));
    assert_eq!(run(&data, &["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&data, &["schedule", "add", "1", "--lead-minutes", "soon"]).status.code(), Some(2));

    // Nothing was imported by any of these.
    let meetings: Vec<Value> = serde_json::from_str(&ok(&data, &["meetings", "--json"])).unwrap();
    assert!(meetings.is_empty());
}

#[test]
fn version_prints_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("homegroup "));
}

/// Runs `homegroup ARGS` with `input` on standard input (not a terminal).
fn run_with_input(data: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(app_binary())
        .args(args)
        .env("HOMEGROUP_DATA_DIR", data)
        .env_remove("DISPLAY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_locked_store_asks_for_its_pin_on_standard_input_and_backups_for_their_passphrase() {
    use homegroup_core::lock::{self, KdfParams, SecretKind};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_eq!(import(&data).status.code(), Some(0));
    assert_eq!(ok(&data, &["lock", "status"]).trim(), "The app lock is off.");
    lock::turn_on(&data, "424242", SecretKind::Pin, false, KdfParams::FOR_TESTS, &mut |_| {}).unwrap();
    assert_eq!(ok(&data, &["lock", "status"]).trim(), "The app lock is on, with a PIN.");

    let out = run(&data, &["meetings", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "homegroup: Homegroup is locked: give the PIN on standard input with --pin-stdin"
    );
    let wrong = run_with_input(&data, &["meetings", "--json", "--pin-stdin"], "111111\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("That PIN is not right."));
    let right = run_with_input(&data, &["meetings", "--json", "--pin-stdin"], "424242\n");
    assert_eq!(right.status.code(), Some(0), "{}", String::from_utf8_lossy(&right.stderr));
    assert_eq!(serde_json::from_slice::<Vec<Value>>(&right.stdout).unwrap().len(), 123);

    // A protected backup: the PIN on the first line, the passphrase on the next.
    let file = dir.path().join("backup.age");
    let backup = run_with_input(
        &data,
        &["backup", file.to_str().unwrap(), "--passphrase-stdin", "--pin-stdin"],
        "424242\nlong enough passphrase\n",
    );
    assert_eq!(backup.status.code(), Some(0), "{}", String::from_utf8_lossy(&backup.stderr));
    let elsewhere = dir.path().join("elsewhere");
    let refused = run_with_input(&elsewhere, &["restore", file.to_str().unwrap(), "--passphrase-stdin"], "wrong one\n");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("does not open this backup"));
    let restored = run_with_input(
        &elsewhere,
        &["restore", file.to_str().unwrap(), "--passphrase-stdin"],
        "long enough passphrase\n",
    );
    assert_eq!(restored.status.code(), Some(0), "{}", String::from_utf8_lossy(&restored.stderr));
    assert_eq!(serde_json::from_str::<Vec<Value>>(&ok(&elsewhere, &["meetings", "--json"])).unwrap().len(), 123);
}

/// Feeds often use numbers as slugs: a bare number is a slug first, `--id` is an id, and a number
/// that is one meeting's slug and another's id is refused with both named.
#[test]
fn a_number_is_a_slug_first_and_an_id_only_with_dash_dash_id() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let feed = dir.path().join("numbers.json");
    // Stored in this order, so slug "3" gets id 1, "1" id 2, "2" id 3 and "40" id 4.
    let rows: Vec<Value> = ["3", "1", "2", "40"]
        .iter()
        .map(|slug| serde_json::json!({"slug": slug, "name": format!("Meeting {slug}"), "day": 1, "time": "19:00"}))
        .collect();
    std::fs::write(&feed, serde_json::to_vec(&rows).unwrap()).unwrap();
    ok(&data, &["import", feed.to_str().unwrap(), "--time-zone", "UTC", "--fellowship", "aa"]);
    let id_of = |slug: &str| -> i64 {
        let meetings: Vec<Value> = serde_json::from_str(&ok(&data, &["meetings", "--json"])).unwrap();
        meetings.iter().find(|m| m["slug"] == slug).unwrap()["id"].as_i64().unwrap()
    };
    assert_ne!(id_of("2"), 2, "the test needs slug 2 and id 2 to be different meetings");

    let clash = run(&data, &["schedule", "add", "2"]);
    assert_eq!(clash.status.code(), Some(1));
    let message = String::from_utf8_lossy(&clash.stderr);
    assert!(message.contains("Meeting 2") && message.contains("Meeting 1") && message.contains("--id"), "{message}");

    assert!(ok(&data, &["schedule", "add", "40"]).contains("Meeting 40"), "a slug that is no id");
    assert!(ok(&data, &["schedule", "add", "--id", "2"]).contains("Meeting 1"), "--id 2 is the meeting with id 2");
    let missing = run(&data, &["schedule", "add", "99"]);
    assert_eq!(missing.status.code(), Some(1), "neither a slug nor an id");
    let both = run(&data, &["schedule", "add", "40", "--id", "2"]);
    assert_eq!(both.status.code(), Some(2), "a slug and --id at once is a usage error");
    let scheduled: Vec<Value> = serde_json::from_str(&ok(&data, &["meetings", "--json"])).unwrap();
    let names: Vec<&str> =
        scheduled.iter().filter(|m| m["in_schedule"] == true).map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// `import --json` reports what changed for my meetings in the documented shape, and a list that
/// lost more than a third of its meetings is refused unless `--allow-shrink` says it is right.
#[test]
fn import_json_reports_my_changes_and_a_shrunken_list_needs_allow_shrink() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let feed = dir.path().join("district.json");
    let row = |slug: &str, time: &str| serde_json::json!({"slug": slug, "name": format!("Meeting {slug}"), "day": 2, "time": time});
    let write = |rows: Vec<Value>| std::fs::write(&feed, serde_json::to_vec(&rows).unwrap()).unwrap();
    let import = |extra: &[&str]| {
        let mut args = vec!["import", feed.to_str().unwrap(), "--time-zone", "UTC", "--fellowship", "aa", "--json"];
        args.extend(extra);
        run(&data, &args)
    };
    write(vec![row("a", "19:00"), row("b", "19:00"), row("c", "19:00")]);
    assert_eq!(import(&[]).status.code(), Some(0));
    ok(&data, &["schedule", "add", "a"]);
    ok(&data, &["schedule", "add", "b"]);

    write(vec![row("a", "19:30"), row("c", "19:00")]);
    let out = import(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["added"].as_u64(), report["updated"].as_u64()), (Some(0), Some(1)));
    assert_eq!((report["unchanged"].as_u64(), report["delisted"].as_u64()), (Some(1), Some(1)));
    let a = report["my_changes"].as_array().unwrap().iter().find(|c| c["name"] == "Meeting a").unwrap().clone();
    assert_eq!(a["kind"], "changed");
    assert!(a["meeting_id"].is_i64());
    assert_eq!(a["changes"], serde_json::json!([{"field": "start_time", "before": "19:00", "after": "19:30"}]));
    let b = report["my_changes"].as_array().unwrap().iter().find(|c| c["name"] == "Meeting b").unwrap().clone();
    assert_eq!((b["kind"].as_str(), b["changes"].as_array().map(Vec::len)), (Some("no_longer_listed"), Some(0)));

    // Two listed meetings, one left: more than a third.
    let meetings_before = ok(&data, &["meetings", "--json"]);
    write(vec![row("c", "19:00")]);
    let refused = import(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("--allow-shrink") && message.contains("1 of the 2"), "{message}");
    assert_eq!(ok(&data, &["meetings", "--json"]), meetings_before, "nothing applied");
    let allowed = import(&["--allow-shrink"]);
    assert_eq!(allowed.status.code(), Some(0), "{}", String::from_utf8_lossy(&allowed.stderr));
    let report: Value = serde_json::from_slice(&allowed.stdout).unwrap();
    assert_eq!(report["delisted"], 1);
}

/// `homegroup people --json` lists my people, sponsors first, with their roles.
#[test]
fn people_are_listed_sponsors_first() {
    use homegroup_core::people::{PersonInput, Role};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let mut store = homegroup_core::Store::open_in(&data).unwrap();
        let clock = homegroup_core::SystemClock;
        for (name, role) in [("Alex", Role::ProgramFriend), ("Sam", Role::Sponsor)] {
            let input =
                PersonInput { name: name.into(), phone: "+1 555 010 2030".into(), role, ..PersonInput::default() };
            store.create_person(&input, &clock).unwrap();
        }
    }
    let people: Vec<Value> = serde_json::from_str(&ok(&data, &["people", "--json"])).unwrap();
    let names: Vec<(&str, &str)> =
        people.iter().map(|p| (p["name"].as_str().unwrap(), p["role"].as_str().unwrap())).collect();
    assert_eq!(names, [("Sam", "sponsor"), ("Alex", "program_friend")]);
    assert_eq!(people[0]["phone"], "+1 555 010 2030", "as typed");
    assert!(ok(&data, &["people"]).contains("Sam"));
}
