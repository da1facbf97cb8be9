//! Reminders in the shell. The core decides what is due and when; this module only waits and
//! delivers. Desktop: a thread that sleeps until the next reminder is due (woken early when data
//! changes) and looks at the wall clock at least once a minute, so sleep, suspend and clock
//! changes are caught up; it delivers through notify-rust. Phones: the next reminders are handed
//! to the system's scheduler (see `mobile.rs`, compiled and tested on every platform, and
//! `plugin.rs`, its notification-plugin side, built only for Android and iOS).

#[cfg(desktop)]
mod desktop;
pub mod mobile;
#[cfg(mobile)]
pub mod plugin;

use homegroup_core::reminders::NotificationText;

/// Delivers one notification; an error says why it could not be shown.
pub trait Notifier: Send + Sync {
    /// Whether notifications can be shown at all on this system, or why not.
    fn check(&self) -> Result<(), String>;
    /// Shows `text`; clicking it opens `meeting` (or just the app).
    fn notify(&self, text: &NotificationText, meeting: Option<i64>, discreet: bool) -> Result<(), String>;
}

#[cfg(desktop)]
pub use desktop::{spawn_loop, DesktopNotifier};
pub use mobile::PhoneScheduler;
