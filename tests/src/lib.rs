//! Helpers for driving the real app: see `harness`; `window` closes its window as a window manager would.
pub mod harness;
pub mod launch;
pub mod notifications;
pub mod window;
