//! A meeting list that changed, end to end: imported with the command line, three of its meetings
//! scheduled, then a changed copy (one moved, one closed for now, one removed). Today shows the
//! three notices; the removed meeting's reminders are paused until "Keep reminding me".

use homegroup_e2e::harness::{app_binary, App, Profile};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

fn homegroup(data: &Path, args: &[&str]) -> String {
    let out = Command::new(app_binary())
        .args(args)
        .env("HOMEGROUP_DATA_DIR", data)
        .env_remove("DISPLAY")
        .output()
        .expect("the app binary runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn row(slug: &str, name: &str) -> Value {
    json!({"slug": slug, "name": name, "day": 2, "time": "19:00", "location": "Church hall",
           "address": "1 Main St, Springfield"})
}

#[tokio::test]
async fn a_changed_list_shows_what_changed_for_my_meetings_on_today() {
    let profile = Profile::new();
    let data = profile.data_dir();
    let feed = data.parent().unwrap().join("district.json");
    let import = |rows: &[Value]| {
        std::fs::write(&feed, serde_json::to_vec(rows).unwrap()).unwrap();
        homegroup(&data, &["import", feed.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"])
    };
    let mut rows = vec![
        row("serenity", "Serenity"),
        row("big-book", "Big Book Study"),
        row("newcomers", "Newcomers"),
        row("men", "Men's Stag"),
        row("women", "Women's Step"),
        row("speaker", "Speaker Night"),
        row("young", "Young People"),
    ];
    import(&rows);
    for slug in ["serenity", "big-book", "newcomers"] {
        homegroup(&data, &["schedule", "add", slug]);
    }
    rows[0]["time"] = "19:30".into(); // moved
    rows[1]["attendance_option"] = "inactive".into(); // closed for now
    rows.remove(2); // removed
    let report = import(&rows);
    assert!(report.contains("1 no longer listed"), "{report}");

    let app = App::start(&profile).await;
    let notices = app.find("[data-testid=meeting-notices]").await;
    let text = notices.text().await.unwrap();
    for expected in [
        "Your Tuesday Serenity meeting now starts at 7:30 PM, not 7:00 PM.",
        "Your Tuesday Big Book Study meeting has stopped meeting for now.",
        "Your Tuesday Newcomers meeting is no longer in its list.",
    ] {
        assert!(text.contains(expected), "Today should say {expected:?}; it says:\n{text}");
    }
    app.screenshot("today-notices").await;

    // The removed meeting: still in my schedule, its reminders paused until I choose.
    app.click("[data-testid=meeting-notice][data-kind=no_longer_listed] a").await;
    app.wait_for_text("[data-testid=meeting-name]", "Newcomers").await;
    app.find("[data-testid=reminders-paused]").await;
    app.click("[data-testid=keep-reminding]").await;
    app.wait_until_gone("[data-testid=reminders-paused]").await;

    // Back on Today: the two other notices stay until dismissed.
    app.click("[data-testid=tab-today]").await;
    app.wait_for_text("[data-testid=meeting-notices]", "Serenity").await;
    let left = app.driver.find_all(thirtyfour::By::Css("[data-testid=meeting-notice]")).await.unwrap();
    assert_eq!(left.len(), 2);
    app.click("[data-testid=meeting-notice][data-kind=changed] [data-testid=dismiss-notice]").await;
    app.wait_until_gone("[data-testid=meeting-notice][data-kind=changed]").await;
    app.stop().await;
}
