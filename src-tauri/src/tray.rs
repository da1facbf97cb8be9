//! The system tray: Homegroup keeps running there when its window closes, so reminders keep
//! coming. Its tooltip names the next meeting (only its time in discreet mode; the core words it).

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{App, AppHandle, Emitter, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons};

const TRAY_ID: &str = "main";

pub fn build(app: &App) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Homegroup", true, None::<&str>)?;
    // Straight to the screen; while locked, Reach out shows the crisis lines, which need no unlock.
    let reach_out = MenuItem::with_id(app, "reach-out", "Reach out", true, None::<&str>)?;
    let people = MenuItem::with_id(app, "people", "My people", true, None::<&str>)?;
    // Does nothing while the app lock is off.
    let lock = MenuItem::with_id(app, "lock", "Lock now", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Homegroup…", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &reach_out, &people, &lock, &quit])?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(tauri::image::Image::from_bytes(include_bytes!("../../assets/icons/tray.png"))?)
        .tooltip("Homegroup")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => crate::show_main_window(app),
            "reach-out" => open_route(app, "#/reach-out"),
            "people" => open_route(app, "#/people"),
            "lock" => {
                let _ = crate::lock_app(app);
            }
            "quit" => confirm_quit(app),
            _ => {}
        })
        .build(app)?;
    Ok(())
}

/// Shows the window on `route`.
fn open_route<R: Runtime>(app: &AppHandle<R>, route: &str) {
    crate::show_main_window(app);
    let _ = app.emit("open-route", route);
}

/// Quitting stops reminders: say so first.
fn confirm_quit<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    app.dialog()
        .message("Meeting reminders stop until you open Homegroup again.")
        .title("Quit Homegroup?")
        .buttons(MessageDialogButtons::OkCancelCustom("Quit".into(), "Keep running".into()))
        .show(move |quit| {
            if quit {
                app.exit(0);
            }
        });
}

/// Shows `text` (the core's tooltip: no names when discreet or locked) on the tray icon.
pub fn set_tooltip<R: Runtime>(app: &AppHandle<R>, text: &str) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(text));
    }
}
