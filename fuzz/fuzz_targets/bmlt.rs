//! Any bytes as a bmlt feed: the import never panics, and when it fails it writes nothing.
#![no_main]

use homegroup_core::import::{FeedFormat, ImportOptions};
use homegroup_core::{FixedClock, Store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let options = ImportOptions {
        format: Some(FeedFormat::Bmlt),
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("fuzz".into()),
    };
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).expect("an instant"));
    let _ = store.preview_import(bytes, &options);
    if store.import_feed(bytes, &options, &clock, &mut |_| {}).is_err() {
        let meetings = store.meetings(&Default::default()).expect("the store still reads");
        assert!(meetings.is_empty(), "a failed import wrote meetings");
    }
});
