//! The app lock's costs (targets: unlocking, key derivation and the first query, within 1 s;
//! Today's queries and a 2,000-meeting import with the lock on within 1.3× the same work with it
//! off). Both sides use a database file in a folder, so the only difference is SQLCipher.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use homegroup_core::import::{sample, ImportOptions};
use homegroup_core::lock::{self, KdfParams, SecretKind};
use homegroup_core::{generate, Clock, FixedClock, Store};
use std::hint::black_box;
use std::path::Path;

const PIN: &str = "424242";
/// Today's schedule: a busy week's worth of meetings in the schedule.
const SCHEDULED: usize = 50;

fn clock() -> FixedClock {
    FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default())
}

/// A folder with `SCHEDULED` meetings in the schedule, locked with the product's Argon2id cost when
/// `locked`.
fn folder(locked: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("folder");
    {
        let mut store = Store::open_in(dir.path()).expect("store");
        for meeting in generate::meetings(7, SCHEDULED) {
            store.create_meeting(&meeting, true, &clock()).expect("meeting");
        }
    }
    if locked {
        lock::turn_on(dir.path(), PIN, SecretKind::Pin, false, KdfParams::DEFAULT, &mut |_| {}).expect("lock on");
    }
    dir
}

fn open(dir: &Path, locked: bool) -> Store {
    let key = locked.then(|| lock::unlock(dir, PIN, clock().now()).expect("unlock"));
    lock::open_store(dir, key.as_ref(), clock().now()).expect("open").0
}

fn todays_queries(store: &Store) -> usize {
    let now = clock().now();
    let zone = chrono_tz::America::New_York;
    let overview = store.overview().expect("overview");
    let upcoming = store.upcoming(now, zone).expect("upcoming");
    let attendance = store.attendance_summary(now, zone).expect("attendance");
    black_box((&overview, &upcoming, &attendance));
    overview.scheduled_meetings as usize
}

fn lock_costs(c: &mut Criterion) {
    let mut group = c.benchmark_group("lock");
    group.sample_size(10);

    let locked = folder(true);
    group.bench_function("unlock: key derivation, open and Today's queries", |b| {
        b.iter(|| todays_queries(&open(locked.path(), true)))
    });

    let unlocked = folder(false);
    for (label, dir, is_locked) in [("lock off", &unlocked, false), ("lock on", &locked, true)] {
        let store = open(dir.path(), is_locked);
        group.bench_function(format!("Today's queries, {label}"), |b| b.iter(|| todays_queries(&store)));
    }

    let feed = sample::meeting_guide_feed(2_000, 42);
    let options = ImportOptions {
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("bench".into()),
        ..ImportOptions::default()
    };
    for (label, is_locked) in [("lock off", false), ("lock on", true)] {
        // The folder and the unlock are made outside the measurement; the import is measured.
        group.bench_function(format!("import 2000 meetings, {label}"), |b| {
            b.iter_batched(
                || {
                    let dir = folder(is_locked);
                    let store = open(dir.path(), is_locked);
                    (dir, store)
                },
                |(dir, mut store)| {
                    black_box(store.import_feed(&feed, &options, &clock(), &mut |_| {}).expect("import"));
                    (dir, store)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, lock_costs);
criterion_main!(benches);
