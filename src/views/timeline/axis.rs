//! The time axis: which tick step fits the zoom, where ticks fall on the calendar, their
//! labels, the periods named on the upper row, and painting it all with the grid.

use egui::{Color32, FontId, Painter, Rect, Stroke, pos2};

use crate::content::date::{MONTHS_SHORT, add_months, civil_from_days, days_from_civil, days_in_month};
use crate::content::{DatePrecision, PackDate};

use super::transform::DayTransform;

/// One step between axis ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickStep {
    Days(u8),
    Months(u8),
    Years(i64),
}

impl TickStep {
    /// Candidate steps from finest to coarsest: days, months, then years from 1 to ten billion
    /// (a cosmological timeline spans 13.8 billion years).
    pub const ALL: [TickStep; 38] = [
        TickStep::Days(1),
        TickStep::Days(2),
        TickStep::Days(5),
        TickStep::Days(10),
        TickStep::Months(1),
        TickStep::Months(3),
        TickStep::Months(6),
        TickStep::Years(1),
        TickStep::Years(2),
        TickStep::Years(5),
        TickStep::Years(10),
        TickStep::Years(20),
        TickStep::Years(50),
        TickStep::Years(100),
        TickStep::Years(200),
        TickStep::Years(500),
        TickStep::Years(1000),
        TickStep::Years(2000),
        TickStep::Years(5000),
        TickStep::Years(10_000),
        TickStep::Years(20_000),
        TickStep::Years(50_000),
        TickStep::Years(100_000),
        TickStep::Years(200_000),
        TickStep::Years(500_000),
        TickStep::Years(1_000_000),
        TickStep::Years(2_000_000),
        TickStep::Years(5_000_000),
        TickStep::Years(10_000_000),
        TickStep::Years(20_000_000),
        TickStep::Years(50_000_000),
        TickStep::Years(100_000_000),
        TickStep::Years(200_000_000),
        TickStep::Years(500_000_000),
        TickStep::Years(1_000_000_000),
        TickStep::Years(2_000_000_000),
        TickStep::Years(5_000_000_000),
        TickStep::Years(10_000_000_000),
    ];

    /// The shortest distance between two ticks of this step, in days.
    pub fn min_days(self) -> f64 {
        match self {
            TickStep::Days(n) => f64::from(n),
            TickStep::Months(1) => 28.0,
            TickStep::Months(n) => 30.0 * f64::from(n),
            TickStep::Years(n) => 365.0 * n as f64,
        }
    }

    /// The labels this step can show that are widest, to measure before choosing it.
    pub fn sample_labels(self) -> Vec<String> {
        match self {
            TickStep::Days(_) => vec!["28".into(), "30".into()],
            TickStep::Months(_) => MONTHS_SHORT.iter().map(|m| m.to_string()).collect(),
            // Far years read "650 million years ago" (see `date::year_label`).
            TickStep::Years(n) if n >= 100_000 => vec![deep_time_label(8_888_888_888, n.unsigned_abs())],
            TickStep::Years(n) if n >= 10_000 => vec![PackDate::year(-88_000).to_string()],
            TickStep::Years(_) => vec!["2088".into()],
        }
    }

    /// Whether the axis needs a second row naming the year (for months) or month (for days).
    pub fn has_major_row(self) -> bool {
        !matches!(self, TickStep::Years(_))
    }

    /// The precision a date picked at this zoom should have.
    pub fn pick_precision(self) -> DatePrecision {
        match self {
            TickStep::Days(_) => DatePrecision::Day,
            _ => DatePrecision::Month,
        }
    }
}

/// Picks the finest tick step whose labels fit with `gap` points between them.
///
/// `label_width` gives the width of a step's widest label in points.
pub fn choose_step(px_per_day: f64, gap: f32, label_width: impl Fn(TickStep) -> f32) -> TickStep {
    TickStep::ALL
        .into_iter()
        .find(|&step| step.min_days() * px_per_day >= f64::from(label_width(step) + gap))
        .unwrap_or(TickStep::Years(10_000_000_000))
}

/// Tick positions (day numbers) of `step` from `start` to `end`, at most `limit` of them.
pub fn ticks(step: TickStep, start: f64, end: f64, limit: usize) -> Vec<i64> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(start.floor() as i64);
    let in_range = |d: i64| (d as f64) >= start && (d as f64) <= end;
    match step {
        TickStep::Years(n) => {
            // The first multiple of n at or after the span's first year, then every n years.
            let mut y = y0 + (n - y0.rem_euclid(n)) % n;
            while out.len() < limit {
                let d = days_from_civil(y, 1, 1);
                if d as f64 > end {
                    break;
                }
                if in_range(d) {
                    out.push(d);
                }
                y += n;
            }
        }
        TickStep::Months(n) => {
            let (mut y, mut m) = (y0, m0);
            while out.len() < limit {
                let d = days_from_civil(y, m, 1);
                if d as f64 > end {
                    break;
                }
                if (m - 1) % n == 0 && in_range(d) {
                    out.push(d);
                }
                (y, m) = add_months(y, m, 1);
            }
        }
        TickStep::Days(n) => {
            let mut d = start.floor() as i64;
            while out.len() < limit && d as f64 <= end {
                let (y, m, day) = civil_from_days(d);
                // Skip a late tick that would sit too close to the next month's first day.
                let fits = day == 1 || u16::from(day) + u16::from(n) <= u16::from(days_in_month(y, m)) + 1;
                if (day - 1) % n == 0 && fits && in_range(d) {
                    out.push(d);
                }
                d += 1;
            }
        }
    }
    out
}

/// The label under a tick: "2014", "Jun" or "10".
pub fn tick_label(step: TickStep, day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    match step {
        TickStep::Years(n) if y < -99_999 => deep_time_label(y.unsigned_abs(), n.unsigned_abs()),
        TickStep::Years(_) => PackDate::year(y).to_string(),
        TickStep::Months(_) => MONTHS_SHORT[usize::from(m - 1)].to_string(),
        TickStep::Days(_) => d.to_string(),
    }
}

/// A tick of deep time, `years_ago` before year 0, with as many decimals as ticks `step` years
/// apart need to differ: "13 billion years ago" a billion years apart, "6.95 billion years
/// ago" ten million apart, "66 million years ago", and every digit ("6,900,001,100 years ago")
/// when the ticks are less than a thousand years apart.
fn deep_time_label(years_ago: u64, step: u64) -> String {
    let (unit, name) = if years_ago >= 1_000_000_000 && step >= 1_000_000 {
        (1e9, "billion")
    } else if years_ago >= 1_000_000 && step >= 1_000 {
        (1e6, "million")
    } else {
        return format!("{} years ago", group_thousands(years_ago));
    };
    let decimals = (unit / step.max(1) as f64).log10().ceil().max(0.0) as usize;
    format!("{:.decimals$} {name} years ago", years_ago as f64 / unit)
}

/// 6900001100 → "6,900,001,100".
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The periods named on the axis's upper row: years (when ticks are months) or months
/// (when ticks are days), as (first day, day after the last, label).
pub fn major_periods(step: TickStep, start: f64, end: f64) -> Vec<(i64, i64, String)> {
    let mut out = Vec::new();
    let (y0, m0, _) = civil_from_days(start.floor() as i64);
    match step {
        TickStep::Years(_) => {}
        TickStep::Months(_) => {
            let mut y = y0;
            while (days_from_civil(y, 1, 1) as f64) <= end && out.len() < 200 {
                out.push((days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1), PackDate::year(y).to_string()));
                y += 1;
            }
        }
        TickStep::Days(_) => {
            let (mut y, mut m) = (y0, m0);
            while (days_from_civil(y, m, 1) as f64) <= end && out.len() < 200 {
                let next = add_months(y, m, 1);
                out.push((
                    days_from_civil(y, m, 1),
                    days_from_civil(next.0, next.1, 1),
                    PackDate::month(y, m).to_string(),
                ));
                (y, m) = next;
            }
        }
    }
    out
}

/// Where the axis is drawn: its rows, and how far down the grid lines reach.
pub struct AxisArea {
    /// The plot's left and right (x) and the chart's full height.
    pub plot: Rect,
    /// The top of the upper row.
    pub top: f32,
    /// 1 (years only) or 2 (periods above ticks).
    pub rows: usize,
    pub row_height: f32,
    /// Where the tick lines end.
    pub grid_bottom: f32,
}

/// The colours of the axis for one theme.
pub struct AxisColours {
    pub text: Color32,
    pub grid: Color32,
    pub grid_major: Color32,
}

/// Paints the grid lines, the tick labels and the periods above them. `plot_painter` is
/// clipped to the plot; labels go through `painter`.
pub fn paint(
    painter: &Painter,
    plot_painter: &Painter,
    t: &DayTransform,
    area: &AxisArea,
    step: TickStep,
    font: &FontId,
    colours: &AxisColours,
) {
    let span = t.span();
    let minor_row_top = area.top + (area.rows as f32 - 1.0) * area.row_height;
    let mut last_right = f32::NEG_INFINITY;
    for day in ticks(step, span.start, span.end, 400) {
        let x = t.x(day as f64);
        plot_painter.line_segment([pos2(x, minor_row_top), pos2(x, area.grid_bottom)], Stroke::new(1.0, colours.grid));
        let galley = painter.layout_no_wrap(tick_label(step, day), font.clone(), colours.text);
        let left = x + 4.0;
        if left > last_right + 8.0 && left + galley.size().x <= area.plot.right() && x >= area.plot.left() {
            last_right = left + galley.size().x;
            painter.galley(pos2(left, minor_row_top + 3.0), galley, colours.text);
        }
    }
    for (a, b, label) in major_periods(step, span.start, span.end) {
        let (xa, xb) = (t.x(a as f64), t.x(b as f64));
        if xa >= area.plot.left() {
            plot_painter
                .line_segment([pos2(xa, area.top), pos2(xa, area.grid_bottom)], Stroke::new(1.5, colours.grid_major));
        }
        let galley = painter.layout_no_wrap(label, font.clone(), colours.text);
        let left = xa.max(area.plot.left()) + 4.0;
        if left + galley.size().x <= xb.min(area.plot.right()) - 6.0 {
            painter.galley(pos2(left, area.top + 3.0), galley, colours.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Label widths of a 16-point font, roughly.
    fn widths(step: TickStep) -> f32 {
        match step {
            TickStep::Days(_) => 18.0,
            TickStep::Months(_) => 32.0,
            TickStep::Years(_) => 38.0,
        }
    }

    #[test]
    fn tick_step_follows_the_zoom() {
        // Eleven years across 1,000 points: whole years.
        assert_eq!(choose_step(1000.0 / (11.0 * 365.0), 18.0, widths), TickStep::Years(1));
        // The same on a 300-point projector view: every other year or fewer.
        assert!(matches!(choose_step(300.0 / (11.0 * 365.0), 18.0, widths), TickStep::Years(n) if n >= 2));
        // Two years across 1,000 points: months.
        assert!(matches!(choose_step(1000.0 / 730.0, 18.0, widths), TickStep::Months(_)));
        // Three weeks across 1,000 points: single days.
        assert_eq!(choose_step(1000.0 / 21.0, 18.0, widths), TickStep::Days(1));
        // Three months across 1,000 points: days, but not every day.
        assert!(matches!(choose_step(1000.0 / 92.0, 18.0, widths), TickStep::Days(n) if n > 1));
        // 5,000 years across 1,000 points (a history of writing): centuries or more.
        assert!(matches!(choose_step(1000.0 / (5000.0 * 365.0), 18.0, widths), TickStep::Years(n) if n >= 100));
    }

    #[test]
    fn chosen_ticks_are_never_closer_than_their_labels() {
        for px_per_day in [0.05, 0.2, 0.5, 1.0, 3.0, 8.0, 20.0, 60.0] {
            let step = choose_step(px_per_day, 18.0, widths);
            let t = ticks(step, days_from_civil(2013, 1, 1) as f64, days_from_civil(2016, 1, 1) as f64, 5000);
            for pair in t.windows(2) {
                let gap = (pair[1] - pair[0]) as f64 * px_per_day;
                assert!(gap >= f64::from(widths(step) + 18.0) - 1e-9, "{step:?} at {px_per_day}: gap {gap}");
            }
        }
    }

    #[test]
    fn ticks_land_on_calendar_boundaries() {
        let start = days_from_civil(2014, 1, 1) as f64;
        let end = days_from_civil(2014, 12, 31) as f64;
        let months = ticks(TickStep::Months(3), start, end, 100);
        let labels: Vec<String> = months.iter().map(|&d| tick_label(TickStep::Months(3), d)).collect();
        assert_eq!(labels, ["Jan", "Apr", "Jul", "Oct"]);
        let feb = ticks(TickStep::Days(5), days_from_civil(2015, 2, 1) as f64, days_from_civil(2015, 3, 1) as f64, 100);
        let labels: Vec<String> = feb.iter().map(|&d| tick_label(TickStep::Days(5), d)).collect();
        // 26 February would sit three days before 1 March, so it is left out.
        assert_eq!(labels, ["1", "6", "11", "16", "21", "1"]);
        let years = ticks(TickStep::Years(2), start, days_from_civil(2020, 1, 1) as f64, 100);
        let labels: Vec<String> = years.iter().map(|&d| tick_label(TickStep::Years(2), d)).collect();
        assert_eq!(labels, ["2014", "2016", "2018", "2020"]);
        let bce =
            ticks(TickStep::Years(500), days_from_civil(-3400, 1, 1) as f64, days_from_civil(0, 1, 1) as f64, 100);
        let labels: Vec<String> = bce.iter().map(|&d| tick_label(TickStep::Years(500), d)).collect();
        assert_eq!(labels.first().map(String::as_str), Some("3000 BCE"), "{labels:?}");
    }

    #[test]
    fn a_cosmological_span_gets_ticks_in_billions_of_years() {
        let start = days_from_civil(-13_800_000_000, 1, 1) as f64;
        let end = days_from_civil(2026, 1, 1) as f64;
        let px_per_day = 1000.0 / (end - start);
        let wide = |step: TickStep| if matches!(step, TickStep::Years(n) if n >= 100_000) { 150.0 } else { 38.0 };
        let step = choose_step(px_per_day, 18.0, wide);
        assert!(matches!(step, TickStep::Years(n) if n >= 1_000_000_000), "{step:?}");
        let labels: Vec<String> = ticks(step, start, end, 100).iter().map(|&d| tick_label(step, d)).collect();
        assert!(labels.len() >= 3 && labels.len() <= 8, "{labels:?}");
        assert!(labels.iter().all(|l| l.ends_with("billion years ago") || l == "0"), "{labels:?}");
        // Zoomed in on the dinosaurs' end: millions of years.
        let (a, b) = (days_from_civil(-70_000_000, 1, 1) as f64, days_from_civil(-60_000_000, 1, 1) as f64);
        let step = choose_step(1000.0 / (b - a), 18.0, wide);
        let labels: Vec<String> = ticks(step, a, b, 100).iter().map(|&d| tick_label(step, d)).collect();
        assert!(labels.contains(&"66 million years ago".to_string()), "{labels:?}");
    }

    #[test]
    fn deep_time_ticks_differ_at_every_zoom() {
        assert_eq!(deep_time_label(13_000_000_000, 1_000_000_000), "13 billion years ago");
        assert_eq!(deep_time_label(6_950_000_000, 10_000_000), "6.95 billion years ago");
        assert_eq!(deep_time_label(66_000_000, 2_000_000), "66 million years ago");
        assert_eq!(deep_time_label(66_050_000, 10_000), "66.05 million years ago");
        assert_eq!(deep_time_label(6_900_001_100, 100), "6,900,001,100 years ago");
        // Zoomed to a thousand years in the middle of the universe's history.
        let (a, b) = (days_from_civil(-6_900_001_000, 1, 1) as f64, days_from_civil(-6_900_000_000, 1, 1) as f64);
        let step = choose_step(1000.0 / (b - a), 18.0, |_| 38.0);
        let labels: Vec<String> = ticks(step, a, b, 100).iter().map(|&d| tick_label(step, d)).collect();
        assert!(labels.len() >= 2, "{labels:?}");
        assert!(labels.windows(2).all(|w| w[0] != w[1]), "{labels:?}");
    }

    #[test]
    fn the_upper_axis_row_names_years_or_months() {
        let start = days_from_civil(2014, 11, 15) as f64;
        let end = days_from_civil(2015, 2, 10) as f64;
        let years: Vec<String> = major_periods(TickStep::Months(1), start, end).into_iter().map(|p| p.2).collect();
        assert_eq!(years, ["2014", "2015"]);
        let months: Vec<String> = major_periods(TickStep::Days(1), start, end).into_iter().map(|p| p.2).collect();
        assert_eq!(months, ["November 2014", "December 2014", "January 2015", "February 2015"]);
        assert!(major_periods(TickStep::Years(1), start, end).is_empty());
    }
}
