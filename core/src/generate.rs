//! Seeded generators of realistic inputs for benchmarks and load tests, so every run measures
//! the same work. Not used by the product.

use crate::directory::GroupInput;
use crate::meetings::MeetingDetails;

/// A small deterministic random source (SplitMix64): the same seed gives the same data everywhere.
#[derive(Debug, Clone)]
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "Serenity",
    "Hope",
    "Tuesday",
    "Sunrise",
    "Downtown",
    "Friendship",
    "Courage",
    "Gratitude",
    "Big Book",
    "Step",
    "Women's",
    "Men's",
    "Young People",
    "Lunch Bunch",
    "Happy Hour",
    "Back to Basics",
    "New Beginnings",
    "Keep Coming Back",
    "Came to Believe",
    "Freedom",
    "Recovery",
    "Parents",
    "Families",
    "Candlelight",
    "Beach",
];
const FELLOWSHIPS: &[&str] = &["aa", "na", "al-anon", "ca", "cma", "coda", "fa", "pal", "nar-anon", "smart"];

/// `count` groups with names like "Tuesday Serenity Group 17", spread over the fellowships.
pub fn groups(seed: u64, count: usize) -> Vec<GroupInput> {
    let mut rng = Seeded::new(seed);
    (0..count)
        .map(|i| GroupInput {
            name: format!("{} {} Group {i}", rng.pick(WORDS), rng.pick(WORDS)),
            fellowship_id: Some((*rng.pick(FELLOWSHIPS)).to_owned()),
            notes: format!(
                "Meets at the {} hall. {} and {} welcome.",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
            contact: String::new(),
            website: None,
        })
        .collect()
}

const ZONES: &[&str] =
    &["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Australia/Sydney"];

/// `count` weekly meetings across zones, days and times, half online.
pub fn meetings(seed: u64, count: usize) -> Vec<crate::meetings::MeetingInput> {
    use crate::meetings::{Attendance, MeetingInput};
    let mut rng = Seeded::new(seed);
    (0..count)
        .map(|i| {
            let online = rng.below(2) == 0;
            let days: Vec<u8> = (0..7).filter(|_| rng.below(4) == 0).collect();
            MeetingInput::from(MeetingDetails {
                name: format!("{} {} Meeting {i}", rng.pick(WORDS), rng.pick(WORDS)),
                fellowship: Some((*rng.pick(FELLOWSHIPS)).to_owned()),
                weekdays: if days.is_empty() { vec![rng.below(7) as u8] } else { days },
                start_time: Some(format!("{:02}:{:02}", 6 + rng.below(16), rng.below(4) * 15)),
                duration_minutes: 60,
                time_zone: (*rng.pick(ZONES)).to_owned(),
                attendance: if online { Attendance::Online } else { Attendance::InPerson },
                conference_url: online.then(|| format!("https://example.org/meet/{i}")),
                location: (!online).then(|| format!("{} hall", rng.pick(WORDS))),
                ..MeetingDetails::default()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_seed_gives_the_same_data() {
        assert_eq!(super::groups(7, 20), super::groups(7, 20));
        assert_ne!(super::groups(7, 20), super::groups(8, 20));
    }
}
