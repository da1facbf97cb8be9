//! Importing a 2,000- and a 20,000-meeting generated Meeting Guide feed, beside a bare
//! `serde_json` parse of the same bytes (target: the import within 3× the bare parse).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use homegroup_core::import::{sample, ImportOptions};
use homegroup_core::{FixedClock, Store};
use std::hint::black_box;

fn import(c: &mut Criterion) {
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default());
    let options = ImportOptions {
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("bench".into()),
        ..ImportOptions::default()
    };
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for size in [2_000usize, 20_000] {
        let feed = sample::meeting_guide_feed(size, 42);
        group.bench_function(format!("serde_json parse, {size} meetings"), |b| {
            b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(&feed).unwrap_or_default()))
        });
        group.bench_function(format!("import, {size} meetings"), |b| {
            b.iter_batched(
                || Store::open_in_memory().expect("store"),
                |mut store| black_box(store.import_feed(&feed, &options, &clock, &mut |_| {}).expect("import")),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
