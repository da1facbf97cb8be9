//! Which fellowship a list is from, guessed from the words in its meetings', groups' and own names,
//! for the user to confirm.

use super::FeedFormat;
use std::collections::HashMap;

/// Guesses the fellowship from words in the meetings' and groups' names and the list's name.
#[derive(Debug, Default)]
pub(super) struct FellowshipGuess {
    votes: HashMap<&'static str, u32>,
}

impl FellowshipGuess {
    const PHRASES: &'static [(&'static str, &'static str)] = &[
        ("al-anon", "al-anon"),
        ("alanon", "al-anon"),
        ("alateen", "al-anon"),
        ("nar-anon", "nar-anon"),
        ("naranon", "nar-anon"),
        ("gam-anon", "gam-anon"),
        ("co-anon", "co-anon"),
        ("narcotics anonymous", "na"),
        ("cocaine anonymous", "ca"),
        ("crystal meth", "cma"),
        ("marijuana anonymous", "ma"),
        ("heroin anonymous", "ha"),
        ("gamblers anonymous", "ga"),
        ("codependents anonymous", "coda"),
        ("co-dependents anonymous", "coda"),
        ("adult children", "aca"),
        ("smart recovery", "smart"),
        ("celebrate recovery", "cr"),
        ("recovery dharma", "rd"),
        ("refuge recovery", "rr"),
        ("lifering", "lifering"),
        ("women for sobriety", "wfs"),
        ("alcoholics anonymous", "aa"),
    ];
    const WORDS: &'static [(&'static str, &'static str)] = &[
        ("aa", "aa"),
        ("na", "na"),
        ("alanon", "al-anon"),
        ("ca", "ca"),
        ("cma", "cma"),
        ("coda", "coda"),
        ("aca", "aca"),
        ("acoa", "aca"),
        ("smart", "smart"),
    ];

    pub fn read(&mut self, text: &str, weight: u32) {
        let lower = text.to_lowercase();
        for (phrase, id) in Self::PHRASES {
            if lower.contains(phrase) {
                *self.votes.entry(id).or_default() += weight;
            }
        }
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            if let Some((_, id)) = Self::WORDS.iter().find(|(w, _)| *w == word) {
                *self.votes.entry(id).or_default() += weight;
            }
        }
    }

    pub fn best(&self, format: FeedFormat) -> &'static str {
        self.votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, _)| *id)
            // Most Meeting Guide feeds are AA's; BMLT is NA's.
            .unwrap_or(match format {
                FeedFormat::MeetingGuide => "aa",
                FeedFormat::Bmlt => "na",
            })
    }
}
