//! Directory search per keystroke over 10,000 groups (target: under 5 ms a keystroke).

use criterion::{criterion_group, criterion_main, Criterion};
use homegroup_core::directory::{DirectoryQuery, FavouriteTarget};
use homegroup_core::{generate, FixedClock, Store};
use std::hint::black_box;

fn store_with_groups(count: usize) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).expect("instant"));
    for group in generate::groups(42, count) {
        store.create_group(&group, &clock).expect("group");
    }
    store
}

fn search(c: &mut Criterion) {
    let store = store_with_groups(10_000);
    let index = store.directory_index(homegroup_core::i18n::Locale::En).expect("index");
    let mut group = c.benchmark_group("directory_search_10k");
    for text in ["s", "se", "ser", "sere", "serenity", "al anon", "famlies", "zzz", "my kid is using drugs"] {
        let query = DirectoryQuery { text: text.into(), ..DirectoryQuery::default() };
        group.bench_function(format!("keystroke {text:?}"), |b| {
            b.iter(|| black_box(index.search(black_box(&query)).len()))
        });
    }
    let query = DirectoryQuery { text: "serenity".into(), ..DirectoryQuery::default() };
    group.bench_function("through the store, results copied", |b| {
        b.iter(|| black_box(store.search_directory(black_box(&query)).expect("search").len()))
    });
    group.finish();

    // The first search after any change rebuilds the index from SQLite.
    let mut store = store;
    let target = FavouriteTarget::Group(1);
    let mut favourite = false;
    c.bench_function("directory_index_rebuild_after_a_change_10k", |b| {
        b.iter(|| {
            favourite = !favourite;
            store.set_favourite(&target, favourite).expect("favourite");
            black_box(store.directory_index(homegroup_core::i18n::Locale::En).expect("index").len())
        })
    });
}

criterion_group!(benches, search);
criterion_main!(benches);
