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
}

impl AppInfo {
    pub fn new(data_dir: &Path) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: data_dir.display().to_string(),
            database_file: data_dir.join(crate::store::DATABASE_FILE).display().to_string(),
        }
    }
}
