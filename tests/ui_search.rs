//! Quick search: Ctrl+K, typing, arrow keys and Enter navigate through the normal actions.

mod common;

use egui_kittest::kittest::Queryable;

use decoded::route::{FocusKind, Route};

#[test]
fn ctrl_k_search_finds_places_ignoring_case_and_accents_and_enter_opens() {
    let mut harness = common::home();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.get_by_label("Search").type_text("RAQQÁ");
    harness.run();
    assert!(common::shows(&harness, "Raqqa"), "a result for Raqqa is listed");
    let results = harness.state().search_results();
    assert!(results.iter().any(|h| h.id == "pl-raqqa"), "{results:#?}");
    assert_eq!(results[0].rank, 0, "title matches first");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let focus = harness.state().state.focus.clone().expect("the first hit is focused");
    assert_eq!(focus.id, results[0].id);
    assert!(!harness.state().search_open());
}

#[test]
fn search_result_for_a_term_opens_the_glossary_and_back_returns() {
    let mut harness = common::home();
    harness.get_by_label("Search (Ctrl+K)").click();
    harness.run();
    harness.get_by_label("Search").type_text("prebunking");
    harness.run();
    let results = harness.state().search_results();
    let index = results.iter().position(|h| h.id == "prebunking").expect("the glossary term");
    for _ in 0..index {
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.route, Route::Glossary);
    assert_eq!(harness.state().state.focus.as_ref().map(|f| f.kind), Some(FocusKind::Term));
    harness.get_by_label("Back").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Home);
}
