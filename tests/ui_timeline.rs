//! UI tests of the timeline: opening it, selecting events, filtering tracks, keyboard steps.

mod common;

use decoded::action::Action;
use decoded::app::{DecodedApp, LoadedContent, StartOptions};
use decoded::content::files::MemFiles;
use decoded::content::load::load_from;
use decoded::route::Focus;
use decoded::route::{FocusKind, Route};
use decoded::state::Settings;
use decoded::views::timeline::list_label;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

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

/// The built-in pack with each event `times` times over (new ids, same dates), at the timeline.
fn timeline_of_many_events(times: usize) -> Harness<'static, DecodedApp> {
    let mut files = MemFiles::builtin();
    let name = "timeline/events.json";
    let mut doc: serde_json::Value = serde_json::from_slice(&files.0[name]).expect("the built-in events");
    let events = doc["events"].as_array_mut().expect("a list of events");
    let originals = events.clone();
    for k in 1..times {
        for e in &originals {
            let mut copy = e.clone();
            copy["id"] = format!("{}-x{k}", e["id"].as_str().expect("an id")).into();
            events.push(copy);
        }
    }
    files.0.insert(name.to_string(), serde_json::to_vec(&doc).expect("JSON"));
    let outcome = load_from(&files);
    assert!(outcome.is_clean(), "{:?}", &outcome.diagnostics[..3.min(outcome.diagnostics.len())]);
    let loaded = LoadedContent { pack: outcome.pack, problems: Vec::new(), problems_path: String::new() };
    let options =
        StartOptions { start: Route::from_cli(Some("timeline"), None).expect("a view"), ..Default::default() };
    let app = DecodedApp::from_parts(loaded, &options, Settings::default());
    let mut harness = Harness::builder().with_size(egui::vec2(1920.0, 1080.0)).build_eframe(move |_cc| app);
    harness.run();
    harness
}

fn listed_entries(harness: &Harness<'_, DecodedApp>) -> usize {
    let labels: std::collections::HashSet<String> = harness.state().pack.events.iter().map(list_label).collect();
    harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .filter(|n| n.accesskit_node().label().is_some_and(|l| labels.contains(&l)))
        .count()
}

#[test]
fn a_long_list_keeps_accessible_entries_near_those_in_sight_and_reaches_the_rest() {
    let mut harness = timeline_of_many_events(8);
    let events = harness.state().pack.events.len();
    assert!(events > 1000);
    // Near what is in sight every entry has its node; thousands more would cost every frame.
    let listed = listed_entries(&harness);
    assert!((40..=200).contains(&listed), "{listed} of {events} entries have an accessible node");
    // An entry far down is laid out and brought into sight once selected.
    let last = harness.state().pack.events.items.last().unwrap().clone();
    harness.state_mut().apply(Action::Focus(Some(Focus::new(FocusKind::Event, last.id.clone()))));
    harness.run();
    let label = list_label(&last);
    // (Its copies share its label and its date: all of them are in sight, the last one too.)
    let entries: Vec<_> = harness.query_all_by_label(&label).collect();
    assert_eq!(entries.len(), 8);
    for node in entries {
        let bounds = node.accesskit_node().raw_bounds().expect("bounds");
        assert!(bounds.y0 >= 0.0 && bounds.y1 <= 1080.0, "an entry of the selection is out of sight: {bounds:?}");
    }
}

#[test]
fn the_span_shown_stays_on_one_line_when_the_header_wraps() {
    // At 1440 points the header's buttons and the span do not fit in one row: the span moves
    // to the next row whole instead of leaving its last word alone under the buttons.
    let options =
        StartOptions { start: Route::from_cli(Some("timeline"), None).expect("a view"), ..Default::default() };
    let app = DecodedApp::from_parts(decoded::app::load_content(None), &options, Settings::default());
    let mut harness = Harness::builder().with_size(egui::vec2(1440.0, 900.0)).build_eframe(move |_cc| app);
    harness.run();
    let node = harness.get_by_label_contains("Showing ");
    let bounds = node.accesskit_node().raw_bounds().expect("bounds");
    let zoom_in = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Zoom in");
    let button = zoom_in.accesskit_node().raw_bounds().expect("bounds");
    assert!(bounds.y1 - bounds.y0 < 30.0, "the span takes more than one line: {bounds:?}");
    assert!(bounds.y0 > button.y1 - 1.0, "expected the span under the buttons at this width: {bounds:?}");
}
