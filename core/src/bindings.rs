//! TypeScript bindings for the types the UI receives, generated from Rust with ts-rs
//! and committed under `ui/src/lib/bindings/`. The test below fails when they are stale;
//! `UPDATE_BINDINGS=1 cargo test -p homegroup-core bindings` rewrites them.

use std::path::Path;
use ts_rs::{Config, ExportError, TS};

/// Writes every binding into `dir`. Ids are `i64` in Rust and plain numbers on the wire.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    crate::app_info::AppInfo::export_all(&cfg)?;
    crate::error::ErrorPayload::export_all(&cfg)?;
    crate::settings::Settings::export_all(&cfg)?;
    crate::overview::Overview::export_all(&cfg)?;
    crate::overview::TodayScreen::export_all(&cfg)?;
    crate::overview::FirstScreen::export_all(&cfg)?;
    crate::directory::Fellowship::export_all(&cfg)?;
    crate::directory::DirectoryEntry::export_all(&cfg)?;
    crate::directory::DirectoryQuery::export_all(&cfg)?;
    crate::directory::FavouriteTarget::export_all(&cfg)?;
    crate::directory::Group::export_all(&cfg)?;
    crate::directory::GroupInput::export_all(&cfg)?;
    crate::directory::GroupDeletion::export_all(&cfg)?;
    crate::guidance::export_bindings(&cfg)?;
    crate::import::export_bindings(&cfg)?;
    crate::export::export_bindings(&cfg)?;
    crate::backup::export_bindings(&cfg)?;
    crate::meetings::Meeting::export_all(&cfg)?;
    crate::meetings::MeetingInput::export_all(&cfg)?;
    crate::meetings::MeetingDetails::export_all(&cfg)?;
    crate::meetings::MeetingFilter::export_all(&cfg)?;
    crate::schedule::WeekAgenda::export_all(&cfg)?;
    crate::schedule::Upcoming::export_all(&cfg)?;
    crate::schedule::AttendanceSummary::export_all(&cfg)?;
    crate::time_zone::TimeZones::export_all(&cfg)?;
    crate::reminders::ReminderStatus::export_all(&cfg)?;
    crate::lock::LockStatus::export_all(&cfg)?;
    crate::i18n::Locale::export_all(&cfg)?;
    crate::store::Recovery::export_all(&cfg)?;
    crate::store::BackupCopy::export_all(&cfg)?;
    crate::notices::MeetingNotice::export_all(&cfg)?;
    crate::notices::MyChange::export_all(&cfg)?;
    crate::zone_shift::ZoneShift::export_all(&cfg)?;
    crate::people::Person::export_all(&cfg)?;
    crate::people::PersonInput::export_all(&cfg)?;
    crate::people::vcard::VCardRead::export_all(&cfg)?;
    crate::milestones::CountToday::export_all(&cfg)?;
    crate::milestones::RecoveryCounts::export_all(&cfg)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn committed_bindings_are_up_to_date() {
        let committed_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        let fresh_dir = tempfile::tempdir().unwrap();
        super::export_all(fresh_dir.path()).unwrap();
        let fresh = read_dir(fresh_dir.path());
        assert!(!fresh.is_empty());

        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&committed_dir);
            std::fs::create_dir_all(&committed_dir).unwrap();
            for (name, text) in &fresh {
                std::fs::write(committed_dir.join(name), text).unwrap();
            }
        }
        let committed = read_dir(&committed_dir);
        let stale: Vec<&String> =
            fresh.keys().chain(committed.keys()).filter(|name| fresh.get(*name) != committed.get(*name)).collect();
        assert!(
            stale.is_empty(),
            "ui/src/lib/bindings is stale ({stale:?}): run `UPDATE_BINDINGS=1 cargo test -p homegroup-core bindings` and commit"
        );
    }
}
