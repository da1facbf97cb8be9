//! Long work never blocks the window: a large import started through the app's own command runs
//! on the blocking pool and writes through the writer connection, while Today, the week and the
//! directory answer from the reader connection. Proved by order, not by a timer: every answer
//! arrives while the import's progress count is still below the total, and before the import's own
//! answer.

use homegroup_core::import::sample;
use homegroup_e2e::harness::{App, Profile};
use serde_json::Value;

/// Rows in the feed: enough that a debug build needs several seconds to import them.
const ROWS: u32 = 40_000;

/// Runs in the page: starts the import, waits for its first progress event, then asks four other
/// screens' questions one after another, noting the progress count when each answer arrives.
const SCRIPT: &str = r#"
const [path, rows, done] = arguments;
(async () => {
const T = window.__TAURI_INTERNALS__;
const log = [];
let progress = 0;
const handler = T.transformCallback((event) => { progress = event.payload.done; });
await T.invoke('plugin:event|listen', { event: 'progress', target: { kind: 'Any' }, handler });
const options = { format: 'meeting_guide', time_zone: 'America/New_York', fellowship: 'aa', source: 'big-list' };
const imported = T.invoke('import_run', { path, options, rows }).then((report) => {
  log.push({ what: 'import', added: report.added, progress });
});
while (progress === 0) await new Promise((resolve) => setTimeout(resolve, 20));
const questions = [
  ['upcoming', {}],
  ['get_overview', {}],
  ['week_agenda', { weekOffset: 0 }],
  ['search_directory', { query: { text: 'my kid is using drugs' } }],
];
for (const [cmd, args] of questions) {
  await T.invoke(cmd, args);
  log.push({ what: cmd, progress });
}
await imported;
done(log);
})().catch((e) => done([{ what: 'failed', error: String(e) }]));
"#;

#[tokio::test]
async fn other_screens_answer_while_a_large_import_runs() {
    let profile = Profile::new();
    let feed = profile.data_dir().parent().unwrap().join("big-list.json");
    std::fs::write(&feed, sample::meeting_guide_feed(ROWS as usize, 7)).unwrap();

    let app = App::start(&profile).await;
    app.find("[data-testid=screen-today]").await;
    app.driver.set_script_timeout(std::time::Duration::from_secs(300)).await.unwrap();
    let log = app
        .driver
        .execute_async(SCRIPT, vec![Value::from(feed.display().to_string()), Value::from(ROWS)])
        .await
        .expect("the script runs to the end");
    let log = log.json().as_array().cloned().expect("a log");
    app.stop().await;

    println!("order of answers: {log:?}");
    let last = log.last().expect("the import answered");
    assert_eq!(last["what"], "import", "the import answers last: {log:?}");
    assert_eq!(last["added"], ROWS, "every row was imported");
    for answer in &log[..log.len() - 1] {
        let progress = answer["progress"].as_u64().unwrap();
        assert!(
            progress > 0 && progress < u64::from(ROWS),
            "{} answered at {progress} of {ROWS} rows: while the import was running",
            answer["what"]
        );
    }
    assert_eq!(log.len(), 5, "four answers, then the import");
}
