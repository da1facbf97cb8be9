//! What changed in a meeting between two imports of its list, field by field: only the fields a
//! person relies on to get there (when, where, how to join, what kind of meeting).

use crate::meetings::MeetingDetails;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One value before or after: times as `HH:MM`, days as weekday numbers (0 = Sunday), lengths in
/// minutes, type codes as a list, everything else as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum FieldValue {
    Number(u32),
    Days(Vec<u8>),
    Codes(Vec<String>),
    Text(String),
}

/// One field that changed; `None` when the field was (or became) empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The field's name as `MeetingDetails` spells it (`start_time`, `weekdays`, `address`, …).
    pub field: String,
    pub before: Option<FieldValue>,
    pub after: Option<FieldValue>,
}

/// How one compared field is read from a meeting.
type ReadField = fn(&MeetingDetails) -> Option<FieldValue>;

fn text(value: &Option<String>) -> Option<FieldValue> {
    value.clone().map(FieldValue::Text)
}

/// The fields that changed from `before` to `after`, in the order a person reads a meeting: day,
/// time, zone, length, attendance, place, online link, dial-in, types.
pub fn detail_changes(before: &MeetingDetails, after: &MeetingDetails) -> Vec<FieldChange> {
    let days = |d: &MeetingDetails| (!d.weekdays.is_empty()).then(|| FieldValue::Days(d.weekdays.clone()));
    let codes = |d: &MeetingDetails| {
        let mut codes = d.types.clone();
        codes.sort();
        (!codes.is_empty()).then_some(FieldValue::Codes(codes))
    };
    let compared: [(&str, ReadField); 11] = [
        ("weekdays", days),
        ("date", |d| text(&d.date)),
        ("start_time", |d| text(&d.start_time)),
        ("time_zone", |d| Some(FieldValue::Text(d.time_zone.clone()))),
        ("duration_minutes", |d| Some(FieldValue::Number(d.duration_minutes))),
        ("attendance", |d| Some(FieldValue::Text(d.attendance.as_str().to_owned()))),
        ("location", |d| text(&d.location)),
        ("address", |d| text(&d.address)),
        ("conference_url", |d| text(&d.conference_url)),
        ("conference_phone", |d| text(&d.conference_phone)),
        ("types", codes),
    ];
    compared
        .into_iter()
        .filter_map(|(field, value)| {
            let (b, a) = (value(before), value(after));
            (b != a).then(|| FieldChange { field: field.to_owned(), before: b, after: a })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::Attendance;

    fn serenity() -> MeetingDetails {
        MeetingDetails {
            name: "Serenity".into(),
            weekdays: vec![2],
            start_time: Some("19:00".into()),
            time_zone: "America/New_York".into(),
            location: Some("St Mark's hall".into()),
            address: Some("1 Main St".into()),
            types: vec!["O".into(), "D".into()],
            ..MeetingDetails::default()
        }
    }

    #[test]
    fn each_field_a_person_relies_on_is_compared_on_its_own() {
        let before = serenity();
        type Case = (&'static str, Box<dyn Fn(&mut MeetingDetails)>, Option<FieldValue>, Option<FieldValue>);
        let cases: Vec<Case> = vec![
            (
                "weekdays",
                Box::new(|d| d.weekdays = vec![3]),
                Some(FieldValue::Days(vec![2])),
                Some(FieldValue::Days(vec![3])),
            ),
            (
                "start_time",
                Box::new(|d| d.start_time = Some("19:30".into())),
                Some(FieldValue::Text("19:00".into())),
                Some(FieldValue::Text("19:30".into())),
            ),
            (
                "time_zone",
                Box::new(|d| d.time_zone = "America/Chicago".into()),
                Some(FieldValue::Text("America/New_York".into())),
                Some(FieldValue::Text("America/Chicago".into())),
            ),
            (
                "duration_minutes",
                Box::new(|d| d.duration_minutes = 90),
                Some(FieldValue::Number(60)),
                Some(FieldValue::Number(90)),
            ),
            (
                "attendance",
                Box::new(|d| d.attendance = Attendance::Online),
                Some(FieldValue::Text("in_person".into())),
                Some(FieldValue::Text("online".into())),
            ),
            ("location", Box::new(|d| d.location = None), Some(FieldValue::Text("St Mark's hall".into())), None),
            (
                "address",
                Box::new(|d| d.address = Some("2 Main St".into())),
                Some(FieldValue::Text("1 Main St".into())),
                Some(FieldValue::Text("2 Main St".into())),
            ),
            (
                "conference_url",
                Box::new(|d| d.conference_url = Some("https://zoom.us/j/1".into())),
                None,
                Some(FieldValue::Text("https://zoom.us/j/1".into())),
            ),
            (
                "conference_phone",
                Box::new(|d| d.conference_phone = Some("+1 555 0100".into())),
                None,
                Some(FieldValue::Text("+1 555 0100".into())),
            ),
            (
                "types",
                Box::new(|d| d.types = vec!["C".into()]),
                Some(FieldValue::Codes(vec!["D".into(), "O".into()])),
                Some(FieldValue::Codes(vec!["C".into()])),
            ),
            (
                "date",
                Box::new(|d| d.date = Some("2026-12-24".into())),
                None,
                Some(FieldValue::Text("2026-12-24".into())),
            ),
        ];
        for (field, change, was, is) in cases {
            let mut after = serenity();
            change(&mut after);
            assert_eq!(
                detail_changes(&before, &after),
                vec![FieldChange { field: field.into(), before: was, after: is }],
                "{field}"
            );
        }
    }

    #[test]
    fn what_a_person_does_not_rely_on_and_reordered_codes_are_no_change() {
        let mut after = serenity();
        after.name = "Serenity Group".into();
        after.notes = Some("Bring a friend".into());
        after.latitude = Some(40.0);
        after.types = vec!["D".into(), "O".into()];
        assert!(detail_changes(&serenity(), &after).is_empty());
    }

    #[test]
    fn values_serialise_as_the_command_line_documents_them() {
        let mut after = serenity();
        after.weekdays = vec![4];
        after.start_time = Some("19:30".into());
        after.duration_minutes = 90;
        let json = serde_json::to_value(detail_changes(&serenity(), &after)).unwrap();
        assert_eq!(
            json,
            serde_json::json!([
                {"field": "weekdays", "before": [2], "after": [4]},
                {"field": "start_time", "before": "19:00", "after": "19:30"},
                {"field": "duration_minutes", "before": 60, "after": 90},
            ])
        );
    }
}
