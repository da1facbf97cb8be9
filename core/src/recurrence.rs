//! When meetings happen: weekly on some weekdays or once on a date, at a local time in the
//! meeting's own zone. Reminders, the agenda and the exported calendar all ask this module, so
//! they agree on every instant, across daylight-saving changes too.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// What is needed to compute a meeting's occurrences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Bit 0 = Sunday … bit 6 = Saturday. Empty for a one-off meeting.
    pub weekdays: u8,
    /// The one-off meeting's local date.
    pub date: Option<NaiveDate>,
    /// `None`: by appointment, never scheduled.
    pub start: Option<NaiveTime>,
    pub duration: Duration,
    pub zone: Tz,
}

/// One meeting, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The day it happens on, in the meeting's zone: skips and attendance are keyed by it.
    pub local_date: NaiveDate,
}

/// The instant a local date and time means in `zone`, by the rule calendars use (RFC 5545 §3.3.5):
/// - a time that happens twice (clocks go back) means the first, earlier instant;
/// - a time that never happens (clocks go forward) is read with the UTC offset in force just
///   before the gap, so 02:30 on a US spring-forward night is 03:30 daylight time.
pub fn resolve_local(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // Walk back to a local time that exists: its offset is the one before the gap.
            // Gaps are at most a day long (Samoa skipped 2011-12-30), so this ends.
            let mut probe = local;
            let offset = loop {
                probe -= Duration::minutes(15);
                match zone.from_local_datetime(&probe) {
                    LocalResult::Single(at) => break at.offset().fix(),
                    LocalResult::Ambiguous(_, later) => break later.offset().fix(),
                    LocalResult::None => continue,
                }
            };
            (local - Duration::seconds(i64::from(offset.local_minus_utc()))).and_utc()
        }
    }
}

/// Whether `weekdays` (bit 0 = Sunday) includes `date`'s weekday.
pub fn on_weekday(weekdays: u8, date: NaiveDate) -> bool {
    weekdays & (1 << date.weekday().num_days_from_sunday()) != 0
}

impl Rule {
    /// The occurrence on a local date, if the meeting happens that day.
    pub fn on(&self, date: NaiveDate) -> Option<Occurrence> {
        let start = self.start?;
        let happens = match self.date {
            Some(one_off) => one_off == date,
            None => on_weekday(self.weekdays, date),
        };
        happens.then(|| {
            let starts_at = resolve_local(self.zone, date.and_time(start));
            Occurrence { starts_at, ends_at: starts_at + self.duration, local_date: date }
        })
    }

    /// Every occurrence that overlaps `[from, to)`, in order.
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Occurrence> {
        if self.start.is_none() || to <= from {
            return Vec::new();
        }
        // Local dates that can hold an occurrence overlapping the window: a day of slack each side
        // covers any offset, plus the meeting's length for ones that started before `from`.
        let first = (from - self.duration).with_timezone(&self.zone).date_naive() - Duration::days(1);
        let last = to.with_timezone(&self.zone).date_naive() + Duration::days(1);
        let dates: Box<dyn Iterator<Item = NaiveDate>> = match self.date {
            Some(one_off) => Box::new(std::iter::once(one_off).filter(move |d| *d >= first && *d <= last)),
            None => Box::new(first.iter_days().take_while(move |d| *d <= last)),
        };
        dates.filter_map(|d| self.on(d)).filter(|o| o.ends_at > from && o.starts_at < to).collect()
    }

    /// The first occurrence that starts at or after `from`, looking at most `horizon_days` ahead.
    pub fn next_start(&self, from: DateTime<Utc>, horizon_days: i64) -> Option<Occurrence> {
        self.between(from, from + Duration::days(horizon_days)).into_iter().find(|o| o.starts_at >= from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Timelike};
    use chrono_tz::Tz;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn weekly(weekdays: u8, start: NaiveTime, zone: Tz) -> Rule {
        Rule { weekdays, date: None, start: Some(start), duration: Duration::minutes(60), zone }
    }

    const SUNDAY: u8 = 1;

    #[test]
    fn a_meeting_in_the_spring_forward_gap_moves_to_after_it() {
        // 2026-03-08: US clocks go from 02:00 EST straight to 03:00 EDT.
        let rule = weekly(SUNDAY, time(2, 30), Tz::America__New_York);
        let o = rule.on(date(2026, 3, 8)).unwrap();
        assert_eq!(o.starts_at, Utc.with_ymd_and_hms(2026, 3, 8, 7, 30, 0).unwrap());
        let local = o.starts_at.with_timezone(&Tz::America__New_York);
        assert_eq!((local.hour(), local.minute()), (3, 30));
        assert_eq!(o.local_date, date(2026, 3, 8));
        // The week before and after are at 02:30 as usual.
        let before = rule.on(date(2026, 3, 1)).unwrap().starts_at.with_timezone(&Tz::America__New_York);
        let after = rule.on(date(2026, 3, 15)).unwrap().starts_at.with_timezone(&Tz::America__New_York);
        assert_eq!((before.hour(), before.minute(), after.hour(), after.minute()), (2, 30, 2, 30));
    }

    #[test]
    fn a_meeting_in_the_fall_back_overlap_takes_the_first_instant() {
        // 2026-11-01: US clocks go from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
        let rule = weekly(SUNDAY, time(1, 30), Tz::America__New_York);
        let o = rule.on(date(2026, 11, 1)).unwrap();
        assert_eq!(o.starts_at, Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap(), "01:30 EDT, not 01:30 EST");
        assert_eq!(o.ends_at - o.starts_at, Duration::minutes(60));
    }

    #[test]
    fn a_kolkata_meeting_seen_from_los_angeles() {
        // Mondays 07:00 in Kolkata (UTC+05:30) is Sunday 17:30 in Los Angeles (PST, UTC-08:00).
        let rule = weekly(1 << 1, time(7, 0), Tz::Asia__Kolkata);
        let from = Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap();
        let o = rule.next_start(from, 8).unwrap();
        let la = o.starts_at.with_timezone(&Tz::America__Los_Angeles);
        assert_eq!(la.date_naive(), date(2026, 11, 29));
        assert_eq!((la.hour(), la.minute()), (17, 30));
        assert_eq!(o.local_date, date(2026, 11, 30), "keyed by the day in Kolkata");
    }

    #[test]
    fn one_off_and_by_appointment() {
        let once = Rule { weekdays: 0, date: Some(date(2026, 12, 24)), ..weekly(0, time(19, 0), Tz::Europe__London) };
        let year = once.between(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
        );
        assert_eq!(year.len(), 1);
        assert_eq!(year[0].starts_at, Utc.with_ymd_and_hms(2026, 12, 24, 19, 0, 0).unwrap());
        let by_appointment = Rule { start: None, ..weekly(0b111_1111, time(0, 0), Tz::UTC) };
        assert!(by_appointment
            .between(
                Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()
            )
            .is_empty());
    }

    #[test]
    fn a_meeting_in_progress_overlaps_the_window() {
        let rule = weekly(0b111_1111, time(19, 0), Tz::UTC);
        let during = Utc.with_ymd_and_hms(2026, 11, 26, 19, 30, 0).unwrap();
        let found = rule.between(during, during + Duration::hours(1));
        assert_eq!(found[0].starts_at, Utc.with_ymd_and_hms(2026, 11, 26, 19, 0, 0).unwrap());
        assert_eq!(rule.next_start(during, 2).unwrap().local_date, date(2026, 11, 27));
    }

    /// Zones with DST in each hemisphere, half-hour and 45-minute offsets, and a 30-minute DST shift.
    const ZONES: &[Tz] = &[
        Tz::America__New_York,
        Tz::Europe__London,
        Tz::Australia__Sydney,
        Tz::America__Santiago,
        Tz::Asia__Kolkata,
        Tz::Australia__Adelaide,
        Tz::Asia__Kathmandu,
        Tz::Australia__Lord_Howe,
        Tz::Pacific__Auckland,
        Tz::America__St_Johns,
        Tz::UTC,
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn weekly_occurrences_fall_on_the_right_day_and_time(
            weekdays in 1u8..128,
            minutes in 0u32..(24 * 60),
            zone_index in 0..ZONES.len(),
            start_day in 0i64..(16 * 365),
            span_days in 1i64..120,
        ) {
            let zone = ZONES[zone_index];
            let start = time(minutes / 60, minutes % 60);
            let rule = Rule { weekdays, date: None, start: Some(start), duration: Duration::minutes(60), zone };
            let from = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap() + Duration::days(start_day);
            let to = from + Duration::days(span_days);
            let found = rule.between(from, to);

            // Strictly increasing, one per local date.
            for pair in found.windows(2) {
                prop_assert!(pair[0].starts_at < pair[1].starts_at);
                prop_assert!(pair[0].local_date < pair[1].local_date);
            }
            for o in &found {
                prop_assert!(on_weekday(weekdays, o.local_date));
                let local = o.starts_at.with_timezone(&zone).naive_local();
                let wanted = o.local_date.and_time(start);
                if zone.from_local_datetime(&wanted).single().is_some() || zone.from_local_datetime(&wanted).earliest().is_some() {
                    // The time exists that day: it is exactly the meeting's time.
                    prop_assert_eq!(local, wanted);
                } else {
                    // In a gap: moved later by the gap's length (at most a few hours), never earlier.
                    prop_assert!(local > wanted && local - wanted <= Duration::hours(3), "{} -> {}", wanted, local);
                }
            }

            // None missing: every local date in the window on a chosen weekday has its occurrence.
            let first_local = from.with_timezone(&zone).date_naive() + Duration::days(1);
            let last_local = to.with_timezone(&zone).date_naive() - Duration::days(1);
            for d in first_local.iter_days().take_while(|d| *d <= last_local) {
                if on_weekday(weekdays, d) {
                    prop_assert!(found.iter().any(|o| o.local_date == d), "missing {}", d);
                }
            }
        }
    }
}
