//! The baseline for start-up benchmarks: a bare Tauri v2 app in the same workspace and profile,
//! showing one static page. With `HOMEGROUP_EXIT_WHEN_READY=1` it exits once the page has loaded,
//! as Homegroup exits once its first screen shows real data.

use tauri::webview::PageLoadEvent;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8><title>Bare</title></head>\
                    <body><h1>Bare Tauri app</h1><p>One static page.</p></body></html>";

fn main() {
    let exit_when_ready = std::env::var("HOMEGROUP_EXIT_WHEN_READY").is_ok_and(|v| v == "1");
    tauri::Builder::default()
        .register_uri_scheme_protocol("bare", |_ctx, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_default()
        })
        .setup(move |app| {
            let url = "bare://localhost/".parse().map_err(|e| format!("{e}"))?;
            WebviewWindowBuilder::new(app, "main", WebviewUrl::CustomProtocol(url))
                .title("Bare")
                .inner_size(1024.0, 720.0)
                .on_page_load(move |window, payload| {
                    if exit_when_ready && payload.event() == PageLoadEvent::Finished {
                        window.app_handle().exit(0);
                    }
                })
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the bare app runs");
}
