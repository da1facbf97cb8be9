//! The UI at phone sizes: the real app's window resized through WebDriver to 390 × 844 and
//! 360 × 740, every screen visited through its route, and on each: no horizontal scrolling, and
//! every visible control a touch-size target of at least 44 × 44 px. Screenshots go to
//! `target/e2e/phone-<width>-<screen>.png`.
//!
//! What counts as a control: `a[href]`, `button`, `input`, `select`, `textarea`, `[role=button]` and
//! `summary`. A checkbox or radio inside a `<label>` is measured by its label (tapping the label
//! toggles it). Exempt, as WCAG 2.5.8 exempts inline targets: a link shown inline inside a sentence,
//! that is inside a `<p>` that has more text than the link, or inside a list item of guidance text
//! (`.guidance-content`) that has more text than the link.

use homegroup_e2e::harness::{app_binary, workspace_root, App, Profile};
use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The phone sizes checked (CSS px): a common large phone and a common small one.
const SIZES: [(u32, u32); 2] = [(390, 844), (360, 740)];

/// The smallest touch target (CSS px) in both directions, less half a pixel for rounding.
const MIN_TARGET: f64 = 44.0;
const TOLERANCE: f64 = 0.5;

/// Measures the current screen in one call: the page's scroll width, elements that reach past the
/// right edge, and controls smaller than the touch size.
const MEASURE: &str = r#"
const min = arguments[0];
const vw = window.innerWidth;
const describe = (el) => {
  const id = el.getAttribute('data-testid');
  if (id) return `[data-testid=${id}]`;
  const part = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    [...e.classList].filter((c) => !c.startsWith('svelte-')).map((c) => '.' + c).join('');
  const path = [];
  for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
    const testid = e.getAttribute('data-testid');
    const listId = e.tagName === 'LI' && e.parentElement && e.parentElement.getAttribute('data-testid');
    // An item of a list is named by its list, so the same problem in every item is reported once.
    if (listId) { path.unshift(`[data-testid=${listId}] > li`); break; }
    path.unshift(testid ? `[data-testid=${testid}]` : part(e));
    if (testid) break;
  }
  return path.join(' > ');
};
const label = (el) => (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('placeholder') ||
  el.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
const shown = (el, r) => {
  const s = getComputedStyle(el);
  return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.opacity !== '0' && r.right > 0 &&
    r.bottom + window.scrollY > 0;
};
const inSentence = (a) => {
  if (a.tagName !== 'A' || getComputedStyle(a).display !== 'inline') return false;
  const own = a.textContent.trim().length;
  const p = a.closest('p');
  if (p && p.textContent.trim().length > own) return true;
  const li = a.closest('.guidance-content li');
  return !!li && li.textContent.trim().length > own;
};
const offenders = new Map();
const seen = new Set();
for (const el of document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, [role=button], summary')) {
  let target = el;
  if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) target = el.closest('label');
  if (seen.has(target)) continue;
  seen.add(target);
  const r = target.getBoundingClientRect();
  if (!shown(target, r) || inSentence(el)) continue;
  if (r.width < min || r.height < min) {
    const selector = describe(target);
    const o = offenders.get(selector) ?? { selector, text: label(target), count: 0, width: Infinity, height: Infinity };
    o.count += 1;
    o.width = Math.min(o.width, Math.round(r.width * 10) / 10);
    o.height = Math.min(o.height, Math.round(r.height * 10) / 10);
    offenders.set(selector, o);
  }
}
// What reaches past the right edge: text that does (a long word or path widens its boxes), else the
// innermost elements that do.
const overflow = [];
// A word that cannot break and is nearly as wide as the window widens whatever holds it.
const words = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = words.nextNode(); node && overflow.length < 5; node = words.nextNode()) {
  if (!node.parentElement || node.parentElement.closest('script, style')) continue;
  for (const match of node.textContent.matchAll(/\S{12,}/g)) {
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const width = Math.max(0, ...[...range.getClientRects()].map((r) => r.width));
    if (width > vw * 0.8) {
      overflow.push({ selector: describe(node.parentElement), text: `unbreakable ${match[0].slice(0, 60)}`,
        right: Math.round(range.getBoundingClientRect().right) });
    }
  }
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node && overflow.length < 5; node = walker.nextNode()) {
  if (!node.textContent.trim()) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
  if (right > vw + 0.5) {
    overflow.push({ selector: describe(node.parentElement), text: node.textContent.trim().slice(0, 60),
      right: Math.round(right) });
  }
}
if (overflow.length === 0) {
  const wide = [...document.body.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > vw + 0.5;
  });
  for (const el of wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 5)) {
    overflow.push({ selector: describe(el), text: label(el), right: Math.round(el.getBoundingClientRect().right) });
  }
}
return {
  innerWidth: vw,
  scrollWidth: document.documentElement.scrollWidth,
  offenders: [...offenders.values()],
  overflow,
};
"#;

/// One screen: its name in screenshots, its route, and what shows once it has loaded.
struct Screen {
    name: &'static str,
    hash: String,
    ready: &'static str,
    text: Option<&'static str>,
}

fn screen(name: &'static str, hash: &str, ready: &'static str) -> Screen {
    Screen { name, hash: hash.to_owned(), ready, text: None }
}

/// Runs the app's command line on the profile's data folder (no display needed).
fn cli(profile: &Profile, args: &[&str]) -> String {
    let out = Command::new(app_binary())
        .args(args)
        .env("HOMEGROUP_DATA_DIR", profile.data_dir())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .output()
        .expect("the app binary runs");
    assert_eq!(out.status.code(), Some(0), "homegroup {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

async fn js(app: &App, script: &str, args: Vec<Value>) -> Value {
    app.driver.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}")).json().clone()
}

/// Resizes the window and waits until the page sees the new width.
async fn resize(app: &App, width: u32, height: u32) {
    app.driver
        .set_window_rect(0, 0, width, height)
        .await
        .unwrap_or_else(|e| panic!("the window cannot be resized to {width} × {height}: {e}"));
    let start = Instant::now();
    loop {
        let size = js(app, "return [window.innerWidth, window.innerHeight]", vec![]).await;
        if size[0].as_u64() == Some(u64::from(width)) {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "the page is {size} wide and high, not {width} × {height}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens a route the way a link does, and waits until its screen has loaded.
async fn visit(app: &App, screen: &Screen) {
    js(app, "location.hash = arguments[0]; return null", vec![Value::from(screen.hash.as_str())]).await;
    match screen.text {
        Some(text) => {
            app.wait_for_text(screen.ready, text).await;
        }
        None => {
            app.find(screen.ready).await;
        }
    }
    js(app, "window.scrollTo(0, 0); return null", vec![]).await;
}

#[tokio::test]
async fn every_screen_fits_a_phone_with_touch_size_targets() {
    // Meetings from the fixture feed and one in the schedule, so lists and details have content.
    let profile = Profile::new();
    let feed = workspace_root().join("tests/fixtures/meeting-guide/sussex-county-aa.json");
    cli(&profile, &["import", feed.to_str().unwrap(), "--time-zone", "America/New_York", "--fellowship", "aa"]);
    cli(&profile, &["schedule", "add", "rehoboth-beach-speaker"]);
    let meetings: Vec<Value> = serde_json::from_str(&cli(&profile, &["meetings", "--json"])).expect("meetings JSON");
    let meeting = meetings.iter().find(|m| m["slug"] == "rehoboth-beach-speaker").expect("the scheduled meeting");
    let meeting_id = meeting["id"].as_i64().expect("a meeting id");
    // A sponsor with a long name and a recovery date, so People, Reach out and Today's count show.
    let person_id = {
        use homegroup_core::people::{PersonInput, Role};
        let mut store = homegroup_core::Store::open_in(&profile.data_dir()).unwrap();
        let clock = homegroup_core::SystemClock;
        let now = chrono::Utc::now();
        store.set_recovery_date("2024-02-29", "Days since my last drink", now, chrono_tz::UTC).unwrap();
        let input = PersonInput {
            name: "Samantha Oyelaran-Whitfield".into(),
            phone: "+1 (555) 010-2030".into(),
            role: Role::Sponsor,
            meeting_id: Some(meeting_id),
            ..PersonInput::default()
        };
        store.create_person(&input, &clock).unwrap().id
    };

    let app = App::start(&profile).await;

    // A group of the user's own, for its detail view.
    js(&app, "location.hash = '#/groups/new'; return null", vec![]).await;
    app.find("[data-testid=group-name-input]").await.send_keys("Tuesday Night Serenity").await.unwrap();
    app.click("[data-testid=save-group]").await;
    app.wait_for_text("[data-testid=group-name]", "Tuesday Night Serenity").await;
    let group_hash = js(&app, "return location.hash", vec![]).await.as_str().unwrap_or_default().to_owned();

    let screens = [
        screen("today", "#/today", "[data-testid=today-count]"),
        screen("schedule", "#/schedule", "[data-testid=week]"),
        screen("schedule-new", "#/schedule/new", "[data-testid=meeting-form]"),
        screen("meeting", &format!("#/schedule/m/{meeting_id}"), "[data-testid=meeting-name]"),
        screen("meeting-edit", &format!("#/schedule/m/{meeting_id}/edit"), "[data-testid=meeting-form]"),
        screen("groups", "#/groups", "[data-testid=directory-list]"),
        screen("groups-new", "#/groups/new", "[data-testid=group-name-input]"),
        screen("fellowship-aa", "#/groups/f/aa", "[data-testid=fellowship-notes]"),
        screen("group", &group_hash, "[data-testid=group-name]"),
        screen("guidance", "#/guidance", "[data-testid=guidance-topics]"),
        Screen {
            text: Some("What is peer support"),
            ..screen("guidance-page", "#/guidance/what-is-peer-support", "h1")
        },
        Screen { text: Some("If you need help now"), ..screen("guidance-crisis", "#/guidance/crisis", "h1") },
        screen("guidance-checklist", "#/guidance/checklist", "[data-testid=checklist-submit]"),
        screen("settings", "#/settings", "[data-testid=data-dir]"),
        screen("people", "#/people", "[data-testid=people-list]"),
        screen("people-new", "#/people/new", "[data-testid=person-form]"),
        screen("person-edit", &format!("#/people/edit/{person_id}"), "[data-testid=person-form]"),
        screen("reach-out", "#/reach-out", "[data-testid=reach-out-sponsor]"),
    ];

    let mut problems = Vec::new();
    for (width, height) in SIZES {
        resize(&app, width, height).await;
        for screen in &screens {
            visit(&app, screen).await;
            app.screenshot(&format!("phone-{width}-{}", screen.name)).await;
            let m = js(&app, MEASURE, vec![Value::from(MIN_TARGET - TOLERANCE)]).await;
            let at = format!("{width}×{height} {} ({})", screen.name, screen.hash);
            let (scroll, inner) = (m["scrollWidth"].as_f64().unwrap(), m["innerWidth"].as_f64().unwrap());
            if scroll > inner {
                let wide: Vec<String> = m["overflow"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| {
                        format!(
                            "{} {:?} (right edge {})",
                            o["selector"].as_str().unwrap(),
                            o["text"].as_str().unwrap(),
                            o["right"]
                        )
                    })
                    .collect();
                problems.push(format!("{at}: scrolls sideways ({scroll} > {inner} px); too wide: {}", wide.join(", ")));
            }
            for o in m["offenders"].as_array().unwrap() {
                let count = o["count"].as_u64().unwrap_or(1);
                let many =
                    if count > 1 { format!(" ({count} of them; smallest width and height)") } else { String::new() };
                problems.push(format!(
                    "{at}: {} {:?} is {} × {} px{many}",
                    o["selector"].as_str().unwrap(),
                    o["text"].as_str().unwrap(),
                    o["width"],
                    o["height"]
                ));
            }
        }
    }
    // The crisis lines are buttons a thumb can hit, on the crisis page and under every guidance view.
    resize(&app, 390, 844).await;
    for hash in ["#/guidance/crisis", "#/guidance/when-to-join"] {
        visit(&app, &screen("crisis", hash, "[data-testid=crisis-call-988]")).await;
        for id in ["crisis-call-988", "crisis-text-988", "crisis-call-samhsa"] {
            let size = js(
                &app,
                "const r = document.querySelector(`[data-testid=${arguments[0]}]`).getBoundingClientRect(); \
                 return [r.width, r.height]",
                vec![Value::from(id)],
            )
            .await;
            let (w, h) = (size[0].as_f64().unwrap(), size[1].as_f64().unwrap());
            if w < MIN_TARGET - TOLERANCE || h < MIN_TARGET - TOLERANCE {
                problems.push(format!("390 px {hash}: the crisis button {id} is {w} × {h} px"));
            }
        }
    }
    app.stop().await;

    assert!(
        problems.is_empty(),
        "{} problem(s) at phone sizes (controls need {MIN_TARGET} × {MIN_TARGET} px):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
