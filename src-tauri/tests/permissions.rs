//! The app's commands are listed in three places that must agree: `build.rs` (which generates an
//! `allow-<command>` permission for each), the invoke handler, and the main window's capability.

use std::collections::BTreeSet;

fn quoted_names(text: &str) -> BTreeSet<String> {
    text.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

fn build_rs_commands() -> BTreeSet<String> {
    let build = include_str!("../build.rs");
    let list =
        build.split("const COMMANDS").nth(1).and_then(|rest| rest.split("];").next()).expect("COMMANDS in build.rs");
    quoted_names(list)
}

fn capability() -> serde_json::Value {
    serde_json::from_str(include_str!("../capabilities/default.json")).unwrap()
}

#[test]
fn every_command_is_granted_to_the_main_window_and_nothing_else_is() {
    let granted: BTreeSet<String> = capability()["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(granted, build_rs_commands());
}

#[test]
fn every_listed_command_is_handled() {
    let handler = include_str!("../src/commands/mod.rs");
    let handled: BTreeSet<String> = handler
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("generate_handler! in commands/mod.rs")
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next().map(str::to_owned))
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(handled, build_rs_commands());
}

#[test]
fn the_window_may_open_only_safe_link_schemes() {
    let capability = capability();
    let opener = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["identifier"] == "opener:allow-open-url")
        .expect("opener scope");
    for url in opener["allow"].as_array().unwrap() {
        let url = url["url"].as_str().unwrap();
        assert!(
            ["https:", "http:", "tel:", "sms:", "geo:"].iter().any(|s| url.starts_with(s)),
            "{url} is not a safe scheme"
        );
    }
    let all = capability.to_string();
    for forbidden in ["shell:", "fs:", "http:default", "opener:default", "opener:allow-open-path"] {
        assert!(!all.contains(forbidden), "the main window must not be granted {forbidden}");
    }
}
