//! Architecture invariant: the core never depends on the shell, directly or through another crate.

use std::process::Command;

#[test]
fn core_has_no_tauri_webkit_or_gtk_in_its_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["tree", "-p", "homegroup-core", "--edges", "normal,build", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(tree.contains("rusqlite"), "the tree should list the core's real dependencies:\n{tree}");
    for forbidden in ["tauri", "webkit", "gtk", "wry", "tao"] {
        let hits: Vec<&str> = tree
            .lines()
            .filter(|l| l.split_whitespace().next().is_some_and(|name| name.starts_with(forbidden)))
            .collect();
        assert!(hits.is_empty(), "homegroup-core depends on {forbidden}: {hits:?}");
    }
}

/// The core's normal dependencies when built for `target`, one crate name per line.
fn crate_names_for(target: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Not offline: a target this machine does not build may name crates it has not downloaded.
    let output = Command::new(cargo)
        .args(["tree", "-p", "homegroup-core", "--edges", "normal,build", "--prefix", "none", "--target", target])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

/// SQLCipher's crypto: the system's libcrypto on Linux, OpenSSL built into the app where the
/// platform has none to link (see core/Cargo.toml).
#[test]
fn sqlcipher_links_system_crypto_on_linux_and_builds_its_own_elsewhere() {
    let linux = crate_names_for("x86_64-unknown-linux-gnu");
    assert!(linux.iter().any(|name| name == "libsqlite3-sys"));
    assert!(!linux.iter().any(|name| name == "openssl-src"), "Linux should link the system's libcrypto");
    for target in ["x86_64-pc-windows-msvc", "aarch64-apple-darwin", "aarch64-linux-android", "aarch64-apple-ios"] {
        let names = crate_names_for(target);
        assert!(names.iter().any(|name| name == "openssl-src"), "{target} should build OpenSSL into the app");
    }
}
