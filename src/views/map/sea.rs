//! The sea, painted only where the land does not cover it all.
//!
//! The land is drawn over the sea, and in the map's usual view (Syria and Iraq) land fills
//! five sixths of it, so most of the map was painted twice. Software OpenGL (llvmpipe: the
//! test machine, and virtual machines and remote desktops in schools) pays for every pixel of
//! every layer: a start at the map took 3.5 ms less with no sea painted at all (40 runs in turn).
//!
//! The map is cut into squares of [`CELL`] points. A square that no stretch of coast touches
//! lies wholly on land or wholly at sea, and its centre tells which (one centre for each group
//! of such squares side by side: nothing divides them); the land's triangles
//! cover a land square entirely (they meet edge to edge, and shared borders are the same
//! points on both sides), so its sea is left out. Everything else is painted as before, in
//! rectangles on whole pixels, so the picture is the same pixel for pixel.

use egui::emath::GuiRounding as _;
use egui::{Pos2, Rect, Vec2, pos2};

use super::basemap::BaseMap;

/// Side of a square, in points.
pub const CELL: f32 = 32.0;

/// What the sea was last cut for: scale, origin, the map's rectangle, pixels per point.
type View = (f32, Vec2, Rect, f32);

/// The sea's rectangles for the last view (recomputed when the view changes).
#[derive(Default)]
pub struct Sea {
    last: Option<View>,
    rects: Vec<Rect>,
}

impl Sea {
    /// The rectangles to paint in the sea's colour for the map at `rect`, where a zoom-0
    /// point `p` is at `origin + p × scale`.
    pub fn rects(&mut self, base: &BaseMap, scale: f32, origin: Vec2, rect: Rect, pixels_per_point: f32) -> &[Rect] {
        let view = (scale, origin, rect, pixels_per_point);
        if self.last != Some(view) {
            self.rects = sea_rects(base, scale, origin, rect, pixels_per_point);
            self.last = Some(view);
        }
        &self.rects
    }
}

/// See the module docs.
pub fn sea_rects(base: &BaseMap, scale: f32, origin: Vec2, rect: Rect, pixels_per_point: f32) -> Vec<Rect> {
    let map = rect.round_to_pixels(pixels_per_point);
    if !map.is_positive() || !scale.is_finite() || scale <= 0.0 {
        return vec![map];
    }
    let cell = CELL.round_to_pixels(pixels_per_point).max(1.0 / pixels_per_point);
    let (cols, rows) = ((map.width() / cell).ceil() as usize, (map.height() / cell).ceil() as usize);
    let edges =
        |n: usize, from: f32, to: f32| -> Vec<f32> { (0..=n).map(|k| (from + k as f32 * cell).min(to)).collect() };
    let (xs, ys) = (edges(cols, map.left(), map.right()), edges(rows, map.top(), map.bottom()));

    // Squares a stretch of coast passes through (by its bounding box: a square too many only
    // keeps its sea, under land that covers it anyway).
    let mut coast = vec![false; cols * rows];
    let to_screen = |p: Pos2| origin.to_pos2() + p.to_vec2() * scale;
    let col = |x: f32| (((x - map.left()) / cell).floor().max(0.0) as usize).min(cols - 1);
    let row = |y: f32| (((y - map.top()) / cell).floor().max(0.0) as usize).min(rows - 1);
    for &[a, b] in &base.coast {
        let (a, b) = (to_screen(a), to_screen(b));
        let (lo, hi) = (a.min(b), a.max(b));
        if hi.x < map.left() || lo.x > map.right() || hi.y < map.top() || lo.y > map.bottom() {
            continue;
        }
        for r in row(lo.y)..=row(hi.y) {
            for c in col(lo.x)..=col(hi.x) {
                coast[r * cols + c] = true;
            }
        }
    }

    // Squares no coast touches, side by side, lie on the same side of it: one centre tells
    // for all of them (a walk over each group of them, one point-in-country test each).
    let mut sea = coast.clone();
    let mut seen = coast;
    for start in 0..cols * rows {
        if seen[start] {
            continue;
        }
        let (r, c) = (start / cols, start % cols);
        let centre = pos2((xs[c] + xs[c + 1]) / 2.0, (ys[r] + ys[r + 1]) / 2.0);
        let at_sea = base.country_at(((centre.to_vec2() - origin) / scale).to_pos2()).is_none();
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(k) = stack.pop() {
            sea[k] = at_sea;
            let (r, c) = (k / cols, k % cols);
            let next = [
                (r > 0).then(|| k - cols),
                (r + 1 < rows).then(|| k + cols),
                (c > 0).then(|| k - 1),
                (c + 1 < cols).then(|| k + 1),
            ];
            for n in next.into_iter().flatten() {
                if !seen[n] {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
    }

    let mut out = Vec::new();
    for r in 0..rows {
        let (top, bottom) = (ys[r], ys[r + 1]);
        let mut run: Option<usize> = None;
        for c in 0..=cols {
            match (c < cols && sea[r * cols + c], run) {
                (true, None) => run = Some(c),
                (false, Some(start)) => {
                    out.push(Rect::from_min_max(pos2(xs[start], top), pos2(xs[c], bottom)));
                    run = None;
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Syria and Iraq as the map first shows them (zoom 5, 832 × 385 points).
    fn view() -> (f32, Vec2, Rect) {
        let scale = 32.0;
        let centre = crate::views::map::model::zoom0(41.0, 34.5);
        let rect = Rect::from_min_size(pos2(253.4, 256.5), egui::vec2(832.0, 385.0));
        (scale, rect.center().to_vec2() - centre.to_vec2() * scale, rect)
    }

    #[test]
    fn the_sea_is_left_out_only_where_land_covers_every_pixel() {
        let base = BaseMap::shared();
        let (scale, origin, rect) = view();
        for ppp in [1.0, 1.5] {
            let rects = sea_rects(base, scale, origin, rect, ppp);
            let area: f32 = rects.iter().map(|r| r.area()).sum();
            // Much of this view is land; some of it is sea (the Mediterranean, the Gulf).
            assert!(area < 0.6 * rect.area() && area > 0.05 * rect.area(), "sea {area} of {}", rect.area());
            // Rectangles on whole pixels, not overlapping.
            for (i, a) in rects.iter().enumerate() {
                for v in [a.left(), a.right(), a.top(), a.bottom()] {
                    assert!(((v * ppp) - (v * ppp).round()).abs() < 1e-3);
                }
                for b in &rects[i + 1..] {
                    assert!(!a.intersect(*b).is_positive(), "{a:?} and {b:?} overlap");
                }
            }
            // Every pixel left without sea is inside a country, with no coast within it.
            let step = 3.0 / ppp;
            let mut y = rect.top() + 0.5 / ppp;
            while y < rect.bottom() {
                let mut x = rect.left() + 0.5 / ppp;
                while x < rect.right() {
                    let p = pos2(x, y);
                    if !rects.iter().any(|r| r.contains(p)) {
                        let z = ((p.to_vec2() - origin) / scale).to_pos2();
                        assert!(base.country_at(z).is_some(), "no sea at {p:?}, which is not land");
                    }
                    x += step;
                }
                y += step;
            }
        }
    }

    #[test]
    fn a_view_out_at_sea_is_all_sea() {
        let base = BaseMap::shared();
        // The middle of the Atlantic at zoom 6.
        let scale = 64.0;
        let centre = crate::views::map::model::zoom0(-35.0, 30.0);
        let rect = Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(400.0, 300.0));
        let origin = rect.center().to_vec2() - centre.to_vec2() * scale;
        let rects = sea_rects(base, scale, origin, rect, 1.0);
        let area: f32 = rects.iter().map(|r| r.area()).sum();
        assert!((area - rect.area()).abs() < 1.0, "sea {area} of {}", rect.area());
    }
}
