//! Privacy invariant: the shipped app (core and shell) has no HTTP or TLS client anywhere in its
//! dependency tree, so nothing in it can send data over the network.

use std::process::Command;

#[test]
fn the_app_has_no_http_or_tls_client_in_its_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["tree", "-p", "homegroup", "--edges", "normal", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(tree.contains("homegroup-core"), "the tree lists the app's real dependencies");
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    for client in
        ["reqwest", "hyper", "ureq", "curl", "isahc", "surf", "attohttpc", "h2", "rustls", "native-tls", "openssl"]
    {
        assert!(!crates.contains(&client), "the app depends on {client}, a network client");
    }
}
