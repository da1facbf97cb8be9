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
