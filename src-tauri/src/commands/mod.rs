//! Commands the UI may call: one file per domain, each command a one-line call into the core.
//! Errors cross IPC as the core's `{ kind, message, field }`.

pub mod app;
pub mod directory;
pub mod guidance;
pub mod lock;
pub mod meetings;
pub mod notices;
pub mod overview;
pub mod people;
pub mod reminders;
pub mod safety;
pub mod schedule;
pub mod settings;
pub mod transfer;

#[cfg(test)]
mod tests;

// The one list of command names (build.rs reads it too); the tests check the handler against it.
#[cfg(test)]
include!("names.rs");

/// The invoke handler with every command in [`COMMANDS`] (a test checks they agree).
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        app::ui_ready,
        app::window_visible,
        settings::get_settings,
        settings::save_settings,
        overview::get_overview,
        overview::first_screen,
        overview::today_screen,
        directory::search_directory,
        directory::list_fellowships,
        directory::get_fellowship,
        directory::set_fellowship_notes,
        directory::set_favourite,
        directory::get_group,
        directory::create_group,
        directory::update_group,
        directory::group_deletion,
        directory::delete_group,
        guidance::guidance_index,
        guidance::guidance_page,
        guidance::guidance_search,
        guidance::guidance_checklist,
        guidance::guidance_next_steps,
        meetings::list_meetings,
        meetings::get_meeting,
        meetings::create_meeting,
        meetings::update_meeting,
        meetings::delete_meeting,
        meetings::set_meeting_notes,
        meetings::set_meeting_favourite,
        meetings::time_zones,
        schedule::add_to_schedule,
        schedule::remove_from_schedule,
        schedule::set_skipped,
        schedule::set_attended,
        schedule::week_agenda,
        schedule::upcoming,
        schedule::attendance_summary,
        notices::list_notices,
        notices::dismiss_notice,
        notices::keep_reminding,
        notices::zone_shifts,
        people::list_people,
        people::get_person,
        people::create_person,
        people::update_person,
        people::delete_person,
        people::count_today,
        people::recovery_counts,
        people::set_recovery_date,
        people::start_new_count,
        people::stop_counting,
        people::delete_count,
        people::preview_contacts,
        people::add_contacts,
        reminders::reminder_status,
        reminders::allow_reminders,
        reminders::open_alarm_settings,
        safety::startup_notice,
        safety::list_backups,
        safety::restore_backup,
        safety::erase_all_data,
        transfer::import_preview,
        transfer::import_run,
        transfer::export_ics,
        transfer::backup_to_file,
        transfer::restore_from_file,
        lock::lock_status,
        lock::unlock,
        lock::lock_now,
        lock::turn_lock_on,
        lock::change_lock,
        lock::turn_lock_off,
        lock::save_auto_lock,
        lock::erase_and_restore,
    ]
}
