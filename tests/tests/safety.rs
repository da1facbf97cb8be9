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

    let app = App::start(&profile).await;
    app.click("[data-testid=tab-schedule]").await;
    let list = app.wait_for_text("[data-testid=my-meetings]", "Evening Hope").await;
    assert!(list.contains("<script>window.__xss=1</script>Evening Hope"), "shown as text: {list}");
    for id in 1..=3 {
        app.driver.execute(&format!("location.hash = '#/schedule/m/{id}'"), vec![]).await.unwrap();
        app.find("[data-testid=meeting-name]").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.screenshot(&format!("hostile-meeting-{id}")).await;
    }
    app.driver.execute("location.hash = '#/schedule/m/1'", vec![]).await.unwrap();
    let detail = app.wait_for_text("main", "onerror").await;
    assert!(detail.contains("<img src=x onerror=\"window.__xss=2\">Church hall"), "{detail}");
    // No element came from the feed's markup, and no payload ran.
    let injected = app
        .driver
        .execute(
            "return document.querySelectorAll('main script, main img, main iframe, main svg[onload], main b').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected.json().as_i64(), Some(0));
    let ran = app.driver.execute("return window.__xss ?? null", vec![]).await.unwrap();
    assert!(ran.json().is_null(), "a payload ran: {:?}", ran.json());
    // A javascript: link from a feed is never offered as a link.
    let links = app
        .driver
        .execute(
            "return [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(links.json().as_i64(), Some(0));
    app.stop().await;
}
