//! Generates the app's own command permissions (`allow-<command>`), which the capability files grant.

/// Every command the shell exposes to the UI. Keep in step with `commands::handler()`.
const COMMANDS: &[&str] = &["app_info", "get_settings", "save_settings", "get_overview", "ui_ready"];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
