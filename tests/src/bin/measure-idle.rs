//! Idle cost of the real app: 50 scheduled meetings, started hidden in the tray (as at login)
//! under Xvfb, then CPU time over 60 s summed over the app and all its child processes (WebKit's
//! web and network processes), and the reminder loop's own wake-ups in that time.
//!
//! `cargo run -p homegroup-e2e --bin measure-idle [-- SECONDS]` (after `make build`); prints figures
//! and asserts only that the app ran the whole time. `HOMEGROUP_BIN` names another binary (the
//! bare app, for its own idle cost).

use homegroup_e2e::harness::{app_binary, seed_schedule, Display};
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A process's parent, from `/proc/<pid>/stat`.
fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
}

/// `root` and every process below it.
fn process_tree(root: u32) -> Vec<u32> {
    let parents: HashMap<u32, u32> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent(pid)?)))
        .collect();
    let in_tree = |mut pid: u32| loop {
        if pid == root {
            return true;
        }
        match parents.get(&pid) {
            Some(&parent) if parent > 1 => pid = parent,
            _ => return false,
        }
    };
    parents.keys().copied().filter(|p| in_tree(*p)).collect()
}

/// How long a thread has run, and how many times it was put on a CPU (its wake-ups, near enough).
#[derive(Clone, Copy, Default)]
struct Ran {
    ns: u64,
    times: u64,
}

/// What each thread of the tree has run, keyed by (process name and id, thread id and name). Read
/// from `/proc/<pid>/task/<tid>/schedstat`, which counts exactly; `utime`/`stime` come in 10 ms
/// clock ticks, too coarse for a few tens of milliseconds a minute. A thread that ends between
/// two readings is not counted (`ended` says how many did).
fn thread_cpu(root: u32) -> HashMap<(String, u32, String), Ran> {
    let mut cpu = HashMap::new();
    for pid in process_tree(root) {
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_owned();
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten() {
            let Some(tid) = task.file_name().to_str().and_then(|t| t.parse::<u32>().ok()) else { continue };
            let ran = std::fs::read_to_string(task.path().join("schedstat")).ok().and_then(|s| {
                let mut fields = s.split_whitespace();
                let ns = fields.next()?.parse().ok()?;
                Some(Ran { ns, times: fields.nth(1)?.parse().ok()? })
            });
            let thread = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default().trim().to_owned();
            if let Some(ran) = ran {
                cpu.insert((format!("{name}[{pid}]"), tid, thread), ran);
            }
        }
    }
    cpu
}

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let data = tempfile::tempdir().expect("temporary folder");
    seed_schedule(data.path(), 50);
    let display = Display::start_new();
    let stats = data.path().join("reminder-stats");
    let mut app = Command::new(app_binary())
        .arg("--hidden")
        .env("DISPLAY", display.name())
        .env("HOMEGROUP_DATA_DIR", data.path())
        .env("HOMEGROUP_REMINDER_STATS", &stats)
        // The same drawing as the bare app it is compared with (see bench-report).
        .env("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    // Let start-up finish before measuring.
    std::thread::sleep(Duration::from_secs(5));
    let wakeups = || std::fs::read_to_string(&stats).ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(0);
    let before = thread_cpu(app.id());
    let wakes_before = wakeups();
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let after = thread_cpu(app.id());
    let elapsed = started.elapsed().as_secs_f64();
    // A dead app would read as no idle cost at all: it must have run the whole time.
    if let Ok(Some(status)) = app.try_wait() {
        eprintln!("measure-idle: the app exited during the measurement ({status})");
        std::process::exit(1);
    }
    let wakes = wakeups() - wakes_before;
    let _ = app.kill();
    let _ = app.wait();

    // Threads of one process that share a name (a pool's workers) are summed under that name.
    let mut per_thread: HashMap<(&str, &str), Ran> = HashMap::new();
    for (key, now) in &after {
        let then = before.get(key).copied().unwrap_or_default();
        let thread = per_thread.entry((&key.0, &key.2)).or_default();
        thread.ns += now.ns.saturating_sub(then.ns);
        thread.times += now.times.saturating_sub(then.times);
    }
    let mut per_process: HashMap<&str, u64> = HashMap::new();
    for ((process, _), ran) in &per_thread {
        *per_process.entry(process).or_default() += ran.ns;
    }
    let ended = before.keys().filter(|k| !after.contains_key(*k)).count();
    let cpu_ms = per_process.values().sum::<u64>() as f64 / 1e6;
    println!(
        "idle over {elapsed:.0} s, 50 scheduled meetings, window hidden, {} processes, {ended} threads ended",
        per_process.len()
    );
    println!("cpu_ms_total {cpu_ms:.1}");
    println!("cpu_ms_per_minute {:.1}", cpu_ms * 60.0 / elapsed);
    println!("reminder_loop_wakeups {wakes}");
    println!("reminder_loop_wakeups_per_minute {:.2}", wakes as f64 * 60.0 / elapsed);
    let mut processes: Vec<_> = per_process.into_iter().collect();
    processes.sort();
    for (name, ns) in processes {
        println!("process {name} cpu_ms {:.1}", ns as f64 / 1e6);
    }
    let mut threads: Vec<_> = per_thread.into_iter().filter(|(_, ran)| ran.times > 0).collect();
    threads.sort_by_key(|(_, ran)| std::cmp::Reverse(ran.ns));
    for ((process, thread), ran) in threads {
        println!("thread {process} {thread} cpu_ms {:.1} ran {} times", ran.ns as f64 / 1e6, ran.times);
    }
}
