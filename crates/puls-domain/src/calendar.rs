//! Dates and spans people type or files bring: read in one place and kept to a range in which
//! every sum puls makes with them (a rhythm, a target, "since 7 days") stays a real date.
//!
//! chrono panics when a sum leaves its range (about 262,000 years either way), so a date of
//! the year 200000 or a span of 99,999,999 days is refused where it enters, with a message,
//! instead of crashing later wherever it is used.

use std::ops::RangeInclusive;

use chrono::{NaiveDate, TimeDelta};

/// The years a date may have: any arena's, and far enough that nothing typed by mistake fits.
pub const YEARS: RangeInclusive<i32> = 1900..=9999;

/// The longest span back or forward in days: a hundred years, as long as any record is kept.
pub const LONGEST_SPAN_DAYS: i64 = 36_525;

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not `YYYY-MM-DD`, or no such day.
    NotADate,
    /// A real day, outside [`YEARS`].
    OutOfRange,
}

/// A `YYYY-MM-DD` date within [`YEARS`].
pub fn parse_date(raw: &str) -> Result<NaiveDate, DateProblem> {
    let date =
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| DateProblem::NotADate)?;
    if in_range(date) {
        Ok(date)
    } else {
        Err(DateProblem::OutOfRange)
    }
}

/// Whether a date, however it arrived, is within [`YEARS`].
pub fn in_range(date: NaiveDate) -> bool {
    YEARS.contains(&chrono::Datelike::year(&date))
}

/// A span of at most [`LONGEST_SPAN_DAYS`] days, not negative, or `None`.
pub fn span(span: TimeDelta) -> Option<TimeDelta> {
    (TimeDelta::zero()..=TimeDelta::days(LONGEST_SPAN_DAYS))
        .contains(&span)
        .then_some(span)
}

/// `date` plus `days`, or `None` where the sum would leave [`YEARS`].
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(TimeDelta::try_days(days)?)
        .filter(|d| in_range(*d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_date_is_read_within_its_years_and_refused_outside() {
        assert_eq!(parse_date(" 2026-11-23 "), Ok(day(2026, 11, 23)));
        assert_eq!(parse_date("9999-12-31"), Ok(day(9999, 12, 31)));
        assert_eq!(parse_date("1899-12-31"), Err(DateProblem::OutOfRange));
        assert_eq!(parse_date("0999-01-01"), Err(DateProblem::OutOfRange));
        assert_eq!(parse_date("+12345-01-01"), Err(DateProblem::OutOfRange));
        assert_eq!(parse_date("+262142-12-31"), Err(DateProblem::OutOfRange));
        assert_eq!(parse_date("2026-02-30"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("soon"), Err(DateProblem::NotADate));
    }

    #[test]
    fn a_span_is_at_most_a_hundred_years_and_never_negative() {
        assert_eq!(span(TimeDelta::days(7)), Some(TimeDelta::days(7)));
        assert_eq!(span(TimeDelta::days(36_525)), Some(TimeDelta::days(36_525)));
        assert_eq!(span(TimeDelta::days(36_526)), None);
        assert_eq!(span(TimeDelta::days(-1)), None);
    }

    #[test]
    fn adding_days_stops_at_the_edge_of_the_years_instead_of_overflowing() {
        assert_eq!(add_days(day(2026, 1, 1), 31), Some(day(2026, 2, 1)));
        assert_eq!(add_days(day(9999, 12, 31), 1), None);
        assert_eq!(add_days(NaiveDate::MAX, i64::from(u32::MAX)), None);
        assert_eq!(add_days(day(2026, 1, 1), i64::MAX), None);
    }
}
