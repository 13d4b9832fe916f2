//! Long lists inside a scroll area that lay out only what can be seen.
//!
//! Each item's height is remembered from the last frame it was laid out. An item whose
//! remembered rectangle lies outside the visible part of the scroll area only reserves that
//! much space. An item never laid out that starts below the visible part reserves the mean
//! height of the items measured so far: nothing in sight moves by it, and a view's first
//! frame lays out one screen of a long list, not all of it (the timeline's 126 entries at
//! start-up, where the list begins below the fold). The items next to the visible ones, and next to the one holding keyboard
//! focus, are laid out too, so Tab and Shift+Tab can move focus onto them; an item that
//! receives keyboard focus is scrolled into view.

use egui::{Id, IdMap, Rect, Ui};

/// What the remembered heights depend on: the list's width and the zoom.
#[derive(Clone, Copy, PartialEq)]
struct Measure {
    width: f32,
    pixels_per_point: f32,
}

/// An item out of sight this frame: the space it keeps, and how many items away from the
/// nearest one in sight it is (by the last frame's scroll position).
#[derive(Clone, Copy, Debug)]
pub struct OutOfSight {
    pub rect: Rect,
    pub distance: usize,
}

/// Remembered item heights of one list (keep one per list, across frames).
#[derive(Default)]
pub struct LazyList {
    measure: Option<Measure>,
    /// By item key.
    heights: IdMap<f32>,
    /// The item holding the keyboard-focused widget in the last frame.
    focus_item: Option<Id>,
    /// The keyboard-focused widget at the end of the last frame.
    focus_widget: Option<Id>,
    /// The items laid out in full in the last frame.
    laid_out: usize,
    /// The positions of the first and last item in sight in the last frame.
    in_sight: Option<(usize, usize)>,
}

impl LazyList {
    /// The key of an item named `name` (a list whose items have no key of their own).
    pub fn key_of(name: &str) -> Id {
        Id::unique(("lazy-item", name))
    }

    /// How many items the last frame laid out in full.
    pub fn laid_out(&self) -> usize {
        self.laid_out
    }

    /// Forgets one item's height (e.g. when its look changes), so it is laid out next time.
    pub fn forget(&mut self, key: Id) {
        self.heights.remove(&key);
    }

    /// How far item `k` is from the items in sight in the last frame.
    fn distance(&self, k: usize) -> usize {
        match self.in_sight {
            Some((first, _)) if k < first => first - k,
            Some((_, last)) if k > last => k - last,
            Some(_) => 0,
            None => usize::MAX,
        }
    }

    /// Shows `items` one under another. `key` names an item (stable and unique in the list;
    /// computed once per item if the list is long, e.g. with [`LazyList::key_of`]), `force`
    /// marks items that must be laid out even when out of sight (e.g. the one to scroll to).
    /// `add(ui, k, item, None)` lays out the `k`-th item; for an item out of sight the list
    /// reserves its space and calls `add(ui, k, item, Some(out_of_sight))`, where the view may
    /// register a light stand-in (e.g. the item's accessibility node, with the same widget
    /// id) or nothing.
    pub fn show<T>(
        &mut self,
        ui: &mut Ui,
        items: &[T],
        key: impl Fn(&T) -> Id,
        force: impl Fn(&T) -> bool,
        mut add: impl FnMut(&mut Ui, usize, &T, Option<OutOfSight>),
    ) {
        let measure = Measure { width: ui.available_width(), pixels_per_point: ui.ctx().pixels_per_point() };
        if self.measure != Some(measure) {
            self.heights.clear();
            self.measure = Some(measure);
        }
        let clip = ui.clip_rect();
        let gap = ui.spacing().item_spacing.y;
        let visible = |top: f32, height: f32| top + height >= clip.top() && top <= clip.bottom();
        let holds_focus = |key: Id| self.focus_item == Some(key);
        let mut focused = ui.memory(|m| m.focused());
        // Where the focused widget is, read again only after an item is laid out (items out
        // of sight hold at most a stand-in, registered where it was last frame too).
        let mut focused_rect = focused.and_then(|f| ui.ctx().read_response(f)).map(|r| r.rect);
        let mut previous_anchor = false;
        let mut focus_item = None;
        let mut laid_out = 0;
        let mut in_sight: Option<(usize, usize)> = None;
        // Consecutive items out of sight share one allocation: `skipped` is the height they
        // take (each with the gap after it) below the cursor.
        let mut skipped = 0.0;
        let left = ui.cursor().left();
        let width = ui.available_width();
        let mut next_key = items.first().map(&key);
        // The height an item never laid out reserves: the mean of those measured.
        let (mut measured, mut measured_sum) = (self.heights.len(), self.heights.values().sum::<f32>());
        let mut mean_height = if measured == 0 { 0.0 } else { measured_sum / measured as f32 };
        for (k, item) in items.iter().enumerate() {
            let Some(this_key) = next_key else { break };
            next_key = items.get(k + 1).map(&key);
            let top = ui.cursor().top() + skipped;
            let known = self.heights.get(&this_key).copied();
            // Anchors are the visible items and the focused one; their neighbours are laid out too.
            let lay_out = match known {
                // Below the visible part nothing in sight depends on its height yet.
                None => top <= clip.bottom() || previous_anchor || force(item) || self.heights.is_empty(),
                Some(h) => {
                    let anchor = visible(top, h) || holds_focus(this_key);
                    let next_anchor = next_key.is_some_and(|next| {
                        let next_top = top + h + gap;
                        holds_focus(next) || self.heights.get(&next).is_none_or(|&nh| visible(next_top, nh))
                    });
                    let lay_out = anchor || previous_anchor || next_anchor || force(item);
                    previous_anchor = anchor;
                    lay_out
                }
            };
            let rect = match known {
                _ if !lay_out => {
                    let h = known.unwrap_or(mean_height);
                    let rect = Rect::from_min_size(egui::pos2(left, top), egui::vec2(width, h));
                    skipped += h + gap;
                    add(ui, k, item, Some(OutOfSight { rect, distance: self.distance(k) }));
                    if known.is_none() {
                        previous_anchor = false;
                    }
                    rect
                }
                _ => {
                    if skipped > 0.0 {
                        ui.allocate_space(egui::vec2(width, skipped - gap));
                        skipped = 0.0;
                    }
                    // An explicit id: the item's widgets keep their ids whichever items above are skipped.
                    let scope = egui::UiBuilder::new().scope_id(ui.scope_id().with(this_key));
                    let rect = ui.scope_builder(scope, |ui| add(ui, k, item, None)).response.rect;
                    if known.is_none() {
                        previous_anchor = visible(top, rect.height()) || holds_focus(this_key);
                    }
                    match self.heights.insert(this_key, rect.height()) {
                        Some(before) => measured_sum += rect.height() - before,
                        None => (measured, measured_sum) = (measured + 1, measured_sum + rect.height()),
                    }
                    mean_height = measured_sum / measured as f32;
                    laid_out += 1;
                    // Tab may have moved the focus into this item while it was laid out.
                    focused = ui.memory(|m| m.focused());
                    focused_rect = focused.and_then(|f| ui.ctx().read_response(f)).map(|r| r.rect);
                    rect
                }
            };
            if visible(rect.top(), rect.height()) {
                in_sight = Some(in_sight.map_or((k, k), |(first, _)| (first, k)));
            }
            // Does this item hold the keyboard focus? Then keep it (and its neighbours) laid out,
            // and bring a newly focused widget into view.
            if let (Some(widget), Some(focused)) = (focused_rect, focused)
                && rect.contains_rect(widget)
            {
                focus_item = Some(this_key);
                if self.focus_widget != Some(focused) {
                    ui.scroll_to_rect(widget, None);
                }
            }
        }
        if skipped > 0.0 {
            ui.allocate_space(egui::vec2(width, skipped - gap));
        }
        self.focus_item = focus_item;
        self.focus_widget = ui.memory(|m| m.focused());
        self.laid_out = laid_out;
        self.in_sight = in_sight;
    }
}

/// The focused item of a [`LazyList`]: outlined, and scrolled into view once. While it is
/// being scrolled to, every item is laid out for a few frames, so the items the scroll
/// lands on are known to egui from the frames before.
#[derive(Default)]
pub struct FocusScroll {
    /// The focused item already scrolled into view (so scrolling happens once).
    scrolled_to: Option<String>,
    /// The focused item of the last frame (its outline changes its height).
    outlined: Option<String>,
    /// Frames left in which every item is laid out.
    full_frames: u8,
}

impl FocusScroll {
    /// Call once a frame before showing the list. Returns true while every item should be
    /// laid out (pass it to [`LazyList::show`]'s `force`).
    pub fn begin(&mut self, focused: Option<&str>, list: &mut LazyList) -> bool {
        if focused != self.outlined.as_deref() {
            for id in [self.outlined.as_deref(), focused].into_iter().flatten() {
                list.forget(LazyList::key_of(id));
            }
            self.outlined = focused.map(str::to_string);
        }
        if focused.is_some() && self.scrolled_to.as_deref() != focused {
            self.full_frames = 3;
        }
        let scrolling = self.full_frames > 0;
        self.full_frames = self.full_frames.saturating_sub(1);
        scrolling
    }

    /// Scrolls the focused item `id` (shown as `response`) into view, once.
    pub fn scroll_once(&mut self, id: &str, response: &egui::Response) {
        if self.scrolled_to.as_deref() != Some(id) {
            response.scroll_to_me(Some(egui::Align::TOP));
            self.scrolled_to = Some(id.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One frame of a 300-point-high scroll area holding `n` items `height` points high,
    /// scrolled to `offset`. Returns the items laid out (index, rect) and the content height.
    fn frame(
        ctx: &egui::Context,
        list: &mut LazyList,
        n: usize,
        height: f32,
        offset: f32,
    ) -> (Vec<(usize, Rect)>, f32) {
        let items: Vec<usize> = (0..n).collect();
        let mut shown = Vec::new();
        let mut content = 0.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(400.0, 600.0))),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let out = egui::ScrollArea::vertical().max_height(300.0).vertical_scroll_offset(offset).show(ui, |ui| {
                list.show(
                    ui,
                    &items,
                    |i| LazyList::key_of(&i.to_string()),
                    |_| false,
                    |ui, k, _, out_of_sight| {
                        if out_of_sight.is_none() {
                            let (rect, _) = ui.allocate_exact_size(egui::vec2(100.0, height), egui::Sense::hover());
                            shown.push((k, rect));
                        }
                    },
                );
            });
            content = out.content_size.y;
        });
        // Nothing is painted: the font texture's updates are let go of.
        output.textures_delta.clear();
        (shown, content)
    }

    #[test]
    fn a_first_frame_lays_out_what_is_in_sight_and_the_rest_keeps_its_place() {
        let ctx = egui::Context::default();
        let mut list = LazyList::default();
        let (n, height) = (200, 20.0);
        let (shown, content) = frame(&ctx, &mut list, n, height, 0.0);
        let gap = ctx.global_style().spacing.item_spacing.y;
        let in_sight = (300.0 / (height + gap)).ceil() as usize;
        // What is in sight, and the one after it (Tab reaches it).
        assert!(shown.len() <= in_sight + 2, "{} of {n} items laid out in the first frame", shown.len());
        assert_eq!(list.laid_out(), shown.len());
        // The items never laid out keep the space the measured ones take: the scroll bar is right.
        let full = n as f32 * height + (n - 1) as f32 * gap;
        assert!((content - full).abs() < 1.0, "content {content}, all items {full}");
        // Scrolled to the end, the last items are laid out where they belong: the last one's
        // bottom at the bottom of the area, each right under the one before.
        let top = shown[0].1.top();
        let mut end = Vec::new();
        for _ in 0..3 {
            end = frame(&ctx, &mut list, n, height, full - 300.0).0;
        }
        let last = end.iter().find(|(k, _)| *k == n - 1).expect("the last item is laid out at the end").1;
        assert!((last.bottom() - (top + 300.0)).abs() < 1.0, "last item at {last:?}, area from {top}");
        for pair in end.windows(2) {
            assert!((pair[1].1.top() - pair[0].1.bottom() - gap).abs() < 0.01, "{pair:?}");
        }
    }
}
