//! The calendar of a count: how long since the counted day, and the days that are milestones (the
//! common chip and key-tag days). Months and years count by calendar: a month after January 31 is
//! the last day of February, a year after February 29 is February 28.

use crate::i18n::{FluentValue, Locale};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A milestone, named by what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "unit", content = "count", rename_all = "snake_case")]
pub enum Milestone {
    /// The first day: 24 hours.
    Hours(u32),
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Milestone {
    /// "30 days", "6 months", "1 year" in `locale` ("30 días", "6 meses", "1 año").
    pub fn words(self, locale: Locale) -> String {
        let (id, count) = match self {
            Milestone::Hours(n) => ("milestone-hours", n),
            Milestone::Days(n) => ("milestone-days", n),
            Milestone::Months(n) => ("milestone-months", n),
            Milestone::Years(n) => ("milestone-years", n),
        };
        crate::i18n::text(locale, id, &[("count", FluentValue::from(count))])
    }

    /// Its day for a count that started on `start`.
    pub fn date(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Milestone::Hours(h) => start.checked_add_days(chrono::Days::new(u64::from(h / 24))),
            Milestone::Days(d) => start.checked_add_days(chrono::Days::new(u64::from(d))),
            Milestone::Months(m) => start.checked_add_months(Months::new(m)),
            Milestone::Years(y) => start.checked_add_months(Months::new(y.checked_mul(12)?)),
        }
    }
}

/// Years counted: far past any life.
const MAX_YEARS: u32 = 120;

/// Every milestone in order: 24 hours; 30, 60 and 90 days; 6, 9 and 18 months; 1 year and every
/// year after.
pub fn all() -> impl Iterator<Item = Milestone> {
    [
        Milestone::Hours(24),
        Milestone::Days(30),
        Milestone::Days(60),
        Milestone::Days(90),
        Milestone::Months(6),
        Milestone::Months(9),
        Milestone::Years(1),
        Milestone::Months(18),
    ]
    .into_iter()
    .chain((2..=MAX_YEARS).map(Milestone::Years))
}

/// The milestone that falls on `day` for a count started on `start`, if any.
pub fn milestone_on(start: NaiveDate, day: NaiveDate) -> Option<Milestone> {
    all().find(|m| m.date(start) == Some(day))
}

/// The milestones on the days from `from` to `to` (both included), in order.
pub fn milestones_between(start: NaiveDate, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Milestone)> {
    let mut found: Vec<(NaiveDate, Milestone)> =
        all().filter_map(|m| m.date(start).map(|d| (d, m))).filter(|(d, _)| *d >= from && *d <= to).collect();
    found.sort_by_key(|(d, _)| *d);
    found
}

/// How long a count has run, by calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Elapsed {
    /// Days since the counted day (0 on the day itself).
    pub total_days: i64,
    /// The same as whole years, then months, then days.
    pub years: u32,
    pub months: u32,
    pub days: u32,
}

/// How long from `start` to `today`; `None` when `today` is before it.
pub fn elapsed(start: NaiveDate, today: NaiveDate) -> Option<Elapsed> {
    if today < start {
        return None;
    }
    let whole_months =
        (1..).take_while(|m| start.checked_add_months(Months::new(*m)).is_some_and(|d| d <= today)).last().unwrap_or(0);
    let anchor = start.checked_add_months(Months::new(whole_months))?;
    Some(Elapsed {
        total_days: (today - start).num_days(),
        years: whole_months / 12,
        months: whole_months % 12,
        days: u32::try_from((today - anchor).num_days()).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn milestones_fall_on_their_calendar_days() {
        let start = d(2026, 1, 31);
        let dates: Vec<(NaiveDate, String)> = milestones_between(start, start, d(2028, 2, 1))
            .into_iter()
            .map(|(day, m)| (day, m.words(Locale::En)))
            .collect();
        assert_eq!(
            dates,
            vec![
                (d(2026, 2, 1), "24 hours".into()),
                (d(2026, 3, 2), "30 days".into()),
                (d(2026, 4, 1), "60 days".into()),
                (d(2026, 5, 1), "90 days".into()),
                (d(2026, 7, 31), "6 months".into()),
                (d(2026, 10, 31), "9 months".into()),
                (d(2027, 1, 31), "1 year".into()),
                (d(2027, 7, 31), "18 months".into()),
                (d(2028, 1, 31), "2 years".into()),
            ]
        );
        // A month after January 31 is the last day of February.
        assert_eq!(Milestone::Months(1).date(d(2026, 1, 31)), Some(d(2026, 2, 28)));
        assert_eq!(Milestone::Months(6).date(d(2025, 8, 31)), Some(d(2026, 2, 28)));
    }

    #[test]
    fn a_leap_day_count_has_its_years_on_february_28() {
        let leap = d(2024, 2, 29);
        assert_eq!(Milestone::Years(1).date(leap), Some(d(2025, 2, 28)));
        assert_eq!(Milestone::Years(4).date(leap), Some(d(2028, 2, 29)));
        assert_eq!(milestone_on(leap, d(2025, 2, 28)), Some(Milestone::Years(1)));
        assert_eq!(milestone_on(leap, d(2025, 3, 1)), None);
    }

    #[test]
    fn elapsed_time_counts_days_then_years_months_and_days() {
        let start = d(2025, 9, 20);
        assert_eq!(elapsed(start, start).map(|e| e.total_days), Some(0));
        assert_eq!(elapsed(start, d(2025, 10, 20)).map(|e| e.total_days), Some(30));
        let e = elapsed(start, d(2026, 12, 2)).unwrap();
        assert_eq!((e.years, e.months, e.days, e.total_days), (1, 2, 12, 438));
        assert_eq!(elapsed(start, d(2025, 9, 19)), None, "before the counted day");
        let e = elapsed(d(2026, 1, 31), d(2026, 2, 28)).unwrap();
        assert_eq!((e.years, e.months, e.days), (0, 1, 0), "a month from January 31 ends on February 28");
        let e = elapsed(d(2024, 2, 29), d(2025, 2, 28)).unwrap();
        assert_eq!((e.years, e.months, e.days), (1, 0, 0));
    }
}
