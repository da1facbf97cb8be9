//! Helpers for driving the real app: see `harness`.
pub mod harness;
