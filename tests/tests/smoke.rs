//! The walking skeleton, end to end: the real app opens, every tab shows its screen,
//! a value written through the UI is still there after a restart, and "Erase all data" leaves
//! nothing of the user's behind.

use homegroup_core::meetings::{MeetingDetails, MeetingInput};
use homegroup_core::{Store, SystemClock};
use homegroup_e2e::harness::{wait_for_app_to_exit, App, Profile};

#[tokio::test]
async fn opens_navigates_and_keeps_a_setting_across_restarts() {
    let profile = Profile::new();
    let app = App::start(&profile).await;

    app.find("[data-testid=screen-today]").await;
    app.wait_for_text("#today-title", "Today").await;
    app.find("[data-testid=today-empty]").await;
    app.screenshot("today").await;

    for (tab, heading) in [
        ("schedule", "My schedule"),
        ("groups", "Groups"),
        ("guidance", "Guidance"),
        ("settings", "Settings"),
        ("today", "Today"),
    ] {
        app.click(&format!("[data-testid=tab-{tab}]")).await;
        app.wait_for_text(&format!("[data-testid=screen-{tab}] h1"), heading).await;
        let current = app.find(&format!("[data-testid=tab-{tab}]")).await.attr("aria-current").await.unwrap();
        assert_eq!(current.as_deref(), Some("page"), "the {tab} tab should be marked current");
    }

    // Settings shows the data folder in use, and a change is saved through the core.
    app.click("[data-testid=tab-settings]").await;
    let shown = app.wait_for_text("[data-testid=data-dir]", "data").await;
    assert_eq!(shown.trim(), profile.data_dir().display().to_string());
    app.click("[data-testid=theme-dark]").await;
    app.wait_for_text("[role=status]", "Saved").await;
    let theme = app.driver.execute("return document.documentElement.dataset.theme ?? null", vec![]).await.unwrap();
    assert_eq!(theme.json().as_str(), Some("dark"));
    app.screenshot("settings-dark").await;

    // Start at login writes the desktop's autostart entry, which starts the app hidden in the tray.
    app.click("[data-testid=start-at-login]").await;
    app.wait_for_text("[role=status]", "Saved").await;
    let entry = profile.home_dir().join(".config/autostart/Homegroup.desktop");
    let start = std::time::Instant::now();
    while !entry.exists() && start.elapsed().as_secs() < 5 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let desktop_entry = std::fs::read_to_string(&entry).expect("an autostart entry");
    assert!(desktop_entry.contains("--hidden"), "{desktop_entry}");
    app.stop().await;

    assert!(profile.data_dir().join("homegroup.sqlite3").exists(), "the database lives in the data folder");

    // A new process reads it back from SQLite.
    let app = App::start(&profile).await;
    app.click("[data-testid=tab-settings]").await;
    let dark = app.find("[data-testid=theme-dark]").await;
    assert!(dark.is_selected().await.unwrap(), "the dark theme should still be chosen after a restart");
    let theme = app.driver.execute("return document.documentElement.dataset.theme ?? null", vec![]).await.unwrap();
    assert_eq!(theme.json().as_str(), Some("dark"));
    app.stop().await;

    // Erase all data: nothing of the user's is left in the data folder or the autostart folder.
    const SECRET: &str = "Quokka";
    {
        let mut store = Store::open_in(&profile.data_dir()).unwrap();
        let input = MeetingInput::from(MeetingDetails {
            name: format!("{SECRET} meeting"),
            weekdays: vec![3],
            start_time: Some("19:00".into()),
            location: Some(format!("{SECRET} hall")),
            ..MeetingDetails::default()
        });
        let meeting = store.create_meeting(&input, true, &SystemClock).unwrap();
        store.set_meeting_notes(meeting.id, &format!("{SECRET} notes")).unwrap();
        store.make_daily_backup(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    }
    let app = App::start(&profile).await;
    app.click("[data-testid=tab-settings]").await;
    // The list of copies loads above the button and moves it: click once the page has settled.
    app.find("[data-testid=backup-list]").await;
    app.click("[data-testid=erase]").await;
    app.click("[data-testid=confirm-erase]").await;
    app.wait_for_text("[data-testid=keep-safe] [role=status]", "Everything was erased").await;
    wait_for_app_to_exit(std::time::Duration::from_secs(20));
    app.stop().await;
    assert!(!entry.exists(), "the autostart entry is gone");
    let mut left: Vec<String> = std::fs::read_dir(profile.data_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert!(
        left.iter().all(|name| name.starts_with("homegroup.sqlite3") && !name.contains("unreadable")),
        "only the database is left: {left:?}"
    );
    for name in &left {
        let bytes = std::fs::read(profile.data_dir().join(name)).unwrap();
        assert!(!bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()), "{name} still holds the user's words");
    }
    let store = Store::open_in(&profile.data_dir()).unwrap();
    assert!(store.meetings(&Default::default()).unwrap().is_empty(), "a fresh, empty database");
    assert!(!store.settings().unwrap().start_at_login, "start at login is off");
}
