//! Recurrence, reminder planning and opening a big store (targets: planning for 1,000 scheduled
//! meetings under 1 ms).

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use homegroup_core::{generate, FixedClock, Store};
use std::hint::black_box;

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).single().expect("instant"))
}

fn store_with_meetings(dir: Option<&std::path::Path>, count: usize, scheduled: bool) -> Store {
    let mut store = match dir {
        Some(dir) => Store::open_in(dir).expect("store"),
        None => Store::open_in_memory().expect("store"),
    };
    let clock = clock();
    for meeting in generate::meetings(7, count) {
        store.create_meeting(&meeting, scheduled, &clock).expect("meeting");
    }
    store
}

fn benches(c: &mut Criterion) {
    let now = homegroup_core::Clock::now(&clock());
    let one = store_with_meetings(None, 1, true);
    let rule = one.meetings(&Default::default()).expect("meetings")[0].rule().expect("rule");
    c.bench_function("occurrences_of_one_meeting_for_a_year", |b| {
        b.iter(|| black_box(rule.between(now, now + Duration::days(365)).len()))
    });

    let store = store_with_meetings(None, 1_000, true);
    c.bench_function("next_reminder_due_1000_scheduled", |b| {
        b.iter(|| black_box(store.next_reminder_due(black_box(now)).expect("plan")))
    });
    c.bench_function("due_reminders_1000_scheduled", |b| {
        b.iter(|| black_box(store.due_reminders(black_box(now)).expect("due").len()))
    });

    let dir = tempfile::tempdir().expect("folder");
    drop(store_with_meetings(Some(dir.path()), 20_000, false));
    c.bench_function("open_store_with_20000_meetings", |b| {
        b.iter(|| black_box(Store::open_in(dir.path()).expect("open").schema_version().expect("version")))
    });
}

criterion_group!(schedule, benches);
criterion_main!(schedule);
