//! Meeting type codes, read with the meeting's fellowship: Al-Anon's `POA` (Parents of Alcoholics)
//! is not AA's `POA` (Proof of Attendance). Codes a fellowship does not define fall back to the
//! Meeting Guide specification's list; unknown codes are kept and shown as they are.

use crate::meetings::MeetingType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// The Code4Recovery Meeting Guide type list (code → names by language).
const MEETING_GUIDE_TYPES: &str = include_str!("../../assets/reference/meeting-guide-types.json");

static GENERIC: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    #[derive(Deserialize)]
    struct Names {
        en: String,
    }
    serde_json::from_str::<BTreeMap<String, Names>>(MEETING_GUIDE_TYPES)
        .map(|table| table.into_iter().map(|(code, names)| (code, names.en)).collect())
        .unwrap_or_default()
});

/// Whether the Meeting Guide list (the codes every fellowship shares) names `code`.
pub fn is_generic(code: &str) -> bool {
    GENERIC.contains_key(code)
}

/// The codes of the Meeting Guide list.
pub fn generic_codes() -> impl Iterator<Item = &'static str> {
    GENERIC.keys().map(String::as_str)
}

/// Describes `codes` with a fellowship's own table (the JSON stored with the fellowship).
pub fn describe(codes: &[String], fellowship_table: Option<&str>) -> Vec<MeetingType> {
    let own: HashMap<String, String> = fellowship_table.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    codes
        .iter()
        .map(|code| MeetingType { code: code.clone(), name: own.get(code).or_else(|| GENERIC.get(code)).cloned() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn table(store: &Store, id: &str) -> String {
        store.fellowship_type_codes(id).unwrap()
    }

    #[test]
    fn the_same_code_means_what_each_fellowship_says() {
        let store = Store::open_in_memory().unwrap();
        let poa = vec!["POA".to_owned()];
        let al_anon = describe(&poa, Some(&table(&store, "al-anon")));
        let aa = describe(&poa, Some(&table(&store, "aa")));
        assert_eq!(al_anon[0].name.as_deref(), Some("Parents of Alcoholics"));
        assert_eq!(aa[0].name.as_deref(), Some("Proof of Attendance"));
    }

    #[test]
    fn unknown_codes_are_kept_without_a_name() {
        let described = describe(&["O".into(), "ZZTOP".into()], None);
        assert_eq!(described[0].name.as_deref(), Some("Open"));
        assert_eq!(described[1], MeetingType { code: "ZZTOP".into(), name: None });
    }
}
