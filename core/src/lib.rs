//! Homegroup's engine. Everything that can be decided without a window lives here:
//! the data model, storage, settings, the clock, and (as they land) the directory,
//! recurrence, reminders, import/export and guidance.
//!
//! Invariant: this crate never depends on tauri, webkit or gtk (see `tests/no_shell_deps.rs`).

pub mod app_info;
pub mod backup;
pub mod bindings;
pub mod clock;
pub mod data_folder;
pub mod directory;
pub mod error;
pub mod export;
pub mod first_page;
#[cfg(any(test, feature = "generators"))]
pub mod generate;
pub mod guidance;
pub mod i18n;
pub mod import;
pub mod lock;
pub mod meetings;
pub mod milestones;
pub mod notices;
pub mod overview;
pub mod people;
pub mod recurrence;
pub mod reminders;
pub mod schedule;
pub mod settings;
pub mod store;
pub mod text;
pub mod time_zone;
pub mod type_codes;
pub mod validation;
pub mod zone_shift;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorKind, Result};
pub use store::Store;
