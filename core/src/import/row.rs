//! One row of a feed as it is parsed: only the fields either format reads are kept, each in its
//! own slot; every other field is skipped by the parser without being copied. A generic JSON map
//! would allocate a key and a tree node for each of a row's twenty-odd fields and then be searched
//! by name, which took as long as the rest of the import.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// The slot a field is kept in, or `None` for a field no reader uses. This match is the one list
/// of the fields Homegroup reads from Meeting Guide and BMLT rows.
fn slot(key: &str) -> Option<usize> {
    Some(match key {
        // Meeting Guide
        "slug" => 0,
        "id" => 1,
        "name" => 2,
        "day" => 3,
        "time" => 4,
        "end_time" => 5,
        "timezone" => 6,
        "types" => 7,
        "conference_url" => 8,
        "conference_url_notes" => 9,
        "conference_phone" => 10,
        "conference_phone_notes" => 11,
        "location" => 12,
        "location_notes" => 13,
        "formatted_address" => 14,
        "address" => 15,
        "city" => 16,
        "state" => 17,
        "postal_code" => 18,
        "country" => 19,
        "attendance_option" => 20,
        "group" => 21,
        "latitude" => 22,
        "longitude" => 23,
        "notes" => 24,
        "updated" => 25,
        // BMLT (latitude and longitude are shared)
        "id_bigint" => 26,
        "meeting_name" => 27,
        "weekday_tinyint" => 28,
        "start_time" => 29,
        "duration_time" => 30,
        "time_zone" => 31,
        "virtual_meeting_link" => 32,
        "virtual_meeting_additional_info" => 33,
        "phone_meeting_number" => 34,
        "venue_type" => 35,
        "formats" => 36,
        "location_text" => 37,
        "location_info" => 38,
        "location_street" => 39,
        "location_municipality" => 40,
        "location_province" => 41,
        "location_postal_code_1" => 42,
        "location_nation" => 43,
        "published" => 44,
        "comments" => 45,
        _ => return None,
    })
}

const SLOTS: usize = 46;

/// A feed row: a JSON object's known fields, or the mark that the row was not an object. One row
/// is filled again for each row of a feed ([`RowSeed`]), so reading a row allocates nothing but
/// the values it keeps.
#[derive(Debug)]
pub(crate) struct Row {
    values: Box<[Option<Value>; SLOTS]>,
    object: bool,
}

impl Row {
    pub fn new() -> Row {
        Row { values: Box::new([const { None }; SLOTS]), object: false }
    }

    /// Whether the row was a JSON object (anything else cannot be a meeting).
    pub fn is_object(&self) -> bool {
        self.object
    }

    /// The value of a field the readers use; `None` when the row does not have it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        let index = slot(key);
        debug_assert!(index.is_some(), "\"{key}\" is read but not listed in row::slot");
        self.values[index?].as_ref()
    }

    /// Takes a field's value out of the row, so its text can be kept without a copy.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        let index = slot(key);
        debug_assert!(index.is_some(), "\"{key}\" is read but not listed in row::slot");
        self.values[index?].take()
    }

    /// Whether the row has the field (even as `null`).
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Empties the row for the next one, as `object` or not.
    fn reset(&mut self, object: bool) {
        self.values.iter_mut().for_each(|v| *v = None);
        self.object = object;
    }
}

impl<'de> serde::Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Row, D::Error> {
        let mut row = Row::new();
        RowSeed(&mut row).deserialize(d)?;
        Ok(row)
    }
}

/// Parses the next row of a feed into an existing [`Row`].
pub(crate) struct RowSeed<'r>(pub &'r mut Row);

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl RowSeed<'_> {
    fn not_an_object<E>(self) -> Result<(), E> {
        self.0.reset(false);
        Ok(())
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a meeting")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let row = self.0;
        row.reset(true);
        while let Some(found) = map.next_key_seed(KeySlot)? {
            match found {
                // A field given twice keeps its last value, as a JSON map would.
                Some(index) => row.values[index] = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_an_object()
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_an_object()
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.not_an_object()
    }
}

/// Reads a key and gives its slot, without copying the key.
struct KeySlot;

impl<'de> DeserializeSeed<'de> for KeySlot {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySlot {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(slot(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_known_fields_and_skips_the_rest() {
        let row: Row = serde_json::from_str(r#"{"name": "Hope", "region": {"deep": [1, 2]}, "day": 3}"#).unwrap();
        assert!(row.is_object());
        assert_eq!(row.get("name"), Some(&json!("Hope")));
        assert_eq!(row.get("day"), Some(&json!(3)));
        assert_eq!(row.get("time"), None);
    }

    #[test]
    fn a_repeated_field_keeps_its_last_value_and_escaped_keys_are_read() {
        let row: Row = serde_json::from_str(r#"{"name": "First", "n\u0061me": "Second", "time": null}"#).unwrap();
        assert_eq!(row.get("name"), Some(&json!("Second")));
        assert!(row.contains_key("time"), "a null field is still present");
    }

    #[test]
    fn a_row_filled_again_keeps_nothing_of_the_previous_one() {
        let mut row = Row::new();
        let mut de = serde_json::Deserializer::from_str(r#"{"name": "Hope", "day": 3}"#);
        RowSeed(&mut row).deserialize(&mut de).unwrap();
        assert_eq!(row.get("day"), Some(&json!(3)));
        let mut de = serde_json::Deserializer::from_str(r#"{"name": "Serenity"}"#);
        RowSeed(&mut row).deserialize(&mut de).unwrap();
        assert_eq!(row.get("name"), Some(&json!("Serenity")));
        assert_eq!(row.get("day"), None);
        let mut de = serde_json::Deserializer::from_str("[1]");
        RowSeed(&mut row).deserialize(&mut de).unwrap();
        assert!(!row.is_object());
        assert_eq!(row.get("name"), None);
    }

    #[test]
    fn anything_but_an_object_is_not_a_row() {
        for text in [r#""text""#, "5", "-5", "1.5", "true", "null", r#"[{"name": "x"}, 2]"#] {
            let row: Row = serde_json::from_str(text).unwrap();
            assert!(!row.is_object(), "{text}");
            assert_eq!(row.get("name"), None);
        }
    }
}
