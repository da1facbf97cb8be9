//! Times of day as each language writes them on a 12-hour clock, the way people in the United
//! States and Latin America read them: "7:00 PM" in English, "7:00 p. m." in Spanish.

use super::{text, FluentValue, Locale};
use chrono::{NaiveTime, Timelike};

/// `time` as `locale` writes it: "7:00 PM", "12:30 AM"; "7:00 p. m.", "12:30 a. m.".
pub fn clock_time(time: NaiveTime, locale: Locale) -> String {
    let hour = hour_on_twelve_hour_clock(time);
    let afternoon = time.hour() >= 12;
    let half = match (locale, afternoon) {
        (Locale::En, false) => "AM",
        (Locale::En, true) => "PM",
        (Locale::Es, false) => "a. m.",
        (Locale::Es, true) => "p. m.",
    };
    format!("{hour}:{:02} {half}", time.minute())
}

/// "at 7:00 PM", "a las 7:00 p. m." ("a la 1:00 p. m."): the time as a sentence says when.
pub fn time_phrase(time: NaiveTime, locale: Locale) -> String {
    let hour = i64::from(hour_on_twelve_hour_clock(time));
    text(locale, "time-at", &[("time", FluentValue::from(clock_time(time, locale))), ("hour", FluentValue::from(hour))])
}

fn hour_on_twelve_hour_clock(time: NaiveTime) -> u32 {
    match time.hour() % 12 {
        0 => 12,
        hour => hour,
    }
}
