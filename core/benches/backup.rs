//! Backing up and restoring everything (targets, in release: a backup of 20,000 meetings within
//! 1 s, its restore into an empty store within 2 s; no passphrase). The meetings come from an
//! imported list, as most of a real user's do.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use homegroup_core::import::{sample, ImportOptions};
use homegroup_core::{FixedClock, Store};
use std::hint::black_box;

fn backup_and_restore(c: &mut Criterion) {
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default());
    let options = ImportOptions {
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("bench".into()),
        ..ImportOptions::default()
    };
    let dir = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(dir.path()).expect("store");
    store.import_feed(&sample::meeting_guide_feed(20_000, 42), &options, &clock, &mut |_| {}).expect("import");
    let file = dir.path().join("backup.json");

    let mut group = c.benchmark_group("backup");
    group.sample_size(10);
    group.bench_function("back up 20000 meetings to a file", |b| {
        b.iter(|| black_box(store.backup_to_file(&file, &clock, None).expect("backup")))
    });
    group.bench_function("restore 20000 meetings into an empty store", |b| {
        b.iter_batched(
            || {
                let empty = tempfile::tempdir().expect("folder");
                let store = Store::open_in(empty.path()).expect("store");
                (empty, store)
            },
            |(empty, mut store)| {
                black_box(store.restore_from_file(&file, &clock, None, &mut |_, _| {}).expect("restore"));
                (empty, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, backup_and_restore);
criterion_main!(benches);
