//! The baseline for start-up benchmarks: a bare Tauri v2 app in the same workspace and profile,
//! showing one static page. With `HOMEGROUP_EXIT_WHEN_READY=1` it exits once the page has painted,
//! as Homegroup exits once its first screen has painted real data: both wait for the same frame.

use tauri::{WebviewUrl, WebviewWindowBuilder};

/// After the first frame is painted the page navigates to `/ready`, which the shell catches.
const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8><title>Bare</title></head>\
                    <body><h1>Bare Tauri app</h1><p>One static page.</p>\
                    <script>requestAnimationFrame(() => setTimeout(() => { \
                    location.href = '/ready?painted=' + (performance.timeOrigin + performance.now()); }));</script>\
                    </body></html>";

/// `HOMEGROUP_TIMELINE=1`: the same milestones Homegroup prints (`startup-timeline` reads both).
fn mark(label: &str) {
    if std::env::var("HOMEGROUP_TIMELINE").is_ok_and(|v| v == "1") {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        println!("timeline {:.1} {label}", now.as_secs_f64() * 1000.0);
    }
}

fn main() {
    mark("shell: main");
    let exit_when_ready = std::env::var("HOMEGROUP_EXIT_WHEN_READY").is_ok_and(|v| v == "1");
    let hidden = std::env::args().any(|a| a == "--hidden");
    tauri::Builder::default()
        .register_uri_scheme_protocol("bare", |_ctx, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_default()
        })
        .setup(move |app| {
            mark("shell: setup");
            let url = "bare://localhost/".parse().map_err(|e| format!("{e}"))?;
            let handle = app.handle().clone();
            WebviewWindowBuilder::new(app, "main", WebviewUrl::CustomProtocol(url))
                .title("Bare")
                .inner_size(1024.0, 720.0)
                // `--hidden`, as Homegroup starts at login, for the idle figures.
                .visible(!hidden)
                .on_page_load(|_, load| mark(&format!("shell: page load {:?}", load.event())))
                .on_navigation(move |url| {
                    if url.path() != "/ready" {
                        return true;
                    }
                    mark("ui_ready received");
                    if let Some((_, painted)) = url.query_pairs().find(|(key, _)| key == "painted") {
                        if std::env::var("HOMEGROUP_TIMELINE").is_ok_and(|v| v == "1") {
                            println!("timeline {painted} page: painted");
                        }
                    }
                    if exit_when_ready {
                        println!("bare: ready");
                        handle.exit(0);
                    }
                    false
                })
                .build()?;
            mark("shell: window built");
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the bare app runs");
}
