//! Generates the app's own command permissions (`allow-<command>`), which the capability files grant.

/// Every command the shell exposes to the UI. Keep in step with `commands::handler()`.
const COMMANDS: &[&str] = &[
    "app_info",
    "ui_ready",
    "get_settings",
    "save_settings",
    "get_overview",
    "search_directory",
    "list_fellowships",
    "get_fellowship",
    "set_fellowship_notes",
    "set_favourite",
    "get_group",
    "create_group",
    "update_group",
    "group_deletion",
    "delete_group",
    "guidance_index",
    "guidance_page",
    "guidance_search",
    "guidance_checklist",
    "guidance_next_steps",
    "list_meetings",
    "get_meeting",
    "create_meeting",
    "update_meeting",
    "delete_meeting",
    "set_meeting_notes",
    "set_meeting_favourite",
    "time_zones",
    "add_to_schedule",
    "remove_from_schedule",
    "set_skipped",
    "set_attended",
    "week_agenda",
    "upcoming",
    "attendance_summary",
    "import_preview",
    "import_run",
    "export_ics",
    "backup_to_file",
    "restore_from_file",
    "reminder_status",
    "startup_notice",
    "list_backups",
    "restore_backup",
    "erase_all_data",
    "window_visible",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
