//! Starts the real Homegroup binary under Xvfb, behind tauri-driver and WebKitWebDriver, and hands
//! the test a WebDriver session. Every app gets its own data folder, HOME and XDG folders, so a
//! value that survives a restart survives through SQLite, not through leftovers.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use thirtyfour::prelude::*;

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the workspace").to_owned()
}

/// Cargo's target folder: `CARGO_TARGET_DIR`, else the workspace's `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"))
}

/// Where screenshots and logs of end-to-end runs go.
pub fn artifacts_dir() -> PathBuf {
    let dir = target_dir().join("e2e");
    std::fs::create_dir_all(&dir).expect("target/e2e can be created");
    dir
}

/// The app binary under test: `HOMEGROUP_BIN`, else the workspace's debug build.
pub fn app_binary() -> PathBuf {
    let path =
        std::env::var_os("HOMEGROUP_BIN").map(PathBuf::from).unwrap_or_else(|| target_dir().join("debug/homegroup"));
    assert!(
        path.exists(),
        "the app binary {} does not exist: build it first with `make build` (or `cargo build -p homegroup` after `make ui`)",
        path.display()
    );
    path
}

fn find_program(name: &str, install_hint: &str) -> PathBuf {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.push("/usr/bin".into());
    dirs.into_iter()
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("`{name}` was not found: {install_hint} (`make test` installs it)"))
}

/// Checks every prerequisite up front, so a missing tool is named instead of failing later.
pub fn check_prerequisites() -> (PathBuf, PathBuf) {
    let xvfb = find_program("Xvfb", "install the Debian package `xvfb`");
    let driver = find_program("tauri-driver", "install it with `cargo install tauri-driver --locked`");
    find_program("WebKitWebDriver", "install the Debian package `webkit2gtk-driver`");
    (xvfb, driver)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn wait_for_port(port: u16, timeout: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A private X display for one test.
pub struct Display {
    number: u32,
    process: Child,
}

impl Display {
    /// A new Xvfb display on a free number.
    pub fn start_new() -> Display {
        let (xvfb, _) = check_prerequisites();
        Display::start(&xvfb)
    }

    /// The `DISPLAY` value for it, e.g. `:123`.
    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }

    /// Lets Xvfb pick the display itself (`-displayfd`): it takes the first number whose lock file
    /// it can create, which no guess from here can race, and writes that number to its standard
    /// output once it accepts connections.
    fn start(xvfb: &Path) -> Display {
        let mut process = Command::new(xvfb)
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let stdout = process.stdout.take().expect("Xvfb's standard output is piped");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let read = reader.read_line(&mut line).map(|_| line);
            let _ = sender.send(read);
            // Keeps the pipe open for Xvfb's lifetime, so a late write cannot kill it with SIGPIPE.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let reply = receiver.recv_timeout(Duration::from_secs(30));
        let number = reply.as_ref().ok().and_then(|read| read.as_ref().ok()).and_then(|line| line.trim().parse().ok());
        let Some(number) = number else {
            let _ = process.kill();
            let status = process.wait().map(|s| s.to_string()).unwrap_or_default();
            panic!("Xvfb did not report a display within 30 s (it answered {reply:?}; exit status: {status})");
        };
        Display { number, process }
    }
}

impl Drop for Display {
    /// Stops Xvfb and removes the lock file and socket a killed Xvfb leaves behind, so a day of runs
    /// leaves no stale files in /tmp.
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_file(format!("/tmp/.X{}-lock", self.number));
        let _ = std::fs::remove_file(format!("/tmp/.X11-unix/X{}", self.number));
    }
}

/// A benchmark's launch of `binary` (Homegroup or the bare app) on `display`, with `home` as its
/// home and data folder, quitting once its first screen has painted. Both apps draw with Skia's CPU
/// rasteriser, so they are measured alike: Homegroup picks it by itself on a machine without a GPU
/// (see `src-tauri/src/drawing.rs`), the bare app would not.
pub fn benchmark_launch(binary: &Path, display: &str, home: &Path) -> Command {
    let mut command = Command::new(binary);
    command
        .env("DISPLAY", display)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOMEGROUP_DATA_DIR", home.join("data"))
        .env("HOMEGROUP_EXIT_WHEN_READY", "1")
        .env("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1");
    command
}

/// The language and zone every app under test runs with unless its [`Profile`] says otherwise, so
/// times read "7:00 PM" on a machine set to another language or zone. WebKit takes the locale of
/// `Intl` from these variables: `en_US.UTF-8` gives `en-US` even where glibc has no such locale
/// generated (`C.UTF-8` would give `en-US-u-va-posix`, with `navigator.language` "C"); `LANGUAGE`
/// is emptied because it would win over both.
pub const TEST_LOCALE: &[(&str, &str)] =
    &[("LANG", "en_US.UTF-8"), ("LC_ALL", "en_US.UTF-8"), ("LANGUAGE", ""), ("TZ", "UTC")];

/// Folders that belong to one simulated user of the app; kept across restarts within a test.
pub struct Profile {
    root: TempDir,
    /// Extra environment for the app, e.g. `TZ`.
    pub env: Vec<(String, String)>,
}

impl Profile {
    pub fn new() -> Profile {
        let root = tempfile::Builder::new().prefix("homegroup-e2e-").tempdir().expect("a temporary folder");
        for sub in ["data", "home", "config", "share", "cache"] {
            std::fs::create_dir_all(root.path().join(sub)).expect("profile folders");
        }
        Profile { root, env: Vec::new() }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// The app's `HOME` (the autostart entry goes to `~/.config/autostart`, whatever XDG says).
    pub fn home_dir(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The app's environment: its own folders, and a fixed language and zone, so that times read
    /// "7:00 PM" whatever the machine is set to. A profile's own `TZ` (or language) wins.
    fn app_env(&self) -> Vec<(String, String)> {
        let p = |s: &str| self.root.path().join(s).display().to_string();
        let mut env = vec![
            ("HOMEGROUP_DATA_DIR".to_owned(), p("data")),
            ("HOME".to_owned(), p("home")),
            ("XDG_CONFIG_HOME".to_owned(), p("config")),
            ("XDG_DATA_HOME".to_owned(), p("share")),
            ("XDG_CACHE_HOME".to_owned(), p("cache")),
        ];
        for (key, value) in TEST_LOCALE {
            if !self.env.iter().any(|(k, _)| k == key) {
                env.push(((*key).to_owned(), (*value).to_owned()));
            }
        }
        env.extend(self.env.iter().cloned());
        env
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::new()
    }
}

/// D-Bus names held by a running Homegroup (the single-instance plugin's), if a session bus exists.
fn running_instance_names() -> Vec<String> {
    let Ok(out) = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.ListNames",
        ])
        .output()
    else {
        return Vec::new();
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("string \"")?.strip_suffix('"').map(str::to_owned))
        .filter(|name| name.starts_with("org.homegroup.app.SingleInstance"))
        .collect()
}

/// Waits until no Homegroup holds its single-instance name on the test's bus, so the next start
/// is a first instance (a second one hands over to the first and exits). One that lingers past
/// 10 s is killed.
fn wait_for_no_running_instance() {
    let start = Instant::now();
    loop {
        let names = running_instance_names();
        if names.is_empty() {
            return;
        }
        if start.elapsed() > Duration::from_secs(10) {
            for name in names {
                let out = Command::new("dbus-send")
                    .args([
                        "--session",
                        "--print-reply",
                        "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus",
                        "org.freedesktop.DBus.GetConnectionUnixProcessID",
                        &format!("string:{name}"),
                    ])
                    .output();
                if let Some(pid) = out.ok().and_then(|o| {
                    String::from_utf8_lossy(&o.stdout).split_whitespace().last().and_then(|p| p.parse::<u32>().ok())
                }) {
                    let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
                }
            }
            std::thread::sleep(Duration::from_millis(200));
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until the app has exited by itself (it gives up its single-instance name as it does).
pub fn wait_for_app_to_exit(timeout: Duration) {
    let start = Instant::now();
    while !running_instance_names().is_empty() {
        assert!(start.elapsed() < timeout, "the app did not exit within {timeout:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// One running app, driven through WebDriver. Stop it with [`App::stop`] (or drop it).
pub struct App {
    pub driver: WebDriver,
    tauri_driver: Child,
    _display: Display,
}

impl App {
    /// Starts the app for `profile` and waits until its window has loaded.
    pub async fn start(profile: &Profile) -> App {
        let (xvfb, tauri_driver_bin) = check_prerequisites();
        let binary = app_binary();
        wait_for_no_running_instance();
        let display = Display::start(&xvfb);
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(artifacts_dir().join(format!("tauri-driver-{port}.log"))).expect("log file");
        let mut command = Command::new(tauri_driver_bin);
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", format!(":{}", display.number))
            .stdout(log.try_clone().expect("log file"))
            .stderr(log);
        for (key, value) in profile.app_env() {
            command.env(key, value);
        }
        let mut tauri_driver = command.spawn().expect("tauri-driver starts");
        // tauri-driver forwards to WebKitWebDriver on the native port: both must listen first.
        for p in [port, native_port] {
            if !wait_for_port(p, Duration::from_secs(20)) {
                let _ = tauri_driver.kill();
                panic!("tauri-driver did not listen on port {p} (see target/e2e/tauri-driver-{port}.log)");
            }
        }

        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("capability");
        caps.set("tauri:options", serde_json::json!({ "application": binary.display().to_string() }))
            .expect("capability");
        let driver =
            WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await.expect("a WebDriver session with the app");
        let app = App { driver, tauri_driver, _display: display };
        if std::env::var_os("E2E_DEBUG").is_some() {
            eprintln!("handles: {:?}", app.driver.windows().await);
            eprintln!("url: {:?}", app.driver.current_url().await);
            eprintln!("source: {:?}", app.driver.source().await);
        }
        app.find("main").await;
        app
    }

    /// The X display the app runs on, such as ":101".
    pub fn display_name(&self) -> String {
        self._display.name()
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(15), Duration::from_millis(100))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no element matches `{css}`: {e}"))
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("could not click `{css}`: {e}"));
    }

    /// Waits until the element matching `css` contains `text`, and returns its whole text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let current = match self.driver.query(By::Css(css)).nowait().first().await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if current.contains(text) {
                return current;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "`{css}` never showed {text:?}; it shows {current:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_until_gone(&self, css: &str) {
        let start = Instant::now();
        while self.driver.query(By::Css(css)).nowait().exists().await.unwrap_or(false) {
            assert!(start.elapsed() < Duration::from_secs(15), "`{css}` never went away");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element matching `css` has `attribute` equal to `value`.
    pub async fn wait_for_attr(&self, css: &str, attribute: &str, value: &str) {
        let start = Instant::now();
        loop {
            let current = match self.driver.query(By::Css(css)).nowait().first().await {
                Ok(element) => element.attr(attribute).await.ok().flatten(),
                Err(_) => None,
            };
            if current.as_deref() == Some(value) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "`{css}` never had {attribute}={value:?}; it has {current:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot as `target/e2e/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = artifacts_dir().join(format!("{name}.png"));
        // Let the page paint what the test just waited for.
        let _ = self
            .driver
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))",
                vec![],
            )
            .await;
        self.driver.screenshot(&path).await.expect("a screenshot");
        path
    }

    /// Ends the session and the app. SIGTERM lets tauri-driver stop WebKitWebDriver and the app.
    pub async fn stop(mut self) {
        let driver = self.driver.clone();
        let _ = driver.quit().await;
        self.terminate_driver();
        wait_for_no_running_instance();
    }

    fn terminate_driver(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.tauri_driver.id().to_string()]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.tauri_driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.tauri_driver.kill();
        let _ = self.tauri_driver.wait();
    }
}

impl Drop for App {
    /// A test that fails mid-way drops its app unstopped: the session goes with tauri-driver,
    /// rather than through thirtyfour's own clean-up, which waits two minutes for an answer from
    /// inside a runtime that is unwinding.
    fn drop(&mut self) {
        let _ = self.driver.clone().leak();
        if let Ok(None) = self.tauri_driver.try_wait() {
            self.terminate_driver();
        }
    }
}

/// Turns the app lock on in `data_dir` with the PIN 424242 and the shipped key derivation, as a
/// user would: each start then ends at the lock screen.
pub fn turn_lock_on(data_dir: &Path) {
    homegroup_core::lock::turn_on(
        data_dir,
        "424242",
        homegroup_core::lock::SecretKind::Pin,
        false,
        homegroup_core::lock::KdfParams::DEFAULT,
        &mut |_| {},
    )
    .expect("the app lock turns on");
}

/// Fills `data_dir` with `count` scheduled meetings on every weekday and through the day, in New
/// York time, half in person and half online: a realistic schedule for start-up and idle figures.
pub fn seed_schedule(data_dir: &Path, count: u32) {
    use homegroup_core::meetings::{Attendance, MeetingDetails, MeetingInput};
    let mut store = homegroup_core::Store::open_in(data_dir).expect("store");
    for i in 0..count {
        let input = MeetingInput::from(MeetingDetails {
            name: format!("Seeded meeting {i}"),
            weekdays: vec![(i % 7) as u8],
            start_time: Some(format!("{:02}:{:02}", 6 + i % 15, (i * 7) % 60)),
            time_zone: "America/New_York".into(),
            attendance: if i % 2 == 0 { Attendance::InPerson } else { Attendance::Online },
            location: (i % 2 == 0).then(|| "Community Center".to_owned()),
            conference_url: (i % 2 == 1).then(|| "https://example.org/meet".to_owned()),
            ..MeetingDetails::default()
        });
        store.create_meeting(&input, true, &homegroup_core::SystemClock).expect("meeting");
    }
}
