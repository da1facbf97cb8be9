//! Every command, called through Tauri's own IPC in a plain `cargo test`: the real handler and the
//! real capability files (`generate_context!(test = true)`), on a mock runtime with no window
//! system. Arguments go in as the UI sends them (camelCase), JSON comes out; an error arrives as
//! `{ kind, message, field }`; and a command the main window is not granted is refused.

use crate::state::AppState;
use homegroup_core::lock::KdfParams;
use serde_json::{json, Value};
use std::path::Path;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

fn app_in(data_dir: &Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let (wake, _wakes) = std::sync::mpsc::sync_channel(1);
    let app = mock_builder()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_autostart::init(tauri_plugin_autostart::MacosLauncher::LaunchAgent, None))
        .manage(AppState::open_with(data_dir.to_owned(), wake, KdfParams::FOR_TESTS).expect("the data folder opens"))
        .invoke_handler(super::handler())
        .build(tauri::generate_context!("tauri.conf.json", test = true))
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, crate::MAIN_WINDOW, Default::default()).build().expect("a window");
    (app, window)
}

/// Calls `cmd` with `args` as the UI does; the answer, or the error's JSON.
fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("the app's own origin"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("JSON"))
}

fn ok(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    call(window, cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

fn err(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    match call(window, cmd, args) {
        Ok(answer) => panic!("{cmd} should fail, but answered {answer}"),
        Err(e) => e,
    }
}

fn meeting_input(name: &str) -> Value {
    json!({ "group": null, "details": {
        "name": name, "fellowship": "aa", "weekdays": [2], "date": null, "start_time": "19:00",
        "duration_minutes": 60, "time_zone": "America/New_York", "attendance": "hybrid", "types": ["O"],
        "location": "Hall", "address": "1 Main St", "latitude": null, "longitude": null, "location_notes": null,
        "conference_url": "https://example.org/j/1", "conference_url_notes": null, "conference_phone": null,
        "conference_phone_notes": null, "notes": null
    } })
}

#[test]
fn every_command_answers_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    // The autostart entry goes under HOME; keep it in the test's folder.
    std::env::set_var("HOME", dir.path().join("home"));
    let data = dir.path().join("data");
    let (_app, w) = app_in(&data);
    let mut called: Vec<&str> = Vec::new();
    let mut check = |cmd: &'static str| called.push(cmd);

    check("app_info");
    assert_eq!(ok(&w, "app_info", json!({}))["data_dir"], data.display().to_string());
    check("window_visible");
    assert!(ok(&w, "window_visible", json!({})).is_boolean());
    check("ui_ready");
    assert_eq!(ok(&w, "ui_ready", json!({ "shown": 2, "locked": false })), Value::Null);

    check("get_settings");
    let mut settings = ok(&w, "get_settings", json!({}));
    assert_eq!(settings["default_lead_minutes"], 30);
    check("save_settings");
    settings["first_day_of_week"] = json!(9);
    let e = err(&w, "save_settings", json!({ "settings": settings }));
    assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("invalid_input"), Some("first_day_of_week")), "{e}");
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
    settings["first_day_of_week"] = json!(0);
    assert_eq!(ok(&w, "save_settings", json!({ "settings": settings }))["first_day_of_week"], 0);
    check("get_overview");
    assert_eq!(ok(&w, "get_overview", json!({}))["scheduled_meetings"], 0);
    check("first_screen");
    let first = ok(&w, "first_screen", json!({ "today": true }));
    assert_eq!(
        (first["lock"]["locked"].as_bool(), first["settings"]["first_day_of_week"].as_u64()),
        (Some(false), Some(0))
    );
    assert_eq!(first["today"]["overview"]["scheduled_meetings"], 0, "{first}");
    assert!(first["today"]["upcoming"]["today_items"].is_array(), "{first}");
    assert_eq!(ok(&w, "first_screen", json!({ "today": false }))["today"], Value::Null);
    check("today_screen");
    assert_eq!(ok(&w, "today_screen", json!({})), first["today"]);

    // The directory.
    check("search_directory");
    let found = ok(&w, "search_directory", json!({ "query": { "text": "my husband's drinking" } }));
    assert_eq!(found[0]["id"], "al-anon");
    check("list_fellowships");
    assert!(ok(&w, "list_fellowships", json!({})).as_array().is_some_and(|f| f.len() > 20));
    check("get_fellowship");
    assert_eq!(ok(&w, "get_fellowship", json!({ "id": "na" }))["name"], "Narcotics Anonymous");
    assert_eq!(err(&w, "get_fellowship", json!({ "id": "nope" }))["kind"], "not_found");
    check("set_fellowship_notes");
    assert_eq!(ok(&w, "set_fellowship_notes", json!({ "id": "aa", "notes": "call Sam" }))["notes"], "call Sam");
    check("set_favourite");
    ok(&w, "set_favourite", json!({ "target": { "kind": "fellowship", "id": "aa" }, "favourite": true }));
    check("create_group");
    let group = ok(&w, "create_group", json!({ "input": { "name": "Home group", "fellowship_id": "aa" } }));
    let group_id = group["id"].as_i64().unwrap();
    assert_eq!(err(&w, "create_group", json!({ "input": { "name": "  " } }))["field"], "name");
    check("get_group");
    assert_eq!(ok(&w, "get_group", json!({ "id": group_id }))["name"], "Home group");
    check("update_group");
    let renamed = ok(&w, "update_group", json!({ "id": group_id, "input": { "name": "Tuesday group" } }));
    assert_eq!(renamed["name"], "Tuesday group");

    // Guidance.
    check("guidance_index");
    assert!(ok(&w, "guidance_index", json!({})).as_array().is_some_and(|p| p.len() >= 6));
    check("guidance_page");
    assert_eq!(ok(&w, "guidance_page", json!({ "slug": "when-to-join" }))["title"], "When to join a group");
    check("guidance_search");
    assert!(ok(&w, "guidance_search", json!({ "query": "families" })).as_array().is_some_and(|h| !h.is_empty()));
    check("guidance_checklist");
    assert!(ok(&w, "guidance_checklist", json!({}))["signs"].as_array().is_some_and(|s| !s.is_empty()));
    check("guidance_next_steps");
    assert!(ok(&w, "guidance_next_steps", json!({ "ticked": [] })).is_array());
    assert_eq!(err(&w, "guidance_next_steps", json!({ "ticked": ["nope"] }))["field"], "ticked");

    // Meetings and the schedule.
    check("time_zones");
    assert!(ok(&w, "time_zones", json!({}))["all"].as_array().is_some_and(|z| z.len() > 300));
    check("create_meeting");
    let mut input = meeting_input("Tuesday Serenity");
    input["group"] = json!(group_id);
    let meeting = ok(&w, "create_meeting", json!({ "input": input, "inSchedule": true }));
    let id = meeting["id"].as_i64().unwrap();
    assert_eq!((meeting["in_schedule"].as_bool(), meeting["group_name"].as_str()), (Some(true), Some("Tuesday group")));
    assert_eq!(meeting["type_names"][0]["name"], "Open");
    let e = err(&w, "create_meeting", json!({ "input": meeting_input(""), "inSchedule": false }));
    assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("invalid_input"), Some("name")));
    check("list_meetings");
    let listed =
        ok(&w, "list_meetings", json!({ "filter": { "in_schedule_only": true, "group": null, "fellowship": null } }));
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    check("get_meeting");
    assert_eq!(ok(&w, "get_meeting", json!({ "id": id }))["details"]["name"], "Tuesday Serenity");
    assert_eq!(err(&w, "get_meeting", json!({ "id": 999 }))["kind"], "not_found");
    check("update_meeting");
    let mut moved = meeting_input("Tuesday Serenity");
    moved["details"]["start_time"] = json!("19:30");
    let updated = ok(&w, "update_meeting", json!({ "id": id, "input": moved }));
    assert_eq!(updated["details"]["start_time"], "19:30");
    check("set_meeting_notes");
    assert_eq!(
        ok(&w, "set_meeting_notes", json!({ "id": id, "notes": "bring the book" }))["personal_notes"],
        "bring the book"
    );
    check("set_meeting_favourite");
    assert_eq!(ok(&w, "set_meeting_favourite", json!({ "id": id, "favourite": true }))["favourite"], true);
    check("add_to_schedule");
    let scheduled = ok(&w, "add_to_schedule", json!({ "id": id, "leadMinutes": 15, "reminders": true }));
    assert_eq!(scheduled["lead_minutes"], 15);
    check("set_skipped");
    assert_eq!(
        err(&w, "set_skipped", json!({ "id": id, "localDate": "2026-12-02", "skip": true }))["field"],
        "local_date"
    );
    ok(&w, "set_skipped", json!({ "id": id, "localDate": "2030-01-01", "skip": true }));
    check("set_attended");
    let e = err(&w, "set_attended", json!({ "id": id, "localDate": "2030-01-01", "attended": true }));
    assert_eq!(e["field"], "local_date", "not before it has started: {e}");
    check("week_agenda");
    assert_eq!(ok(&w, "week_agenda", json!({ "weekOffset": 1 }))["days"].as_array().map(Vec::len), Some(7));
    check("upcoming");
    assert!(ok(&w, "upcoming", json!({}))["today_items"].is_array());
    check("attendance_summary");
    assert_eq!(ok(&w, "attendance_summary", json!({}))["this_week"], 0);
    check("reminder_status");
    assert!(ok(&w, "reminder_status", json!({}))["next_due"].is_string(), "a reminder is planned");
    // On a desktop there is no phone permission to ask for or alarm page to open.
    check("allow_reminders");
    assert_eq!(ok(&w, "allow_reminders", json!({}))["phone"], json!(null));
    check("open_alarm_settings");
    assert_eq!(ok(&w, "open_alarm_settings", json!({})), json!(null));

    // Import, export, backup.
    let feed = dir.path().join("list.json");
    std::fs::write(&feed, r#"[{"slug": "a", "name": "Noon Group", "day": 1, "time": "12:00"}]"#).unwrap();
    let options = json!({ "format": null, "time_zone": "America/New_York", "fellowship": "aa", "source": null });
    check("import_preview");
    let preview = ok(&w, "import_preview", json!({ "path": feed, "options": options }));
    assert_eq!((preview["rows"].as_u64(), preview["meetings"].as_u64()), (Some(1), Some(1)));
    check("import_run");
    let report = ok(&w, "import_run", json!({ "path": feed, "options": options, "rows": 1 }));
    assert_eq!(report["added"], 1);
    let e = err(&w, "import_run", json!({ "path": dir.path().join("missing.json"), "options": options, "rows": null }));
    assert_eq!(e["kind"], "io");

    // What changed for my meetings.
    let noon =
        ok(&w, "list_meetings", json!({ "filter": {} })).as_array().unwrap().iter().find(|m| m["slug"] == "a").unwrap()
            ["id"]
            .clone();
    ok(&w, "add_to_schedule", json!({ "id": noon, "leadMinutes": null, "reminders": true }));
    std::fs::write(&feed, r#"[{"slug": "a", "name": "Noon Group", "day": 1, "time": "12:30"}]"#).unwrap();
    assert_eq!(
        ok(&w, "import_run", json!({ "path": feed, "options": options, "rows": 1 }))["my_changes"][0]["kind"],
        "changed"
    );
    check("list_notices");
    let notices = ok(&w, "list_notices", json!({ "meetingId": null }));
    assert_eq!(notices[0]["changes"][0], json!({ "field": "start_time", "before": "12:00", "after": "12:30" }));
    check("dismiss_notice");
    ok(&w, "dismiss_notice", json!({ "id": notices[0]["id"] }));
    assert_eq!(ok(&w, "list_notices", json!({ "meetingId": noon })), json!([]));
    std::fs::write(&feed, r#"[{"slug": "b", "name": "Other", "day": 1, "time": "12:00"}]"#).unwrap();
    let e = err(&w, "import_run", json!({ "path": feed, "options": options, "rows": 1 }));
    assert_eq!(e["field"], "allow_shrink", "the whole list would leave: {e}");
    let shrinking = json!({ "time_zone": "America/New_York", "fellowship": "aa", "allow_shrink": true });
    ok(&w, "import_run", json!({ "path": feed, "options": shrinking, "rows": 1 }));
    check("keep_reminding");
    ok(&w, "keep_reminding", json!({ "meetingId": noon }));
    assert_eq!(ok(&w, "get_meeting", json!({ "id": noon }))["keep_reminding"], true);
    check("zone_shifts");
    assert!(ok(&w, "zone_shifts", json!({})).is_array());

    // My people and my milestones.
    check("create_person");
    let sam = ok(
        &w,
        "create_person",
        json!({ "input": { "name": "Sam", "phone": "+1 555 010 2030", "role": "sponsor", "group_id": group_id } }),
    );
    assert_eq!(sam["tel_uri"], "tel:+15550102030");
    let e = err(&w, "create_person", json!({ "input": { "name": "Sam", "phone": "call me" } }));
    assert_eq!(e["field"], "phone", "{e}");
    check("list_people");
    assert_eq!(ok(&w, "list_people", json!({ "groupId": group_id, "meetingId": null }))[0]["name"], "Sam");
    check("get_person");
    assert_eq!(ok(&w, "get_person", json!({ "id": sam["id"] }))["role"], "sponsor");
    check("update_person");
    let renamed =
        ok(&w, "update_person", json!({ "id": sam["id"], "input": { "name": "Sam K", "phone": "555 0100" } }));
    assert_eq!(renamed["name"], "Sam K");
    check("preview_contacts");
    let card = dir.path().join("contacts.vcf");
    std::fs::write(&card, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alex\r\nTEL;TYPE=CELL:+1 555 010 4040\r\nEND:VCARD\r\n")
        .unwrap();
    let read = ok(&w, "preview_contacts", json!({ "path": card }));
    assert_eq!(read["contacts"][0]["name"], "Alex");
    assert_eq!(err(&w, "preview_contacts", json!({ "path": feed }))["field"], "file", "a meeting list is not a vCard");
    check("add_contacts");
    assert_eq!(ok(&w, "add_contacts", json!({ "contacts": read["contacts"] })), 1);
    assert_eq!(ok(&w, "add_contacts", json!({ "contacts": read["contacts"] })), 0, "not twice");
    check("delete_person");
    ok(&w, "delete_person", json!({ "id": sam["id"] }));
    assert_eq!(ok(&w, "list_people", json!({})).as_array().map(Vec::len), Some(1), "Alex is left");
    check("count_today");
    assert_eq!(ok(&w, "count_today", json!({})), Value::Null, "off until a date is set");
    check("set_recovery_date");
    assert_eq!(err(&w, "set_recovery_date", json!({ "startDate": "2999-01-01", "label": "" }))["field"], "start_date");
    ok(&w, "set_recovery_date", json!({ "startDate": "2026-01-01", "label": "Days since my last drink" }));
    assert!(ok(&w, "count_today", json!({}))["elapsed"]["total_days"].as_i64().is_some_and(|d| d > 300));
    check("start_new_count");
    ok(&w, "start_new_count", json!({ "startDate": "2026-06-01", "label": "" }));
    check("recovery_counts");
    let counts = ok(&w, "recovery_counts", json!({}));
    assert_eq!(
        (counts["current"]["start_date"].as_str(), counts["earlier"].as_array().map(Vec::len)),
        (Some("2026-06-01"), Some(1))
    );
    check("delete_count");
    ok(&w, "delete_count", json!({ "id": counts["earlier"][0]["id"] }));
    check("stop_counting");
    ok(&w, "stop_counting", json!({}));
    assert_eq!(ok(&w, "count_today", json!({})), Value::Null);
    check("export_ics");
    assert_eq!(ok(&w, "export_ics", json!({ "path": dir.path().join("schedule.ics") })), 2, "two in my schedule");
    check("backup_to_file");
    let backup_file = dir.path().join("backup.json");
    assert_eq!(ok(&w, "backup_to_file", json!({ "path": backup_file }))["meetings"], 3);
    check("restore_from_file");
    assert_eq!(ok(&w, "restore_from_file", json!({ "path": backup_file }))["meetings_updated"], 3);
    assert_eq!(err(&w, "restore_from_file", json!({ "path": feed }))["field"], "file");

    // Keeping data safe.
    check("startup_notice");
    assert_eq!(ok(&w, "startup_notice", json!({})), Value::Null);
    check("list_backups");
    assert_eq!(ok(&w, "list_backups", json!({})), json!([]));
    check("restore_backup");
    assert_eq!(err(&w, "restore_backup", json!({ "name": "homegroup-2026-01-01.sqlite3" }))["kind"], "not_found");

    // The app lock, on and off.
    check("lock_status");
    assert_eq!(ok(&w, "lock_status", json!({}))["enabled"], false);
    check("turn_lock_on");
    let e = err(&w, "turn_lock_on", json!({ "pin": "123", "kind": "pin", "removeUnreadable": false }));
    assert_eq!(e["field"], "new_pin", "{e}");
    assert_eq!(
        ok(&w, "turn_lock_on", json!({ "pin": "246810", "kind": "pin", "removeUnreadable": false }))["enabled"],
        true
    );
    assert_eq!(ok(&w, "get_overview", json!({}))["scheduled_meetings"], 2, "still unlocked after turning it on");
    check("save_auto_lock");
    assert_eq!(ok(&w, "save_auto_lock", json!({ "minutes": 5 }))["auto_lock_minutes"], 5);
    assert_eq!(err(&w, "save_auto_lock", json!({ "minutes": 3 }))["field"], "auto_lock_minutes");
    check("lock_now");
    ok(&w, "lock_now", json!({}));
    assert_eq!(ok(&w, "lock_status", json!({}))["locked"], true);
    check("unlock");
    assert_eq!(err(&w, "unlock", json!({ "pin": "000000" }))["message"], "That PIN is not right.");
    ok(&w, "unlock", json!({ "pin": "246810" }));
    assert_eq!(ok(&w, "get_overview", json!({}))["scheduled_meetings"], 2, "unlocked again");
    check("change_lock");
    let changed =
        ok(&w, "change_lock", json!({ "current": "246810", "pin": "a long passphrase", "kind": "passphrase" }));
    assert_eq!(changed["kind"], "passphrase");
    check("turn_lock_off");
    assert_eq!(err(&w, "turn_lock_off", json!({ "current": "246810" }))["field"], "pin");
    assert_eq!(ok(&w, "turn_lock_off", json!({ "current": "a long passphrase" }))["enabled"], false);

    check("erase_and_restore");
    let e = err(&w, "erase_and_restore", json!({ "path": feed, "passphrase": null }));
    assert_eq!(e["field"], "file", "a file that is not a backup erases nothing: {e}");
    assert_eq!(ok(&w, "get_overview", json!({}))["scheduled_meetings"], 2);

    check("delete_meeting");
    ok(&w, "delete_meeting", json!({ "id": id }));
    check("remove_from_schedule");
    assert_eq!(err(&w, "remove_from_schedule", json!({ "id": id }))["kind"], "not_found");
    check("group_deletion");
    assert_eq!(ok(&w, "group_deletion", json!({ "id": group_id }))["meetings"], 0);
    check("delete_group");
    ok(&w, "delete_group", json!({ "id": group_id }));
    check("erase_all_data");
    ok(&w, "erase_all_data", json!({}));
    assert_eq!(ok(&w, "get_overview", json!({}))["favourites"], json!([]));

    called.sort_unstable();
    let mut declared = super::COMMANDS.to_vec();
    declared.sort_unstable();
    assert_eq!(called, declared, "every command is called here");
}

/// While locked, every command that reads or writes the user's data answers `{kind: "locked"}`;
/// the lock screen's own commands and the bundled guidance still answer.
#[test]
fn while_locked_every_data_command_answers_locked() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_in(&dir.path().join("data"));
    ok(&w, "turn_lock_on", json!({ "pin": "246810", "kind": "pin", "removeUnreadable": false }));
    ok(&w, "lock_now", json!({}));
    let data_commands = [
        ("get_settings", json!({})),
        (
            "save_settings",
            json!({ "settings": { "theme": "dark", "first_day_of_week": 1, "default_lead_minutes": 30,
            "discreet_notifications": false, "start_at_login": false, "ninety_in_ninety": false } }),
        ),
        ("get_overview", json!({})),
        ("search_directory", json!({ "query": { "text": "" } })),
        ("list_fellowships", json!({})),
        ("get_fellowship", json!({ "id": "aa" })),
        ("set_fellowship_notes", json!({ "id": "aa", "notes": "x" })),
        ("set_favourite", json!({ "target": { "kind": "fellowship", "id": "aa" }, "favourite": true })),
        ("get_group", json!({ "id": 1 })),
        ("create_group", json!({ "input": { "name": "x" } })),
        ("update_group", json!({ "id": 1, "input": { "name": "x" } })),
        ("group_deletion", json!({ "id": 1 })),
        ("delete_group", json!({ "id": 1 })),
        ("list_meetings", json!({ "filter": {} })),
        ("get_meeting", json!({ "id": 1 })),
        ("create_meeting", json!({ "input": meeting_input("x"), "inSchedule": true })),
        ("update_meeting", json!({ "id": 1, "input": meeting_input("x") })),
        ("delete_meeting", json!({ "id": 1 })),
        ("set_meeting_notes", json!({ "id": 1, "notes": "x" })),
        ("set_meeting_favourite", json!({ "id": 1, "favourite": true })),
        ("add_to_schedule", json!({ "id": 1, "leadMinutes": null, "reminders": true })),
        ("remove_from_schedule", json!({ "id": 1 })),
        ("set_skipped", json!({ "id": 1, "localDate": "2030-01-01", "skip": true })),
        ("set_attended", json!({ "id": 1, "localDate": "2030-01-01", "attended": true })),
        ("week_agenda", json!({ "weekOffset": 0 })),
        ("upcoming", json!({})),
        ("attendance_summary", json!({})),
        ("today_screen", json!({})),
        ("reminder_status", json!({})),
        ("allow_reminders", json!({})),
        ("list_backups", json!({})),
        ("restore_backup", json!({ "name": "x" })),
        ("import_preview", json!({ "path": "/nonexistent", "options": {} })),
        ("import_run", json!({ "path": "/nonexistent", "options": {}, "rows": null })),
        ("export_ics", json!({ "path": "/nonexistent" })),
        ("backup_to_file", json!({ "path": "/nonexistent" })),
        ("restore_from_file", json!({ "path": "/nonexistent" })),
        ("save_auto_lock", json!({ "minutes": 1 })),
        ("turn_lock_on", json!({ "pin": "135790", "kind": "pin", "removeUnreadable": false })),
        ("change_lock", json!({ "current": "246810", "pin": "135790", "kind": "pin" })),
        ("turn_lock_off", json!({ "current": "246810" })),
    ];
    for (cmd, args) in data_commands {
        let e = err(&w, cmd, args);
        assert_eq!(e["kind"], "locked", "{cmd}: {e}");
    }
    let status = ok(&w, "lock_status", json!({}));
    assert_eq!((status["enabled"].as_bool(), status["locked"].as_bool()), (Some(true), Some(true)));
    // The first screen's one request says locked, and carries no data.
    let first = ok(&w, "first_screen", json!({ "today": true }));
    assert_eq!(first["lock"], status);
    assert_eq!((&first["settings"], &first["today"]), (&Value::Null, &Value::Null), "{first}");
    assert!(ok(&w, "guidance_index", json!({})).is_array(), "the guidance needs no unlocking");
    assert!(ok(&w, "time_zones", json!({}))["all"].is_array());
    assert_eq!(ok(&w, "startup_notice", json!({})), Value::Null);
    ok(&w, "unlock", json!({ "pin": "246810" }));
    assert!(ok(&w, "get_overview", json!({}))["scheduled_meetings"].is_number());

    // Forgot the PIN: from the lock screen, erase everything and restore a backup instead.
    ok(&w, "create_group", json!({ "input": { "name": "Kept in the backup" } }));
    let backup = dir.path().join("backup.json");
    ok(&w, "backup_to_file", json!({ "path": backup }));
    ok(&w, "lock_now", json!({}));
    let report = ok(&w, "erase_and_restore", json!({ "path": backup, "passphrase": null }));
    assert_eq!(report["groups_added"], 1);
    assert_eq!(ok(&w, "lock_status", json!({}))["enabled"], false, "the lock went with the erased files");
    assert_eq!(ok(&w, "get_group", json!({ "id": 1 }))["name"], "Kept in the backup");
}

#[test]
fn what_the_window_is_not_granted_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_in(&dir.path().join("data"));
    for (cmd, args) in [
        ("plugin:window|close", json!({ "label": "main" })),
        ("plugin:dialog|message", json!({ "message": "hi" })),
        ("plugin:opener|open_path", json!({ "path": "/etc/passwd" })),
    ] {
        let e = err(&w, cmd, args);
        assert!(e.as_str().is_some_and(|m| m.contains("not allowed")), "{cmd}: {e}");
    }
    // What is granted still answers, so the refusals above are the capability's.
    assert!(call(&w, "get_overview", json!({})).is_ok());
}
