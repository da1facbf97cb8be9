//! Where start-up goes: launches the release app (everyday start, a schedule of 20 meetings) and
//! the bare Tauri app alternately under Xvfb with `HOMEGROUP_TIMELINE=1`, and prints the median
//! time of each milestone after the launch, for both. Figures only; `make bench` does not run it.
//!
//! `cargo build --release -p homegroup --features test-hooks --bin homegroup --example bare`, then
//! `cargo run -q -p homegroup-e2e --bin startup-timeline [--very-first] [runs] [other-build...]`
//! (10 runs by default; `--very-first` launches every app with empty folders each time, as
//! `make bench`'s very first start does). Other builds of Homegroup (an earlier one, a trial), when
//! given, are launched in turn with the other two, so a change is measured before and after in the
//! same run.

use homegroup_e2e::harness::{benchmark_launch, seed_schedule, target_dir, Display};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long one launch may take to report its first screen.
const LAUNCH_LIMIT_MS: f64 = 60_000.0;

fn epoch_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("a clock after 1970").as_secs_f64() * 1000.0
}

/// One launch: each milestone in milliseconds after the spawn, and the exit last.
fn launch(binary: &Path, display: &str, home: &Path) -> Vec<(String, f64)> {
    let spawned = epoch_ms();
    let mut child = benchmark_launch(binary, display, home)
        .env("HOMEGROUP_TIMELINE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    // A build that never reports ready (a broken trial) must not hang the run.
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if epoch_ms() - spawned > LAUNCH_LIMIT_MS {
            let _ = child.kill();
            panic!("{} did not report ready within {} s", binary.display(), LAUNCH_LIMIT_MS / 1000.0);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let exited = epoch_ms() - spawned;
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    assert!(status.success() && stdout.contains(": ready"), "{} did not start cleanly: {stdout}", binary.display());
    let mut marks: Vec<(String, f64)> = stdout
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("timeline ")?;
            let (at, label) = rest.split_once(' ')?;
            Some((label.to_owned(), at.parse::<f64>().ok()? - spawned))
        })
        .collect();
    marks.push(("process exited".into(), exited));
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
    args.retain(|a| a != "--very-first");
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
                std::fs::create_dir_all(home.path().join("data")).expect("data folder");
                seed_schedule(&home.path().join("data"), 20);
            }
            launch(binary, &display.name(), home.path());
            home
        })
        .collect();
    let mut results: Vec<Vec<Vec<(String, f64)>>> = vec![vec![]; apps.len()];
    for _ in 0..runs {
        for (i, (_, binary)) in apps.iter().enumerate() {
            let empty = very_first.then(|| tempfile::tempdir().expect("temporary folder"));
            let home = empty.as_ref().map_or(homes[i].path(), |dir| dir.path());
            results[i].push(launch(binary, &display.name(), home));
        }
    }
    for ((name, _), runs) in apps.iter().zip(&results) {
        print(name, runs);
    }
}
