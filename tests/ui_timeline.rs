//! UI tests of the timeline: opening it, selecting events, filtering tracks, keyboard steps.

mod common;

use decoded::app::{DecodedApp, StartOptions};
use decoded::route::{FocusKind, Route};
use decoded::views::timeline::list_label;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn open_timeline() -> Harness<'static, DecodedApp> {
    let mut harness = common::home();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Timeline").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Timeline);
    harness
}

fn label_of(harness: &Harness<'_, DecodedApp>, id: &str) -> String {
    list_label(harness.state().pack.events.get(id).expect("event in the built-in pack"))
}

fn focused_event(harness: &Harness<'_, DecodedApp>) -> Option<String> {
    harness.state().state.focus.clone().filter(|f| f.kind == FocusKind::Event).map(|f| f.id)
}

#[test]
fn selecting_an_event_in_the_list_explains_it_with_a_source() {
    let mut harness = open_timeline();
    let label = label_of(&harness, "ev-mosul-falls");
    assert_eq!(label, "10 June 2014 — Mosul falls");
    // An accessibility click, as a screen reader would do (the entry may be scrolled out of sight).
    harness.get_by_label(&label).click_accesskit();
    harness.run();
    assert_eq!(focused_event(&harness).as_deref(), Some("ev-mosul-falls"));
    let pack = &harness.state().pack;
    let event = pack.events.get("ev-mosul-falls").unwrap();
    // The date cursor moved to the event.
    assert_eq!(harness.state().state.date, event.date);
    // The explanatory panel shows the description and a source.
    let plain = decoded::content::rich::plain(&event.description);
    let words: String = plain.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    assert!(common::shows(&harness, &words), "description \"{words}\" not shown");
    let src = pack.sources.get(&event.sources[0]).unwrap();
    let cited = format!("{} ({})", src.author, src.year);
    assert!(common::shows(&harness, &cited), "source \"{cited}\" not shown");
    assert!(common::shows(&harness, "Date cursor: 10 June 2014"));
}

#[test]
fn turning_a_track_off_removes_its_events_from_the_list() {
    let mut harness = open_timeline();
    let (attack, other) = {
        let pack = &harness.state().pack;
        let attack = pack.events.iter().find(|e| e.track == "attack").expect("an attack event");
        let other = pack.events.iter().find(|e| e.track != "attack").expect("another event");
        (list_label(attack), list_label(other))
    };
    let attack_track = harness.state().pack.tracks.get("attack").unwrap().label.clone();
    assert!(harness.query_by_label(&attack).is_some());
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, &attack_track).click();
    harness.run();
    assert!(harness.query_by_label(&attack).is_none(), "{attack} still listed");
    assert!(harness.query_by_label(&other).is_some(), "{other} vanished too");
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, &attack_track).click();
    harness.run();
    assert!(harness.query_by_label(&attack).is_some());
}

#[test]
fn the_text_filter_narrows_the_list_as_you_type() {
    let mut harness = open_timeline();
    let mosul = label_of(&harness, "ev-mosul-falls");
    let paris = label_of(&harness, "ev-paris-attacks");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search:");
    field.focus();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search:").type_text("Mosul");
    harness.run();
    assert!(harness.query_by_label(&mosul).is_some());
    assert!(harness.query_by_label(&paris).is_none());
}

#[test]
fn right_arrow_moves_the_selection_to_the_next_event_in_date_order() {
    let mut harness = open_timeline();
    let (first, second, third) = {
        let events = &harness.state().pack.events.items;
        let i = harness.state().pack.events.position("ev-mosul-falls").unwrap();
        (events[i].id.clone(), events[i + 1].id.clone(), events[i + 2].id.clone())
    };
    assert!(
        harness.state().pack.events.get(&second).unwrap().date >= harness.state().pack.events.get(&first).unwrap().date
    );
    harness.get_by_label(&label_of(&harness, &first)).click_accesskit();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(focused_event(&harness), Some(second.clone()));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(focused_event(&harness), Some(third));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(focused_event(&harness), Some(second));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().state.focus, None);
}

#[test]
fn zoom_buttons_change_the_visible_years_and_all_restores_them() {
    let mut harness = open_timeline();
    let all = "Showing January 2013";
    assert!(common::shows(&harness, all));
    harness.get_by_label("Zoom in").click();
    harness.run();
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert!(!common::shows(&harness, all), "zooming in narrows the span");
    harness.get_by_label("All").click();
    harness.run();
    assert!(common::shows(&harness, all));
}

#[test]
fn the_view_opens_from_the_command_line_at_presenter_zoom() {
    let mut harness = common::app(StartOptions {
        start: Route::from_cli(Some("timeline"), Some("ev-paris-attacks")).unwrap(),
        ..Default::default()
    });
    harness.ctx.set_zoom_factor(2.0);
    harness.run();
    assert_eq!(harness.state().state.route, Route::Timeline);
    assert_eq!(focused_event(&harness).as_deref(), Some("ev-paris-attacks"));
    assert!(common::shows(&harness, "Filters ("), "narrow layout folds the filters away");
}
