//! Nothing lost, nothing injected, end to end: an unreadable database is moved aside and the app
//! still starts and says so; text from a hostile feed shows literally and runs nothing.

use homegroup_e2e::harness::{app_binary, workspace_root, App, Profile};
use std::process::{Command, Stdio};

#[tokio::test]
async fn an_unreadable_database_is_kept_aside_and_the_app_says_so() {
    let profile = Profile::new();
    std::fs::create_dir_all(profile.data_dir()).unwrap();
    let junk: Vec<u8> = (0..50_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::write(profile.data_dir().join("homegroup.sqlite3"), &junk).unwrap();

    let app = App::start(&profile).await;
    let notice = app.wait_for_text("[data-testid=recovery-notice]", "could not be opened").await;
    assert!(notice.contains("unreadable-"), "it says where the old file is: {notice}");
    app.screenshot("recovery-notice").await;
    app.stop().await;

    let kept: Vec<_> = std::fs::read_dir(profile.data_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("homegroup.sqlite3.unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "the bad file is moved aside, not deleted");
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), junk);
}

/// Meeting ids by slug, as the command line lists them.
fn meeting_ids(profile: &Profile) -> std::collections::HashMap<String, i64> {
    let out = Command::new(app_binary())
        .args(["meetings", "--json"])
        .env("HOMEGROUP_DATA_DIR", profile.data_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let meetings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    meetings.iter().map(|m| (m["slug"].as_str().unwrap().to_owned(), m["id"].as_i64().unwrap())).collect()
}

/// Nothing from the feed became markup on the page shown now, and no payload ran.
async fn assert_inert(app: &App, page: &str) {
    let injected = app
        .driver
        .execute(
            "return [...document.querySelectorAll('main script, main img, main iframe, main b, main [onerror], \
             main [onload]')].map(e => e.outerHTML)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected.json(), &serde_json::json!([]), "{page}: elements made from the feed's markup");
    let links = app
        .driver
        .execute(
            "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))\
               .filter(h => /^\\s*javascript:/i.test(h))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(links.json(), &serde_json::json!([]), "{page}: a javascript: link is offered");
    let ran = app.driver.execute("return window.__xss ?? null", vec![]).await.unwrap();
    assert!(ran.json().is_null(), "{page}: payload {} ran", ran.json());
}

/// Opens a meeting's page and waits until it shows that meeting; returns the page's text.
async fn open_meeting(app: &App, id: i64, name_starts: &str) -> String {
    app.driver.execute(&format!("location.hash = '#/schedule/m/{id}'"), vec![]).await.unwrap();
    app.wait_for_text("[data-testid=meeting-name]", name_starts).await;
    app.find("main").await.text().await.unwrap()
}

#[tokio::test]
async fn text_from_a_hostile_feed_shows_literally_and_runs_nothing() {
    let profile = Profile::new();
    let feed = workspace_root().join("tests/fixtures/hostile/meeting-guide-xss.json");
    let out = Command::new(app_binary())
        .args(["import", feed.to_str().unwrap(), "--time-zone", "UTC", "--fellowship", "aa"])
        .env("HOMEGROUP_DATA_DIR", profile.data_dir())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for slug in ["xss-1", "xss-2", "xss-3"] {
        let out = Command::new(app_binary())
            .args(["schedule", "add", slug])
            .env("HOMEGROUP_DATA_DIR", profile.data_dir())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let ids = meeting_ids(&profile);

    let app = App::start(&profile).await;
    app.click("[data-testid=tab-schedule]").await;
    let list = app.wait_for_text("[data-testid=my-meetings]", "Evening Hope").await;
    assert!(list.contains("<script>window.__xss=1</script>Evening Hope"), "shown as text: {list}");
    assert!(list.contains("Online <img src=x onerror=window.__xss=5>"), "shown as text: {list}");
    assert_inert(&app, "my schedule").await;

    // Each payload on the page that holds it (tests/fixtures/hostile/meeting-guide-xss.json).
    // xss-1: markup in the name, the place, the address, the notes and the group's name.
    let page = open_meeting(&app, ids["xss-1"], "Evening Hope").await;
    for payload in [
        "<script>window.__xss=1</script>Evening Hope",
        "<img src=x onerror=\"window.__xss=2\">Church hall",
        "1 Main St <b>bold</b>",
        "<a href=\"javascript:window.__xss=3\">click me</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<svg onload=window.__xss=4>Group",
    ] {
        assert!(page.contains(payload), "xss-1 shows {payload:?} as text: {page}");
    }
    assert_inert(&app, "xss-1").await;
    app.screenshot("hostile-meeting-1").await;

    // xss-2: markup in the name; a javascript: join link, left out at import, so no "Join" at all
    // (and with it the link's notes, which hold a script tag).
    let page = open_meeting(&app, ids["xss-2"], "Online <img").await;
    assert!(page.contains("Online <img src=x onerror=window.__xss=5>"), "xss-2 shows its name as text: {page}");
    assert_inert(&app, "xss-2").await;
    assert!(!page.contains("Join the meeting"), "xss-2 offers no join link: {page}");
    app.screenshot("hostile-meeting-2").await;

    // xss-3: a name and notes far too long, cut at import; the page still fits its window.
    let page = open_meeting(&app, ids["xss-3"], "Serenity Serenity").await;
    assert!(page.contains("Serenity Serenity Serenity"), "{page}");
    let overflow = app
        .driver
        .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
        .await
        .unwrap();
    assert!(
        overflow.json().as_i64().is_some_and(|o| o <= 0),
        "xss-3 is wider than the window by {:?}px",
        overflow.json()
    );
    assert_inert(&app, "xss-3").await;
    app.screenshot("hostile-meeting-3").await;
    app.stop().await;
}
