//! The system tray: Homegroup keeps running there when its window closes, so reminders keep
//! coming. Its tooltip names the next meeting (only its time in discreet mode; the core words it).
//! Its menu and the quit dialog are in the app's language ([`i18n::current`]), worded again when
//! the Language setting changes ([`relabel`]).

use homegroup_core::i18n;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons};

const TRAY_ID: &str = "main";

/// The menu's items: (id, message id in the core's catalogue).
const ITEMS: [(&str, &str); 5] = [
    ("open", "tray-open"),
    // Straight to the screen; while locked, Reach out shows the crisis lines, which need no unlock.
    ("reach-out", "tray-reach-out"),
    ("people", "tray-people"),
    // Does nothing while the app lock is off.
    ("lock", "tray-lock"),
    ("quit", "tray-quit"),
];

fn words(id: &str) -> String {
    i18n::text(i18n::current(), id, &[])
}

/// The menu in the current language.
fn menu<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(app)?;
    for (id, message) in ITEMS {
        menu.append(&MenuItem::with_id(app, id, words(message), true, None::<&str>)?)?;
    }
    Ok(menu)
}

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(tauri::image::Image::from_bytes(include_bytes!("../../assets/icons/tray.png"))?)
        .tooltip("Homegroup")
        .menu(&menu(app)?)
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

/// Words the menu again in the current language (after the Language setting changed).
pub fn relabel<R: Runtime>(app: &AppHandle<R>) {
    if let (Some(tray), Ok(menu)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(menu));
    }
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
        .message(words("quit-body"))
        .title(words("quit-title"))
        .buttons(MessageDialogButtons::OkCancelCustom(words("quit-confirm"), words("quit-keep")))
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

/// The tooltip as the reminder loop last set it. The loop words it at every look (about once a
/// minute) and tells the icon only when the words change, since each change wakes the main thread.
/// Only the loop's own thread holds it: a lock here, shared with callers on the main thread, could
/// deadlock, because the icon does its work on the main thread and the caller waits for it.
#[derive(Default)]
pub struct LoopTooltip {
    shown: Option<String>,
}

impl LoopTooltip {
    pub fn show<R: Runtime>(&mut self, app: &AppHandle<R>, text: &str) {
        if self.shown.as_deref() != Some(text) {
            set_tooltip(app, text);
            self.shown = Some(text.to_owned());
        }
    }
}
