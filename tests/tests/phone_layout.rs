//! The UI at phone sizes: the real app's window resized through WebDriver to 390 × 844 and
//! 360 × 740, every screen visited through its route, and on each: no horizontal scrolling, and
//! every visible control a touch-size target of at least 44 × 44 px. Screenshots go to
//! `target/e2e/phone-<width>-<screen>.png`.
//!
//! The same launch then goes through every screen twice more at 390 px:
//! - at 200% text, as Android's text zoom makes it (every element's computed font size doubled):
//!   no sideways scrolling and no text cut off by a box too small for it;
//! - in the pseudo-locale (`qps`: every catalogue text bracketed ⟦ ⟧, accented and about 30%
//!   longer): no sideways scrolling, and no UI text outside the brackets, that is no text the
//!   catalogues do not hold. What the user or a file wrote (meeting, group and person names, the
//!   directory's and the guidance's own text, which come per language from `assets/`) and dates
//!   and times the device's region formats are not UI text.
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
    return r.right > vw + 0.5;
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

/// Android's text zoom at 200%: every element's font size doubled from what it computes to
/// without the zoom (undone first, so a screen visited after another is doubled once).
const DOUBLE_TEXT: &str = r#"
const all = [...document.querySelectorAll('body, body *')];
for (const el of all) if (el.dataset.zoomed) { el.style.fontSize = el.dataset.zoomed === 'none' ? '' : el.dataset.zoomed; delete el.dataset.zoomed; }
const sizes = all.map((el) => parseFloat(getComputedStyle(el).fontSize));
all.forEach((el, i) => { el.dataset.zoomed = el.style.fontSize || 'none'; el.style.fontSize = `${sizes[i] * 2}px`; });
return null;
"#;

/// Text cut off: an element holding text whose box hides what does not fit (overflow hidden or
/// clipped, or an ellipsis) and whose content is larger than the box.
const CLIPPED: &str = r#"
const out = [];
for (const el of document.querySelectorAll('body *')) {
  if (out.length >= 5) break;
  const s = getComputedStyle(el);
  const hides = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY) || s.textOverflow === 'ellipsis';
  if (!hides || !el.innerText || !el.innerText.trim() || el.closest('[aria-hidden=true], .visually-hidden, .sr-only')) continue;
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) continue;
  if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
    out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${JSON.stringify(el.innerText.trim().slice(0, 40))} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
  }
}
return out;
"#;

/// Visible text not from the catalogues while the pseudo-locale is shown: text nodes with a word
/// in them, outside ⟦ ⟧ (a node may be part of a bracketed text split by markup: then its
/// element's text holds a bracket), and not one of `arguments[0]`, the data's own texts.
const NOT_FROM_CATALOGUES: &str = r#"
const data = arguments[0];
const found = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.trim();
  const el = node.parentElement;
  if (!/\p{L}{3,}/u.test(text) || !el || el.closest('script, style, .guidance-content, option[value=""]')) continue;
  if (/[⟦⟧]/.test(text) || /[⟦⟧]/.test(el.textContent)) continue;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1 || getComputedStyle(el).visibility === 'hidden') continue;
  // What the data says, or a date or time the region formats.
  if (data.some((d) => d && (d === text || d.includes(text) || text.includes(d)))) continue;
  if (/^[\p{L}]+,? [\p{L}]+ \d{1,2}(, \d{4})?$|\d{1,2}:\d{2}/u.test(text)) continue;
  found.add(text.slice(0, 60));
}
return [...found];
"#;

/// One screen: its name in screenshots, its route, and what shows once it has loaded.
#[derive(Clone)]
struct Screen {
    name: &'static str,
    hash: String,
    ready: &'static str,
    text: Option<&'static str>,
}

fn screen(name: &'static str, hash: &str, ready: &'static str) -> Screen {
    Screen { name, hash: hash.to_owned(), ready, text: None }
}

/// The texts the data holds, not the catalogues: every text of the imported meetings, the
/// directory's fellowships (names, descriptions, notes: from `assets/`), the user's own group and
/// person and the recovery date's label, and the data folder's path.
fn data_texts(profile: &Profile, meetings: &[Value]) -> Vec<String> {
    fn strings(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    meetings.iter().for_each(|m| strings(m, &mut out));
    let store = homegroup_core::Store::open_in(&profile.data_dir()).unwrap();
    for fellowship in store.fellowships().unwrap() {
        strings(&serde_json::to_value(&fellowship).unwrap(), &mut out);
    }
    let everything = homegroup_core::directory::DirectoryQuery::default();
    for entry in store.search_directory(&everything).unwrap() {
        strings(&serde_json::to_value(&entry).unwrap(), &mut out);
    }
    // The guidance's own text: its pages (one line per paragraph or heading) and its lists.
    for file in std::fs::read_dir(workspace_root().join("assets/guidance")).unwrap() {
        let path = file.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => strings(&serde_json::from_str(&text).unwrap(), &mut out),
            // A line as the page shows it: no heading or list marks, no emphasis, links as their text.
            Some("md") => out.extend(text.lines().map(|line| {
                let line = line.trim_start_matches(['#', ' ', '-']).replace(['*', '_'], "");
                let mut shown = String::new();
                let mut rest = line.as_str();
                while let Some((before, after)) = rest.split_once("](") {
                    shown.push_str(&before.replacen('[', "", 1));
                    rest = after.split_once(')').map_or("", |(_, r)| r);
                }
                shown.push_str(rest);
                shown
            })),
            _ => {}
        }
    }
    out.extend(
        ["Tuesday Night Serenity", "Samantha Oyelaran-Whitfield", "Days since my last drink", "Homegroup"]
            .map(String::from),
    );
    out.push(profile.data_dir().display().to_string());
    out.retain(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    out
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
    // At 390 px: 200% text, then the pseudo-locale.
    resize(&app, 390, 844).await;
    let sideways = |m: &Value| m["scrollWidth"].as_f64().unwrap() > m["innerWidth"].as_f64().unwrap();
    for screen in &screens {
        visit(&app, screen).await;
        js(&app, DOUBLE_TEXT, vec![]).await;
        app.screenshot(&format!("phone-200pct-{}", screen.name)).await;
        let m = js(&app, MEASURE, vec![Value::from(MIN_TARGET - TOLERANCE)]).await;
        if sideways(&m) {
            problems.push(format!("200% text {}: scrolls sideways; too wide: {}", screen.name, m["overflow"]));
        }
        for clipped in js(&app, CLIPPED, vec![]).await.as_array().unwrap() {
            problems.push(format!("200% text {}: text cut off: {}", screen.name, clipped.as_str().unwrap()));
        }
    }
    // Back to the app's own sizes: a reload drops the doubled sizes.
    js(&app, "location.hash = '#/today'; location.reload(); return null", vec![]).await;
    app.find("[data-testid=screen-today]").await;
    js(&app, "window.homegroupShowLocale('qps'); return null", vec![]).await;
    let data = Value::from(data_texts(&profile, &meetings));
    for screen in &screens {
        visit(&app, &Screen { text: None, ..screen.clone() }).await;
        app.screenshot(&format!("phone-qps-{}", screen.name)).await;
        let m = js(&app, MEASURE, vec![Value::from(MIN_TARGET - TOLERANCE)]).await;
        if sideways(&m) {
            problems.push(format!("pseudo-locale {}: scrolls sideways; too wide: {}", screen.name, m["overflow"]));
        }
        for text in js(&app, NOT_FROM_CATALOGUES, vec![data.clone()]).await.as_array().unwrap() {
            problems.push(format!("pseudo-locale {}: not from the catalogues: {text}", screen.name));
        }
    }
    js(&app, "location.hash = '#/today'; location.reload(); return null", vec![]).await;
    app.find("[data-testid=screen-today]").await;

    // The crisis lines are buttons a thumb can hit, on the crisis page and under every guidance view.
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
