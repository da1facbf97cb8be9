//! Directory search: forgiving of case, accents, punctuation and small typos, so "al anon",
//! "alanon" and "Al‑Anon" all find Al-Anon. The index folds every entry once; a keystroke only
//! compares folded words.

use super::{Audience, DirectoryEntry, DirectoryQuery};
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, every run of non-alphanumerics one space.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_chars(text.chars(), text.len());
    }
    fold_chars(text.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)), text.len())
}

fn fold_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    for c in chars {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// A plural's singular, roughly, so "families" finds "family" and "groups" finds "group".
fn stem(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        // "families" -> "famil", which is a prefix of "family" too.
        &word[..word.len() - 3]
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Restricted edit distance (transpositions count once), giving up above `limit`.
/// Words are short, so the rows live on the stack; longer words fall back to the heap.
fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: smallvec_chars::Chars = a.into();
    let b: smallvec_chars::Chars = b.into();
    let (a, b) = (a.as_slice(), b.as_slice());
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    let (prev2, rest) = rows.split_at_mut(width);
    let (prev, current) = rest.split_at_mut(width);
    let (mut prev2, mut prev, mut current) = (prev2, prev, current);
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(current[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut current);
    }
    let distance = prev[b.len()];
    (distance <= limit).then_some(distance)
}

/// Characters of a short word without a heap allocation.
mod smallvec_chars {
    pub enum Chars {
        Inline([char; 24], usize),
        Heap(Vec<char>),
    }

    impl From<&str> for Chars {
        fn from(text: &str) -> Chars {
            let mut inline = ['\0'; 24];
            let mut len = 0;
            for c in text.chars() {
                if len == inline.len() {
                    return Chars::Heap(text.chars().collect());
                }
                inline[len] = c;
                len += 1;
            }
            Chars::Inline(inline, len)
        }
    }

    impl Chars {
        pub fn as_slice(&self) -> &[char] {
            match self {
                Chars::Inline(chars, len) => &chars[..*len],
                Chars::Heap(chars) => chars,
            }
        }
    }
}

/// How many typos a word of this length may carry and still match.
fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// One entry, folded once for searching. Words are ids into the index's vocabulary, so a
/// keystroke compares each distinct word once, not once per entry.
#[derive(Debug)]
struct Indexed {
    /// Name and abbreviation, folded without spaces: "alanonfamilygroups", "alanon".
    compact_titles: Vec<String>,
    /// Words of the name, abbreviation and keywords, stemmed.
    title_words: Vec<u32>,
    /// Words of the description, stemmed.
    body_words: Vec<u32>,
}

/// The distinct words of the whole directory.
#[derive(Debug, Default)]
struct Vocabulary {
    words: Vec<String>,
    ids: std::collections::HashMap<String, u32>,
}

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

fn index_entry(entry: &DirectoryEntry, vocabulary: &mut Vocabulary) -> Indexed {
    let titles: Vec<String> =
        std::iter::once(entry.name.as_str()).chain(entry.abbreviation.as_deref()).map(fold).collect();
    let compact_titles: Vec<String> = titles.iter().map(|t| t.replace(' ', "")).collect();
    let mut title_texts = titles;
    // "alanon" is a word too, so a typo in the run-together spelling still finds it.
    title_texts.extend(compact_titles.iter().cloned());
    // Who a group is for and what it focuses on are searchable too ("family", "gambling").
    title_texts.extend(entry.focus.iter().map(|f| fold(f)));
    match entry.audience {
        Some(Audience::Family) => title_texts.push("family friends parents loved ones".into()),
        Some(Audience::Both) => title_texts.push("family friends".into()),
        _ => {}
    }
    if let Some(fellowship) = &entry.fellowship_name {
        title_texts.push(fold(fellowship));
    }
    Indexed {
        compact_titles,
        title_words: vocabulary.ids_of(&title_texts),
        body_words: vocabulary.ids_of(&[fold(&entry.description)]),
    }
}

/// For one query word: which vocabulary words it matches as a prefix, and which within its typo allowance.
struct WordMatches {
    prefix: Vec<bool>,
    near: Vec<bool>,
}

impl WordMatches {
    fn new(query_word: &str, vocabulary: &Vocabulary) -> WordMatches {
        let allowance = typo_allowance(query_word);
        let prefix: Vec<bool> = vocabulary.words.iter().map(|w| w.starts_with(query_word)).collect();
        let near = vocabulary
            .words
            .iter()
            .zip(&prefix)
            .map(|(w, &p)| p || (allowance > 0 && edit_distance_within(w, query_word, allowance).is_some()))
            .collect();
        WordMatches { prefix, near }
    }

    fn prefix_in(&self, words: &[u32]) -> bool {
        words.iter().any(|&w| self.prefix[w as usize])
    }

    fn near_in(&self, words: &[u32]) -> bool {
        words.iter().any(|&w| self.near[w as usize])
    }
}

impl Indexed {
    /// How well this entry matches the folded query; `None` when it does not.
    fn score(&self, compact_query: &str, words: &[WordMatches]) -> Option<u32> {
        if self.compact_titles.iter().any(|t| t == compact_query) {
            return Some(1000);
        }
        if self.compact_titles.iter().any(|t| t.starts_with(compact_query)) {
            return Some(800);
        }
        if compact_query.len() >= 3 && self.compact_titles.iter().any(|t| t.contains(compact_query)) {
            return Some(600);
        }
        let (title, body) = (&self.title_words, &self.body_words);
        if words.iter().all(|q| q.prefix_in(title)) {
            return Some(500);
        }
        if words.iter().all(|q| q.prefix_in(title) || q.prefix_in(body)) {
            return Some(300);
        }
        // Small typos, against the name, abbreviation and keywords, then the description.
        if words.iter().all(|q| q.near_in(title)) {
            return Some(200);
        }
        if words.iter().all(|q| q.near_in(title) || q.near_in(body)) {
            return Some(100);
        }
        None
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
        let entries = entries
            .into_iter()
            .map(|entry| {
                let indexed = index_entry(&entry, &mut vocabulary);
                (entry, indexed)
            })
            .collect();
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
    pub fn search(&self, query: &DirectoryQuery) -> Vec<&DirectoryEntry> {
        let folded = fold(&query.text);
        let compact_query = folded.replace(' ', "");
        let words: Vec<WordMatches> =
            folded.split(' ').filter(|w| !w.is_empty()).map(|w| WordMatches::new(stem(w), &self.vocabulary)).collect();
        let mut hits: Vec<(u32, &DirectoryEntry)> = self
            .entries
            .iter()
            .filter(|(entry, _)| passes_filters(entry, query))
            .filter_map(|(entry, indexed)| {
                if compact_query.is_empty() {
                    Some((0, entry))
                } else {
                    indexed.score(&compact_query, &words).map(|score| (score, entry))
                }
            })
            .collect();
        hits.sort_by(|(score_a, a), (score_b, b)| {
            b.favourite.cmp(&a.favourite).then(score_b.cmp(score_a)).then(a.order.cmp(&b.order))
        });
        hits.into_iter().map(|(_, entry)| entry).collect()
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
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("Al‑Anon"), "al anon"); // a non-breaking hyphen
        assert_eq!(fold("  Café, Crème!  "), "cafe creme");
        assert_eq!(fold("ÀLÂNÖN"), "alanon");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance_within("alanon", "alnaon", 1), Some(1));
        assert_eq!(edit_distance_within("narcotics", "narcotcs", 2), Some(1));
        assert_eq!(edit_distance_within("family", "gambling", 2), None);
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
}
