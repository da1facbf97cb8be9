//! The everyday words the directory's search reads a sentence with (`assets/search/*.json`): filler
//! words it drops, words that say the person is looking for themself, and everyday words related to
//! the directory's own ("son" → "family", "booze" → "alcohol"). Every language's file is read,
//! whatever the app's language, so a person can type in either.

use crate::text::{fold, stem};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The everyday words of each language the app speaks; all are read, whatever the app's language.
const LEXICONS: &[&str] =
    &[include_str!("../../../assets/search/en.json"), include_str!("../../../assets/search/es.json")];

/// One language's everyday words, as written in its file.
#[derive(Deserialize)]
struct LexiconFile {
    filler: Vec<String>,
    first_person: Vec<String>,
    related: HashMap<String, Vec<String>>,
}

/// Every language's everyday words, folded and stemmed as queries are.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    filler: HashSet<String>,
    first_person: HashSet<String>,
    /// An everyday word → the directory's own words it means, most specific first.
    pub related: HashMap<String, Vec<String>>,
}

fn query_form(word: &str) -> String {
    stem(&fold(word).replace(' ', "")).to_owned()
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon::default();
        for text in LEXICONS {
            // A broken file is a build's mistake, caught by the tests; the search still works without it.
            let Ok(file) = serde_json::from_str::<LexiconFile>(text) else { continue };
            lexicon.filler.extend(file.filler.iter().map(|w| query_form(w)));
            lexicon.first_person.extend(file.first_person.iter().map(|w| query_form(w)));
            for (word, meanings) in file.related {
                let meanings = meanings.iter().map(|m| query_form(m)).collect::<Vec<_>>();
                lexicon.related.entry(query_form(&word)).or_default().extend(meanings);
            }
        }
        lexicon
    })
}

/// A query read as a person means it.
#[derive(Debug)]
pub(super) struct ParsedQuery {
    /// The meaningful words, stemmed.
    pub terms: Vec<String>,
    /// "I", "me", "my" and no one else named: looking for groups for oneself.
    pub for_oneself: bool,
    /// A family member or friend is named ("my son", "husband").
    pub about_family: bool,
}

pub(super) fn parse_query(folded: &str) -> ParsedQuery {
    let lexicon = lexicon();
    let words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).map(|w| stem(w).to_owned()).collect();
    let first_person = words.iter().any(|w| lexicon.first_person.contains(w));
    let meaningful: Vec<String> =
        words.iter().filter(|w| !lexicon.filler.contains(*w) && !lexicon.first_person.contains(*w)).cloned().collect();
    // A query of filler alone ("help") is searched as it was typed.
    let terms = if meaningful.is_empty() { words } else { meaningful };
    let family = query_form("family");
    let about_family = terms
        .iter()
        .any(|t| family.starts_with(t.as_str()) || lexicon.related.get(t).is_some_and(|m| m.contains(&family)));
    ParsedQuery { terms, for_oneself: first_person && !about_family, about_family }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_reads() {
        for text in LEXICONS {
            let file: LexiconFile = serde_json::from_str(text).expect("a lexicon file reads");
            assert!(!file.filler.is_empty() && !file.related.is_empty());
        }
        assert!(lexicon().related.contains_key("husband"));
    }

    #[test]
    fn a_sentence_keeps_its_meaningful_words_and_who_it_is_about() {
        let parsed = parse_query("help for my husband s drinking");
        assert_eq!(parsed.terms, ["husband", "drinking"]);
        assert!(parsed.about_family && !parsed.for_oneself);
        let mine = parse_query("i can t stop gambling");
        assert_eq!(mine.terms, ["gambling"]);
        assert!(mine.for_oneself);
        assert_eq!(parse_query("help").terms, ["help"], "filler alone is searched as typed");
    }
}
