//! Generates the app's own command permissions (`allow-<command>`), which the capability files grant.

include!("src/commands/names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/commands/names.rs");
    println!("cargo:rerun-if-changed=../ui/dist/index.html");
    // The shell embeds the built UI; without it `generate_context!` fails with a long message.
    if !std::path::Path::new("../ui/dist/index.html").exists() {
        eprintln!("homegroup: ui/dist is missing: run `make test` (or `make ui`) first; the app embeds the built UI.");
        std::process::exit(1);
    }
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
