//! Privacy: the app and the command line work fully inside a network namespace with no route
//! (`unshare -n`: not even loopback is up), and never even try to reach a network: each runs
//! under `strace -f -e trace=connect`, and the only connections it may attempt are local ones to
//! the D-Bus buses, the X server, the accessibility bus and glibc's name-service cache.

use homegroup_e2e::harness::{app_binary, workspace_root, Display};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `unshare -n strace … homegroup ARGS`, tracing every `connect` of the app and of every
/// process it starts (WebKit's web and network processes too) into `trace`.
fn offline_command(trace: &Path) -> Command {
    let mut command = Command::new("unshare");
    command
        .args(["-n", "strace", "-f", "-qq", "-e", "trace=connect", "-e", "signal=none", "-o"])
        .arg(trace)
        .arg(app_binary())
        .stdin(Stdio::null());
    command
}

/// The socket of the session bus the test runs in, if it is a path.
fn session_bus_path() -> Option<String> {
    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS").ok()?;
    address.split([';', ',']).find_map(|part| part.strip_prefix("unix:path=")).map(str::to_owned)
}

/// Whether a local socket is one the app may talk to.
fn allowed_unix_socket(path: &str) -> bool {
    let path = path.trim_start_matches('@'); // an abstract socket: X11 tries those first
    Some(path) == session_bus_path().as_deref()
        || ["/run/dbus/system_bus_socket", "/var/run/dbus/system_bus_socket"].contains(&path)
        || path.starts_with("/tmp/.X11-unix/X")
        || (path.contains("at-spi") && path.ends_with("/bus")) // the accessibility bus
        || ["/run/nscd/socket", "/var/run/nscd/socket"].contains(&path) // glibc looking up the user
}

/// Every `connect` in an strace log that is not to an allowed local socket, with a count of all.
fn forbidden_connects(trace: &Path) -> (Vec<String>, usize) {
    let log = std::fs::read_to_string(trace).unwrap_or_else(|e| panic!("no strace log at {}: {e}", trace.display()));
    let mut forbidden = Vec::new();
    let mut all = 0;
    // `1234  connect(5, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X99"}, 110) = 0`; a call
    // another thread interrupted ends in `<unfinished ...>` and resumes on a line with no address.
    for line in log.lines().filter(|l| l.contains("connect(") && l.contains("sa_family=")) {
        all += 1;
        let family = line.split("sa_family=").nth(1).and_then(|rest| rest.split([',', '}']).next()).unwrap_or("");
        let path = line.split("sun_path=").nth(1).map(|rest| {
            let rest = rest.trim_start_matches('@');
            rest.trim_start_matches('"').split('"').next().unwrap_or("").to_owned()
        });
        let abstract_socket = line.contains("sun_path=@");
        let ok = family == "AF_UNIX"
            && path.is_some_and(|p| allowed_unix_socket(&if abstract_socket { format!("@{p}") } else { p }));
        if !ok {
            forbidden.push(line.to_owned());
        }
    }
    (forbidden, all)
}

fn assert_no_network_attempt(what: &str, trace: &Path) {
    let (forbidden, all) = forbidden_connects(trace);
    assert!(
        forbidden.is_empty(),
        "{what} tried to connect somewhere other than D-Bus and X ({all} connect calls in all):\n{}",
        forbidden.join("\n")
    );
}

fn offline(args: &[&str], data: &Path, traces: &Path) -> std::process::Output {
    let trace = traces.join(format!("cli-{}.strace", args[0]));
    let out = offline_command(&trace)
        .args(args)
        .env("HOMEGROUP_DATA_DIR", data)
        .output()
        .expect("unshare and strace run (util-linux and strace; needs root, as CI has)");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert_no_network_attempt(&format!("`homegroup {}`", args.join(" ")), &trace);
    out
}

#[test]
fn import_and_the_app_work_with_no_network_and_never_try_one() {
    // Without a session bus, GLib would start one of its own (dbus-launch), with sockets and a
    // syslog of its own: not the app's doing, and not what a desktop has.
    assert!(
        session_bus_path().is_some(),
        "run this test inside a private D-Bus session: `dbus-run-session -- cargo test -p homegroup-e2e` (make test does)"
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let traces: PathBuf = dir.path().join("traces");
    std::fs::create_dir_all(&traces).unwrap();
    let feed = workspace_root().join("tests/fixtures/meeting-guide/sussex-county-aa.json");
    offline(
        &["import", feed.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"],
        &data,
        &traces,
    );
    let list = offline(&["meetings", "--json"], &data, &traces);
    let meetings: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(meetings.len(), 123);
    offline(&["schedule", "add", "rehoboth-beach-speaker"], &data, &traces);
    offline(&["next", "--json"], &data, &traces);

    // The app itself: it opens, draws Today with real data from the core and exits when ready.
    let display = Display::start_new();
    let home = dir.path().join("home");
    let trace = traces.join("app.strace");
    let started = Instant::now();
    let mut app = offline_command(&trace)
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
    let (_, connects) = forbidden_connects(&trace);
    assert!(connects > 0, "the trace saw the app's connections (to X at least): is strace following it?");
    assert_no_network_attempt("the app", &trace);
}
