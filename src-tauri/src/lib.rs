//! The Tauri v2 shell: wires the core to a window, IPC and the platform's plugins.
//! No business rules here; every command is a one-line call into `homegroup-core`.

#[cfg(desktop)]
mod auto_lock;
#[cfg(desktop)]
mod background;
#[cfg(desktop)]
mod cli;
mod commands;
#[cfg(desktop)]
mod desktop_font;
#[cfg(target_os = "linux")]
mod drawing;
#[cfg(desktop)]
mod first_page;
mod reminders;
mod state;
mod test_hooks;
#[cfg(desktop)]
mod tray;

use state::AppState;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{sync_channel, Receiver};
use tauri::{App, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

/// The main window's label; capabilities grant permissions to it by this name.
const MAIN_WINDOW: &str = "main";

#[cfg(desktop)]
/// Desktop entry point: reads the command line first (no display needed), then opens the data
/// folder, then starts the app.
pub fn main_desktop() {
    use clap::Parser;
    test_hooks::mark("shell: main");
    let cli = cli::Cli::parse();
    // Subcommands run headless and exit here: no window, and never through a running instance.
    if let Some(exit_code) = cli::run_subcommand(&cli) {
        std::process::exit(exit_code);
    }
    let data_dir = homegroup_core::data_folder::from_environment(cli.data_dir);
    let (wake, wakes) = sync_channel(1);
    let opened = data_dir
        .ok_or_else(|| "there is no home folder to keep the data in; set HOMEGROUP_DATA_DIR".to_owned())
        .and_then(|dir| AppState::open(dir.clone(), wake).map_err(|e| format!("{e} ({})", dir.display())));
    test_hooks::mark("shell: store opened");
    match opened {
        Ok(state) => launch(state, wakes, cli.hidden),
        Err(problem) => cannot_start(&problem),
    }
}

#[cfg(desktop)]
/// Says why Homegroup cannot start, on standard error and in a small window of the system's own,
/// and exits with an error: a panic would leave the person with no window and no reason.
fn cannot_start(problem: &str) -> ! {
    eprintln!("homegroup: Homegroup could not start: {problem}");
    {
        let _ = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Homegroup could not start")
            .set_description(format!("Homegroup could not start: {problem}"))
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
    std::process::exit(1);
}

/// Mobile entry point: the system gives the app its data folder. (Mobile builds are described in
/// docs/mobile.md; they cannot be built on this project's machines.)
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let (wake, wakes) = sync_channel(1);
    let builder = tauri::Builder::default();
    // Homegroup's own Android plugin: exact alarms, and the shutdown time the boot receiver needs.
    #[cfg(mobile)]
    let builder = builder.plugin(reminders::plugin::phone_plugin());
    app_builder(builder)
        .setup(move |app| {
            let data_dir = app.path().app_data_dir()?;
            app.manage(AppState::open(data_dir.clone(), wake)?);
            setup(app, data_dir, false, wakes)
        })
        .run(tauri::generate_context!())
        .expect("Homegroup could not start");
}

/// What every platform's app has: the plugins, the commands, and closing to the tray, added to
/// `builder` (which may hold a plugin that has to come first).
fn app_builder(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(|window, event| {
            #[cfg(desktop)]
            if window.label() == MAIN_WINDOW {
                match event {
                    // Closing the window keeps Homegroup in the tray, so reminders keep coming.
                    tauri::WindowEvent::CloseRequested { api, .. } => {
                        api.prevent_close();
                        background::start_now(window.app_handle());
                        let _ = window.hide();
                        // The UI pauses its timers while nobody can see it.
                        let _ = window.emit("window-visible", false);
                        auto_lock::window_out_of_sight(window.app_handle());
                    }
                    // Minimised counts as out of sight; a file dialog or a browser taking focus
                    // does not.
                    tauri::WindowEvent::Focused(false) if window.is_minimized().unwrap_or(false) => {
                        auto_lock::window_out_of_sight(window.app_handle());
                    }
                    tauri::WindowEvent::Focused(true) => auto_lock::window_in_sight(window.app_handle()),
                    _ => {}
                }
            }
            // Back in the foreground: the zone may have changed or a permission been granted, so
            // the phone's reminders are planned again.
            #[cfg(mobile)]
            if let tauri::WindowEvent::Resumed = event {
                if let Some(state) = window.try_state::<AppState>() {
                    state.wake_reminder_loop();
                }
            }
        })
        .invoke_handler(commands::handler())
}

#[cfg(desktop)]
fn launch(state: AppState, reminder_wakes: Receiver<()>, hidden: bool) {
    #[cfg(target_os = "linux")]
    drawing::prefer_cpu_drawing_without_gpu();
    let data_dir = state.data_dir.clone();
    let mut context = tauri::generate_context!();
    let page_font = first_page::serve_with_first_screen(&mut context, state.clone());
    // First, so a second launch hands over to the running app before anything else starts.
    let first =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| show_main_window(app)));
    let app = app_builder(first)
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--hidden"]),
        ))
        .manage(state)
        .setup(move |app| {
            // GTK has started by now, and the window that asks for the page comes next.
            if let Some(family) = desktop_font::family() {
                let _ = page_font.set(family);
            }
            setup(app, data_dir, hidden, reminder_wakes)
        })
        .build(context);
    test_hooks::mark("shell: app built");
    let app = match app {
        Ok(app) => app,
        Err(e) => cannot_start(&e.to_string()),
    };
    app.run(|app, event| {
        // After "erase all data", the last files the webview and the window-state plugin wrote as
        // the app closed go too (plugins have handled `Exit` by now).
        if let tauri::RunEvent::Exit = event {
            if let Some(state) = app.try_state::<AppState>() {
                if state.erased.load(Ordering::SeqCst) {
                    let _ = homegroup_core::store::remove_leftovers(&state.data_dir);
                }
            }
        }
    });
}

fn setup(
    app: &mut App,
    data_dir: PathBuf,
    hidden: bool,
    reminder_wakes: Receiver<()>,
) -> Result<(), Box<dyn std::error::Error>> {
    test_hooks::mark("shell: setup");
    // The daily copy waits until the first screen is up, and runs on a thread of its own.
    let state = app.state::<AppState>().inner().clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(10));
        state.make_daily_backup();
    });

    #[cfg(desktop)]
    {
        use tauri_plugin_window_state::StateFlags;
        // Kept in the data folder with everything else; visibility is not restored, so a normal
        // start always shows the window and a start at login always starts hidden.
        app.handle().plugin(
            tauri_plugin_window_state::Builder::new()
                .with_filename(data_dir.join(homegroup_core::store::WINDOW_STATE_FILE).to_string_lossy())
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )?;
    }

    let window = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::default());
    let window = if test_hooks::timeline_enabled() {
        window
            .on_page_load(|_, load| test_hooks::mark(&format!("shell: page load {:?}", load.event())))
            // When Tauri's answer to each request is ready, before wry hands it to WebKit.
            .on_web_resource_request(|request, _| {
                let file = request.uri().path().rsplit('/').next().unwrap_or_default();
                test_hooks::mark(&format!("shell: answered {}", if file.is_empty() { "the page" } else { file }));
            })
    } else {
        window
    };
    window
        .title("Homegroup")
        .inner_size(1024.0, 720.0)
        .min_inner_size(360.0, 560.0)
        // The webview's own storage lives in the data folder too, not in a folder of its choosing.
        .data_directory(data_dir.join(homegroup_core::store::WEBVIEW_DIR))
        .visible(!hidden)
        .build()?;
    test_hooks::mark("shell: window built");
    #[cfg(desktop)]
    background::start_after_first_screen(app, reminder_wakes, hidden);
    // Phones: the system delivers reminders; a thread hands it the plan at every change.
    #[cfg(mobile)]
    reminders::plugin::start(app.handle(), reminder_wakes);
    Ok(())
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

/// Locks the app (see `AppState::lock_now`) and tells the window, which forgets what it showed.
pub(crate) fn lock_app<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> homegroup_core::Result<()> {
    app.state::<AppState>().lock_now()?;
    let _ = app.emit("lock-changed", true);
    #[cfg(desktop)]
    tray::set_tooltip(app, "Homegroup");
    Ok(())
}

/// The app was unlocked: the window shows the user's data again.
pub(crate) fn unlocked<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    let _ = app.emit("lock-changed", false);
}

/// A blocking task that did not finish, as the core's error.
pub(crate) fn join_error(e: impl std::fmt::Display) -> homegroup_core::Error {
    homegroup_core::Error::Data(format!("the work stopped before it was done: {e}"))
}

/// "Erase all data": the store and its copies, the autostart entry, the webview's storage; then
/// Homegroup closes, so nothing it holds in memory is written back. What the webview and the
/// window state write while closing is removed at exit. From the lock screen, where there is no
/// key, the files are removed without opening them.
pub(crate) async fn erase_everything<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> homegroup_core::Result<()> {
    let state = app.state::<AppState>().inner().clone();
    // On a phone, what was handed to its scheduler would still come after the erase; and nothing
    // is handed over again meanwhile (the emptied store would still plan the nudge).
    if let Some(phone) = state.detach_phone() {
        if let Err(problem) = reminders::mobile::cancel_everything(phone.as_ref(), &state.data_dir) {
            eprintln!("homegroup: pending reminders could not all be cancelled: {problem}");
        }
    }
    if state.is_locked() {
        let dir = state.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || homegroup_core::lock::erase_files(&dir))
            .await
            .map_err(join_error)??;
    } else {
        state.write(|store| store.erase_all_data()).await?;
        let dir = state.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || homegroup_core::lock::forget_screen_settings(&dir))
            .await
            .map_err(join_error)??;
    }
    state.erased.store(true, Ordering::SeqCst);
    start_at_login(&app, false);
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.clear_all_browsing_data();
    }
    std::thread::spawn(move || {
        // Long enough for the window to say what happened.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        app.exit(0);
    });
    Ok(())
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
