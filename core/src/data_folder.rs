//! Where Homegroup keeps its data on a desktop, one rule for the window and the command line:
//! `--data-dir`, else `HOMEGROUP_DATA_DIR` when it is set and not empty, else the platform's
//! app-data folder for [`APP_ID`] (the folder Tauri's `app_data_dir` gives on Linux, macOS and
//! Windows). Phones use the folder their system gives the app.

use std::ffi::OsString;
use std::path::PathBuf;

/// The app's identifier, as `tauri.conf.json` gives it; its data folder is named after it.
pub const APP_ID: &str = "org.homegroup.app";

/// The data folder, reading the environment through `env`; `None` when nothing says where home is.
pub fn resolve(flag: Option<PathBuf>, env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = flag.filter(|f| !f.as_os_str().is_empty()).or_else(|| set("HOMEGROUP_DATA_DIR")) {
        return Some(dir);
    }
    let base = if cfg!(target_os = "windows") {
        set("APPDATA")
    } else if cfg!(target_os = "macos") {
        set("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        set("XDG_DATA_HOME").or_else(|| set("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|dir| dir.join(APP_ID))
}

/// [`resolve`] with the process's own environment.
pub fn from_environment(flag: Option<PathBuf>) -> Option<PathBuf> {
    resolve(flag, |name| std::env::var_os(name))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn the_flag_wins_then_the_variable_then_the_platform_folder() {
        let all = env(&[("HOMEGROUP_DATA_DIR", "/from/env"), ("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u")]);
        assert_eq!(resolve(Some("/flag".into()), &all), Some("/flag".into()));
        assert_eq!(resolve(None, &all), Some("/from/env".into()));
        let no_variable = env(&[("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u")]);
        assert_eq!(resolve(None, no_variable), Some("/xdg/org.homegroup.app".into()));
        assert_eq!(resolve(None, env(&[("HOME", "/home/u")])), Some("/home/u/.local/share/org.homegroup.app".into()));
        assert_eq!(resolve(None, env(&[])), None);
    }

    #[test]
    fn an_empty_variable_or_flag_is_not_set() {
        let empty = env(&[("HOMEGROUP_DATA_DIR", ""), ("XDG_DATA_HOME", ""), ("HOME", "/home/u")]);
        assert_eq!(resolve(Some("".into()), empty), Some("/home/u/.local/share/org.homegroup.app".into()));
    }
}
