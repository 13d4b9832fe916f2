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
fn the_time_slider_moves_by_keyboard_and_the_territory_follows() {
    let mut harness = map_at(PackDate::month(2014, 12));
    assert!(common::shows(&harness, "December 2014"));
    assert!(common::shows(&harness, "(modelled), December 2014"));
    assert!(!common::shows(&harness, "(modelled), January 2015"));

    harness.get_by_label("Map date").focus();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2015, 1));
    assert!(common::shows(&harness, "January 2015"));
    assert!(common::shows(&harness, "(modelled), January 2015"));
    assert!(!common::shows(&harness, "(modelled), December 2014"));

    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2016, 1));
    assert!(common::shows(&harness, "(modelled), January 2016"));

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().state.date, PackDate::month(2015, 12));
    assert!(common::shows(&harness, "(modelled), December 2015"));
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
