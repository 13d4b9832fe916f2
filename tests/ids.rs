//! Panning and zooming leave nothing behind. The timeline and the map once kept the shapes
//! they had painted in sets keyed by `egui::Id::unique((x, y, look))`; in debug builds egui
//! remembers the source of every such id in a global map, which then grew on every pan and
//! zoom. This test counts the heap the process holds while the views pan across new ground.
#![expect(unsafe_code, reason = "a counting allocator is the one way to see egui's global id map grow")]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use decoded::app::DecodedApp;
use decoded::app::StartOptions;
use decoded::route::Route;
use egui::{Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap growth (bytes) over `frames` frames of `step`, after `frames` frames to warm up.
fn growth(
    harness: &mut Harness<'static, DecodedApp>,
    frames: usize,
    mut step: impl FnMut(&mut Harness<'static, DecodedApp>),
) -> isize {
    for _ in 0..frames {
        step(harness);
    }
    let before = LIVE.load(Ordering::Relaxed);
    for _ in 0..frames {
        step(harness);
    }
    LIVE.load(Ordering::Relaxed) - before
}

/// Presses the primary button at `from` and drags left by `dx` points per frame.
fn drag_left(harness: &mut Harness<'static, DecodedApp>, from: egui::Pos2, dx: f32, frames: usize) -> isize {
    let mut pos = from;
    harness.event(egui::Event::PointerMoved(pos));
    let press =
        egui::Event::PointerButton { pos, button: PointerButton::Primary, pressed: true, modifiers: Modifiers::NONE };
    harness.event(press);
    harness.run_steps(2);
    growth(harness, frames, |h| {
        pos.x -= dx;
        h.event(egui::Event::PointerMoved(pos));
        h.run_steps(2);
    })
}

fn at(view: &str) -> Harness<'static, DecodedApp> {
    common::app(StartOptions { start: Route::from_cli(Some(view), None).expect("view"), ..Default::default() })
}

#[test]
fn panning_the_timeline_and_the_map_does_not_grow_the_heap() {
    // The timeline zoomed in twice, then dragged 1.5 points a frame: every frame puts its
    // markers somewhere new. (Before the fix this kept about 80 kB more over these frames,
    // and the map about 170 kB; now both hold less than when they started.)
    let mut harness = at("timeline");
    for _ in 0..2 {
        harness.get_by_label("Zoom in").click();
        harness.run();
    }
    let chart = harness.get_all_by_label_contains("Timeline chart").next().expect("chart").rect();
    let from = egui::pos2(chart.left() + chart.width() * 0.8, chart.center().y);
    let timeline = drag_left(&mut harness, from, 1.5, 150);
    assert!(common::shows(&harness, "Showing"), "still on the timeline");
    assert!(timeline < 40_000, "dragging the timeline 150 frames kept {timeline} bytes more");

    // The map dragged 2 points a frame.
    let mut harness = at("map");
    let map = harness.get_all_by_label_contains("Map (arrow keys").next().expect("map").rect();
    let map = drag_left(&mut harness, map.center(), 2.0, 150);
    assert!(map < 40_000, "dragging the map 150 frames kept {map} bytes more");
}
