//! Hooks the end-to-end tests and benchmarks use, compiled into debug builds and into release builds
//! made with the `test-hooks` feature (`make bench`); the packaged app has neither, so no
//! environment variable can make it write a file or quit.

use std::path::PathBuf;

#[cfg(any(debug_assertions, feature = "test-hooks"))]
fn variable(name: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

#[cfg(not(any(debug_assertions, feature = "test-hooks")))]
fn variable(_name: &str) -> Option<std::ffi::OsString> {
    None
}

/// `HOMEGROUP_EXIT_WHEN_READY=1`: quit as soon as the UI reports its first screen (start-up
/// benchmarks and the offline test), with the exit code saying whether Today showed real data.
pub fn exit_when_ready() -> bool {
    variable("HOMEGROUP_EXIT_WHEN_READY").is_some_and(|v| v == "1")
}

/// `HOMEGROUP_REMINDER_STATS=FILE`: the reminder loop writes its wake-up count there (idle figures).
pub fn reminder_stats_file() -> Option<PathBuf> {
    variable("HOMEGROUP_REMINDER_STATS").map(PathBuf::from)
}

/// `HOMEGROUP_TIMELINE=1`: the start-up's milestones on standard output, each as
/// `timeline <ms since the Unix epoch> <label>`, so `startup-timeline` can line up the shell's
/// steps with the page's (which report in the same clock).
pub fn timeline_enabled() -> bool {
    variable("HOMEGROUP_TIMELINE").is_some_and(|v| v == "1")
}

/// Prints one milestone of the start-up when [`timeline_enabled`].
pub fn mark(label: &str) {
    if timeline_enabled() {
        print_mark(epoch_ms(), label);
    }
}

/// Prints a milestone measured elsewhere (the page's), in milliseconds since the Unix epoch.
pub fn print_mark(at_ms: f64, label: &str) {
    println!("timeline {at_ms:.1} {label}");
}

fn epoch_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}
