//! Reminders delivered for real: the app, in a private D-Bus session with a real notification
//! server (dunst) and `dbus-monitor` recording, reminds of a meeting with its window closed to the
//! tray, exactly once, and not again after a restart.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{Store, SystemClock};
use homegroup_e2e::harness::App;
use homegroup_e2e::harness::{artifacts_dir, Display, Profile};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

const NAME: &str = "Reminder Test Meeting";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(program: &str, args: &[&str], display: &str, log: Option<&std::path::Path>) -> Killed {
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

fn notification_server_is_up() -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

/// Notify calls for our meeting so far: the summary is the meeting's name and time.
fn notify_count(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log).unwrap_or_default().matches(&format!("string \"{NAME} at")).count()
}

#[tokio::test]
async fn a_reminder_arrives_once_with_the_window_closed_and_not_again_after_a_restart() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "run this test inside a private D-Bus session: `dbus-run-session -- cargo test -p homegroup-e2e` (make test does)"
    );
    let display = Display::start_new();
    let _dunst = spawn("dunst", &[], &display.name(), None);
    let monitor_log = artifacts_dir().join("reminders-dbus-monitor.log");
    let _monitor =
        spawn("dbus-monitor", &["interface=org.freedesktop.Notifications"], &display.name(), Some(&monitor_log));
    let start = Instant::now();
    while !notification_server_is_up() {
        assert!(start.elapsed().as_secs() < 15, "dunst never took the org.freedesktop.Notifications name");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    // A meeting starting two whole minutes from the next minute, reminded one minute before.
    let profile = Profile::new();
    let now = Utc::now();
    let starts: DateTime<Utc> =
        (now + Duration::minutes(2)).with_second(0).unwrap().with_nanosecond(0).unwrap() + Duration::minutes(1);
    let due = starts - Duration::minutes(1);
    {
        let mut store = Store::open_in(&profile.data_dir()).unwrap();
        let input = MeetingInput::from(MeetingDetails {
            name: NAME.into(),
            weekdays: vec![starts.weekday().num_days_from_sunday() as u8],
            start_time: Some(starts.format("%H:%M").to_string()),
            time_zone: "UTC".into(),
            location: Some("Community room".into()),
            ..MeetingDetails::default()
        });
        let meeting = store.create_meeting(&input, true, &SystemClock).unwrap();
        store.add_to_schedule(meeting.id, Some(1), true, &SystemClock).unwrap();
    }

    let app = App::start(&profile).await;
    app.find("[data-testid=screen-today]").await;
    // Close the window through the app's own close path: it hides to the tray and keeps running.
    app.driver
        .execute("return window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' })", vec![])
        .await
        .expect("the window closes");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let alive = app.driver.execute("return document.title", vec![]).await.expect("the app still runs");
    assert_eq!(alive.json().as_str(), Some("Homegroup"));
    assert_eq!(notify_count(&monitor_log), 0, "nothing before it is due");

    // One Notify within 15 s after the due time.
    loop {
        let count = notify_count(&monitor_log);
        if count > 0 {
            assert_eq!(count, 1, "exactly one reminder");
            let late = Utc::now() - due;
            assert!(late < Duration::seconds(15), "the reminder came {late} after its due time");
            break;
        }
        assert!(Utc::now() < due + Duration::seconds(15), "no reminder within 15 s of its due time");
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let log = std::fs::read_to_string(&monitor_log).unwrap();
    assert!(log.contains("Community room"), "the body names the place");
    app.stop().await;

    // A restart before the meeting starts does not remind again.
    let app = App::start(&profile).await;
    app.find("[data-testid=screen-today]").await;
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    assert_eq!(notify_count(&monitor_log), 1, "not again after a restart");
    app.stop().await;
}
