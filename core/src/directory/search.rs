//! Directory search: forgiving of case, accents, punctuation and small typos, so "al anon",
//! "alanon" and "Al‑Anon" all find Al-Anon; and able to read a plain sentence, so "my kid is using
//! drugs" finds the family groups for drug use. Filler words are dropped, everyday words are related
//! to the directory's own words (`assets/search/*.json`), and any word may match: more matches rank
//! higher. The index folds every entry once; a keystroke only compares folded words.

use super::lexicon::{lexicon, parse_query, ParsedQuery};
use super::{Audience, DirectoryEntry, DirectoryQuery};
use crate::text::{edit_distance_within, fold, stem, typo_allowance};
use std::collections::HashMap;

/// One entry, folded once for searching. Words are ids into the index's vocabulary, so a
/// keystroke compares each distinct word once, not once per entry.
#[derive(Debug)]
struct Indexed {
    /// Name and abbreviation, folded without spaces: "alanonfamilygroups", "alanon".
    compact_titles: Vec<String>,
    /// Words of the name and abbreviation, stemmed.
    name_words: Vec<u32>,
    /// Who it is for, what it focuses on, how it works and meets, its fellowship: stemmed.
    keyword_words: Vec<u32>,
    /// Words of the description, stemmed.
    body_words: Vec<u32>,
}

/// The distinct words of the whole directory, each with the entries that hold it: a keystroke
/// looks up the few words that answer it and visits only their entries.
#[derive(Debug, Default)]
struct Vocabulary {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    /// For each word, the entries that hold it and where (`IN_NAME` | `IN_KEYWORDS` | `IN_BODY`).
    postings: Vec<Vec<(u32, u8)>>,
    entries: u32,
}

/// Where an entry holds a word.
const IN_NAME: u8 = 1;
const IN_KEYWORDS: u8 = 2;
const IN_BODY: u8 = 4;

impl Vocabulary {
    fn ids_of(&mut self, texts: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = texts
            .iter()
            .flat_map(|t| t.split(' '))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let word = stem(w);
                if let Some(&id) = self.ids.get(word) {
                    return id;
                }
                let id = self.words.len() as u32;
                self.words.push(word.to_owned());
                self.ids.insert(word.to_owned(), id);
                id
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

fn snake_words<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
}

fn index_entry(entry: &DirectoryEntry, vocabulary: &mut Vocabulary) -> Indexed {
    let titles: Vec<String> =
        std::iter::once(entry.name.as_str()).chain(entry.abbreviation.as_deref()).map(fold).collect();
    let compact_titles: Vec<String> = titles.iter().map(|t| t.replace(' ', "")).collect();
    let mut name_texts = titles;
    // "alanon" is a word too, so a typo in the run-together spelling still finds it.
    name_texts.extend(compact_titles.iter().cloned());
    // Who a group is for, what it focuses on and how it meets are searchable too ("family", "gambling").
    let mut keyword_texts: Vec<String> = entry.focus.iter().map(|f| fold(f)).collect();
    match entry.audience {
        Some(Audience::Family) => keyword_texts.push("family friends parents loved ones".into()),
        Some(Audience::Both) => keyword_texts.push("family friends".into()),
        _ => {}
    }
    keyword_texts.extend(entry.approaches.iter().map(snake_words));
    keyword_texts.extend(entry.formats.iter().map(snake_words));
    if let Some(fellowship) = &entry.fellowship_name {
        keyword_texts.push(fold(fellowship));
    }
    Indexed {
        compact_titles,
        name_words: vocabulary.ids_of(&name_texts),
        keyword_words: vocabulary.ids_of(&keyword_texts),
        body_words: vocabulary.ids_of(&[fold(&entry.description)]),
    }
}

/// How strongly a vocabulary word answers one query term.
const AS_TYPED: u8 = 4;
const TYPO: u8 = 1;
/// Weights of where a word was found: the name and keywords count more than the description.
const NAME: u32 = 4;
const KEYWORD: u32 = 3;
/// The description adds a little on top: a word that is also in the text is a better match.
const BODY: u32 = 1;

/// For one query term: how strongly each vocabulary word answers it (0: not at all), as typed
/// (the word as a prefix, else within its typo allowance) and through what it means ("son" →
/// "family", most specific meaning first). A meaning counts only among an entry's keywords (who it
/// is for, what it focuses on): "husband" finds the groups for families, not every name that
/// happens to hold "Families".
struct TermMatches {
    /// The vocabulary words that answer the term at all, by id.
    hits: Vec<Hit>,
    /// More than half of the entries hold the term as typed (or its most specific meaning).
    common: bool,
}

/// One vocabulary word that answers a term, and how strongly: as typed, and through a meaning.
struct Hit {
    id: u32,
    typed: u8,
    meant: u8,
}

impl TermMatches {
    fn new(term: &str, vocabulary: &Vocabulary) -> TermMatches {
        let allowance = typo_allowance(term);
        let related: &[String] = lexicon().related.get(term).map_or(&[], Vec::as_slice);
        let mut hits = Vec::new();
        let mut common = false;
        for (id, word) in vocabulary.words.iter().enumerate() {
            let typed = if word.starts_with(term) {
                AS_TYPED
            } else if allowance > 0 && edit_distance_within(word, term, allowance).is_some() {
                TYPO
            } else {
                0
            };
            // Either way round: "famil" (of "families") answers "family".
            let answers = |meaning: &String| {
                word.starts_with(meaning.as_str()) || (word.len() >= 4 && meaning.starts_with(word.as_str()))
            };
            let meant = related.iter().position(answers).map_or(0, |rank| AS_TYPED.saturating_sub(rank as u8).max(2));
            if typed == 0 && meant == 0 {
                continue;
            }
            if typed == AS_TYPED || meant == AS_TYPED {
                let holders = vocabulary.postings[id].len() as u32;
                common |= vocabulary.entries >= 6 && holders * 2 > vocabulary.entries;
            }
            hits.push(Hit { id: id as u32, typed, meant });
        }
        TermMatches { hits, common }
    }
}

/// Each entry's best strength for one term in each field, kept for the entries a term touches.
struct FieldBest {
    name: Vec<u8>,
    keywords: Vec<u8>,
    body: Vec<u8>,
    touched: Vec<usize>,
}

impl FieldBest {
    fn new(entries: usize) -> FieldBest {
        FieldBest { name: vec![0; entries], keywords: vec![0; entries], body: vec![0; entries], touched: Vec::new() }
    }

    /// Visits every entry holding one of the term's words, then calls `each(entry, score)` for the
    /// entries it found and clears them for the next term.
    fn score(&mut self, term: &TermMatches, vocabulary: &Vocabulary, mut each: impl FnMut(usize, u32)) {
        for hit in &term.hits {
            for &(entry, place) in &vocabulary.postings[hit.id as usize] {
                let e = entry as usize;
                let before = (self.name[e], self.keywords[e], self.body[e]);
                if place & IN_NAME != 0 {
                    self.name[e] = self.name[e].max(hit.typed);
                }
                if place & IN_KEYWORDS != 0 {
                    self.keywords[e] = self.keywords[e].max(hit.typed.max(hit.meant));
                }
                if place & IN_BODY != 0 {
                    self.body[e] = self.body[e].max(hit.typed);
                }
                if before == (0, 0, 0) && (self.name[e], self.keywords[e], self.body[e]) != (0, 0, 0) {
                    self.touched.push(e);
                }
            }
        }
        for &e in &self.touched {
            let (name, keywords, body) =
                (u32::from(self.name[e]), u32::from(self.keywords[e]), u32::from(self.body[e]));
            each(e, (name * NAME).max(keywords * KEYWORD) + body * BODY);
            (self.name[e], self.keywords[e], self.body[e]) = (0, 0, 0);
        }
        self.touched.clear();
    }
}

/// Scores for matching the whole name: above anything words alone can reach.
const WHOLE_NAME: u32 = 100_000;
const NAME_START: u32 = 80_000;
const NAME_PART: u32 = 60_000;

impl Indexed {
    /// How well the name, typed whole or in part, matches the query.
    fn name_score(&self, compact_query: &str) -> Option<u32> {
        if self.compact_titles.iter().any(|t| t == compact_query) {
            Some(WHOLE_NAME)
        } else if self.compact_titles.iter().any(|t| t.starts_with(compact_query)) {
            Some(NAME_START)
        } else if compact_query.len() >= 3 && self.compact_titles.iter().any(|t| t.contains(compact_query)) {
            Some(NAME_PART)
        } else {
            None
        }
    }
}

/// The directory, folded for search. Built from the store's entries; rebuilt when they change.
#[derive(Debug)]
pub struct DirectoryIndex {
    entries: Vec<(DirectoryEntry, Indexed)>,
    vocabulary: Vocabulary,
}

impl DirectoryIndex {
    pub fn new(entries: Vec<DirectoryEntry>) -> DirectoryIndex {
        let mut vocabulary = Vocabulary::default();
        let entries: Vec<(DirectoryEntry, Indexed)> = entries
            .into_iter()
            .map(|entry| {
                let indexed = index_entry(&entry, &mut vocabulary);
                (entry, indexed)
            })
            .collect();
        vocabulary.postings = vec![Vec::new(); vocabulary.words.len()];
        vocabulary.entries = entries.len() as u32;
        let mut held: Vec<(u32, u8)> = Vec::new();
        for (e, (_, indexed)) in entries.iter().enumerate() {
            held.clear();
            let fields =
                [(&indexed.name_words, IN_NAME), (&indexed.keyword_words, IN_KEYWORDS), (&indexed.body_words, IN_BODY)];
            for (words, place) in fields {
                held.extend(words.iter().map(|&w| (w, place)));
            }
            held.sort_unstable();
            for run in held.chunk_by(|a, b| a.0 == b.0) {
                let places = run.iter().fold(0, |all, (_, place)| all | place);
                vocabulary.postings[run[0].0 as usize].push((e as u32, places));
            }
        }
        DirectoryIndex { entries, vocabulary }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries that pass the filters and match the text: favourites first, then the best
    /// matches, then the directory's own order.
    ///
    /// Any meaningful word may match, and each adds to the score. A word that more than half of the
    /// directory holds ("anonymous") adds to the score but does not by itself make an entry a match,
    /// unless every word of the query is that common.
    pub fn search(&self, query: &DirectoryQuery) -> Vec<&DirectoryEntry> {
        let folded = fold(&query.text);
        let compact_query = folded.replace(' ', "");
        if compact_query.is_empty() {
            return self.ranked(
                self.entries
                    .iter()
                    .filter(|(entry, _)| passes_filters(entry, query))
                    .map(|(entry, _)| (0, entry))
                    .collect(),
            );
        }
        let parsed = parse_query(&folded);
        let terms: Vec<TermMatches> = parsed.terms.iter().map(|t| TermMatches::new(t, &self.vocabulary)).collect();
        let all_common = terms.iter().all(|t| t.common);
        let mut total = vec![0u32; self.entries.len()];
        let mut qualifies = vec![false; self.entries.len()];
        let mut best = FieldBest::new(self.entries.len());
        for term in &terms {
            best.score(term, &self.vocabulary, |e, score| {
                total[e] += score;
                qualifies[e] |= score > 0 && (!term.common || all_common);
            });
        }
        let hits = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (entry, _))| passes_filters(entry, query))
            .filter_map(|(e, (entry, indexed))| match indexed.name_score(&compact_query) {
                Some(score) => Some((score, entry)),
                None => qualifies[e].then(|| (total[e] + audience_hint(&parsed, entry), entry)),
            })
            .collect();
        self.ranked(hits)
    }

    fn ranked<'a>(&self, mut hits: Vec<(u32, &'a DirectoryEntry)>) -> Vec<&'a DirectoryEntry> {
        hits.sort_by(|(score_a, a), (score_b, b)| {
            b.favourite.cmp(&a.favourite).then(score_b.cmp(score_a)).then(a.order.cmp(&b.order))
        });
        hits.into_iter().map(|(_, entry)| entry).collect()
    }
}

/// A small nudge, enough to order entries the words score alike: groups for oneself when the query
/// speaks only of oneself ("I can't stop gambling"), groups for families when it names someone.
fn audience_hint(parsed: &ParsedQuery, entry: &DirectoryEntry) -> u32 {
    match entry.audience {
        Some(Audience::Person) | Some(Audience::Both) if parsed.for_oneself => 1,
        Some(Audience::Family) | Some(Audience::Both) if parsed.about_family => 1,
        _ => 0,
    }
}

fn passes_filters(entry: &DirectoryEntry, query: &DirectoryQuery) -> bool {
    if query.favourites_only && !entry.favourite {
        return false;
    }
    if let Some(wanted) = query.audience {
        // A group whose fellowship is unknown is the user's own: it stays in view.
        if entry.audience.is_some_and(|a| !a.serves(wanted)) {
            return false;
        }
    }
    if query.approach.is_some_and(|a| !entry.approaches.contains(&a)) {
        return false;
    }
    if query.format.is_some_and(|f| !entry.formats.contains(&f)) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{Approach, Format};
    use crate::Store;

    fn names(store: &Store, query: DirectoryQuery) -> Vec<String> {
        store.search_directory(&query).unwrap().into_iter().map(|e| e.name).collect()
    }

    fn text(text: &str) -> DirectoryQuery {
        DirectoryQuery { text: text.into(), ..DirectoryQuery::default() }
    }

    #[test]
    fn every_spelling_of_al_anon_finds_it_first() {
        let store = Store::open_in_memory().unwrap();
        for spelling in ["al anon", "alanon", "Al‑Anon", "AL-ANON", "al-anon family", "alnon"] {
            let found = names(&store, text(spelling));
            assert_eq!(found.first().map(String::as_str), Some("Al-Anon Family Groups"), "for {spelling:?}: {found:?}");
        }
    }

    #[test]
    fn abbreviations_and_typos_find_their_fellowship() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(names(&store, text("NA"))[0], "Narcotics Anonymous");
        assert_eq!(names(&store, text("aa"))[0], "Alcoholics Anonymous");
        assert_eq!(names(&store, text("narcotcs"))[0], "Narcotics Anonymous");
        assert_eq!(names(&store, text("gamblers"))[0], "Gamblers Anonymous");
        assert!(names(&store, text("zzzzqqq")).is_empty());
    }

    #[test]
    fn families_finds_the_family_groups_and_no_group_only_for_the_person() {
        let store = Store::open_in_memory().unwrap();
        let found = store.search_directory(&text("families")).unwrap();
        let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
        for family in ["fa", "al-anon", "nar-anon", "pal"] {
            assert!(ids.contains(&family), "{family} should be found for \"families\": {ids:?}");
        }
        assert_eq!(ids[0], "fa", "the name match comes first");
    }

    #[test]
    fn filters_combine() {
        let store = Store::open_in_memory().unwrap();
        let family = store
            .search_directory(&DirectoryQuery { audience: Some(Audience::Family), ..DirectoryQuery::default() })
            .unwrap();
        assert!(family.iter().all(|e| e.audience.is_some_and(|a| a.serves(Audience::Family))));
        assert!(family.iter().any(|e| e.id == "al-anon") && !family.iter().any(|e| e.id == "aa"));

        let secular_online = store
            .search_directory(&DirectoryQuery {
                approach: Some(Approach::Secular),
                format: Some(Format::Online),
                ..DirectoryQuery::default()
            })
            .unwrap();
        assert!(!secular_online.is_empty());
        assert!(secular_online
            .iter()
            .all(|e| e.approaches.contains(&Approach::Secular) && e.formats.contains(&Format::Online)));
        assert!(secular_online.iter().any(|e| e.id == "smart"));
    }

    #[test]
    fn favourites_come_first_and_can_be_the_only_ones() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_favourite(&crate::directory::FavouriteTarget::Fellowship("pal".into()), true).unwrap();
        assert_eq!(store.search_directory(&DirectoryQuery::default()).unwrap()[0].id, "pal");
        let only =
            store.search_directory(&DirectoryQuery { favourites_only: true, ..DirectoryQuery::default() }).unwrap();
        assert_eq!(only.len(), 1);
        assert!(only[0].favourite);
    }

    /// Plain sentences, as people type them, with the fellowships each must show in its first three.
    #[test]
    fn sentences_find_the_groups_they_describe() {
        let store = Store::open_in_memory().unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("my kid is using drugs", &["fa", "pal", "nar-anon|smart-ff"]),
            ("my kids are using drugs", &["fa", "pal", "nar-anon|smart-ff"]),
            ("I can't stop gambling", &["ga"]),
            ("help for my husband's drinking", &["al-anon"]),
            ("my wife drinks too much", &["al-anon"]),
            ("I want to quit drinking", &["aa"]),
            ("my son is addicted to heroin", &["fa|nar-anon|pal"]),
            ("my daughter's cocaine use", &["co-anon"]),
            ("I smoke too much weed", &["ma"]),
            ("crystal meth", &["cma"]),
            ("my dad's gambling", &["gam-anon"]),
            ("help for parents of addicts", &["pal"]),
            ("christian recovery", &["cr"]),
            ("I'm hooked on pills", &["pa"]),
            ("I take methadone", &["mara"]),
            ("my brother died of an overdose", &["grasp"]),
            ("my son's opioid addiction", &["learn-to-cope"]),
            ("grew up with an alcoholic parent", &["aca"]),
            ("boyfriend betting on sports", &["gam-anon"]),
            ("quitting cigarettes", &["nica"]),
        ];
        let mut failures = Vec::new();
        for (sentence, wanted) in cases {
            let found: Vec<String> =
                store.search_directory(&text(sentence)).unwrap().into_iter().take(3).map(|e| e.id).collect();
            // "a|b": either will do.
            for choice in *wanted {
                if !choice.split('|').any(|id| found.iter().any(|f| f == id)) {
                    failures.push(format!("{sentence:?}: {choice} not in the first three {found:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // Someone asking for a loved one is shown groups for families first.
        for entry in store.search_directory(&text("my kid is using drugs")).unwrap().iter().take(3) {
            assert!(entry.audience.is_some_and(|a| a.serves(Audience::Family)), "{} is not for families", entry.id);
        }
    }

    #[test]
    fn a_word_most_entries_share_does_not_make_a_match_alone() {
        let store = Store::open_in_memory().unwrap();
        let found = names(&store, text("gamblers anonymous"));
        assert_eq!(found[0], "Gamblers Anonymous");
        assert!(!found.iter().any(|n| n == "Alcoholics Anonymous"), "\"anonymous\" alone is no match: {found:?}");
        // Only common words: they are all there is to go on.
        assert!(names(&store, text("anonymous")).len() > 5);
    }
}
