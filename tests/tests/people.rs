//! My people and my milestones, end to end, in one launch: add a person through the form, find
//! them on Reach out with `tel:` and `sms:` links; set a recovery date 30 days back in Settings,
//! see "30 days" and the 30-day milestone on Today, and get the milestone's notification over
//! D-Bus, discreet (discreet mode is on): "A milestone today", no count, no word about recovery.
//!
//! The app runs in a zone where it is past 9:00 and before midnight, so the milestone is due the
//! moment the date is saved (a milestone comes at 9:00, or at the first start that day).

use chrono::{Duration, Timelike, Utc};
use homegroup_core::Store;
use homegroup_e2e::harness::{App, Display, Profile};
use homegroup_e2e::notifications::{wait_for_notifications, NotificationServer};

/// A fixed-offset zone where it is about noon now (`Etc/GMT-5` is UTC+5).
fn a_zone_at_noon() -> (String, chrono::FixedOffset) {
    let hours = 12 - Utc::now().hour() as i32;
    let name = if hours >= 0 { format!("Etc/GMT-{hours}") } else { format!("Etc/GMT+{}", -hours) };
    (name, chrono::FixedOffset::east_opt(hours * 3600).unwrap())
}

#[tokio::test]
async fn a_person_to_reach_out_to_and_a_30_day_milestone() {
    let display = Display::start_new();
    let server = NotificationServer::start(&display.name(), "people");
    let (zone, offset) = a_zone_at_noon();
    let mut profile = Profile::new();
    profile.env.push(("TZ".into(), zone));
    {
        let mut store = Store::open_in(&profile.data_dir()).unwrap();
        let mut settings = store.settings().unwrap();
        settings.discreet_notifications = true;
        store.save_settings(&settings).unwrap();
    }
    let app = App::start(&profile).await;

    // Add a person: a name and a phone with letters in it is refused, then fixed.
    app.click("[data-testid=today-people]").await;
    app.click("[data-testid=add-person]").await;
    app.find("[data-testid=person-name]").await.send_keys("Sam").await.unwrap();
    app.find("[data-testid=person-phone]").await.send_keys("555-CALL").await.unwrap();
    app.click("[data-testid=save-person]").await;
    app.wait_for_text("[data-testid=error-phone]", "digits").await;
    let phone = app.find("[data-testid=person-phone]").await;
    phone.clear().await.unwrap();
    phone.send_keys("+1 (555) 010-2030").await.unwrap();
    app.click("[data-testid=person-role] option[value=sponsor]").await;
    app.click("[data-testid=save-person]").await;
    app.wait_for_text("[data-testid=people-list]", "Sam").await;

    // Reach out: the sponsor first, one tap to call or text, the number without spaces.
    app.click("[data-testid=tab-today]").await;
    app.click("[data-testid=today-reach-out]").await;
    app.wait_for_text("[data-testid=reach-out-sponsor]", "Sam").await;
    app.wait_for_attr("[data-testid=reach-out-sponsor] [data-testid=call-person]", "href", "tel:+15550102030").await;
    app.wait_for_attr("[data-testid=reach-out-sponsor] [data-testid=text-person]", "href", "sms:+15550102030").await;
    app.find("[data-testid=crisis-call-988]").await;
    app.screenshot("reach-out").await;

    // A recovery date 30 days back, in the app's own zone.
    let thirty_days_back = (Utc::now().with_timezone(&offset) - Duration::days(30)).date_naive();
    app.click("[data-testid=tab-settings]").await;
    let date = app.find("[data-testid=recovery-date]").await;
    app.driver
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            vec![date.to_json().unwrap(), serde_json::json!(thirty_days_back.format("%Y-%m-%d").to_string())],
        )
        .await
        .unwrap();
    app.find("[data-testid=recovery-label]").await.send_keys("Days since my last drink").await.unwrap();
    app.click("[data-testid=recovery-save]").await;
    app.wait_for_text("[data-testid=recovery-current]", &thirty_days_back.format("%Y-%m-%d").to_string()).await;

    // Today: 30 days, and today is a milestone.
    app.click("[data-testid=tab-today]").await;
    app.wait_for_text("[data-testid=count-value]", "30 days").await;
    app.wait_for_text("[data-testid=milestone-today]", "30 days today").await;
    app.screenshot("today-milestone").await;

    // Its notification, once, discreet.
    let calls = wait_for_notifications(&server.log, 1, Utc::now() + Duration::seconds(30)).await;
    assert_eq!(calls[0].summary, "A milestone today");
    for word in ["30", "days", "drink", "recovery", "sober", "Sam"] {
        assert!(!calls[0].all.iter().any(|s| s.contains(word)), "the discreet notification says {word:?}: {calls:#?}");
    }
    app.stop().await;
}
