//! Idle cost of the real app: 50 scheduled meetings, started hidden in the tray (as at login)
//! under Xvfb, then CPU time over 60 s summed over the app and all its child processes (WebKit's
//! web and network processes), and the reminder loop's own wake-ups in that time.
//!
//! `cargo run -p homegroup-e2e --bin measure-idle [-- SECONDS]` (after `make build`); prints figures,
//! asserts nothing.

use homegroup_e2e::harness::{app_binary, seed_schedule, Display};
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// utime + stime of a process, in clock ticks, and its parent.
fn cpu_and_parent(pid: u32) -> Option<(u64, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let parent = fields.get(1)?.parse().ok()?;
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime, parent))
}

/// CPU ticks of `root` and every process below it, and each member's (name, ticks).
fn tree_cpu(root: u32) -> (u64, usize) {
    let (total, members) = tree_cpu_by_process(root);
    (total, members.len())
}

fn tree_cpu_by_process(root: u32) -> (u64, Vec<(String, u64)>) {
    let mut parents = HashMap::new();
    let mut cpu = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        if let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) {
            if let Some((ticks, parent)) = cpu_and_parent(pid) {
                parents.insert(pid, parent);
                cpu.insert(pid, ticks);
            }
        }
    }
    let in_tree = |mut pid: u32| loop {
        if pid == root {
            return true;
        }
        match parents.get(&pid) {
            Some(&parent) if parent > 1 => pid = parent,
            _ => return false,
        }
    };
    let members: Vec<u32> = cpu.keys().copied().filter(|p| in_tree(*p)).collect();
    let named = members
        .iter()
        .map(|p| {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default().trim().to_owned();
            (format!("{name}[{p}]"), cpu[p])
        })
        .collect();
    (members.iter().map(|p| cpu[p]).sum(), named)
}

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let ticks_per_second: u64 = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100);
    let data = tempfile::tempdir().expect("temporary folder");
    seed_schedule(data.path(), 50);
    let display = Display::start_new();
    let stats = data.path().join("reminder-stats");
    let mut app = Command::new(app_binary())
        .arg("--hidden")
        .env("DISPLAY", display.name())
        .env("HOMEGROUP_DATA_DIR", data.path())
        .env("HOMEGROUP_REMINDER_STATS", &stats)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    // Let start-up finish before measuring.
    std::thread::sleep(Duration::from_secs(5));
    let wakeups = || std::fs::read_to_string(&stats).ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(0);
    let (cpu_before, processes) = tree_cpu(app.id());
    let (_, per_process_before) = tree_cpu_by_process(app.id());
    let wakes_before = wakeups();
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let (cpu_after, _) = tree_cpu(app.id());
    let (_, per_process_after) = tree_cpu_by_process(app.id());
    let elapsed = started.elapsed().as_secs_f64();
    let wakes = wakeups() - wakes_before;
    let _ = app.kill();
    let _ = app.wait();

    let cpu_ms = (cpu_after.saturating_sub(cpu_before)) as f64 * 1000.0 / ticks_per_second as f64;
    println!("idle over {elapsed:.0} s, 50 scheduled meetings, window hidden, {processes} processes");
    println!("cpu_ms_total {cpu_ms:.0}");
    println!("cpu_ms_per_minute {:.1}", cpu_ms * 60.0 / elapsed);
    println!("reminder_loop_wakeups {wakes}");
    println!("reminder_loop_wakeups_per_minute {:.2}", wakes as f64 * 60.0 / elapsed);
    for (name, after) in &per_process_after {
        let before = per_process_before.iter().find(|(n, _)| n == name).map_or(0, |(_, t)| *t);
        println!("process {name} cpu_ms {}", (after - before) * 1000 / ticks_per_second);
    }
}
