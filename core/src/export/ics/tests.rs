use super::*;
use crate::meetings::{Attendance, MeetingDetails, MeetingInput};
use crate::FixedClock;
use std::collections::BTreeSet;

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()) // a Monday
}

/// Thursdays 19:00 in New York (skipped on 3 Dec, reminder 15 minutes before), Mondays 07:00
/// online in Kolkata (no reminder), a one-off in London, and one by appointment.
fn schedule() -> Store {
    let clock = clock();
    let mut store = Store::open_in_memory().unwrap();
    let thursday = MeetingInput::from(MeetingDetails {
        name: "Thursday Step Study, Big Book; newcomers welcome".into(),
        fellowship: Some("aa".into()),
        weekdays: vec![4],
        start_time: Some("19:00".into()),
        duration_minutes: 90,
        time_zone: "America/New_York".into(),
        location: Some("St. Mark's hall".into()),
        address: Some("18 Olive Ave, Rehoboth Beach, DE 19971, USA".into()),
        notes: Some(
            "Side door after 6:45. A long note that needs folding because it is longer than a line may be.".into(),
        ),
        ..MeetingDetails::default()
    });
    let m = store.create_meeting(&thursday, true, &clock).unwrap();
    store.add_to_schedule(m.id, Some(15), true, &clock).unwrap();
    store.set_skipped(m.id, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), true).unwrap();
    let kolkata = MeetingInput::from(MeetingDetails {
        name: "Morning Reflections".into(),
        weekdays: vec![1, 3],
        start_time: Some("07:00".into()),
        time_zone: "Asia/Kolkata".into(),
        attendance: Attendance::Online,
        conference_url: Some("https://zoom.us/j/85779615129?pwd=abc".into()),
        conference_phone: Some("+13017158592,,85779615129#".into()),
        ..MeetingDetails::default()
    });
    let k = store.create_meeting(&kolkata, true, &clock).unwrap();
    store.add_to_schedule(k.id, None, false, &clock).unwrap();
    let once = MeetingInput::from(MeetingDetails {
        name: "Convention".into(),
        date: Some("2027-03-28".into()),
        start_time: Some("01:30".into()),
        time_zone: "Europe/London".into(),
        ..MeetingDetails::default()
    });
    store.create_meeting(&once, true, &clock).unwrap();
    let appointment = MeetingInput::from(MeetingDetails {
        name: "By appointment".into(),
        time_zone: "Europe/Paris".into(),
        ..MeetingDetails::default()
    });
    store.create_meeting(&appointment, true, &clock).unwrap();
    let not_mine = MeetingInput::from(MeetingDetails { name: "Not mine".into(), ..thursday.details });
    store.create_meeting(&not_mine, false, &clock).unwrap();
    store
}

#[test]
fn snapshot_of_a_schedule_with_dst_zones_and_a_skipped_week() {
    let ics = schedule().export_ics(&clock(), Locale::En).unwrap();
    insta::assert_snapshot!(ics.replace("\r\n", "\n"));
}

#[test]
fn the_calendar_speaks_the_language_asked_for() {
    let ics = schedule().export_ics(&clock(), Locale::Es).unwrap().replace("\r\n ", "");
    assert!(ics.contains("\r\nNAME:Homegroup: mis reuniones\r\n"), "{ics}");
    assert!(ics.contains("DESCRIPTION:Para unirte: https://zoom.us/j/85779615129?pwd=abc\\nPara llamar: +1"), "{ics}");
    assert!(!ics.contains("Join:") && !ics.contains("Dial in:"));
}

#[test]
fn follows_the_rfc_5545_rules_we_can_check() {
    let ics = schedule().export_ics(&clock(), Locale::En).unwrap();
    // CRLF everywhere, and lines folded at 75 octets.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    for required in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}")] {
        assert_eq!(lines.iter().filter(|l| **l == required).count(), 1, "{required} once");
    }
    // Every TZID used has its VTIMEZONE; no VTIMEZONE for zones not used.
    let mut used: BTreeSet<String> = BTreeSet::new();
    for line in &lines {
        if let Some(rest) = line.split(";TZID=").nth(1) {
            used.insert(rest.split(':').next().unwrap().to_owned());
        }
    }
    let defined: BTreeSet<String> = lines.iter().filter_map(|l| l.strip_prefix("TZID:")).map(str::to_owned).collect();
    assert_eq!(used, defined);
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["America/New_York", "Asia/Kolkata", "Europe/London"]);
    // Each event has UID, DTSTAMP and DTSTART; three events (by appointment and not-mine left out).
    let events: Vec<&str> = unfolded.split("BEGIN:VEVENT\r\n").skip(1).collect();
    assert_eq!(events.len(), 3);
    for event in &events {
        let body = event.split("END:VEVENT").next().unwrap();
        for prop in ["UID:", "DTSTAMP:20261123T120000Z", "DTSTART;TZID=", "SUMMARY:", "DURATION:PT"] {
            assert!(body.contains(prop), "{prop} missing in {body}");
        }
    }
    // No DTSTAMP in a VALARM; one alarm only (Kolkata has reminders off).
    let alarms: Vec<&str> =
        unfolded.split("BEGIN:VALARM").skip(1).map(|a| a.split("END:VALARM").next().unwrap()).collect();
    assert!(alarms.iter().all(|a| !a.contains("DTSTAMP") && a.contains("ACTION:DISPLAY")));
    assert_eq!(alarms.len(), 2, "the Kolkata meeting has reminders off");
    let thursday = alarms.iter().find(|a| a.contains("Thursday")).unwrap();
    assert!(thursday.contains("TRIGGER:-PT900S"), "its own lead time, 15 minutes");
    let convention = alarms.iter().find(|a| a.contains("Convention")).unwrap();
    assert!(convention.contains("TRIGGER:-PT1800S"), "the default lead time, 30 minutes");
    // Weekly rule, the skipped week, and text escaped.
    assert!(unfolded.contains("RRULE:FREQ=WEEKLY;BYDAY=TH"));
    assert!(unfolded.contains("EXDATE;TZID=America/New_York:20261203T190000"));
    assert!(unfolded.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE"));
    assert!(unfolded.contains("SUMMARY:Thursday Step Study\\, Big Book\\; newcomers welcome"));
}

#[test]
fn new_york_has_standard_and_daylight_for_this_year_and_next() {
    let text = vtimezone(Tz::America__New_York, 2025..=2028);
    for onset in
        ["DTSTART:20260308T020000", "DTSTART:20261101T020000", "DTSTART:20270314T020000", "DTSTART:20271107T020000"]
    {
        assert!(text.contains(onset), "{onset} in {text}");
    }
    assert!(text
        .contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT"));
    assert!(text
        .contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST"));
    // A zone without DST still has one observance.
    let kolkata = vtimezone(Tz::Asia__Kolkata, 2026..=2027);
    assert_eq!(kolkata.matches("BEGIN:STANDARD").count(), 1);
    assert!(kolkata.contains("TZOFFSETTO:+0530"));
}

#[test]
fn the_calendar_agrees_with_the_agenda_across_a_dst_change() {
    // 02:30 on the US spring-forward Sunday does not exist: RFC 5545 reads it with the offset
    // before the gap (EST), which is what the app's recurrence does: 07:30 UTC.
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap());
    let mut store = Store::open_in_memory().unwrap();
    let input = MeetingInput::from(MeetingDetails {
        name: "Night owls".into(),
        weekdays: vec![0],
        start_time: Some("02:30".into()),
        time_zone: "America/New_York".into(),
        ..MeetingDetails::default()
    });
    let m = store.create_meeting(&input, true, &clock).unwrap();
    let ics = store.export_ics(&clock, Locale::En).unwrap();
    assert!(ics.contains("DTSTART;TZID=America/New_York:20260308T023000"));
    let offset_before_gap = -5 * 3600;
    let ics_instant = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap().and_hms_opt(2, 30, 0).unwrap()
        - Duration::seconds(offset_before_gap);
    let agenda = m.rule().unwrap().on(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap()).unwrap();
    assert_eq!(agenda.starts_at, ics_instant.and_utc());
}

#[test]
fn an_empty_schedule_is_a_valid_empty_calendar() {
    let store = Store::open_in_memory().unwrap();
    let ics = store.export_ics(&clock(), Locale::En).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.contains("VEVENT") && !ics.contains("VTIMEZONE"));
}
