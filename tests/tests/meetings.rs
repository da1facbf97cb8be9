//! Meetings and my schedule, end to end: add a weekly online meeting through the form, see it on
//! Today and in the week agenda on the right day and time, and still there after a restart.
//! The app runs with its own TZ and the meeting is on tomorrow's weekday at 19:00, so the test
//! never depends on the hour it runs.

use chrono::{Datelike, Duration, Utc};
use chrono_tz::Tz;
use homegroup_e2e::harness::{App, Profile};
use thirtyfour::prelude::*;

const ZONE: Tz = Tz::America__New_York;

/// Where Today lists a meeting on `date` at 19:00, worked out at the moment of asking: under
/// tomorrow, or under today once midnight has passed in New York since the test chose the date.
fn todays_list_for(date: chrono::NaiveDate) -> &'static str {
    if Utc::now().with_timezone(&ZONE).date_naive() == date {
        "[data-testid=today-next]"
    } else {
        "[data-testid=today-tomorrow]"
    }
}

async fn set_input(app: &App, css: &str, value: &str) {
    let element = app.find(css).await;
    app.driver
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            vec![element.to_json().unwrap(), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn add_a_weekly_online_meeting_and_see_it_on_today_and_in_the_week() {
    let mut profile = Profile::new();
    profile.env.push(("TZ".into(), ZONE.name().into()));
    let tomorrow = (Utc::now().with_timezone(&ZONE) + Duration::days(1)).date_naive();
    let weekday = tomorrow.weekday().num_days_from_sunday();

    let app = App::start(&profile).await;
    app.click("[data-testid=tab-schedule]").await;
    app.click("[data-testid=add-meeting]").await;
    app.find("[data-testid=meeting-name-input]").await.send_keys("Sunrise Online").await.unwrap();
    app.click(&format!("[data-testid=weekday-{weekday}]")).await;
    set_input(&app, "[data-testid=meeting-time]", "19:00").await;
    let zone = app.find("[data-testid=meeting-zone]").await.prop("value").await.unwrap();
    assert_eq!(zone.as_deref(), Some(ZONE.name()), "the zone defaults to the device's");
    app.click("[data-testid=attendance-online]").await;

    // A link that is not a web address is refused, with a message on that field.
    app.find("[data-testid=meeting-link]").await.send_keys("zoommtg://zoom.us/join?confno=123").await.unwrap();
    app.click("[data-testid=save-meeting]").await;
    let message = app.wait_for_text("[data-testid=error-conference_url]", "https://").await;
    assert!(message.contains("link"), "{message}");
    set_input(&app, "[data-testid=meeting-link]", "https://example.org/sunrise").await;
    app.click("[data-testid=save-meeting]").await;
    app.wait_for_text("[data-testid=meeting-name]", "Sunrise Online").await;
    app.wait_for_text("[data-testid=meeting-when]", "19:00").await;
    app.screenshot("meeting-detail").await;

    // Today lists it under tomorrow, at 7:00 PM.
    app.click("[data-testid=tab-today]").await;
    let tomorrow_list = app.wait_for_text(todays_list_for(tomorrow), "Sunrise Online").await;
    assert!(tomorrow_list.contains("7:00"), "{tomorrow_list}");
    app.screenshot("today-next").await;

    // The week agenda shows it on tomorrow's date (the next week's page when tomorrow starts a new week).
    app.click("[data-testid=tab-schedule]").await;
    app.find("[data-testid=week]").await;
    let day = format!("[data-testid=day-{}]", tomorrow.format("%Y-%m-%d"));
    if !app.driver.query(By::Css(&day)).nowait().exists().await.unwrap() {
        app.click("[data-testid=week-next]").await;
    }
    let text = app.wait_for_text(&day, "Sunrise Online").await;
    assert!(text.contains("7:00"), "{text}");
    app.screenshot("week").await;
    app.stop().await;

    // Restart: still in the schedule.
    let app = App::start(&profile).await;
    app.wait_for_text(todays_list_for(tomorrow), "Sunrise Online").await;
    // The first screen keeps to the type scale (ui/src/app.css): WebKit sets up a font for each size
    // and weight a screen uses before its first frame, a few milliseconds apiece.
    let fonts = app.driver.execute(FONTS_IN_USE, vec![]).await.unwrap();
    let fonts: Vec<String> = serde_json::from_value(fonts.json().clone()).unwrap();
    assert!(fonts.len() <= 4, "Today's text uses more than four fonts: {fonts:?}");
    // On a Linux desktop the shell names GTK's own font to the page, which WebKitGTK lays out
    // sooner than `system-ui` (src-tauri/src/desktop_font.rs).
    assert!(fonts.iter().all(|font| !font.contains("system-ui")), "Today's text is in system-ui: {fonts:?}");
    app.stop().await;
}

/// Every weight, size and family that a text on the page is drawn in.
const FONTS_IN_USE: &str = "const fonts = new Set();
for (const element of document.querySelectorAll('body *')) {
  const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
  if (!hasText) continue;
  const style = getComputedStyle(element);
  fonts.add(`${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
}
return [...fonts].sort();";
