//! Any bytes as a backup file: restoring never panics, and when it fails it writes nothing.
#![no_main]

use homegroup_core::{FixedClock, Store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let clock = FixedClock::new(chrono::DateTime::from_timestamp(1_790_000_000, 0).expect("an instant"));
    if store.restore_bytes(bytes, &clock).is_err() {
        let meetings = store.meetings(&Default::default()).expect("the store still reads");
        assert!(meetings.is_empty(), "a failed restore wrote meetings");
    }
});
