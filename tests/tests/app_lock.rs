//! The app lock, end to end: turned on through Settings; after a restart the lock screen shows
//! nothing of the user's; a wrong PIN is refused, the right one shows Today; a reminder arrives over
//! D-Bus while the app is locked after a restart; and no file the app wrote holds the user's words.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use homegroup_core::directory::GroupInput;
use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{Store, SystemClock};
use homegroup_e2e::harness::{artifacts_dir, App, Display, Profile};
use homegroup_e2e::notifications::{notification_server_is_up, spawn};
use std::path::Path;
use std::time::Instant;

/// Words that appear only in what the user wrote.
const WORDS: [&str; 4] = ["Albatross", "Marigold", "Tangerine", "Zeppelin"];
const PIN: &str = "482916";

/// Every file under `root` holding one of [`WORDS`].
fn files_holding_words(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                for word in WORDS {
                    if bytes.windows(word.len()).any(|w| w == word.as_bytes()) {
                        found.push(format!("{} holds {word}", path.display()));
                    }
                }
            }
        }
    }
    found
}

#[tokio::test]
async fn turn_on_restart_locked_unlock_and_get_a_reminder_while_locked() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "run this inside a private D-Bus session (make test does)"
    );
    let display = Display::start_new();
    let _dunst = spawn("dunst", &[], &display.name(), None);
    let monitor_log = artifacts_dir().join("app-lock-dbus-monitor.log");
    let _monitor =
        spawn("dbus-monitor", &["interface=org.freedesktop.Notifications"], &display.name(), Some(&monitor_log));
    let start = Instant::now();
    while !notification_server_is_up() {
        assert!(start.elapsed().as_secs() < 15, "dunst never took the notifications name");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    // The user's data, with the words: a meeting reminded a minute before it starts, about two
    // minutes from now; a group; notes.
    let mut profile = Profile::new();
    // The app's temporary files go where the scan at the end looks.
    let temporary = profile.data_dir().parent().unwrap().join("tmp");
    std::fs::create_dir_all(&temporary).unwrap();
    profile.env.push(("TMPDIR".into(), temporary.display().to_string()));
    let now = Utc::now();
    let starts: DateTime<Utc> =
        (now + Duration::minutes(2)).with_second(0).unwrap().with_nanosecond(0).unwrap() + Duration::minutes(1);
    let due = starts - Duration::minutes(1);
    {
        let mut store = Store::open_in(&profile.data_dir()).unwrap();
        let group = store
            .create_group(&GroupInput { name: format!("{} group", WORDS[1]), ..GroupInput::default() }, &SystemClock)
            .unwrap();
        let input = MeetingInput {
            details: MeetingDetails {
                name: format!("{} meeting", WORDS[0]),
                weekdays: vec![starts.weekday().num_days_from_sunday() as u8],
                start_time: Some(starts.format("%H:%M").to_string()),
                time_zone: "UTC".into(),
                location: Some(format!("{} hall", WORDS[2])),
                ..MeetingDetails::default()
            },
            group: Some(group.id),
        };
        let meeting = store.create_meeting(&input, true, &SystemClock).unwrap();
        store.add_to_schedule(meeting.id, Some(1), true, &SystemClock).unwrap();
        store.set_meeting_notes(meeting.id, &format!("{} notes", WORDS[3])).unwrap();
    }

    // Settings → Turn on app lock, with a PIN.
    let app = App::start(&profile).await;
    app.click("[data-testid=tab-settings]").await;
    // Settings' sections load their data after the screen shows and can move the button as the
    // click lands: click again until the form is there (a second click on it does nothing).
    let start = Instant::now();
    loop {
        app.click("[data-testid=turn-lock-on]").await;
        let form = app.driver.find_all(thirtyfour::By::Css("[data-testid=new-pin]")).await;
        if form.is_ok_and(|found| !found.is_empty()) {
            break;
        }
        assert!(start.elapsed().as_secs() < 15, "Turn on app lock never opened its form");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.find("[data-testid=new-pin]").await.send_keys(PIN).await.unwrap();
    app.find("[data-testid=confirm-pin]").await.send_keys(PIN).await.unwrap();
    app.click("[data-testid=lock-submit]").await;
    app.wait_for_text("[data-testid=lock-settings] [role=status]", "The app lock is on").await;
    app.screenshot("lock-turned-on").await;
    app.stop().await;

    // A restart: the lock screen, and nothing of the user's on it.
    let app = App::start(&profile).await;
    app.find("[data-testid=lock-screen]").await;
    let page = app.driver.execute("return document.body.innerText", vec![]).await.unwrap();
    let page = page.json().as_str().unwrap_or_default().to_owned();
    for word in WORDS {
        assert!(!page.contains(word), "the lock screen shows {word}: {page}");
    }
    assert!(!page.contains("meeting"), "not even a count of meetings: {page}");
    app.screenshot("lock-screen").await;

    // A reminder while locked, from the plan kept outside the database: discreet, once.
    assert!(Utc::now() < due, "setting up took past the reminder's due time ({due}): is the machine very busy?");
    loop {
        let log = std::fs::read_to_string(&monitor_log).unwrap_or_default();
        if log.contains("string \"Meeting at") {
            let late = Utc::now() - due;
            assert!(late < Duration::seconds(15), "the reminder came {late} after its due time");
            for word in WORDS {
                assert!(!log.contains(word), "the notification names {word} while locked");
            }
            break;
        }
        assert!(Utc::now() < due + Duration::seconds(15), "no reminder within 15 s of its due time, while locked");
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }

    // A wrong PIN is refused; the right one shows Today with the meeting.
    app.find("[data-testid=unlock-pin]").await.send_keys("000000").await.unwrap();
    app.click("[data-testid=unlock]").await;
    app.wait_for_text("#unlock-error", "not right").await;
    app.find("[data-testid=unlock-pin]").await.send_keys(PIN).await.unwrap();
    app.click("[data-testid=unlock]").await;
    app.wait_for_text("[data-testid=screen-today]", WORDS[0]).await;
    // The reminder that came while locked is not shown again once unlocked.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let shown = std::fs::read_to_string(&monitor_log).unwrap_or_default().matches("member=Notify").count();
    assert_eq!(shown, 1, "exactly one reminder");

    // Auto-lock "immediately": closing the window hides it to the tray, and the app locks.
    app.click("[data-testid=tab-settings]").await;
    app.click("[data-testid=auto-lock] option[value='0']").await;
    app.wait_for_attr("[data-testid=auto-lock]", "data-saved-minutes", "0").await;
    homegroup_e2e::window::close_until(&app.display_name(), "Homegroup", || async {
        app.driver.find_all(thirtyfour::By::Css("[data-testid=lock-screen]")).await.is_ok_and(|found| !found.is_empty())
    })
    .await;
    let page = app.driver.execute("return document.body.innerText", vec![]).await.unwrap();
    assert!(!page.json().as_str().unwrap_or_default().contains(WORDS[0]), "the lock screen after auto-lock shows data");
    app.stop().await;

    // No file the app wrote (data folder, HOME, the XDG folders, temporary files) holds the words.
    let root = profile.data_dir().parent().unwrap().to_owned();
    assert_eq!(files_holding_words(&root), Vec::<String>::new());
}
