//! The glossary and sources lists lay out only what is in sight, yet every entry stays
//! reachable: by keyboard (Tab moves on into the entries below) and by focus (scrolled to).

mod common;

use decoded::action::Action;
use decoded::app::{DecodedApp, StartOptions};
use decoded::route::{Focus, FocusKind, Route};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

fn at(view: &str) -> Harness<'static, DecodedApp> {
    common::app(StartOptions { start: Route::from_cli(Some(view), None).expect("view"), ..Default::default() })
}

/// Terms in the order the glossary lists them.
fn sorted_terms(harness: &Harness<'_, DecodedApp>) -> Vec<(String, String)> {
    let mut terms: Vec<(String, String)> =
        harness.state().pack.glossary.iter().map(|t| (t.id.clone(), t.term.clone())).collect();
    terms.sort_by_key(|(_, t)| t.to_lowercase());
    terms
}

fn term_button_shown(harness: &Harness<'_, DecodedApp>, term: &str) -> bool {
    harness.query_all_by_label(term).any(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
}

#[test]
fn the_glossary_lays_out_only_the_terms_in_sight() {
    let harness = at("glossary");
    let terms = sorted_terms(&harness);
    assert!(terms.len() > 20, "the pack has too few terms for this test");
    assert!(term_button_shown(&harness, &terms[0].1), "the first term is not shown");
    let (_, last) = terms.last().unwrap();
    assert!(!term_button_shown(&harness, last), "the last term is laid out although far out of sight");
}

#[test]
fn focusing_a_term_far_down_lays_it_out_and_scrolls_to_it() {
    let mut harness = at("glossary");
    let terms = sorted_terms(&harness);
    let (id, term) = terms.last().unwrap().clone();
    harness.state_mut().apply(Action::Focus(Some(Focus::new(FocusKind::Term, id))));
    harness.run();
    let node = harness
        .query_all_by_label(&term)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the focused term is laid out");
    let bounds = node.accesskit_node().raw_bounds().expect("bounds");
    assert!(bounds.y0 >= 0.0 && bounds.y1 <= 1080.0, "the focused term is not scrolled into view: {bounds:?}");
}

#[test]
fn tab_moves_on_into_sources_below_the_visible_ones() {
    let mut harness = at("sources");
    harness.get_by_label("Filter sources:").click();
    harness.run();
    let mut seen = Vec::new();
    for _ in 0..80 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let Some(node) = harness.root().children_recursive().find(|n| n.is_focused()) else { continue };
        let node = node.accesskit_node();
        if let (Some(label), Some(bounds)) = (node.label(), node.raw_bounds()) {
            assert!(bounds.y1 <= 1080.0 && bounds.y0 >= 0.0, "focused {label:?} out of view at {bounds:?}");
            if !seen.contains(&label) {
                seen.push(label);
            }
        }
    }
    // More distinct sources than fit on one screen were reached with Tab alone.
    let sources = harness.state().pack.sources.items.len();
    assert!(sources > 30, "the pack has too few sources for this test");
    assert!(seen.len() >= 40, "Tab reached only {} widgets: {seen:?}", seen.len());
}

#[test]
fn every_place_under_the_map_stays_a_button_even_out_of_sight() {
    let mut harness = at("map");
    let places: Vec<(String, String)> =
        harness.state().pack.places.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
    assert!(places.len() > 10, "the pack has too few places for this test");
    for (_, name) in &places {
        assert!(term_button_shown(&harness, name), "no button for {name}");
    }
    let (id, name) = places.last().unwrap().clone();
    harness
        .query_all_by_label(&name)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .click_accesskit();
    harness.run();
    let focus = harness.state().state.focus.clone().expect("a place is focused");
    assert_eq!((focus.kind, focus.id), (FocusKind::Place, id));
}
