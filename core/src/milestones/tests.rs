use super::*;
use crate::i18n::Locale;
use chrono::TimeZone;
use chrono_tz::{America, Asia, Europe};

fn at(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap().with_timezone(&Utc)
}

#[test]
fn a_recovery_date_is_checked_and_today_counts_by_calendar_date_in_my_zone() {
    let mut store = Store::open_in_memory().unwrap();
    let zone = America::New_York;
    let now = at(zone, 2026, 12, 2, 8, 0);
    for (bad, says) in [("2026-12-03", "future"), ("1899-12-31", "1900"), ("2026-02-30", "date"), ("yesterday", "date")]
    {
        let e = store.set_recovery_date(bad, "", now, zone).unwrap_err();
        assert_eq!(e.payload().field.as_deref(), Some("start_date"));
        assert!(e.to_string().contains(says), "{bad}: {e}");
    }
    assert_eq!(store.count_today(now, zone).unwrap(), None, "off until set");

    store.set_recovery_date("2026-11-02", "Days since my last drink", now, zone).unwrap();
    let today = store.count_today(now, zone).unwrap().unwrap();
    assert_eq!(today.elapsed.total_days, 30);
    assert_eq!(today.milestone_today, Some(Milestone::Days(30)));
    assert_eq!(
        (today.next_milestone, today.next_milestone_date.as_deref()),
        (Some(Milestone::Days(60)), Some("2027-01-01"))
    );

    // Late on 1 December in New York is already 2 December in UTC: the count is by my own date.
    let late = at(zone, 2026, 12, 1, 23, 30);
    assert_eq!(store.count_today(late, zone).unwrap().unwrap().elapsed.total_days, 29);
    assert_eq!(store.count_today(late, chrono_tz::UTC).unwrap().unwrap().elapsed.total_days, 30);
    // Today is allowed; tomorrow is not (in my zone).
    assert!(store.set_recovery_date("2026-12-02", "", now, zone).is_ok());
}

#[test]
fn the_notification_comes_at_nine_that_morning_once_or_at_the_first_start_that_day() {
    let mut store = Store::open_in_memory().unwrap();
    let zone = Europe::London;
    // 30 days on 2026-03-29, the day the UK's clocks go forward: 9:00 is then 08:00 UTC.
    store.set_recovery_date("2026-02-27", "", at(zone, 2026, 3, 1, 12, 0), zone).unwrap();
    let before = at(zone, 2026, 3, 29, 8, 59);
    assert!(store.claim_due_milestones(before, zone).unwrap().is_empty());
    assert_eq!(
        store.next_milestone_due(before, zone).unwrap(),
        Some(Utc.with_ymd_and_hms(2026, 3, 29, 8, 0, 0).unwrap())
    );

    // The app starts at 15:00 that day: it comes then, once.
    let afternoon = at(zone, 2026, 3, 29, 15, 0);
    let due = store.claim_due_milestones(afternoon, zone).unwrap();
    assert_eq!(due.iter().map(|m| m.milestone).collect::<Vec<_>>(), [Milestone::Days(30)]);
    assert!(store.claim_due_milestones(afternoon, zone).unwrap().is_empty(), "once");
    // The next day it is not shown late.
    assert!(store.claim_due_milestones(at(zone, 2026, 3, 30, 10, 0), zone).unwrap().is_empty());

    // A notification that could not be shown comes again.
    store.release_milestone(&due[0]).unwrap();
    assert_eq!(store.claim_due_milestones(afternoon, zone).unwrap().len(), 1);
}

#[test]
fn a_zone_change_moves_the_day_and_the_hour_with_me() {
    let mut store = Store::open_in_memory().unwrap();
    let start_zone = America::Los_Angeles;
    store.set_recovery_date("2026-06-01", "", at(start_zone, 2026, 6, 2, 12, 0), start_zone).unwrap();
    // 30 days on 1 July: 9:00 in Tokyo is the evening of 30 June in Los Angeles.
    let planned = store.planned_milestones(at(Asia::Tokyo, 2026, 6, 30, 12, 0), Asia::Tokyo, 3).unwrap();
    assert_eq!(planned[0].due_at, at(Asia::Tokyo, 2026, 7, 1, 9, 0));
    let planned = store.planned_milestones(at(start_zone, 2026, 6, 30, 12, 0), start_zone, 3).unwrap();
    assert_eq!(planned[0].due_at, at(start_zone, 2026, 7, 1, 9, 0));
}

#[test]
fn a_new_count_keeps_the_earlier_one_privately_until_deleted() {
    let mut store = Store::open_in_memory().unwrap();
    let zone = chrono_tz::UTC;
    let now = at(zone, 2026, 12, 2, 12, 0);
    let first = store.set_recovery_date("2025-01-10", "Clean date", now, zone).unwrap();
    let second = store.start_new_count("2026-12-02", "Clean date", now, zone).unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(store.count_today(now, zone).unwrap().unwrap().elapsed.total_days, 0);
    let earlier = store.earlier_counts().unwrap();
    assert_eq!(
        (earlier.len(), earlier[0].start_date.as_str(), earlier[0].ended_on.as_deref()),
        (1, "2025-01-10", Some("2026-12-02"))
    );
    // A bad date for the new count changes nothing.
    assert!(store.start_new_count("2030-01-01", "", now, zone).is_err());
    assert_eq!(store.current_count().unwrap().unwrap().id, second.id);
    store.delete_count(first.id).unwrap();
    assert!(store.earlier_counts().unwrap().is_empty());
    store.stop_counting(now, zone).unwrap();
    assert_eq!(store.count_today(now, zone).unwrap(), None);
}

#[test]
fn discreet_text_says_only_that_there_is_a_milestone() {
    let m = DueMilestone {
        count_id: 1,
        day: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        milestone: Milestone::Years(1),
        label: "Days since my last drink".into(),
        due_at: Utc::now(),
    };
    let discreet = milestone_text(&m, true, Locale::En);
    assert_eq!((discreet.title.as_str(), discreet.body.as_str()), ("A milestone today", ""));
    let open = milestone_text(&m, false, Locale::En);
    assert_eq!((open.title.as_str(), open.body.as_str()), ("1 year today", "Days since my last drink"));
}

#[test]
fn milestones_in_spanish() {
    let mut m = DueMilestone {
        count_id: 1,
        day: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        milestone: Milestone::Days(30),
        label: String::new(),
        due_at: Utc::now(),
    };
    let discreet = milestone_text(&m, true, Locale::Es);
    assert_eq!((discreet.title.as_str(), discreet.body.as_str()), ("Un logro hoy", ""));
    let open = milestone_text(&m, false, Locale::Es);
    assert_eq!((open.title.as_str(), open.body.as_str()), ("30 días hoy", "¡Felicidades!"));
    assert_eq!(milestone_text(&m, false, Locale::En).body, "Well done.");
    m.label = "Días desde mi último trago".into();
    assert_eq!(milestone_text(&m, false, Locale::Es).body, "Días desde mi último trago", "the user's own words");
    for (milestone, en, es) in [
        (Milestone::Hours(24), "24 hours", "24 horas"),
        (Milestone::Days(1), "1 day", "1 día"),
        (Milestone::Months(6), "6 months", "6 meses"),
        (Milestone::Months(1), "1 month", "1 mes"),
        (Milestone::Years(1), "1 year", "1 año"),
        (Milestone::Years(2), "2 years", "2 años"),
    ] {
        assert_eq!((milestone.words(Locale::En), milestone.words(Locale::Es)), (en.to_owned(), es.to_owned()));
    }
}
