//! Seeded Meeting Guide feeds of any size, for the import benchmark and load tests: the same seed
//! gives the same bytes every run. Not used by the product.

use crate::generate::Seeded;
use serde_json::{json, Value};

const PLACES: &[&str] = &["St. Mark's Church", "Community Center", "Library Annex", "Hospital Chapel", "Club House"];
const TOWNS: &[&str] = &["Lewes", "Milford", "Seaford", "Georgetown", "Dover", "Rehoboth Beach"];
const WORDS: &[&str] = &["Serenity", "Hope", "Sunrise", "Big Book", "Step Study", "Keep It Simple", "Friday Night"];
const TYPES: &[&str] = &["O", "C", "D", "SP", "B", "ST", "W", "M", "BE", "LIT", "12x12"];

/// A Meeting Guide JSON feed of `meetings` rows, about 700 bytes each, like real feeds.
pub fn meeting_guide_feed(meetings: usize, seed: u64) -> Vec<u8> {
    let mut rng = Seeded::new(seed);
    let rows: Vec<Value> = (0..meetings)
        .map(|i| {
            let town = *rng.pick(TOWNS);
            let name = format!("{} {}", town, rng.pick(WORDS));
            let hour = 6 + rng.below(16);
            let minute = [0, 15, 30][rng.below(3) as usize];
            let online = rng.below(4) == 0;
            let types: Vec<&str> = (0..1 + rng.below(4)).map(|_| *rng.pick(TYPES)).collect();
            json!({
                "id": 1000 + i,
                "name": name,
                "slug": format!("{}-{}", name.to_lowercase().replace([' ', '\''], "-"), i),
                "updated": "2024-05-01 10:00:00",
                "day": rng.below(7),
                "time": format!("{hour:02}:{minute:02}"),
                "end_time": format!("{:02}:{minute:02}", hour + 1),
                "types": types,
                "location": rng.pick(PLACES),
                "formatted_address": format!("{} Main St, {town}, DE 19958, USA", 1 + rng.below(900)),
                "latitude": 38.5 + rng.below(1000) as f64 / 1000.0,
                "longitude": -75.5 + rng.below(1000) as f64 / 1000.0,
                "region": town,
                "group": format!("{town} Group {}", rng.below(meetings as u64 / 3 + 1)),
                "notes": "Please arrive a few minutes early. Newcomers welcome.",
                "conference_url": if online { Value::from(format!("https://zoom.us/j/{}", 100_000_000 + i)) } else { Value::Null },
                "conference_phone": if online { Value::from("+13017158592,,85779615129#") } else { Value::Null },
                "attendance_option": if online { "hybrid" } else { "in_person" },
            })
        })
        .collect();
    serde_json::to_vec(&rows).unwrap_or_default()
}
