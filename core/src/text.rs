//! Text as searches see it: folded (case, accents and punctuation gone), stemmed (plurals to a
//! shared prefix), and compared with a small typo allowance. The directory's search and the
//! guidance search both read text through here, so "Al‑Anon", "al anon" and "ALANON" are one word
//! list everywhere.

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

/// A PIN or passphrase as the person meant it: Unicode-normalised (NFC), so the same letters typed
/// on another keyboard give the same key, with one trailing line ending (`\n` or `\r\n`, from a
/// terminal or a pasted line) trimmed and nothing else.
pub fn typed_secret(text: &str) -> String {
    let trimmed = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(text);
    trimmed.nfc().collect()
}

/// The folded words of a text.
pub fn folded_words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A plural's singular, roughly: "families" → "famil" (a prefix of "family"), "groups" → "group".
pub fn stem(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        &word[..word.len() - 3]
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// How many typos a word of this length may carry and still match.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Restricted edit distance (transpositions count once), giving up above `limit`.
/// Words are short, so their characters live on the stack; longer words fall back to the heap.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Chars = a.into();
    let b: Chars = b.into();
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

/// The characters of a short word without a heap allocation.
enum Chars {
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
    fn as_slice(&self) -> &[char] {
        match self {
            Chars::Inline(chars, len) => &chars[..*len],
            Chars::Heap(chars) => chars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("Al‑Anon"), "al anon"); // a non-breaking hyphen
        assert_eq!(fold("  Café, Crème!  "), "cafe creme");
        assert_eq!(fold("ÀLÂNÖN"), "alanon");
        assert_eq!(folded_words("husband's drinking"), ["husband", "s", "drinking"]);
    }

    #[test]
    fn plurals_share_a_prefix_with_their_singular() {
        assert!("family".starts_with(stem("families")));
        assert_eq!(stem("groups"), "group");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance_within("alanon", "alnaon", 1), Some(1));
        assert_eq!(edit_distance_within("narcotics", "narcotcs", 2), Some(1));
        assert_eq!(edit_distance_within("family", "gambling", 2), None);
        let long = "a".repeat(30);
        assert_eq!(edit_distance_within(&long, &format!("{long}b"), 1), Some(1), "long words use the heap");
    }
}
