//! Walks the AccessKit tree of every view and fails on an interactive node without a name.

mod common;

use decoded::app::StartOptions;
use decoded::route::Route;
use egui::accesskit::Role;
use egui_kittest::kittest::NodeT as _;

fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::Link
            | Role::ComboBox
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::Slider
            | Role::SpinButton
            | Role::Tab
            | Role::MenuItem
            | Role::ListBoxOption
            | Role::DisclosureTriangle
            | Role::Switch
    )
}

fn unnamed_interactive(view: &str) -> (usize, Vec<String>) {
    let focus = (view == "section").then_some("sec-recruitment");
    let start = Route::from_cli(Some(view), focus).expect("test setup");
    let harness = common::app(StartOptions { start, ..Default::default() });
    let mut count = 0;
    let mut unnamed = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        if node.is_hidden() || !interactive(node.role()) {
            continue;
        }
        count += 1;
        let named = node.label().is_some_and(|l| !l.trim().is_empty())
            || node.value().is_some_and(|v| !v.trim().is_empty())
            || node.data().placeholder().is_some_and(|p| !p.trim().is_empty());
        if !named {
            unnamed.push(format!("{view}: {:?} at {:?}", node.role(), node.raw_bounds()));
        }
    }
    (count, unnamed)
}

#[test]
fn every_interactive_node_of_every_view_has_a_name() {
    let mut all = Vec::new();
    for view in decoded::route::view_names() {
        let (count, unnamed) = unnamed_interactive(view);
        assert!(count > 5, "{view} has only {count} interactive nodes; the walk found nothing to check");
        all.extend(unnamed);
    }
    assert!(all.is_empty(), "unnamed interactive nodes:\n{}", all.join("\n"));
}

#[test]
fn tab_moves_focus_through_the_top_bar_in_order() {
    let mut harness = common::home();
    let mut order = Vec::new();
    for _ in 0..4 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let focused = harness
            .root()
            .children_recursive()
            .find(|n| n.is_focused())
            .map(|n| n.accesskit_node().label().unwrap_or_default());
        order.push(focused.unwrap_or_default());
    }
    assert_eq!(order[0], "Search (Ctrl+K)", "{order:?}");
    assert!(order.iter().all(|l| !l.is_empty()), "{order:?}");
}

#[test]
fn the_window_is_named_after_the_app_and_the_current_view() {
    // Orca announces the accessibility tree's root (the window frame) by its name.
    let mut harness = common::home();
    let name = |h: &egui_kittest::Harness<'_, decoded::app::DecodedApp>| h.root().accesskit_node().label();
    assert_eq!(name(&harness).as_deref(), Some("Home — Propaganda Decoded"));
    use egui_kittest::kittest::Queryable as _;
    harness.get_by_role_and_label(Role::Button, "Timeline").click();
    harness.run();
    assert_eq!(name(&harness).as_deref(), Some("Timeline — Propaganda Decoded"));
    let section = harness.state().pack.sections.items[0].title.clone();
    harness.get_all_by_label(&format!("1. {section}")).next().expect("navigation entry").click();
    harness.run();
    assert_eq!(name(&harness), Some(format!("{section} — Propaganda Decoded")));
    assert_eq!(harness.state().window_title(), format!("{section} — Propaganda Decoded"));
}

#[test]
fn a_touch_makes_every_control_large_enough_to_tap() {
    use egui_kittest::kittest::Queryable as _;
    let mut harness = common::home();
    let height = |h: &egui_kittest::Harness<'_, decoded::app::DecodedApp>, label: &str| {
        h.get_by_role_and_label(Role::Button, label).rect().height()
    };
    // With a mouse, the top bar's buttons keep their desktop size.
    assert!(height(&harness, "Open pack") < decoded::theme::TOUCH_TARGET, "{}", height(&harness, "Open pack"));
    // A finger touches the page (and lifts): from then on, controls are tap-sized.
    let touch = |phase| egui::Event::Touch {
        device_id: egui::TouchDeviceId(1),
        id: egui::TouchId(1),
        phase,
        pos: egui::pos2(900.0, 700.0),
        force: None,
    };
    harness.event(touch(egui::TouchPhase::Start));
    harness.run();
    harness.event(touch(egui::TouchPhase::End));
    harness.run();
    for label in ["Open pack", "Back", "Search (Ctrl+K)", "Timeline", "Quiz"] {
        let h = height(&harness, label);
        assert!(h >= decoded::theme::TOUCH_TARGET - 0.5, "{label} is {h} pt tall on a touch screen");
    }
    // Checkboxes too (the Quiz view's options are radio buttons; the map's layers are checkboxes).
    harness.get_by_role_and_label(Role::Button, "Map").click();
    harness.run();
    let boxes: Vec<f32> = harness.query_all_by_role(Role::CheckBox).map(|n| n.rect().height()).collect();
    assert!(!boxes.is_empty() && boxes.iter().all(|h| *h >= decoded::theme::TOUCH_TARGET - 0.5), "{boxes:?}");
}
