//! The app's commands are declared once, in `src/commands/names.rs`; three other places name them
//! and must agree with it: `build.rs` (which generates an
//! `allow-<command>` permission for each), the invoke handler, and the main window's capability.

use std::collections::BTreeSet;

fn quoted_names(text: &str) -> BTreeSet<String> {
    text.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

fn build_rs_commands() -> BTreeSet<String> {
    let names = include_str!("../src/commands/names.rs");
    let list = names
        .split("const COMMANDS")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("COMMANDS in src/commands/names.rs");
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

/// The UI calls commands only through `ui/src/lib/api/` (`call('name', ...)`): every name it uses is
/// a command, and every command has a wrapper there.
#[test]
fn the_ui_wraps_every_command_and_nothing_else() {
    let api_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api");
    let mut called = BTreeSet::new();
    for entry in std::fs::read_dir(&api_dir).expect("ui/src/lib/api") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".ts") || name.ends_with(".test.ts") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        called.extend(commands_called(&text));
    }
    assert_eq!(called, build_rs_commands(), "ui/src/lib/api/ and src/commands/names.rs disagree");
}

/// The names in `call('name'` and `call<Type>('name'` in a TypeScript text.
fn commands_called(text: &str) -> Vec<String> {
    let pieces: Vec<&str> = text.split("('").collect();
    let mut names = Vec::new();
    for pair in pieces.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        let Some(at) = before.rfind("call") else { continue };
        let between = &before[at + 4..];
        let is_call =
            between.is_empty() || (between.starts_with('<') && between.ends_with('>') && !between.contains('('));
        let starts_word = before[..at].chars().last().is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if is_call && starts_word {
            if let Some(name) = after.split('\'').next() {
                names.push(name.to_owned());
            }
        }
    }
    names
}

#[test]
fn the_call_finder_reads_both_shapes() {
    let text =
        "a: () => call<Foo[]>('one'), b: () => call('two', { x }), c: () => recall('no'), d: call<A | B>('three')";
    assert_eq!(commands_called(text), ["one", "two", "three"]);
}
