//! Where start-up goes: launches the release app (everyday start, a schedule of 20 meetings) and
//! the bare Tauri app alternately under Xvfb with `HOMEGROUP_TIMELINE=1`, and prints the median
//! time of each milestone after the launch, for both. Figures only; `make bench` does not run it.
//!
//! `cargo build --release -p homegroup --features test-hooks --bin homegroup --example bare`, then
//! `cargo run -q -p homegroup-e2e --bin startup-timeline [--very-first] [--locked] [runs] [other-build...]`
//! (10 runs by default; `--very-first` launches every app with empty folders each time, as
//! `make bench`'s very first start does; `--locked` starts Homegroup with the app lock on, so it
//! ends at the lock screen, as `make bench`'s lock-screen row does). Other builds of Homegroup (an
//! earlier one, a trial), when given, are launched in turn with the other two, so a change is
//! measured before and after in the same run.

use homegroup_e2e::harness::{seed_schedule, target_dir, turn_lock_on, Display};
use homegroup_e2e::launch::launch;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One launch: each milestone in milliseconds after the spawn, and the exit last.
fn timeline(binary: &Path, display: &str, home: &Path) -> Vec<(String, f64)> {
    let run = launch(binary, display, home, false);
    let mut marks = run.marks;
    marks.push(("process exited".into(), run.exited_ms));
    marks
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn print(name: &str, runs: &[Vec<(String, f64)>]) {
    let mut by_label: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for run in runs {
        for (label, at) in run {
            by_label.entry(label).or_default().push(*at);
        }
    }
    let mut rows: Vec<(f64, &str, usize)> =
        by_label.into_iter().map(|(label, at)| (median(at.clone()), label, at.len())).collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("\n{name}: median ms after the launch ({} runs)", runs.len());
    for (at, label, seen) in rows {
        let partial = if seen < runs.len() { format!("  (in {seen} runs)") } else { String::new() };
        println!("{at:8.1}  {label}{partial}");
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let very_first = args.iter().any(|a| a == "--very-first");
    let locked = args.iter().any(|a| a == "--locked");
    args.retain(|a| a != "--very-first" && a != "--locked");
    let runs: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(10);
    let release = target_dir().join("release");
    let mut apps = vec![("Homegroup".to_owned(), release.join("homegroup"))];
    for other in args.iter().skip(1).map(PathBuf::from) {
        apps.push((format!("Homegroup, other build ({})", other.display()), other));
    }
    apps.push(("bare".to_owned(), release.join("examples/bare")));
    let display = Display::start_new();
    // Each app keeps its own home folder; Homegroup's holds a schedule. A first, unmeasured
    // launch of each makes the everyday folders.
    let homes: Vec<tempfile::TempDir> = apps
        .iter()
        .map(|(name, binary)| {
            let home = tempfile::tempdir().expect("temporary folder");
            if name.starts_with("Homegroup") {
                let data = home.path().join("data");
                std::fs::create_dir_all(&data).expect("data folder");
                seed_schedule(&data, 20);
                if locked {
                    turn_lock_on(&data);
                }
            }
            timeline(binary, &display.name(), home.path());
            home
        })
        .collect();
    let mut results: Vec<Vec<Vec<(String, f64)>>> = vec![vec![]; apps.len()];
    for _ in 0..runs {
        for (i, (_, binary)) in apps.iter().enumerate() {
            let empty = very_first.then(|| tempfile::tempdir().expect("temporary folder"));
            let home = empty.as_ref().map_or(homes[i].path(), |dir| dir.path());
            results[i].push(timeline(binary, &display.name(), home));
        }
    }
    for ((name, _), runs) in apps.iter().zip(&results) {
        print(name, runs);
    }
}
