//! The webview can reach nothing outside the app: the shipped Content Security Policy allows only
//! the app's own origin and Tauri's IPC, and no capability file lets a remote page call the app or
//! grants a plugin that reaches the network, the file system or a shell. (`permissions.rs` checks
//! the main window's command list and link schemes; `no_network.rs` the dependency tree.)

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn config() -> Value {
    serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json reads")
}

/// The CSP's directives and their sources, whether the config writes it as an object or a string.
fn directives(csp: &Value) -> BTreeMap<String, Vec<String>> {
    let split = |sources: &str| sources.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    match csp {
        Value::Object(map) => map
            .iter()
            .map(|(name, sources)| {
                let sources = match sources {
                    Value::String(s) => split(s),
                    Value::Array(list) => list.iter().filter_map(Value::as_str).flat_map(split).collect(),
                    other => panic!("directive {name}: {other} is neither a string nor a list"),
                };
                (name.clone(), sources)
            })
            .collect(),
        Value::String(policy) => policy
            .split(';')
            .filter_map(|d| {
                let mut words = d.split_whitespace();
                Some((words.next()?.to_owned(), words.map(str::to_owned).collect()))
            })
            .collect(),
        other => panic!("the CSP is neither an object nor a string: {other}"),
    }
}

/// The policy the app ships (`app.security.csp`) and, if set, the one `tauri dev` uses.
fn policies() -> Vec<(&'static str, BTreeMap<String, Vec<String>>)> {
    let config = config();
    let security = &config["app"]["security"];
    assert!(security["csp"].is_object() || security["csp"].is_string(), "the app ships a CSP: {security}");
    let mut policies = vec![("csp", directives(&security["csp"]))];
    if !security["devCsp"].is_null() {
        policies.push(("devCsp", directives(&security["devCsp"])));
    }
    policies
}

/// Sources a directive may name: none of them is another origin or a whole scheme of them.
fn allowed_sources(directive: &str) -> &'static [&'static str] {
    match directive {
        // The IPC, and nothing else: no fetch, WebSocket or EventSource reaches anywhere.
        "connect-src" => &["ipc:", "http://ipc.localhost"],
        // Icons drawn inline as data: URLs; never a remote image (a tracking pixel).
        "img-src" => &["'self'", "data:"],
        _ => &["'self'", "'none'"],
    }
}

#[test]
fn the_shipped_csp_allows_only_the_app_itself_and_its_ipc() {
    for (name, policy) in policies() {
        assert_eq!(policy.get("default-src"), Some(&vec!["'self'".to_owned()]), "{name}: default-src 'self'");
        let script = policy.get("script-src").or_else(|| policy.get("default-src")).unwrap();
        for unsafe_source in ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'"] {
            assert!(!script.iter().any(|s| s == unsafe_source), "{name}: script-src allows {unsafe_source}");
        }
        let mut connect = policy.get("connect-src").cloned().expect("connect-src is written out");
        connect.sort();
        assert_eq!(connect, ["http://ipc.localhost", "ipc:"], "{name}: connect-src is the IPC only");
        for (directive, sources) in &policy {
            for source in sources {
                assert!(
                    allowed_sources(directive).contains(&source.as_str()),
                    "{name}: {directive} allows {source}, which is not the app's own origin"
                );
            }
        }
        for locked in ["object-src", "base-uri", "form-action", "frame-ancestors"] {
            assert_eq!(policy.get(locked), Some(&vec!["'none'".to_owned()]), "{name}: {locked} 'none'");
        }
    }
}

#[test]
fn tauri_keeps_the_csp_whole_and_serves_only_the_bundled_ui() {
    let config = config();
    let security = &config["app"]["security"];
    // Tauri adds its own hashes and nonces to the policy; turning that off (or the whole
    // modification) would leave its own scripts to an 'unsafe-inline' later.
    let modification = &security["dangerousDisableAssetCspModification"];
    assert!(modification.is_null() || *modification == false, "Tauri must add its hashes to the CSP: {modification}");
    assert!(security["dangerousRemoteDomainIpcAccess"].is_null(), "remote IPC: {security}");
    assert_eq!(security["freezePrototype"], true, "the prototype stays frozen: {security}");
    // The UI is the bundled folder, and every window is built in `setup` on the app's own URL.
    let dist = config["build"]["frontendDist"].as_str().expect("frontendDist is a folder");
    assert!(!dist.contains("://"), "the shipped UI is a local folder, not {dist}");
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(dist).is_dir(), "{dist} is built (make ui)");
    assert_eq!(config["app"]["windows"], serde_json::json!([]), "no window from the config");
    let mut sources = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(path) = sources.pop() {
        if path.is_dir() {
            sources.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("WebviewUrl::External"), "{}: a webview on a remote page", path.display());
        }
    }
}

#[test]
fn no_capability_grants_remote_pages_or_network_file_or_shell_plugins() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut files = 0;
    let mut capabilities = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let capability: Value = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            // Tauri reads TOML capabilities too: none may slip in unchecked.
            _ => panic!("{} is not a JSON capability: this test reads JSON only", path.display()),
        };
        files += 1;
        capabilities.push((path.display().to_string(), capability));
    }
    assert!(files >= 2, "default.json and desktop.json are read");
    // Capabilities written inline in the config count too.
    if let Some(inline) = config()["app"]["security"]["capabilities"].as_array() {
        for c in inline.iter().filter(|c| c.is_object()) {
            capabilities.push(("tauri.conf.json".into(), c.clone()));
        }
    }
    for (file, capability) in capabilities {
        assert!(capability["remote"].is_null(), "{file}: grants IPC to remote URLs: {}", capability["remote"]);
        assert_eq!(capability["windows"], serde_json::json!(["main"]), "{file}: only the main window");
        assert!(capability["webviews"].is_null(), "{file}: webviews are not granted separately");
        for permission in capability["permissions"].as_array().expect("a permission list") {
            let id = permission.as_str().or_else(|| permission["identifier"].as_str()).expect("an identifier");
            for plugin in ["http:", "fs:", "shell:", "websocket:", "upload:", "process:", "updater:"] {
                assert!(!id.starts_with(plugin), "{file}: grants {id}, a plugin that reaches beyond the app");
            }
        }
    }
    let manifest = include_str!("../Cargo.toml");
    for plugin in ["tauri-plugin-http", "tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-websocket"] {
        assert!(!manifest.contains(plugin), "the shell depends on {plugin}");
    }
}
