//! Privacy: the app and the command line work fully inside a network namespace with no route
//! (`unshare -n`: not even loopback is up), so nothing they do needs the network.

use homegroup_e2e::harness::{app_binary, workspace_root, Display};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn offline(args: &[&str], data: &std::path::Path) -> std::process::Output {
    let out = Command::new("unshare")
        .arg("-n")
        .arg(app_binary())
        .args(args)
        .env("HOMEGROUP_DATA_DIR", data)
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs (util-linux; needs root, as CI has)");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn import_and_the_app_work_with_no_network_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let feed = workspace_root().join("tests/fixtures/meeting-guide/sussex-county-aa.json");
    offline(&["import", feed.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"], &data);
    let list = offline(&["meetings", "--json"], &data);
    let meetings: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(meetings.len(), 123);
    offline(&["schedule", "add", "rehoboth-beach-speaker"], &data);
    offline(&["next", "--json"], &data);

    // The app itself: it opens, draws Today with real data from the core and exits when ready.
    let display = Display::start_new();
    let home = dir.path().join("home");
    let started = Instant::now();
    let mut app = Command::new("unshare")
        .arg("-n")
        .arg(app_binary())
        .env("DISPLAY", display.name())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("share"))
        .env("HOMEGROUP_DATA_DIR", &data)
        .env("HOMEGROUP_EXIT_WHEN_READY", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(status) = app.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = app.kill();
            panic!("the app did not draw its first screen within 60 s without a network");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the app exits cleanly once Today shows real data: {status}");
}
