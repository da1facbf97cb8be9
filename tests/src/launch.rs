//! One timed launch of a release build (Homegroup or the bare app) that quits once its first screen
//! has painted: what `make bench` and `startup-timeline` measure. Start-up is read from the page's
//! own mark of its first painted frame, taken the same way in both apps (the first animation frame,
//! then a task after it). The time for the shell to hear of it and for the process to exit differs
//! between the two (the bare app is told by a navigation, Homegroup by an IPC call, and Homegroup
//! closes its store and saves its window as it exits), and neither is start-up.
//!
//! Memory has launches of its own ([`peak_memory_kib`]), which run each app for the same window.

use crate::harness::benchmark_launch;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long one launch may take to report its first screen.
const LAUNCH_LIMIT_MS: f64 = 60_000.0;

/// What a launch must print to count: the app's and the bare app's ready lines. A launch that
/// crashed, timed out or handed over to an instance already running prints neither.
const READY: [&str; 2] = ["homegroup: ready", "bare: ready"];

/// The page's mark of its first painted screen: Homegroup's Today or lock screen, the bare page.
const PAINTED: [&str; 3] = ["page: Today painted", "page: lock screen painted", "page: painted"];

/// One launch, in milliseconds after the spawn.
pub struct Launch {
    /// Every milestone the app printed (`HOMEGROUP_TIMELINE=1`), the shell's and the page's.
    pub marks: Vec<(String, f64)>,
    /// The first screen painted: what start-up is.
    pub painted_ms: f64,
    /// The process had exited, after telling the shell it was ready.
    pub exited_ms: f64,
    /// Peak resident memory of the app and the processes below it, in KiB (0 unless asked for).
    pub peak_kib: u64,
}

fn epoch_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("a clock after 1970").as_secs_f64() * 1000.0
}

/// Starts `binary` with `home` until it reports its first painted screen and exits; with
/// `measure_memory`, reads its process tree's memory every 5 ms meanwhile. Anything else (a crash,
/// a timeout, no ready line, no painted mark) panics, so no broken launch counts as a fast one.
pub fn launch(binary: &Path, display: &str, home: &Path, measure_memory: bool) -> Launch {
    let spawned = epoch_ms();
    let mut child = benchmark_launch(binary, display, home)
        .env("HOMEGROUP_TIMELINE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    let mut peak_kib = 0;
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if measure_memory {
            peak_kib = peak_kib.max(tree_rss_kib(child.id()));
        }
        if epoch_ms() - spawned > LAUNCH_LIMIT_MS {
            let _ = child.kill();
            panic!("{} did not report ready within {} s", binary.display(), LAUNCH_LIMIT_MS / 1000.0);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let exited_ms = epoch_ms() - spawned;
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    assert!(
        status.success() && READY.iter().any(|line| stdout.contains(line)),
        "{} did not start cleanly ({status}); it printed {stdout:?}",
        binary.display()
    );
    let marks: Vec<(String, f64)> = stdout
        .lines()
        .filter_map(|line| {
            let (at, label) = line.strip_prefix("timeline ")?.split_once(' ')?;
            Some((label.to_owned(), at.parse::<f64>().ok()? - spawned))
        })
        .collect();
    let painted_ms = marks
        .iter()
        .find(|(label, _)| PAINTED.contains(&label.as_str()))
        .map(|(_, at)| *at)
        .unwrap_or_else(|| panic!("{} reported ready without a painted mark: {stdout:?}", binary.display()));
    Launch { marks, painted_ms, exited_ms, peak_kib }
}

/// The most memory `binary` and its WebKit processes hold at once in the first `window` of a start
/// in `home`, read every 5 ms. The app runs through the whole window and is then ended with
/// SIGTERM, so the figure does not depend on when each app exits after its paint (a launch that
/// quits once ready ends while WebKit is still growing, sooner for the bare app than for
/// Homegroup). A launch that exits within the window or never paints fails loudly.
pub fn peak_memory_kib(binary: &Path, display: &str, home: &Path, window: Duration) -> u64 {
    let mut child = benchmark_launch(binary, display, home)
        .env_remove("HOMEGROUP_EXIT_WHEN_READY")
        .env("HOMEGROUP_TIMELINE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    let started = Instant::now();
    let mut peak_kib = 0;
    while started.elapsed() < window {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{} exited ({status}) before its memory was read for {window:?}", binary.display());
        }
        peak_kib = peak_kib.max(tree_rss_kib(child.id()));
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let ended = Instant::now();
    while !matches!(child.try_wait(), Ok(Some(_))) {
        if ended.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    assert!(
        PAINTED.iter().any(|label| stdout.contains(label)),
        "{} did not paint its first screen within {window:?}: {stdout:?}",
        binary.display()
    );
    peak_kib
}

/// Resident memory of `root` and all processes below it, in KiB.
fn tree_rss_kib(root: u32) -> u64 {
    let mut parents = HashMap::new();
    let mut rss = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { continue };
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        };
        if let (Some(parent), Some(kib)) = (field("PPid:"), field("VmRSS:")) {
            parents.insert(pid, parent as u32);
            rss.insert(pid, kib);
        }
    }
    rss.iter()
        .filter(|(pid, _)| {
            let mut p = **pid;
            loop {
                if p == root {
                    return true;
                }
                match parents.get(&p) {
                    Some(&parent) if parent > 1 => p = parent,
                    _ => return false,
                }
            }
        })
        .map(|(_, kib)| kib)
        .sum()
}
