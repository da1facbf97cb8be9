//! Meeting type codes, read with the meeting's fellowship: Al-Anon's `POA` (Parents of Alcoholics)
//! is not AA's `POA` (Proof of Attendance). Codes a fellowship does not define fall back to the
//! Meeting Guide specification's list; unknown codes are kept and shown as they are. In Spanish,
//! each fellowship's own table has its own translation (`fellowship-type-codes.es.json`), never
//! the Meeting Guide's Spanish for a code that means something else in that fellowship.

use crate::i18n::Locale;
use crate::meetings::MeetingType;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// The Code4Recovery Meeting Guide type list (code → names by language).
const MEETING_GUIDE_TYPES: &str = include_str!("../../assets/reference/meeting-guide-types.json");

/// Each fellowship's codes in Spanish (fellowship id → code → name).
const FELLOWSHIP_TYPES_ES: &str = include_str!("../../assets/reference/fellowship-type-codes.es.json");

#[derive(Deserialize)]
struct Names {
    en: String,
    es: Option<String>,
}

static MEETING_GUIDE: LazyLock<BTreeMap<String, Names>> =
    LazyLock::new(|| serde_json::from_str(MEETING_GUIDE_TYPES).unwrap_or_default());

static GENERIC: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| MEETING_GUIDE.iter().map(|(code, names)| (code.clone(), names.en.clone())).collect());

static FELLOWSHIPS_ES: LazyLock<HashMap<String, HashMap<String, String>>> =
    LazyLock::new(|| serde_json::from_str(FELLOWSHIP_TYPES_ES).unwrap_or_default());

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
    describe_in(codes, None, fellowship_table, Locale::En)
}

/// Describes `codes` in `locale`: the fellowship's own meaning first (in Spanish, its own
/// translation; its English name when that has none), then the Meeting Guide's.
pub fn describe_in(
    codes: &[String],
    fellowship: Option<&str>,
    fellowship_table: Option<&str>,
    locale: Locale,
) -> Vec<MeetingType> {
    let own: HashMap<String, String> = fellowship_table.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let own_spanish = fellowship.and_then(|id| FELLOWSHIPS_ES.get(id));
    let name = |code: &String| -> Option<String> {
        if let Some(english) = own.get(code) {
            let spanish = own_spanish.and_then(|table| table.get(code)).filter(|_| locale == Locale::Es);
            return Some(spanish.unwrap_or(english).clone());
        }
        let generic = MEETING_GUIDE.get(code)?;
        Some(match locale {
            Locale::Es => generic.es.clone().unwrap_or_else(|| generic.en.clone()),
            Locale::En => generic.en.clone(),
        })
    };
    codes.iter().map(|code| MeetingType { code: code.clone(), name: name(code) }).collect()
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
    fn in_spanish_each_fellowship_keeps_its_own_meaning() {
        let store = Store::open_in_memory().unwrap();
        let codes = vec!["POA".to_owned(), "O".to_owned(), "ZZTOP".to_owned()];
        let named = |id: &str| -> Vec<Option<String>> {
            describe_in(&codes, Some(id), Some(&table(&store, id)), Locale::Es).into_iter().map(|t| t.name).collect()
        };
        let al_anon = named("al-anon");
        assert_eq!(al_anon[0].as_deref(), Some("Padres de alcohólicos"));
        assert_ne!(named("aa")[0], al_anon[0], "AA's POA is something else");
        assert_eq!(al_anon[2], None, "an unknown code stays unnamed");
        let generic = describe_in(&["O".to_owned()], None, None, Locale::Es);
        assert_eq!(generic[0].name.as_deref(), Some("Abierta"));
        // Every fellowship's table has its Spanish, code for code.
        for f in store.fellowships_in(Locale::En).unwrap() {
            let own: HashMap<String, String> = serde_json::from_str(&table(&store, &f.id)).unwrap();
            let spanish = FELLOWSHIPS_ES.get(&f.id);
            for code in own.keys() {
                assert!(spanish.is_some_and(|t| t.contains_key(code)), "{} {code} has no Spanish", f.id);
            }
        }
    }

    #[test]
    fn unknown_codes_are_kept_without_a_name() {
        let described = describe(&["O".into(), "ZZTOP".into()], None);
        assert_eq!(described[0].name.as_deref(), Some("Open"));
        assert_eq!(described[1], MeetingType { code: "ZZTOP".into(), name: None });
    }
}
