use super::*;
use crate::import::{ImportOptions, ImportReport};
use crate::{Clock, FixedClock, Store};
use chrono::{TimeZone, Utc};
use serde_json::{json, Value};

fn clock() -> FixedClock {
    // A Monday.
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap())
}

fn options(allow_shrink: bool) -> ImportOptions {
    ImportOptions {
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("district-9".into()),
        allow_shrink,
        ..ImportOptions::default()
    }
}

/// Six meetings on Tuesdays at 19:00 with a place, `a` to `f`.
fn feed() -> Vec<Value> {
    ["a", "b", "c", "d", "e", "f"]
        .iter()
        .map(|slug| {
            json!({"slug": slug, "name": format!("Meeting {slug}"), "day": 2, "time": "19:00",
                   "location": "Church hall", "address": "1 Main St, Springfield", "types": ["O", "D"]})
        })
        .collect()
}

fn import(store: &mut Store, rows: &[Value], allow_shrink: bool) -> crate::Result<ImportReport> {
    let bytes = serde_json::to_vec(rows).unwrap();
    store.import_feed(&bytes, &options(allow_shrink), &clock(), &mut |_| {})
}

fn id(store: &Store, slug: &str) -> i64 {
    store.find_meeting(slug).unwrap().id
}

/// A store with the feed imported, `a`, `b`, `c` in my schedule and `d` a favourite.
fn my_meetings() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &feed(), false).unwrap();
    for slug in ["a", "b", "c"] {
        store.add_to_schedule(id(&store, slug), Some(15), true, &clock()).unwrap();
    }
    store.set_meeting_favourite(id(&store, "d"), true).unwrap();
    store
}

fn kinds(report: &ImportReport) -> Vec<(String, MyChangeKind)> {
    report.my_changes.iter().map(|c| (c.name.clone(), c.kind)).collect()
}

#[test]
fn a_changed_list_reports_each_of_my_meetings_once_with_before_and_after() {
    let mut store = my_meetings();
    let mut rows = feed();
    rows[0]["time"] = "19:30".into(); // a: moved
    rows[1]["attendance_option"] = "inactive".into(); // b: stopped for now
    rows.remove(2); // c: gone from the list
    rows[2]["conference_url"] = "https://zoom.us/j/123".into(); // d (favourite): went hybrid
    rows[3]["time"] = "08:00".into(); // e: not mine, not reported

    let report = import(&mut store, &rows, false).unwrap();
    assert_eq!(
        kinds(&report),
        vec![
            ("Meeting a".into(), MyChangeKind::Changed),
            ("Meeting b".into(), MyChangeKind::TemporarilyClosed),
            ("Meeting d".into(), MyChangeKind::Changed),
            ("Meeting c".into(), MyChangeKind::NoLongerListed),
        ]
    );
    assert_eq!(
        report.my_changes[0].changes,
        vec![FieldChange {
            field: "start_time".into(),
            before: Some(FieldValue::Text("19:00".into())),
            after: Some(FieldValue::Text("19:30".into())),
        }]
    );
    let d_fields: Vec<&str> = report.my_changes[2].changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(d_fields, ["attendance", "conference_url"]);

    // The same, kept as notices (newest first), for Today and for each meeting.
    let notices = store.notices(None).unwrap();
    assert_eq!(notices.len(), 4);
    assert!(notices.iter().all(|n| n.created_at == clock().now().timestamp()));
    let of_a = store.notices(Some(id(&store, "a"))).unwrap();
    assert_eq!((of_a.len(), of_a[0].kind, of_a[0].weekdays.clone()), (1, MyChangeKind::Changed, vec![2]));
    assert!(store.notices(Some(id(&store, "e"))).unwrap().is_empty(), "not mine: no notice");

    // The same list again: nothing new to say.
    let again = import(&mut store, &rows, false).unwrap();
    assert!(again.my_changes.is_empty(), "{:?}", again.my_changes);
    assert_eq!(store.notices(None).unwrap().len(), 4);
}

#[test]
fn a_closed_location_that_still_meets_online_has_changed_not_stopped() {
    let mut store = my_meetings();
    let mut rows = feed();
    rows[0]["types"] = json!(["O", "D", "TC"]);
    rows[0]["conference_url"] = "https://zoom.us/j/123".into();
    rows[1]["types"] = json!(["O", "D", "TC"]); // closed, and no other way to join

    let report = import(&mut store, &rows, false).unwrap();
    assert_eq!(
        kinds(&report),
        vec![("Meeting a".into(), MyChangeKind::Changed), ("Meeting b".into(), MyChangeKind::TemporarilyClosed)]
    );
    let a = store.meeting(id(&store, "a")).unwrap();
    assert!(a.active, "it meets online");
    assert!(report.my_changes[0]
        .changes
        .iter()
        .any(|c| c.field == "attendance" && c.after == Some(FieldValue::Text("online".into()))));
    assert!(!store.meeting(id(&store, "b")).unwrap().active);
}

#[test]
fn a_meeting_that_stopped_sends_no_reminder_and_comes_back_by_itself() {
    let mut store = Store::open_in_memory().unwrap();
    let rows = feed();
    import(&mut store, &rows, false).unwrap();
    let b = id(&store, "b");
    store.add_to_schedule(b, Some(15), true, &clock()).unwrap();
    let now = clock().now();
    let due = store.next_reminder_due(now).unwrap();
    assert!(due.is_some());

    let mut stopped = rows.clone();
    stopped[1]["attendance_option"] = "inactive".into();
    import(&mut store, &stopped, false).unwrap();
    assert_eq!(store.next_reminder_due(now).unwrap(), None, "no reminder while it is not meeting");
    assert_eq!(store.notices(None).unwrap()[0].kind, MyChangeKind::TemporarilyClosed);

    let report = import(&mut store, &rows, false).unwrap();
    assert!(report.my_changes.is_empty(), "meeting again is not a change to report");
    assert_eq!(store.next_reminder_due(now).unwrap(), due, "reminders resume");
    assert!(store.notices(None).unwrap().is_empty(), "the closure notice is no longer true");
}

#[test]
fn a_meeting_gone_from_its_list_pauses_its_reminders_until_i_choose() {
    let mut store = Store::open_in_memory().unwrap();
    let rows = feed();
    import(&mut store, &rows, false).unwrap();
    let c = id(&store, "c");
    store.add_to_schedule(c, Some(15), true, &clock()).unwrap();
    let now = clock().now();
    let due = store.next_reminder_due(now).unwrap();

    let without_c: Vec<Value> = rows.iter().filter(|r| r["slug"] != "c").cloned().collect();
    import(&mut store, &without_c, false).unwrap();
    let meeting = store.meeting(c).unwrap();
    assert!(meeting.in_schedule && !meeting.listed && !meeting.keep_reminding, "kept, marked");
    assert_eq!(store.next_reminder_due(now).unwrap(), None, "paused");

    // Keep reminding me: reminders resume, the question is answered.
    store.keep_reminding(c, now.timestamp()).unwrap();
    assert!(store.meeting(c).unwrap().keep_reminding);
    assert_eq!(store.next_reminder_due(now).unwrap(), due);
    assert!(store.notices(None).unwrap().is_empty());

    // Listed again: unmarked, and a later disappearance asks again.
    import(&mut store, &rows, false).unwrap();
    let back = store.meeting(c).unwrap();
    assert!(back.listed && !back.keep_reminding);
    import(&mut store, &without_c, false).unwrap();
    assert_eq!(store.next_reminder_due(now).unwrap(), None, "paused again");
    assert_eq!(store.notices(None).unwrap().len(), 1);
    import(&mut store, &rows, false).unwrap();
    assert!(store.notices(None).unwrap().is_empty(), "listed again: the notice is no longer true");
    assert_eq!(store.next_reminder_due(now).unwrap(), due);

    // Keep reminding me is only for a scheduled meeting.
    let a = id(&store, "a");
    assert_eq!(store.keep_reminding(a, 0).unwrap_err().payload().field.as_deref(), Some("meeting"));
}

#[test]
fn a_list_that_lost_more_than_a_third_asks_first_and_changes_nothing() {
    let mut store = my_meetings();
    let before = store.meetings(&Default::default()).unwrap();
    let half: Vec<Value> = feed().into_iter().take(3).collect();

    let preview = store.preview_import(&serde_json::to_vec(&half).unwrap(), &options(false)).unwrap();
    assert_eq!((preview.listed_before, preview.leaving, preview.shrinks), (6, 3, true));

    let refused = import(&mut store, &half, false).unwrap_err();
    assert_eq!(refused.payload().field.as_deref(), Some("allow_shrink"));
    assert!(refused.to_string().contains("3 of the 6 meetings"), "{refused}");
    assert_eq!(store.meetings(&Default::default()).unwrap(), before, "nothing changed");
    assert!(store.notices(None).unwrap().is_empty());

    let report = import(&mut store, &half, true).unwrap();
    assert_eq!(report.delisted, 3);

    // Two of six leaving is a third, not more: imported without asking.
    let mut store = my_meetings();
    let preview = store.preview_import(&serde_json::to_vec(&feed()[..4]).unwrap(), &options(false)).unwrap();
    assert!(!preview.shrinks);
    assert_eq!(import(&mut store, &feed()[..4], false).unwrap().delisted, 2);
}

#[test]
fn dismissed_notices_stay_dismissed_and_deleted_meetings_take_theirs() {
    let mut store = my_meetings();
    let mut rows = feed();
    rows[0]["time"] = "19:30".into();
    rows[1]["time"] = "19:30".into();
    import(&mut store, &rows, false).unwrap();
    let notices = store.notices(None).unwrap();
    assert_eq!(notices.len(), 2);
    let (of_a, of_b) = if notices[0].meeting_id == id(&store, "a") { (0, 1) } else { (1, 0) };
    store.dismiss_notice(notices[of_a].id, 1).unwrap();
    store.dismiss_notice(notices[of_a].id, 2).unwrap(); // twice is fine
    assert_eq!(store.notices(None).unwrap(), vec![notices[of_b].clone()]);
    store.delete_meeting(notices[of_b].meeting_id).unwrap();
    assert!(store.notices(None).unwrap().is_empty());

    // No longer mine: off Today, still on the meeting.
    rows[0]["time"] = "20:00".into();
    import(&mut store, &rows, false).unwrap();
    let a = id(&store, "a");
    store.remove_from_schedule(a).unwrap();
    assert!(store.notices(None).unwrap().is_empty());
    assert_eq!(store.notices(Some(a)).unwrap().len(), 1);
}
