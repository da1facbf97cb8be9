//! Backups written by earlier versions, brought to this version's shape before they are read.
//! Version 1 kept a meeting's weekdays as a bit mask and its fellowship as `fellowship_id`, held
//! only the imported meetings that carried something of the user's, and no list records.

use crate::meetings::weekdays_of;
use serde_json::{Map, Value};

/// A version 1 document, as version 2 spells it.
pub(super) fn upgrade_v1(mut document: Map<String, Value>) -> Map<String, Value> {
    if let Some(meetings) = document.get_mut("meetings").and_then(Value::as_array_mut) {
        for meeting in meetings.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(fellowship) = meeting.remove("fellowship_id") {
                meeting.insert("fellowship".into(), fellowship);
            }
            if let Some(mask) = meeting.get("weekdays").and_then(Value::as_u64) {
                let days = weekdays_of(u8::try_from(mask & 0x7f).unwrap_or(0));
                meeting.insert("weekdays".into(), days.into());
            }
        }
    }
    document.entry("import_sources").or_insert_with(|| Value::Array(Vec::new()));
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_meeting_reads_as_version_2() {
        let v1 = serde_json::json!({ "meetings": [{ "fellowship_id": "aa", "weekdays": 5, "name": "Mon and Wed" }] });
        let Value::Object(v1) = v1 else { unreachable!() };
        let v2 = upgrade_v1(v1);
        assert_eq!(v2["meetings"][0]["fellowship"], "aa");
        assert_eq!(v2["meetings"][0]["weekdays"], serde_json::json!([0, 2]));
        assert!(v2["meetings"][0].get("fellowship_id").is_none());
        assert_eq!(v2["import_sources"], serde_json::json!([]));
    }
}
