//! Facts about the running app that Settings shows.

use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The folder holding the database and everything else the app writes.
    pub data_dir: String,
    pub database_file: String,
    /// Homegroup's licence.
    pub license: String,
    /// The attribution and notices the licences of data Homegroup ships with ask for.
    pub notices: String,
}

/// Notices for the reference data in `assets/reference/` (where each table came from, its
/// licence and the notice that licence requires), shown in Settings and shipped in the packages.
const NOTICES: &str = include_str!("../../assets/reference/NOTICE.md");

impl AppInfo {
    pub fn new(data_dir: &Path) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: data_dir.display().to_string(),
            database_file: data_dir.join(crate::store::DATABASE_FILE).display().to_string(),
            license: env!("CARGO_PKG_LICENSE").to_owned(),
            notices: NOTICES.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notices_name_each_source_and_its_licence() {
        let info = AppInfo::new(Path::new("/data"));
        assert_eq!(info.license, "GPL-3.0-or-later");
        for needed in [
            "code4recovery/spec",
            "MIT License",
            "Permission is hereby granted",
            "12-step-meeting-list",
            "GNU General Public License",
        ] {
            assert!(info.notices.contains(needed), "the notices say {needed:?}");
        }
    }
}
