//! A real notification server for end-to-end tests: dunst on the test's display and
//! `dbus-monitor` recording every `Notify` call on the session bus, read back as calls.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// A child process killed when dropped.
pub struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `program` on `display`, its output to `log` (or nowhere).
pub fn spawn(program: &str, args: &[&str], display: &str, log: Option<&Path>) -> Killed {
    let out = match log {
        Some(path) => Stdio::from(std::fs::File::create(path).expect("log file")),
        None => Stdio::null(),
    };
    let child = Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} could not start ({e}): install it (`make test` does)"));
    Killed(child)
}

/// A method call on the session bus, with its reply as `dbus-send --print-reply` prints it.
pub fn bus_call(dest: &str, path: &str, method: &str, args: &[&str]) -> Option<String> {
    let out = Command::new("dbus-send")
        .args(["--session", "--print-reply", "--reply-timeout=2000", &format!("--dest={dest}"), path, method])
        .args(args)
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `string "…"` values in a `dbus-send` or `dbus-monitor` print-out, in order (in a
/// variant too: `variant string "…"`).
pub fn strings(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.split_once("string \"")?.1.strip_suffix('"').map(str::to_owned)).collect()
}

pub fn notification_server_is_up() -> bool {
    bus_call(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        &["string:org.freedesktop.Notifications"],
    )
    .is_some_and(|reply| reply.contains("boolean true"))
}

/// dunst and a monitor, on a display, in the private D-Bus session the test runs in.
pub struct NotificationServer {
    pub log: PathBuf,
    _dunst: Killed,
    _monitor: Killed,
}

impl NotificationServer {
    /// Starts both and waits until dunst owns the notifications name; `name` names the log in
    /// `target/e2e`.
    pub fn start(display: &str, name: &str) -> NotificationServer {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "run this inside a private D-Bus session (make test does)"
        );
        let log = crate::harness::artifacts_dir().join(format!("{name}-dbus-monitor.log"));
        let dunst = spawn("dunst", &[], display, None);
        let monitor = spawn("dbus-monitor", &["interface=org.freedesktop.Notifications"], display, Some(&log));
        let start = Instant::now();
        while !notification_server_is_up() {
            assert!(start.elapsed().as_secs() < 15, "dunst never took the notifications name");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        NotificationServer { log, _dunst: dunst, _monitor: monitor }
    }

    /// The `Notify` calls recorded so far.
    pub fn calls(&self) -> Vec<Notify> {
        notifications(&self.log)
    }
}

/// One `Notify` call as `dbus-monitor` recorded it.
#[derive(Debug)]
pub struct Notify {
    /// When the call was made, as the monitor saw it.
    pub at: DateTime<Utc>,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Every string in the call: the above, the icon, the actions and the hints.
    pub all: Vec<String>,
}

/// The `Notify` calls recorded so far, in order. Arguments come as app_name, replaces_id, icon,
/// summary, body, actions, hints, timeout; only the top-level strings are the four texts.
pub fn notifications(log: &Path) -> Vec<Notify> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut calls = Vec::new();
    let mut current: Option<(DateTime<Utc>, Vec<&str>)> = None;
    for line in text.lines().chain(std::iter::once("end")) {
        if !line.starts_with(' ') {
            if let Some((at, lines)) = current.take() {
                let top: Vec<String> = lines
                    .iter()
                    .filter_map(|l| l.strip_prefix("   string \"")?.strip_suffix('"').map(str::to_owned))
                    .collect();
                if let [app_name, _icon, summary, body, ..] = top.as_slice() {
                    calls.push(Notify {
                        at,
                        app_name: app_name.clone(),
                        summary: summary.clone(),
                        body: body.clone(),
                        all: strings(&lines.join("\n")),
                    });
                }
            }
            if line.starts_with("method call") && line.contains("member=Notify") {
                // "method call time=1796180820.024887 sender=…"
                let seconds: f64 = line
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("time="))
                    .and_then(|t| t.parse().ok())
                    .unwrap_or_else(|| panic!("no time in {line:?}"));
                let at = DateTime::from_timestamp_micros((seconds * 1e6) as i64).unwrap();
                current = Some((at, Vec::new()));
            }
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    calls
}

/// Waits until `count` Notify calls have been recorded, and no later than `deadline`.
pub async fn wait_for_notifications(log: &Path, count: usize, deadline: DateTime<Utc>) -> Vec<Notify> {
    loop {
        let calls = notifications(log);
        if calls.len() >= count {
            assert_eq!(calls.len(), count, "exactly {count} notifications: {calls:#?}");
            return calls;
        }
        assert!(Utc::now() < deadline, "notification {count} did not come by {deadline}: {calls:#?}");
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}
