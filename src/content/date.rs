//! Dates with a precision: a year, a month or a day.
//!
//! Years are `i64` and day numbers (days since 1970-01-01) are `i64` too, so one type holds a
//! day in 2014 and the Big Bang (−13.8 billion years ≈ −5 × 10¹² days) exactly; as `f64` (the
//! timeline's axis) whole days stay exact up to ±2⁵³ days, about ±2.5 × 10¹³ years. Far years
//! read as geologists and cosmologists say them: "65 million years ago", "10,000 BCE".

use std::fmt;

use serde::{Deserialize, Deserializer, de};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years may be negative for BCE).
///
/// Parsing checks the shape only; [`PackDate::problem`] checks that the calendar
/// date exists, so the validator can report every impossible date at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PackDate {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Short month names for axis labels.
pub const MONTHS_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl PackDate {
    pub fn year(year: i64) -> Self {
        PackDate { year, month: None, day: None }
    }
    pub fn month(year: i64, month: u8) -> Self {
        PackDate { year, month: Some(month), day: None }
    }
    pub fn day(year: i64, month: u8, day: u8) -> Self {
        PackDate { year, month: Some(month), day: Some(day) }
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a leading `-` marks a BCE year).
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected = "a date written YYYY, YYYY-MM or YYYY-MM-DD";
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let parts: Vec<&str> = rest.split('-').collect();
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if parts.is_empty()
            || parts.len() > 3
            || !parts.iter().all(|p| all_digits(p))
            || parts[0].len() > 6
            || parts.iter().skip(1).any(|p| p.len() != 2)
        {
            return Err(format!("found \"{text}\", expected {expected}"));
        }
        let mut year: i64 = parts[0].parse().map_err(|_| format!("found \"{text}\", expected {expected}"))?;
        if negative {
            year = -year;
        }
        let month = parts.get(1).map(|m| m.parse::<u8>().unwrap_or(0));
        let day = parts.get(2).map(|d| d.parse::<u8>().unwrap_or(0));
        Ok(PackDate { year, month, day })
    }

    /// Why this date cannot exist, if it cannot (e.g. `2015-02-30`).
    pub fn problem(&self) -> Option<String> {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Some(format!("month {m} does not exist (in \"{}\")", self.iso()));
            }
            if let Some(d) = self.day {
                let max = days_in_month(self.year, m);
                if d == 0 || d > max {
                    return Some(format!(
                        "day {d} does not exist in {} {} (it has {max} days)",
                        MONTHS[(m - 1) as usize],
                        self.year
                    ));
                }
            }
        }
        None
    }

    /// The ISO-like form the pack uses (`2014`, `2014-06`, `2014-06-10`).
    pub fn iso(&self) -> String {
        let y = if self.year < 0 { format!("-{:04}", -self.year) } else { format!("{:04}", self.year) };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y}-{m:02}"),
            _ => y,
        }
    }

    fn year_label(&self) -> String {
        year_label(self.year)
    }

    /// Days since 1970-01-01 of the first day the date covers.
    pub fn start_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1).clamp(1, 12), self.day.unwrap_or(1).max(1))
    }

    /// Days since 1970-01-01 of the last day the date covers.
    pub fn end_day(&self) -> i64 {
        let m = self.month.unwrap_or(12).clamp(1, 12);
        let d = self.day.unwrap_or_else(|| days_in_month(self.year, m));
        days_from_civil(self.year, m, d.max(1))
    }

    /// Position as a fractional year (start of the period), for plots and the timeline.
    pub fn decimal_year(&self) -> f64 {
        day_to_decimal_year(self.start_day())
    }

    /// Middle of the period the date covers, as a fractional year.
    pub fn mid_decimal_year(&self) -> f64 {
        day_to_decimal_year((self.start_day() + self.end_day()) / 2)
    }

    /// One step later (or earlier) at the date's own precision: a day for a day, else a
    /// month (a year stands for its January). The date cursor's arrow keys move like this.
    pub fn step(self, forward: bool) -> PackDate {
        let n = if forward { 1 } else { -1 };
        match self.precision() {
            DatePrecision::Day => PackDate::from_day_number(self.start_day() + i64::from(n)),
            _ => {
                let (y, m) = add_months(self.year, self.month.unwrap_or(1), n);
                PackDate::month(y, m)
            }
        }
    }

    /// The day (precision Day) for a count of days since 1970-01-01.
    pub fn from_day_number(days: i64) -> Self {
        let (y, m, d) = civil_from_days(days);
        PackDate::day(y, m, d)
    }
}

impl fmt::Display for PackDate {
    /// Renders at the date's precision: "2014", "June 2014", "10 June 2014"; a year of deep
    /// time alone ("65 million years ago").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A month or day of deep time (a calendar no one kept) is not worth saying.
        if !(-99_999..=999_999).contains(&self.year) {
            return write!(f, "{}", self.year_label());
        }
        let month_name = |m: u8| MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?");
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", month_name(m), self.year_label()),
            (Some(m), None) => write!(f, "{} {}", month_name(m), self.year_label()),
            _ => write!(f, "{}", self.year_label()),
        }
    }
}

impl PartialOrd for PackDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PackDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start_day(), self.precision()).cmp(&(other.start_day(), other.precision()))
    }
}

impl<'de> Deserialize<'de> for PackDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = PackDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string written YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PackDate, E> {
                PackDate::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A year as people say it: "2014", "750 BCE", "10,000 BCE", and beyond 100,000 years ago
/// "250,000 years ago", "65 million years ago", "13.8 billion years ago" (as TimelineJS
/// switches to years-ago labels there). Far future years read "year 5 billion".
pub fn year_label(year: i64) -> String {
    if year < -99_999 {
        return format!("{} years ago", big_number(year.unsigned_abs()));
    }
    if year > 999_999 {
        return format!("year {}", big_number(year.unsigned_abs()));
    }
    let n = year.unsigned_abs();
    let shown = if n >= 10_000 { grouped(n) } else { n.to_string() };
    if year < 0 { format!("{shown} BCE") } else { shown }
}

/// "250,000", "65 million", "13.8 billion": thousands grouped below a million, then one
/// decimal of millions or billions (dropped when it is zero).
fn big_number(n: u64) -> String {
    let scaled = |unit: f64, name: &str| {
        let x = (n as f64 / unit * 10.0).round() / 10.0;
        if x.fract() == 0.0 { format!("{} {name}", grouped(x as u64)) } else { format!("{x:.1} {name}") }
    };
    if n >= 1_000_000_000 {
        scaled(1e9, "billion")
    } else if n >= 1_000_000 {
        scaled(1e6, "million")
    } else {
        grouped(n)
    }
}

/// 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The month `n` months after `month` of `year` (before it, for a negative `n`).
pub fn add_months(year: i64, month: u8, n: i32) -> (i64, u8) {
    let index = year * 12 + i64::from(month.clamp(1, 12)) - 1 + i64::from(n);
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = y - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (y + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 → fractional year.
pub fn day_to_decimal_year(days: i64) -> f64 {
    let (y, _, _) = civil_from_days(days);
    let start = days_from_civil(y, 1, 1);
    let len = if is_leap(y) { 366.0 } else { 365.0 };
    y as f64 + (days - start) as f64 / len
}

/// Fractional year → days since 1970-01-01.
pub fn decimal_year_to_day(t: f64) -> i64 {
    let y = t.floor() as i64;
    let len = if is_leap(y) { 366.0 } else { 365.0 };
    days_from_civil(y, 1, 1) + ((t - y as f64) * len).floor() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PackDate::parse("2014").unwrap().precision(), DatePrecision::Year);
        assert_eq!(PackDate::parse("2014-06").unwrap().precision(), DatePrecision::Month);
        assert_eq!(PackDate::parse("2014-06-10").unwrap(), PackDate::day(2014, 6, 10));
        assert_eq!(PackDate::parse("-500").unwrap().year, -500);
        for bad in ["June 2014", "2014-6", "2014-06-1", "", "2014-06-10-01", "20x4"] {
            assert!(PackDate::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn renders_at_precision() {
        assert_eq!(PackDate::year(2014).to_string(), "2014");
        assert_eq!(PackDate::month(2014, 6).to_string(), "June 2014");
        assert_eq!(PackDate::day(2014, 6, 10).to_string(), "10 June 2014");
        assert_eq!(PackDate::year(-750).to_string(), "750 BCE");
    }

    #[test]
    fn impossible_dates_are_reported() {
        assert!(PackDate::day(2015, 2, 29).problem().is_some());
        assert!(PackDate::day(2016, 2, 29).problem().is_none());
        assert!(PackDate::month(2016, 13).problem().is_some());
        assert!(PackDate::day(2016, 4, 31).problem().is_some());
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in [-800_000, -1, 0, 1, 16_000, 17_000, 20_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        let t = PackDate::day(2014, 7, 2).decimal_year();
        assert!((t - 2014.5).abs() < 0.01);
        assert_eq!(decimal_year_to_day(t), PackDate::day(2014, 7, 2).start_day());
    }

    #[test]
    fn steps_move_by_the_dates_precision() {
        assert_eq!(add_months(2014, 12, 1), (2015, 1));
        assert_eq!(add_months(2015, 1, -1), (2014, 12));
        assert_eq!(add_months(2014, 6, -18), (2012, 12));
        assert_eq!(PackDate::day(2014, 2, 28).step(true), PackDate::day(2014, 3, 1));
        assert_eq!(PackDate::month(2014, 12).step(true), PackDate::month(2015, 1));
        assert_eq!(PackDate::month(2014, 1).step(false), PackDate::month(2013, 12));
        assert_eq!(PackDate::year(2014).step(true), PackDate::month(2014, 2), "a year stands for its January");
    }

    #[test]
    fn far_years_read_as_people_say_them() {
        let label = |y: i64| PackDate::year(y).to_string();
        assert_eq!(label(2014), "2014");
        assert_eq!(label(-3200), "3200 BCE");
        assert_eq!(label(-10_000), "10,000 BCE");
        assert_eq!(label(-250_000), "250,000 years ago");
        assert_eq!(label(-65_000_000), "65 million years ago");
        assert_eq!(label(-66_043_000), "66 million years ago");
        assert_eq!(label(-2_500_000), "2.5 million years ago");
        assert_eq!(label(-13_800_000_000), "13.8 billion years ago");
        assert_eq!(label(-4_540_000_000), "4.5 billion years ago");
        assert_eq!(label(5_000_000_000), "year 5 billion");
        assert_eq!(PackDate::month(-10_000, 3).to_string(), "March 10,000 BCE");
    }

    #[test]
    fn the_big_bang_keeps_day_arithmetic_exact() {
        let big_bang = PackDate::year(-13_800_000_000);
        let day = big_bang.start_day();
        assert_eq!(civil_from_days(day), (-13_800_000_000, 1, 1));
        assert_eq!(PackDate::from_day_number(day + 60), PackDate::day(-13_800_000_000, 3, 1), "a leap year");
        assert!((day as f64) as i64 == day, "exact as f64");
        assert!(big_bang < PackDate::year(-65_000_000) && PackDate::year(-65_000_000) < PackDate::year(2014));
        assert!((big_bang.decimal_year() + 13.8e9).abs() < 1.0);
    }

    #[test]
    fn ordering_uses_start_then_precision() {
        assert!(PackDate::year(2014) < PackDate::month(2014, 1));
        assert!(PackDate::month(2014, 6) < PackDate::day(2014, 6, 10));
        assert!(PackDate::day(2013, 12, 31) < PackDate::year(2014));
    }
}
