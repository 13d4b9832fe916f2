//! The chart's background, the eras' bands and every other track's shade, painted as one
//! layer of rectangles that do not overlap, each in the colour the three layers made
//! together.
//!
//! The picture is the one the layers gave (to a unit of colour, and with cell edges on whole
//! pixels), but each pixel is painted once instead of up to three times. Software OpenGL
//! (llvmpipe: the test machine, and virtual machines and remote desktops in schools) pays for
//! every pixel of every layer, and these layers cover a third of the window: without them at
//! all a start at the timeline took 5 ms less (40 runs in turn); as one layer, two of the
//! three are saved (see the README's Speed section).
//!
//! Edges on whole pixels also keep the rectangles from leaving seams: egui fades a
//! rectangle's edge over the pixel on each side of it, and a pixel-aligned edge puts that fade
//! exactly between two pixels, so neighbours meet without a gap or an overlap.

use egui::emath::GuiRounding as _;
use egui::{Color32, CornerRadius, Painter, Rect, pos2};

use super::paint::{Colours, Layout};
use super::transform::DayTransform;
use crate::content::Pack;

/// The shade of every other track row.
pub fn row_shade(dark: bool) -> Color32 {
    if dark { Color32::from_white_alpha(6) } else { Color32::from_black_alpha(6) }
}

/// The band behind an era.
pub fn era_band(dark: bool) -> Color32 {
    if dark { Color32::from_white_alpha(14) } else { Color32::from_black_alpha(12) }
}

/// Rounding of the chart's corners.
const CORNER: u8 = 4;

/// An era's band from `x0` to `x1` (screen), clamped to the plot; `None` if out of view.
pub fn era_x(t: &DayTransform, lay: &Layout, era: &crate::content::schema::Era) -> Option<(f32, f32)> {
    let x0 = t.x(era.start.start_day() as f64).max(lay.plot.left());
    let x1 = t.x(era.end.end_day() as f64 + 1.0).min(lay.plot.right());
    (x1 > x0).then_some((x0, x1))
}

/// Paints the background with the eras' bands and the shade of every odd track row.
pub fn paint(painter: &Painter, t: &DayTransform, lay: &Layout, pack: &Pack, c: &Colours) {
    let eras: Vec<(f32, f32)> = pack.eras.iter().filter_map(|era| era_x(t, lay, era)).collect();
    for (rect, radius, colour) in cells(lay, &eras, c, painter.pixels_per_point()) {
        painter.rect_filled(rect, radius, colour);
    }
}

/// The rectangles that make up the background: they do not overlap, together they fill the
/// chart (its edges on whole pixels), and each has the colour the background, the eras'
/// bands over `eras` (screen x ranges) and the odd rows' shade make together.
pub fn cells(
    lay: &Layout,
    eras: &[(f32, f32)],
    c: &Colours,
    pixels_per_point: f32,
) -> Vec<(Rect, CornerRadius, Color32)> {
    let snap = |v: f32| v.round_to_pixels(pixels_per_point);
    let chart = lay.rect.round_to_pixels(pixels_per_point);
    let eras: Vec<(f32, f32)> = eras
        .iter()
        .map(|&(a, b)| (snap(a).clamp(chart.left(), chart.right()), snap(b).clamp(chart.left(), chart.right())))
        .filter(|(a, b)| b > a)
        .collect();
    let mut xs: Vec<f32> = vec![chart.left(), chart.right()];
    xs.extend(eras.iter().flat_map(|&(a, b)| [a, b]));
    xs.sort_by(f32::total_cmp);
    xs.dedup();

    let rows =
        if lay.track_h > 0.0 { ((lay.tracks_bottom - lay.tracks_top) / lay.track_h).round() as usize } else { 0 };
    let row_top = |row: usize| snap(lay.tracks_top + row as f32 * lay.track_h);
    let (era_top, era_bottom) = (snap(lay.era_top), snap(lay.tracks_bottom));
    let mut ys: Vec<f32> = vec![chart.top(), chart.bottom(), era_top, era_bottom];
    ys.extend((0..=rows).map(row_top));
    let mut ys: Vec<f32> = ys.into_iter().map(|y| y.clamp(chart.top(), chart.bottom())).collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup();

    let (shade, band) = (row_shade(c.dark), era_band(c.dark));
    let odd_row = |y0: f32, y1: f32| (0..rows).any(|row| row % 2 == 1 && row_top(row) <= y0 && y1 <= row_top(row + 1));
    let mut out = Vec::new();
    let mut push = |x0: f32, x1: f32, y0: f32, y1: f32, colour: Color32| {
        let r = Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
        let corner = |holds: bool| if holds { CORNER } else { 0 };
        let radius = CornerRadius {
            nw: corner(r.left() == chart.left() && r.top() == chart.top()),
            ne: corner(r.right() == chart.right() && r.top() == chart.top()),
            sw: corner(r.left() == chart.left() && r.bottom() == chart.bottom()),
            se: corner(r.right() == chart.right() && r.bottom() == chart.bottom()),
        };
        out.push((r, radius, colour));
    };
    for band_y in ys.windows(2) {
        let (y0, y1) = (band_y[0], band_y[1]);
        let in_eras = era_top <= y0 && y1 <= era_bottom;
        let shaded = odd_row(y0, y1);
        // Runs of cells in one colour become one rectangle.
        let mut run: Option<(f32, f32, Color32)> = None;
        for cell_x in xs.windows(2) {
            let (x0, x1) = (cell_x[0], cell_x[1]);
            let over = if in_eras { eras.iter().filter(|&&(a, b)| a <= x0 && x1 <= b).count() } else { 0 };
            // As the layers were painted: background, the eras' bands, then the row's shade.
            let mut colour = (0..over).fold(c.background, |acc, _| acc.blend(band));
            if shaded {
                colour = colour.blend(shade);
            }
            run = match run {
                Some((a, _, col)) if col == colour => Some((a, x1, col)),
                Some((a, b, col)) => {
                    push(a, b, y0, y1, col);
                    Some((x0, x1, colour))
                }
                None => Some((x0, x1, colour)),
            };
        }
        if let Some((a, b, col)) = run {
            push(a, b, y0, y1, col);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        let rect = Rect::from_min_max(pos2(10.3, 20.0), pos2(810.6, 520.2));
        Layout {
            rect,
            plot: Rect::from_min_max(pos2(200.0, rect.top()), pos2(804.6, rect.bottom())),
            label_col: true,
            axis_top: 20.0,
            axis_rows: 2,
            axis_row_h: 20.0,
            era_top: 60.0,
            era_h: 20.0,
            tracks_top: 80.0,
            track_h: 70.5,
            track_label_h: 20.0,
            marker_lane: 20.0,
            label_lane: 18.0,
            label_lanes: 2,
            tracks_bottom: 80.0 + 5.0 * 70.5,
            cursor_top: 80.0 + 5.0 * 70.5 + 2.0,
        }
    }

    fn colours(dark: bool) -> Colours {
        let background = if dark { Color32::from_gray(10) } else { Color32::from_gray(248) };
        Colours {
            dark,
            text: Color32::WHITE,
            weak: Color32::GRAY,
            accent: Color32::BLUE,
            background,
            grid: Color32::DARK_GRAY,
            grid_major: Color32::GRAY,
        }
    }

    /// The colour the cells give the point `p`, and how many cells hold it.
    fn at(cells: &[(Rect, CornerRadius, Color32)], p: egui::Pos2) -> (usize, Option<Color32>) {
        let holding: Vec<_> =
            cells.iter().filter(|(r, _, _)| r.contains(p) && p.x < r.right() && p.y < r.bottom()).collect();
        (holding.len(), holding.first().map(|c| c.2))
    }

    #[test]
    fn the_cells_fill_the_chart_once_in_the_colours_the_layers_made() {
        for dark in [true, false] {
            let c = colours(dark);
            let (shade, band) = (row_shade(dark), era_band(dark));
            let lay = layout();
            let eras = [(300.2, 420.7), (400.0, 500.0)];
            for ppp in [1.0, 1.5, 2.0] {
                let cells = cells(&lay, &eras, &c, ppp);
                // Every pixel centre of the chart lies in exactly one cell.
                let (x0, y0) = ((lay.rect.left() * ppp).round() as i32, (lay.rect.top() * ppp).round() as i32);
                let (x1, y1) = ((lay.rect.right() * ppp).round() as i32, (lay.rect.bottom() * ppp).round() as i32);
                for py in (y0..y1).step_by(3) {
                    for px in (x0..x1).step_by(3) {
                        let p = pos2((px as f32 + 0.5) / ppp, (py as f32 + 0.5) / ppp);
                        assert_eq!(at(&cells, p).0, 1, "pixel {px},{py} at {ppp}x is in {} cells", at(&cells, p).0);
                    }
                }
                // Cell edges lie on whole pixels (so neighbours meet without seams).
                for (r, _, _) in &cells {
                    for v in [r.left(), r.right(), r.top(), r.bottom()] {
                        assert!(((v * ppp) - (v * ppp).round()).abs() < 1e-3, "edge {v} at {ppp}x");
                    }
                }
                // The colours, as the layers were painted over each other.
                let row = |k: f32| lay.tracks_top + lay.track_h * k;
                assert_eq!(at(&cells, pos2(100.0, 40.0)).1, Some(c.background), "axis row");
                assert_eq!(at(&cells, pos2(350.0, 40.0)).1, Some(c.background), "axis row above an era");
                assert_eq!(at(&cells, pos2(350.0, 70.0)).1, Some(c.background.blend(band)), "era label row");
                assert_eq!(at(&cells, pos2(100.0, row(1.5))).1, Some(c.background.blend(shade)), "second track");
                assert_eq!(at(&cells, pos2(350.0, row(2.5))).1, Some(c.background.blend(band)), "third track, one era");
                let both = c.background.blend(band).blend(band).blend(shade);
                assert_eq!(at(&cells, pos2(410.0, row(3.5))).1, Some(both), "fourth track, two eras");
                assert_eq!(at(&cells, pos2(350.0, lay.tracks_bottom + 5.0)).1, Some(c.background), "cursor row");
            }
        }
    }

    #[test]
    fn only_the_cells_at_the_chart_corners_are_rounded() {
        let cells = cells(&layout(), &[(300.0, 400.0)], &colours(true), 1.0);
        let rounded: Vec<_> = cells.iter().filter(|(_, r, _)| *r != CornerRadius::ZERO).collect();
        assert_eq!(rounded.len(), 2, "the top and bottom rows each span the chart: {rounded:?}");
        for (rect, radius, _) in rounded {
            let top = rect.top() == 20.0;
            assert_eq!((radius.nw, radius.ne, radius.sw, radius.se), if top { (4, 4, 0, 0) } else { (0, 0, 4, 4) });
        }
    }
}
