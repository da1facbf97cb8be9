//! What every importer's fuzz target checks: any bytes, as a feed of that format, never make the
//! import panic, and an import that fails writes nothing.

use homegroup_core::import::{FeedFormat, ImportOptions};
use homegroup_core::{FixedClock, Store};

pub fn import_any_bytes(bytes: &[u8], format: FeedFormat) {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let options = ImportOptions {
        format: Some(format),
        time_zone: Some("America/New_York".into()),
        fellowship: Some("aa".into()),
        source: Some("fuzz".into()),
        allow_shrink: false,
    };
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).expect("an instant"));
    let _ = store.preview_import(bytes, &options);
    if store.import_feed(bytes, &options, &clock, &mut |_| {}).is_err() {
        let meetings = store.meetings(&Default::default()).expect("the store still reads");
        assert!(meetings.is_empty(), "a failed import wrote meetings");
    }
}
