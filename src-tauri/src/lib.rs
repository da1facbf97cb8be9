//! The Tauri v2 shell: wires the core to a window, IPC and the platform's plugins.
//! No business rules here; every command is a one-line call into `homegroup-core`.

mod cli;
mod commands;
#[cfg(target_os = "linux")]
mod drawing;
mod reminders;
mod state;
#[cfg(desktop)]
mod tray;

use state::AppState;
use std::path::PathBuf;
use tauri::{App, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

/// The main window's label; capabilities grant permissions to it by this name.
const MAIN_WINDOW: &str = "main";

/// How this launch was asked to start.
#[derive(Debug, Default)]
struct Launch {
    data_dir: Option<PathBuf>,
    hidden: bool,
}

/// Desktop entry point: reads the command line first (no display needed), then starts the app.
pub fn main_desktop() {
    use clap::Parser;
    let cli = cli::Cli::parse();
    // Subcommands run headless and exit here: no window, and never through a running instance.
    if let Some(exit_code) = cli::run_subcommand(&cli) {
        std::process::exit(exit_code);
    }
    launch(Launch { data_dir: cli.data_dir, hidden: cli.hidden });
}

/// Mobile entry point (and the plain start on any platform).
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    launch(Launch::default());
}

fn launch(options: Launch) {
    #[cfg(target_os = "linux")]
    drawing::prefer_cpu_drawing_without_gpu();
    let mut builder = tauri::Builder::default();
    #[cfg(desktop)]
    {
        // First, so a second launch hands over to the running app before anything else starts.
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| show_main_window(app)));
        builder = builder.plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--hidden"]),
        ));
    }
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| setup(app, options))
        .on_window_event(|window, event| {
            // Closing the window keeps Homegroup in the tray, so reminders keep coming.
            #[cfg(desktop)]
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.label() == MAIN_WINDOW {
                    api.prevent_close();
                    let _ = window.hide();
                    // The UI pauses its timers while nobody can see it.
                    let _ = window.emit("window-visible", false);
                }
            }
            #[cfg(mobile)]
            let _ = (window, event);
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("Homegroup could not start")
        .run(|app, event| {
            // After "erase all data", the last files the webview and the window-state plugin wrote
            // as the app closed go too (plugins have handled `Exit` by now).
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    if state.erased.load(std::sync::atomic::Ordering::SeqCst) {
                        let _ = homegroup_core::store::remove_leftovers(&state.data_dir);
                    }
                }
            }
        });
}

/// "Erase all data": the store and its copies, the autostart entry, the webview's storage; then
/// Homegroup closes, so nothing it holds in memory is written back. What the webview and the
/// window state write while closing is removed at exit.
pub(crate) fn erase_everything<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> homegroup_core::Result<()> {
    let state = app.state::<AppState>();
    state.store().erase_all_data()?;
    state.erased.store(true, std::sync::atomic::Ordering::SeqCst);
    start_at_login(app, false);
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.clear_all_browsing_data();
    }
    let app = app.clone();
    std::thread::spawn(move || {
        // Long enough for the window to say what happened.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        app.exit(0);
    });
    Ok(())
}

fn setup(app: &mut App, options: Launch) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = data_dir(app, options.data_dir)?;
    let exit_when_ready = std::env::var("HOMEGROUP_EXIT_WHEN_READY").is_ok_and(|v| v == "1");
    let (wake_reminders, reminder_wakes) = std::sync::mpsc::sync_channel(1);
    app.manage(AppState::open(data_dir.clone(), exit_when_ready, wake_reminders)?);

    // The daily copy waits until the first screen is up.
    let handle = app.handle().clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(10));
        handle.state::<AppState>().make_daily_backup();
    });

    #[cfg(mobile)]
    {
        // The system schedules mobile reminders: re-plan them at start and after every change.
        let handle = app.handle().clone();
        std::thread::spawn(move || loop {
            if let Err(e) = reminders::schedule_upcoming(&handle) {
                eprintln!("homegroup: reminders could not be scheduled: {e}");
            }
            if reminder_wakes.recv().is_err() {
                break;
            }
        });
    }

    #[cfg(desktop)]
    {
        use tauri_plugin_window_state::StateFlags;
        // Kept in the data folder with everything else; visibility is not restored, so a normal
        // start always shows the window and a start at login always starts hidden.
        app.handle().plugin(
            tauri_plugin_window_state::Builder::new()
                .with_filename(data_dir.join("window-state.json").to_string_lossy())
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )?;
    }

    WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::default())
        .title("Homegroup")
        .inner_size(1024.0, 720.0)
        .min_inner_size(360.0, 560.0)
        // The webview's own storage lives in the data folder too, not in a folder of its choosing.
        .data_directory(data_dir.join("webview"))
        .visible(!options.hidden)
        .build()?;
    // After the window, so they are set up while the webview's own process loads the page; the
    // loop after the tray, whose tooltip it keeps up to date.
    #[cfg(desktop)]
    {
        tray::build(app)?;
        let notifier = Box::new(reminders::DesktopNotifier::new(app.handle().clone()));
        reminders::spawn_loop(app.handle().clone(), notifier, reminder_wakes);
    }
    Ok(())
}

/// `--data-dir`, else `HOMEGROUP_DATA_DIR`, else the platform's app-data folder.
fn data_dir(app: &App, flag: Option<PathBuf>) -> tauri::Result<PathBuf> {
    if let Some(dir) = flag.or_else(|| std::env::var_os("HOMEGROUP_DATA_DIR").map(PathBuf::from)) {
        return Ok(dir);
    }
    app.path().app_data_dir()
}

/// Registers (or removes) Homegroup with the system's autostart, started hidden in the tray.
/// A failure is logged: the setting is saved either way and tried again at the next save.
pub(crate) fn start_at_login<R: tauri::Runtime>(app: &tauri::AppHandle<R>, enabled: bool) {
    #[cfg(desktop)]
    {
        use tauri_plugin_autostart::ManagerExt;
        let autostart = app.autolaunch();
        let result = if enabled { autostart.enable() } else { autostart.disable() };
        if let Err(e) = result {
            eprintln!("homegroup: start at login could not be changed: {e}");
        }
    }
    #[cfg(mobile)]
    let _ = (app, enabled);
}

#[cfg(desktop)]
pub(crate) fn show_main_window<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
        let _ = window.emit("window-visible", true);
    }
}
