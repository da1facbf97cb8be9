//! The command line, parsed in `main()` before the Tauri builder starts, so it needs no display
//! and a running instance (single-instance plugin) never swallows it.

use clap::Parser;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "homegroup", version, about = "Peer support groups, your meeting schedule and reminders, offline.")]
pub struct Cli {
    /// Use this data folder instead of the platform's app-data folder (also: HOMEGROUP_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Start in the system tray without showing the window (used when starting at login).
    #[arg(long)]
    pub hidden: bool,
}

/// Runs a subcommand, if one was given, and returns its exit code; `None` starts the app.
pub fn run_subcommand(_cli: &Cli) -> Option<i32> {
    None
}
