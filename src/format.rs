//! One way to print a figure, a count, a date and a clock, used by prose, charts, the map,
//! the timeline and the panel alike.
//!
//! A figure reads the same wherever it appears: thousands grouped with commas, decimals
//! only where the source gave them (at most two), a value before its range, ranges with an
//! en dash, units after the number (`%` glued to it).

use crate::content::PackDate;
use crate::content::figures::Resolved;

/// 12345 → "12,345"; 52.57 → "52.57"; 9.50 → "9.5". At most two decimals, trailing zeros dropped.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc() as u64;
    let cents = ((abs - abs.trunc()) * 100.0).round() as u64;
    let (whole, cents) = if cents == 100 { (whole + 1, 0) } else { (whole, cents) };
    let mut out = group(whole);
    if cents > 0 {
        let decimals = format!("{cents:02}");
        out.push('.');
        out.push_str(decimals.trim_end_matches('0'));
    }
    if negative && (whole > 0 || cents > 0) { format!("-{out}") } else { out }
}

/// A rate with exactly one decimal: 39.04 → "39.0".
pub fn rate(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let tenths = (v.abs() * 10.0).round() as u64;
    let sign = if v < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", group(tenths / 10), tenths % 10)
}

/// 1234567 → "1,234,567".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A value, a range, or both: "5,000", "27,000–31,000", "5,000 (4,000–6,000)".
pub fn value_or_range(value: Option<f64>, low: Option<f64>, high: Option<f64>, print: fn(f64) -> String) -> String {
    match (value, low, high) {
        (Some(v), Some(l), Some(h)) if l != h => format!("{} ({}–{})", print(v), print(l), print(h)),
        (Some(v), _, _) => print(v),
        (None, Some(l), Some(h)) if l != h => format!("{}–{}", print(l), print(h)),
        (None, Some(v), _) | (None, None, Some(v)) => print(v),
        _ => "—".into(),
    }
}

/// A figure's numbers as the source gave them: "5,000", "27,000–31,000" or "5,000 (4,000–6,000)".
pub fn figure_numbers(value: Option<f64>, low: Option<f64>, high: Option<f64>) -> String {
    value_or_range(value, low, high, number)
}

/// A whole count, thousands grouped: 1234567.4 → "1,234,567".
pub fn count(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let n = v.round();
    let grouped = group(n.abs() as u64);
    if n < 0.0 { format!("-{grouped}") } else { grouped }
}

/// A number with its unit: "52.57%", "36,200 km²", "470 people".
pub fn with_unit(number: &str, unit: &str) -> String {
    match unit.trim() {
        "percent" | "%" => format!("{number}%"),
        "" => number.to_string(),
        unit => format!("{number} {unit}"),
    }
}

/// "Jan 2015", "26 Jan 2015" or "2015": a date at its precision, with a short month.
pub fn date_short(d: PackDate) -> String {
    use crate::content::date::MONTHS_SHORT as MONTHS;
    let year = if d.year < 0 { format!("{} BCE", -d.year) } else { d.year.to_string() };
    let month = |m: u8| MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?");
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {year}", month(m)),
        (Some(m), None) => format!("{} {year}", month(m)),
        _ => year,
    }
}

/// "m:ss" (or "h:mm:ss") for a number of seconds: the presenter's timers.
pub fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The words a figure reference prints in prose, e.g. "470 people" or "41.7 per million people".
pub fn figure(f: &Resolved<'_>) -> String {
    let (value, low, high) = f.numbers();
    if f.reference.per_million {
        let text = value_or_range(value, low, high, rate);
        return if f.reference.number_only { text } else { format!("{text} per million people") };
    }
    let text = value_or_range(value, low, high, number);
    if f.reference.number_only { text } else { with_unit(&text, &f.dataset.unit) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_same_everywhere() {
        assert_eq!(number(1_210_357.0), "1,210,357");
        assert_eq!(number(52.57), "52.57");
        assert_eq!(number(9.5), "9.5");
        assert_eq!(number(36_200.0), "36,200");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(-1500.0), "-1,500");
        assert_eq!(number(99.999), "100");
        assert_eq!(rate(39.04), "39.0");
        assert_eq!(rate(9.25), "9.3");
        assert_eq!(count(1_210_357.4), "1,210,357");
        assert_eq!(count(-1500.0), "-1,500");
    }

    #[test]
    fn a_figure_prints_the_same_in_every_view() {
        // The map printed 52.57 as "53" and preferred the value; the panel printed "52.6" and
        // preferred the range. Now both print this.
        assert_eq!(figure_numbers(Some(52.57), None, None), "52.57");
        assert_eq!(figure_numbers(Some(5000.0), Some(4000.0), Some(6000.0)), "5,000 (4,000–6,000)");
        assert_eq!(figure_numbers(None, Some(27_000.0), Some(31_000.0)), "27,000–31,000");
    }

    #[test]
    fn ranges_and_units() {
        assert_eq!(value_or_range(None, Some(27_000.0), Some(31_000.0), number), "27,000–31,000");
        assert_eq!(value_or_range(Some(5000.0), Some(4000.0), Some(6000.0), number), "5,000 (4,000–6,000)");
        assert_eq!(value_or_range(Some(5.0), None, None, number), "5");
        assert_eq!(with_unit("52.57", "percent"), "52.57%");
        assert_eq!(with_unit("36,200", "km²"), "36,200 km²");
        assert_eq!(date_short(PackDate::month(2015, 1)), "Jan 2015");
        assert_eq!(date_short(PackDate::day(2017, 6, 26)), "26 Jun 2017");
    }

    #[test]
    fn clock_formats() {
        assert_eq!(clock(65.4), "1:05");
        assert_eq!(clock(3725.0), "1:02:05");
        assert_eq!(clock(-3.0), "0:00");
    }
}
