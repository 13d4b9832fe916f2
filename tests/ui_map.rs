//! UI tests of the Map view: navigation, the keyboard time slider, places and flows.

mod common;

use decoded::app::StartOptions;
use decoded::content::PackDate;
use decoded::route::{Focus, FocusKind, Route};
use egui::Key;
use egui_kittest::kittest::Queryable;

fn map_at(date: PackDate) -> egui_kittest::Harness<'static, decoded::app::DecodedApp> {
    common::app(StartOptions {
        start: Route::from_cli(Some("map"), None).expect("test setup"),
        date: Some(date),
        ..Default::default()
    })
}

#[test]
fn the_map_opens_from_the_navigation() {
    let mut harness = common::home();
    harness.get_by_label("Map").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Map);
    assert!(common::shows(&harness, "Reset view"));
    assert!(common::shows(&harness, "Natural Earth"), "base-map attribution shown");
}

#[test]
fn the_time_slider_steps_by_month_and_the_territory_follows() {
    let mut harness = map_at(PackDate::month(2014, 12));
    assert!(common::shows(&harness, "December 2014"));
    assert!(common::shows(&harness, "Held by ISIS (modelled), December 2014"));

    harness.get_by_label("Map date").focus();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2015, 1));
    assert!(common::shows(&harness, "January 2015"));
    assert!(common::shows(&harness, "Held by ISIS (modelled), January 2015"));
    assert!(!common::shows(&harness, "Held by ISIS (modelled), December 2014"));

    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2016, 1));
    assert!(common::shows(&harness, "Held by ISIS (modelled), January 2016"));

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2015, 12));

    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2014, 12));

    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2014, 1));

    harness.key_press(Key::End);
    harness.run();
    let last = harness.state().pack.territory.last().map(|t| t.date).expect("a model");
    assert_eq!(harness.state().state.date, last);
    assert!(common::shows(&harness, "final state"));
}

#[test]
fn a_day_date_shows_its_month() {
    let harness = map_at(PackDate::day(2014, 6, 20));
    assert!(common::shows(&harness, "June 2014"), "the month label");
    assert!(common::shows(&harness, "Held by ISIS (modelled), June 2014"));
}

#[test]
fn the_legend_explains_the_three_layers_and_says_it_is_a_model() {
    let harness = map_at(PackDate::month(2017, 3));
    for text in ["Held (solid fill", "Desert (light fill", "Contested (hatched)"] {
        assert!(common::shows(&harness, text), "legend: {text}");
    }
    assert!(common::shows(&harness, "not surveyed front lines"));
    assert!(common::shows(&harness, "off by weeks"));
    assert!(common::shows(&harness, "This month's dated towns and method"));
}

#[test]
fn play_steps_month_by_month_and_pause_stops_it() {
    let mut harness = map_at(PackDate::month(2014, 6));
    harness.get_by_label("Play").click_accesskit();
    harness.run_steps(40);
    let date = harness.state().state.date;
    assert!(date > PackDate::month(2014, 6), "playing moved on: {date}");
    assert!(date.month.is_some() && date.day.is_none(), "whole months: {date}");
    harness.get_by_label("Pause").click_accesskit();
    harness.run();
    let paused = harness.state().state.date;
    harness.run_steps(40);
    assert_eq!(harness.state().state.date, paused, "paused");
}

#[test]
fn the_modelled_area_chart_sits_beside_the_map_with_its_table() {
    let mut harness = map_at(PackDate::month(2016, 7));
    assert!(common::shows(&harness, "Modelled area against published figures"));
    assert!(harness.query_by_label("Model: held").is_some(), "the held line in the chart legend");
    assert!(harness.query_by_label("Model: held + desert").is_some());
    harness.get_by_label_contains("Modelled area against published figures: data table").click_accesskit();
    harness.run();
    assert!(common::shows(&harness, "Published figures beside the model (table)"));
    assert!(common::shows(&harness, "IHS Conflict Monitor"));
}

#[test]
fn choosing_a_place_by_its_label_explains_it() {
    let mut harness = map_at(PackDate::month(2015, 6));
    assert!(!common::shows(&harness, "Held by ISIS from 10 June 2014"));
    harness.get_by_label("Mosul").click_accesskit();
    harness.run();
    assert_eq!(harness.state().state.focus, Some(Focus::new(FocusKind::Place, "pl-mosul")));
    assert!(common::shows(&harness, "Held by ISIS from 10 June 2014"), "the explanatory panel shows Mosul");
}

#[test]
fn the_flows_layer_lists_its_figures_and_focuses_a_country() {
    let mut harness = map_at(PackDate::month(2015, 6));
    assert!(!common::shows(&harness, "Flow figures as a table"));
    harness.get_by_label("Foreign-fighter flows").click();
    harness.run();
    assert!(common::shows(&harness, "Flow figures as a table"));
    harness.get_by_label_contains("Flow figures as a table").click_accesskit();
    harness.run();
    harness.get_by_label("Tunisia").click_accesskit();
    harness.run();
    assert_eq!(harness.state().state.focus, Some(Focus::new(FocusKind::Country, "TUN")));
}

#[test]
fn the_map_stays_offline_unless_online_tiles_are_switched_on() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let mut harness = common::app(decoded::app::StartOptions {
        start: decoded::route::Route::from_cli(Some("map"), None).unwrap(),
        ..Default::default()
    });
    harness.run();
    assert!(!harness.state().state.settings.online_tiles, "off by default");
    assert!(!harness.state().map_uses_network(), "no tile source exists while the setting is off");
    let toggle = harness.get_by_label("Online map tiles");
    assert_eq!(toggle.accesskit_node().toggled(), Some(egui::accesskit::Toggled::False));
}

#[test]
fn a_presented_map_step_with_a_date_shows_that_month_without_controls() {
    use decoded::content::schema::StepShow;
    let lesson = "lesson-2-narratives-recruitment";
    let start = Route::from_cli(Some("lessons"), Some(lesson)).expect("view");
    let mut harness = common::app(StartOptions { start, ..Default::default() });
    assert!(harness.state().state.presenting());
    // A step as a lesson file would write it: the map's territory on a day in June 2016.
    let show = StepShow {
        view: "map".into(),
        focus: None,
        date: Some(PackDate::day(2016, 6, 20)),
        chart: None,
        layers: vec!["territory".into()],
        quiz_items: Vec::new(),
        practice_set: None,
    };
    for action in decoded::lessons::step_actions(&show, &harness.state().pack.clone()) {
        harness.state_mut().apply(action);
    }
    harness.run();
    assert_eq!(harness.state().state.route, Route::Map);
    assert!(common::shows(&harness, "June 2016"));
    assert!(common::shows(&harness, "Held by ISIS (modelled), June 2016"), "the month's snapshot");
    for control in ["Map date", "Play", "Zoom in", "Modelled area against published figures: data table"] {
        assert!(harness.query_by_label(control).is_none(), "\"{control}\" is shown while presenting");
    }
}
