//! Any bytes as a bmlt feed: the import never panics, and when it fails it writes nothing.
#![no_main]

use homegroup_core::import::FeedFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| homegroup_fuzz::import_any_bytes(bytes, FeedFormat::Bmlt));
