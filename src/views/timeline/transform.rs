//! What part of time the chart shows, and where a day lands on screen.
//!
//! Time is counted in days since 1970-01-01 as `f64`; a day `d` covers `[d, d + 1)`. An
//! `f64` holds whole days exactly far beyond any calendar this app reads (±2⁵³ days, about
//! ±2.5 × 10¹³ years), so a cosmological timeline (−13.8 billion years ≈ −5 × 10¹² days)
//! fits the same [`Span`] and [`DayTransform`], with `PackDate`'s `i64` years and the axis's
//! steps of up to ten billion years.

/// Smallest visible span, in days.
pub const MIN_SPAN_DAYS: f64 = 10.0;

/// A stretch of time, in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: f64,
    pub end: f64,
}

impl Span {
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// The middle day.
    pub fn centre(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// Whether `[a, b)` overlaps the span.
    pub fn overlaps(&self, a: f64, b: f64) -> bool {
        b >= self.start && a <= self.end
    }

    /// Zooms by `factor` (> 1 zooms in) keeping `anchor` where it is, inside `full`.
    pub fn zoomed(self, factor: f64, anchor: f64, full: Span) -> Span {
        let len = (self.len() / factor).clamp(MIN_SPAN_DAYS.min(full.len()), full.len());
        let t = ((anchor - self.start) / self.len()).clamp(0.0, 1.0);
        let start = anchor - t * len;
        Span { start, end: start + len }.clamped(full)
    }

    /// Moves by `days`, inside `full`.
    pub fn panned(self, days: f64, full: Span) -> Span {
        Span { start: self.start + days, end: self.end + days }.clamped(full)
    }

    /// Shifts the span to lie inside `full` (shrinking it if it is longer).
    pub fn clamped(self, full: Span) -> Span {
        let len = self.len().min(full.len());
        let start = self.start.clamp(full.start, full.end - len);
        Span { start, end: start + len }
    }

    /// The smallest move that brings `[a, b)` into view (centred if it does not fit).
    pub fn showing(self, a: f64, b: f64, full: Span) -> Span {
        let margin = self.len() * 0.05;
        if a >= self.start + margin && b <= self.end - margin {
            return self;
        }
        if b - a > self.len() - 2.0 * margin {
            let mid = (a + b) / 2.0;
            return Span { start: mid - self.len() / 2.0, end: mid + self.len() / 2.0 }.clamped(full);
        }
        let shift = if a < self.start + margin { a - margin - self.start } else { b + margin - self.end };
        self.panned(shift, full)
    }
}

/// Days ↔ screen x for a span shown between two x positions, as egui_plot's
/// `PlotTransform` maps plot values to the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayTransform {
    span: Span,
    left: f32,
    width: f32,
}

impl DayTransform {
    /// `span` drawn from x = `left` to x = `right`.
    pub fn new(span: Span, left: f32, right: f32) -> Self {
        DayTransform { span, left, width: (right - left).max(1.0) }
    }

    pub fn span(&self) -> Span {
        self.span
    }

    /// The screen x of a day.
    pub fn x(&self, day: f64) -> f32 {
        self.left + ((day - self.span.start) / self.span.len() * f64::from(self.width)) as f32
    }

    /// The day at a screen x.
    pub fn day(&self, x: f32) -> f64 {
        self.span.start + f64::from(x - self.left) / f64::from(self.width) * self.span.len()
    }

    /// Screen points per day.
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.width) / self.span.len()
    }

    /// How many days a move of `dx` points stands for.
    pub fn days_for(&self, dx: f32) -> f64 {
        f64::from(dx) / self.px_per_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_and_pan_stay_inside_the_full_span() {
        let full = Span { start: 0.0, end: 1000.0 };
        let z = full.zoomed(4.0, 100.0, full);
        assert!((z.len() - 250.0).abs() < 1e-9);
        assert!((z.start - 75.0).abs() < 1e-9, "the anchor keeps its place");
        let p = z.panned(-500.0, full);
        assert_eq!(p.start, 0.0);
        let out = z.zoomed(0.01, 500.0, full);
        assert_eq!(out, full);
        let tiny = full.zoomed(1e6, 500.0, full);
        assert!((tiny.len() - MIN_SPAN_DAYS).abs() < 1e-9);
        let shown = z.showing(900.0, 901.0, full);
        assert!(shown.start <= 900.0 && shown.end >= 901.0);
    }

    #[test]
    fn days_and_x_are_inverse() {
        let t = DayTransform::new(Span { start: 16_000.0, end: 16_365.0 }, 100.0, 830.0);
        assert_eq!(t.x(16_000.0), 100.0);
        assert_eq!(t.x(16_365.0), 830.0);
        assert!((t.day(t.x(16_123.5)) - 16_123.5).abs() < 1e-3);
        assert!((t.px_per_day() - 2.0).abs() < 1e-9);
        assert!((t.days_for(10.0) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn a_cosmological_span_keeps_whole_days() {
        // The Big Bang, 13.8 billion years ago, to today: about 5 × 10¹² days.
        let start = -13.8e9 * 365.2425;
        let t = DayTransform::new(Span { start, end: 20_000.0 }, 0.0, 1000.0);
        assert_eq!(t.x(start), 0.0);
        assert!((t.x(20_000.0) - 1000.0).abs() < 1e-3);
        assert_eq!(start + 1.0 - start, 1.0, "a single day is still resolved");
    }
}
