//! Prose reads like a page of a book: a paragraph is one text layout, and its links and
//! citation chips are ranges of it, so a chip never wraps onto a line of its own with a gap.

mod common;

use decoded::app::StartOptions;
use decoded::route::Route;
use decoded::state::Settings;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The section with `sec-social-media` open at a window size and text size.
fn section(width: f32, text_scale: f32) -> egui_kittest::Harness<'static, decoded::app::DecodedApp> {
    let start = Route::from_cli(Some("section"), Some("sec-social-media")).expect("view");
    let loaded = decoded::app::load_content(None);
    let settings = Settings { text_scale, ..Settings::default() };
    let app = decoded::app::DecodedApp::from_parts(loaded, &StartOptions { start, ..Default::default() }, settings);
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(width, 1080.0)).build_eframe(move |_cc| app);
    harness.run();
    harness
}

#[test]
fn a_paragraph_is_one_text_with_its_links_and_chips_inside_it() {
    for (width, scale) in [(1920.0, 1.0), (1280.0, 1.0), (1920.0, 1.5), (1280.0, 2.0)] {
        let harness = section(width, scale);
        let what = format!("{width} wide at {:.0}%", scale * 100.0);
        // The first paragraph: text, a chip, then more text, in one node.
        let paragraph = harness
            .get_all_by_label_contains("grainy videos")
            .find(|n| n.accesskit_node().value().is_some_and(|v| v.contains("behaved more like a company")))
            .unwrap_or_else(|| panic!("{what}: the text around the chip is not one paragraph"));
        let para = paragraph.accesskit_node().raw_bounds().expect("bounds");
        let row_height = 18.0 * 1.5 * scale as f64;
        let mut inside = 0;
        for label in ["Source: Winter 2015", "ISIS", "brand"] {
            // The same word may also be a link elsewhere (the section's Key words box): the
            // one inside the paragraph counts.
            let bounds: Vec<_> =
                harness.get_all_by_label(label).filter_map(|n| n.accesskit_node().raw_bounds()).collect();
            assert!(!bounds.is_empty(), "{what}: {label}");
            let within = bounds.iter().find(|b| b.y0 >= para.y0 - 0.5 && b.y1 <= para.y1 + 0.5);
            // Inside the paragraph, and no taller than one line of it.
            if let Some(b) = within {
                inside += 1;
                assert!(b.y1 - b.y0 <= row_height, "{what}: {label} is {} high", b.y1 - b.y0);
                assert!(b.x0 >= para.x0 - 0.5 && b.x1 <= para.x1 + 0.5, "{what}: {label} sticks out");
            }
        }
        assert_eq!(inside, 3, "{what}: the chip and the links sit inside their paragraph");
    }
}
