use super::*;
use crate::i18n::Locale;
use crate::meetings::{MeetingDetails, MeetingInput};
use crate::{Clock, FixedClock, Store};
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use proptest::prelude::*;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn meeting(store: &mut Store, clock: &FixedClock, name: &str, weekdays: Vec<u8>, time: &str, zone: &str) -> i64 {
    let input = MeetingInput::from(MeetingDetails {
        name: name.into(),
        fellowship: Some("al-anon".into()),
        weekdays,
        start_time: Some(time.into()),
        time_zone: zone.into(),
        location: Some("Library room 2".into()),
        ..MeetingDetails::default()
    });
    store.create_meeting(&input, true, clock).unwrap().id
}

fn fire(store: &mut Store, now: DateTime<Utc>) -> Vec<String> {
    store.fire_due_reminders(now, |_| Ok(())).unwrap().into_iter().map(|r| r.meeting_name).collect()
}

#[test]
fn fires_once_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
    {
        let mut store = Store::open_in(dir.path()).unwrap();
        meeting(&mut store, &clock, "Thursday Serenity", vec![4], "19:00", "UTC"); // default lead: 30 min
        assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 26, 18, 30)));
        assert!(fire(&mut store, at(2026, 11, 26, 18, 29)).is_empty());
        assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 30)), ["Thursday Serenity"]);
        assert!(fire(&mut store, at(2026, 11, 26, 18, 31)).is_empty());
    }
    // A new process over the same file.
    let mut store = Store::open_in(dir.path()).unwrap();
    assert!(fire(&mut store, at(2026, 11, 26, 18, 35)).is_empty(), "never twice");
    assert_eq!(store.next_reminder_due(at(2026, 11, 26, 18, 35)).unwrap(), Some(at(2026, 12, 3, 18, 30)));
}

#[test]
fn catch_up_after_sleep_fires_for_a_meeting_ahead_and_not_for_one_started() {
    let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    meeting(&mut store, &clock, "Already started", vec![4], "14:00", "UTC");
    meeting(&mut store, &clock, "Still ahead", vec![4], "15:30", "UTC");
    // Asleep from 12:00 to 15:00: "Already started" was due 13:30 and began at 14:00;
    // "Still ahead" was due 15:00 and begins at 15:30.
    assert_eq!(fire(&mut store, at(2026, 11, 26, 15, 0)), ["Still ahead"]);
    assert!(fire(&mut store, at(2026, 11, 26, 15, 1)).is_empty());
}

#[test]
fn skipped_occurrences_and_no_reminder_meetings_get_none() {
    let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    let skipped = meeting(&mut store, &clock, "Skipped this week", vec![4], "19:00", "UTC");
    store.set_skipped(skipped, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), true).unwrap();
    let quiet = meeting(&mut store, &clock, "No reminder", vec![4], "19:00", "UTC");
    store.add_to_schedule(quiet, None, false, &clock).unwrap();
    let custom = meeting(&mut store, &clock, "Ten minutes", vec![4], "19:00", "UTC");
    store.add_to_schedule(custom, Some(10), true, &clock).unwrap();
    assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 26, 18, 50)));
    assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 55)), ["Ten minutes"]);
}

#[test]
fn a_failed_delivery_is_tried_again_until_the_meeting_starts() {
    let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    meeting(&mut store, &clock, "Retry", vec![4], "19:00", "UTC");
    let failed = store.fire_due_reminders(at(2026, 11, 26, 18, 30), |_| Err("no notification service".into())).unwrap();
    assert!(failed.is_empty());
    assert_eq!(fire(&mut store, at(2026, 11, 26, 18, 45)), ["Retry"]);
}

#[test]
fn dst_weekend_reminders_come_at_the_right_instant() {
    // US spring forward, 2026-03-08: a 02:30 meeting happens at 03:30 EDT (07:30 UTC).
    let clock = FixedClock::new(at(2026, 3, 7, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    meeting(&mut store, &clock, "Night owls", vec![0], "02:30", "America/New_York");
    assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 3, 8, 7, 0)));
    // Fall back, 2026-11-01: 01:30 happens twice; the reminder is for the first (05:30 UTC).
    let clock = FixedClock::new(at(2026, 10, 31, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    meeting(&mut store, &clock, "Night owls", vec![0], "01:30", "America/New_York");
    assert_eq!(store.next_reminder_due(clock.now()).unwrap(), Some(at(2026, 11, 1, 5, 0)));
    assert_eq!(fire(&mut store, at(2026, 11, 1, 5, 0)), ["Night owls"]);
    assert!(fire(&mut store, at(2026, 11, 1, 6, 0)).is_empty(), "not again at the second 01:00");
}

#[test]
fn discreet_text_names_no_meeting_fellowship_group_or_place() {
    let reminder = Reminder {
        meeting_id: 1,
        meeting_name: "Tuesday Al-Anon".into(),
        fellowship_name: Some("Al-Anon Family Groups".into()),
        group_name: Some("Serenity Seekers".into()),
        attendance: Attendance::InPerson,
        location: Some("St. Mark's hall".into()),
        starts_at: at(2026, 11, 26, 19, 0),
        due_at: at(2026, 11, 26, 18, 30),
    };
    let now = at(2026, 11, 26, 18, 30);
    let plain = notification_text(&reminder, now, Tz::UTC, false, Locale::En);
    assert_eq!(plain.title, "Tuesday Al-Anon at 7:00 PM");
    assert_eq!(plain.body, "Starts in 30 minutes · St. Mark's hall");
    let discreet = notification_text(&reminder, now, Tz::UTC, true, Locale::En);
    assert_eq!(discreet.title, "Meeting at 7:00 PM");
    for secret in ["Al-Anon", "Serenity", "Mark", "Tuesday"] {
        assert!(!discreet.title.contains(secret) && !discreet.body.contains(secret), "{secret} leaked: {discreet:?}");
    }
    let a_moment_late = notification_text(
        &reminder,
        at(2026, 11, 26, 18, 59) + Duration::milliseconds(300),
        Tz::UTC,
        false,
        Locale::En,
    );
    assert_eq!(a_moment_late.body, "Starts in 1 minute · St. Mark's hall");
    let later = notification_text(&reminder, at(2026, 11, 26, 15, 0), Tz::America__Chicago, false, Locale::En);
    assert_eq!(later.title, "Tuesday Al-Anon at 1:00 PM", "shown in the user's zone");
}

#[test]
fn reminders_in_spanish_discreet_or_not() {
    let mut reminder = Reminder {
        meeting_id: 1,
        meeting_name: "Grupo Serenidad".into(),
        fellowship_name: Some("Alcohólicos Anónimos".into()),
        group_name: None,
        attendance: Attendance::InPerson,
        location: Some("Salón parroquial".into()),
        starts_at: at(2026, 11, 26, 19, 0),
        due_at: at(2026, 11, 26, 18, 55),
    };
    let es = |reminder: &Reminder, now, discreet| notification_text(reminder, now, Tz::UTC, discreet, Locale::Es);
    let discreet = es(&reminder, at(2026, 11, 26, 18, 55), true);
    assert_eq!((discreet.title.as_str(), discreet.body.as_str()), ("Reunión a las 7:00 p. m.", "Empieza en 5 minutos"));
    let plain = es(&reminder, at(2026, 11, 26, 18, 55), false);
    assert_eq!(plain.title, "Grupo Serenidad a las 7:00 p. m.");
    assert_eq!(plain.body, "Empieza en 5 minutos · Salón parroquial");
    assert_eq!(es(&reminder, at(2026, 11, 26, 18, 59), false).body, "Empieza en 1 minuto · Salón parroquial");
    assert_eq!(es(&reminder, at(2026, 11, 26, 19, 0), true).body, "Empieza ahora");
    assert_eq!(es(&reminder, at(2026, 11, 26, 14, 0), true).body, "Empieza a las 7:00 p. m.");
    reminder.attendance = Attendance::Hybrid;
    assert_eq!(
        es(&reminder, at(2026, 11, 26, 18, 55), false).body,
        "Empieza en 5 minutos · Salón parroquial o en línea"
    );
    reminder.attendance = Attendance::Online;
    assert_eq!(es(&reminder, at(2026, 11, 26, 18, 55), false).body, "Empieza en 5 minutos · En línea");
    // One o'clock takes "a la".
    reminder.starts_at = at(2026, 11, 26, 13, 0);
    assert_eq!(es(&reminder, at(2026, 11, 26, 12, 30), true).title, "Reunión a la 1:00 p. m.");
}

#[test]
fn the_tray_names_the_next_meeting_unless_discreet() {
    let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
    let mut store = Store::open_in_memory().unwrap();
    meeting(&mut store, &clock, "Thursday Serenity", vec![4], "19:00", "UTC");
    let upcoming = store.upcoming(clock.now(), Tz::UTC).unwrap();
    let next = upcoming.today_items.first();
    assert_eq!(tray_tooltip(next, Tz::UTC, false, Locale::En), "Next: Thursday Serenity at 7:00 PM");
    assert_eq!(tray_tooltip(next, Tz::America__Chicago, true, Locale::En), "Next meeting at 1:00 PM");
    assert_eq!(tray_tooltip(None, Tz::UTC, false, Locale::En), "Homegroup");
    assert_eq!(tray_tooltip(next, Tz::UTC, false, Locale::Es), "Próxima: Thursday Serenity a las 7:00 p. m.");
    assert_eq!(tray_tooltip(next, Tz::America__Chicago, true, Locale::Es), "Próxima reunión a la 1:00 p. m.");
}

fn sample(meeting_id: i64) -> Reminder {
    Reminder {
        meeting_id,
        meeting_name: String::new(),
        fellowship_name: None,
        group_name: None,
        attendance: Attendance::InPerson,
        location: None,
        starts_at: at(2026, 1, 1, 0, 0),
        due_at: at(2026, 1, 1, 0, 0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Over a random schedule and a year, stepping from one due instant to the next with random
    /// sleeps in between, every occurrence gets exactly one reminder: at its due time, or at the
    /// first wake-up after it while the meeting has not started; none once it has.
    #[test]
    fn every_occurrence_is_reminded_exactly_once(
        meetings in proptest::collection::vec((1u8..128, 0u32..(24 * 60), 0usize..4, 0u32..180), 1..5),
        sleeps in proptest::collection::vec(0i64..(3 * 60), 1..64),
        start_day in 0i64..3000,
    ) {
        let zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
        let start = at(2020, 1, 1, 0, 0) + Duration::days(start_day);
        let clock = FixedClock::new(start);
        let mut store = Store::open_in_memory().unwrap();
        let mut leads: std::collections::HashMap<i64, Duration> = Default::default();
        for (weekdays, minutes, zone, lead) in &meetings {
            let days: Vec<u8> = (0..7).filter(|d| weekdays & (1 << d) != 0).collect();
            let id = meeting(&mut store, &clock, "m", days, &format!("{:02}:{:02}", minutes / 60, minutes % 60), zones[*zone]);
            store.add_to_schedule(id, Some(*lead), true, &clock).unwrap();
            leads.insert(id, Duration::minutes(i64::from(*lead)));
        }
        let end = start + Duration::days(365);
        let mut now = start;
        let mut wakes: Vec<DateTime<Utc>> = Vec::new();
        let mut fired: std::collections::HashMap<(i64, DateTime<Utc>), DateTime<Utc>> = Default::default();
        let mut step = 0;
        while now < end {
            wakes.push(now);
            for r in store.fire_due_reminders(now, |_| Ok(())).unwrap() {
                prop_assert!(fired.insert((r.meeting_id, r.starts_at), now).is_none(), "fired twice");
            }
            // Sleep to the next due instant, and every third time oversleep up to 3 hours.
            let next = store.next_reminder_due(now).unwrap().unwrap_or(end).min(end);
            let oversleep = if step % 3 == 2 { Duration::minutes(sleeps[step % sleeps.len()]) } else { Duration::zero() };
            step += 1;
            now = (next + oversleep).max(now + Duration::seconds(1));
        }
        // Each occurrence is reminded at the first wake-up at or after its due time, if the
        // meeting has not started by then, and never otherwise.
        for m in store.meetings(&crate::meetings::MeetingFilter::default()).unwrap() {
            let lead = leads[&m.id];
            for o in m.rule().unwrap().between(start + Duration::days(8), end - Duration::days(1)) {
                let due = o.starts_at - lead;
                let first_wake = wakes.iter().find(|w| **w >= due).copied();
                let reminder = Reminder { due_at: due, starts_at: o.starts_at, ..sample(m.id) };
                match first_wake {
                    Some(w) if reminder.fires_at(w) => {
                        prop_assert_eq!(fired.get(&(m.id, o.starts_at)), Some(&w), "missed or late: {} due {}", m.id, due);
                    }
                    _ => prop_assert!(!fired.contains_key(&(m.id, o.starts_at)), "fired after its start"),
                }
            }
        }
    }
}

mod plans {
    use super::*;
    use crate::reminders::plan::{ReminderPlan, NUDGE_ID, PLAN_DAYS};

    fn three_meetings(store: &mut Store, clock: &FixedClock) {
        meeting(store, clock, "Monday Serenity", vec![1], "19:00", "UTC");
        meeting(store, clock, "Wednesday Hope", vec![3], "12:00", "UTC");
        meeting(store, clock, "Friday Steps", vec![5], "08:00", "UTC");
    }

    #[test]
    fn a_plan_is_worded_in_the_language_the_app_shows() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        three_meetings(&mut store, &clock);
        let plan = crate::i18n::with_locale(Locale::Es, || {
            store.plan_reminders(clock.now(), Tz::UTC, true, 64, &ReminderPlan::default()).unwrap()
        });
        let first = &plan.items[0];
        assert_eq!((first.title.as_str(), first.body.as_str()), ("Reunión a las 8:00 a. m.", "Empieza en 30 minutos"));
        let nudge = plan.items.last().unwrap();
        assert_eq!(nudge.body, "Abre Homegroup para seguir recibiendo los recordatorios de tus reuniones.");
        let english = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &plan).unwrap();
        assert_eq!(english.items[0].title, "Meeting at 8:00 AM");
        assert_eq!(english.items.last().unwrap().body, "Open Homegroup to keep your meeting reminders coming.");
    }

    #[test]
    fn a_plan_holds_two_weeks_of_discreet_reminders_and_a_nudge_and_keeps_its_ids() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        three_meetings(&mut store, &clock);
        let plan = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &ReminderPlan::default()).unwrap();
        assert_eq!(plan.items.len(), 3 * 2 + 1, "three weekly meetings for two weeks, and the nudge");
        let nudge = plan.items.last().unwrap();
        assert_eq!((nudge.id, nudge.meeting_id), (NUDGE_ID, None));
        assert_eq!(nudge.due_at, (clock.now() + Duration::days(PLAN_DAYS - 1)).timestamp());
        for item in &plan.items {
            for name in ["Serenity", "Hope", "Steps", "Library", "Al-Anon"] {
                assert!(!item.title.contains(name) && !item.body.contains(name), "{item:?}");
            }
        }
        let mut ids: Vec<u32> = plan.items.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), plan.items.len(), "no two share an id");

        // A day later, with a meeting added: the same occurrences keep their ids; new ones get new ids.
        clock.set(at(2026, 11, 27, 12, 0));
        meeting(&mut store, &clock, "Sunday Reflections", vec![0], "10:00", "UTC");
        let next = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &plan).unwrap();
        for item in next.items.iter().filter(|i| i.meeting_id.is_some()) {
            if let Some(before) =
                plan.items.iter().find(|b| b.meeting_id == item.meeting_id && b.starts_at == item.starts_at)
            {
                assert_eq!(item.id, before.id, "kept");
            } else {
                assert!(!plan.items.iter().any(|b| b.id == item.id), "a new occurrence never reuses an id in use");
            }
        }
    }

    #[test]
    fn a_plan_cut_short_by_the_limit_nudges_right_after_its_last_reminder() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        three_meetings(&mut store, &clock);
        let plan = store.plan_reminders(clock.now(), Tz::UTC, false, 3, &ReminderPlan::default()).unwrap();
        assert_eq!(plan.items.len(), 3);
        assert_eq!(plan.items[2].due_at, plan.items[1].due_at + 60);
        assert!(
            plan.items[0].title.contains("Serenity") || plan.items[0].title.contains("Steps"),
            "not discreet when not asked"
        );
    }

    #[test]
    fn what_fires_from_the_plan_while_locked_never_fires_again_after_unlocking() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0)); // Thursday
        let mut store = Store::open_in_memory().unwrap();
        meeting(&mut store, &clock, "Friday Steps", vec![5], "08:00", "UTC"); // due Friday 07:30
        let mut plan = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &ReminderPlan::default()).unwrap();
        // Locked: the loop reads the plan.
        let due_at = at(2026, 11, 27, 7, 31);
        let due: Vec<_> = plan.due(due_at).into_iter().cloned().collect();
        assert_eq!(due.len(), 1);
        plan.mark_fired(&due[0]);
        assert!(plan.due(due_at).is_empty(), "not twice from the plan");
        // Unlocked: what fired is merged, and the store does not fire it again.
        assert_eq!(store.merge_fired(&plan, due_at).unwrap(), 1);
        assert!(fire(&mut store, due_at).is_empty(), "not twice after unlocking");
        // A re-plan while the occurrence is ahead leaves it out.
        let again = store.plan_reminders(due_at, Tz::UTC, true, 64, &plan).unwrap();
        assert!(again.due(due_at).is_empty());
    }

    #[test]
    fn milestones_join_the_plan_discreetly_and_fire_once_across_a_lock() {
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in_memory().unwrap();
        // 30 days on 2026-12-01, 9:00 UTC.
        store.set_recovery_date("2026-11-01", "Days since my last drink", clock.now(), Tz::UTC).unwrap();
        let mut plan = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &ReminderPlan::default()).unwrap();
        let milestone = plan.items.iter().find(|i| i.milestone.is_some()).expect("the 30-day milestone").clone();
        assert_eq!(milestone.due_at, at(2026, 12, 1, 9, 0).timestamp());
        assert_eq!(
            (milestone.title.as_str(), milestone.body.as_str()),
            ("A milestone today", ""),
            "no count, no word about recovery"
        );
        let again = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &plan).unwrap();
        assert_eq!(again.items.iter().find(|i| i.milestone.is_some()).map(|i| i.id), Some(milestone.id), "same id");

        // Locked at 9:00 that day: it fires from the plan, once; at unlock it joins the log.
        let nine = at(2026, 12, 1, 9, 0);
        let due: Vec<_> = plan.due(nine).into_iter().cloned().collect();
        assert_eq!(due, vec![milestone.clone()]);
        plan.mark_fired(&due[0]);
        assert!(plan.due(nine).is_empty());
        assert!(plan.due(at(2026, 12, 2, 9, 0)).is_empty(), "not the next day either");
        store.merge_fired(&plan, nine).unwrap();
        assert!(store.claim_due_milestones(at(2026, 12, 1, 10, 0), Tz::UTC).unwrap().is_empty(), "not twice");
    }

    #[test]
    fn a_plan_is_kept_on_disk_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::new(at(2026, 11, 26, 12, 0));
        let mut store = Store::open_in(dir.path()).unwrap();
        three_meetings(&mut store, &clock);
        let plan = store.plan_reminders(clock.now(), Tz::UTC, true, 64, &ReminderPlan::default()).unwrap();
        plan.write(dir.path()).unwrap();
        assert_eq!(ReminderPlan::read(dir.path()).unwrap(), plan);
        let bytes = std::fs::read(ReminderPlan::path(dir.path())).unwrap();
        assert!(!bytes.windows(8).any(|w| w == b"Serenity"), "no names on disk");
        ReminderPlan::remove(dir.path()).unwrap();
        assert_eq!(ReminderPlan::read(dir.path()).unwrap(), ReminderPlan::default());
        ReminderPlan::remove(dir.path()).unwrap();
    }
}
