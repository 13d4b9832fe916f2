//! What a screen reader should say about a frame: the control that gained the keyboard focus
//! ("Open pack, button"), or the new state of one that changed ("Paper: A4, radio button,
//! selected"). On the desktop, AccessKit hands egui's whole tree to the screen reader; in a
//! browser eframe 0.37 does not (its `accesskit_update` is "not currently implemented"), so
//! the web build writes this text into the page's `aria-live` region, and a screen reader
//! reads it out as the learner tabs. Pure: it reads egui's output events, nothing else.

use egui::output::{OutputEvent, WidgetInfo};

/// The announcement for a frame's output events: the last focus change, or the last change
/// of a value or a checked/selected state (a click on a plain button says nothing: the
/// focus already named it). `None` when the frame has nothing to say.
pub fn announcement(events: &[OutputEvent]) -> Option<String> {
    events.iter().rev().find_map(|event| match event {
        OutputEvent::FocusGained(info) | OutputEvent::ValueChanged(info) => Some(describe(info)),
        // A check box reports its new state; a radio button the state it was drawn with, but
        // a click (or Enter, or Space) always selects it.
        OutputEvent::Clicked(info) => match info.role {
            egui::Role::CheckBox | egui::Role::Switch => Some(describe(info)),
            egui::Role::RadioButton => Some(describe(&WidgetInfo { selected: Some(true), ..info.clone() })),
            _ => None,
        },
        _ => None,
    })
}

/// "Label, role" and then what state it is in: "Open pack, button",
/// "Quiz with answer key, radio button, selected", "Smaller text, button, unavailable".
pub fn describe(info: &WidgetInfo) -> String {
    let mut parts: Vec<String> = Vec::new();
    // A name taken from the label before a field ("Search:") is said without its colon.
    let label = info.label.as_deref().map(|l| l.trim().trim_end_matches(':')).filter(|l| !l.is_empty());
    let hint = info.hint_text.as_deref().map(str::trim).filter(|h| !h.is_empty());
    if let Some(label) = label.or(if info.role == egui::Role::TextInput { hint } else { None }) {
        parts.push(label.to_string());
    }
    let role = egui::output::role_description(info.role);
    if !role.is_empty() {
        parts.push(role);
    }
    // What it holds: a text field's text ("blank" when empty), a drop-down's choice.
    match (info.role, info.current_text_value.as_deref().map(str::trim)) {
        (egui::Role::TextInput, Some(text)) if !text.is_empty() => parts.push(text.to_string()),
        (egui::Role::TextInput, _) => parts.push("blank".into()),
        (_, Some(text)) if !text.is_empty() => parts.push(text.to_string()),
        _ => {}
    }
    // A check box is checked or not, a radio button selected or not; a button that can be
    // selected (a navigation item, a chosen option) says so only when it is.
    let state = match (info.role, info.selected) {
        (egui::Role::CheckBox | egui::Role::Switch, Some(true)) => Some("checked"),
        (egui::Role::CheckBox | egui::Role::Switch, Some(false)) => Some("not checked"),
        (egui::Role::RadioButton, Some(false)) => Some("not selected"),
        (_, Some(true)) => Some("selected"),
        _ => None,
    };
    parts.extend(state.map(String::from));
    if let Some(value) = info.value {
        parts.push(format!("{value}"));
    }
    if !info.enabled {
        parts.push("unavailable".into());
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_button_is_named_then_its_role() {
        let info = WidgetInfo::labeled(egui::Role::Button, true, "Open pack");
        assert_eq!(describe(&info), "Open pack, button");
        let off = WidgetInfo::labeled(egui::Role::Button, false, "Smaller text");
        assert_eq!(describe(&off), "Smaller text, button, unavailable");
    }

    #[test]
    fn checked_and_selected_states_are_said() {
        let radio = WidgetInfo::selected(egui::Role::RadioButton, true, true, "A4");
        assert_eq!(describe(&radio), "A4, radio button, selected");
        let check = WidgetInfo::selected(egui::Role::CheckBox, true, false, "Borders");
        assert_eq!(describe(&check), "Borders, check box, not checked");
        let item = WidgetInfo::selected(egui::Role::Button, true, false, "Timeline");
        assert_eq!(describe(&item), "Timeline, button");
        let here = WidgetInfo::selected(egui::Role::Button, true, true, "Home");
        assert_eq!(describe(&here), "Home, button, selected");
    }

    #[test]
    fn a_text_field_without_a_label_is_named_by_its_hint() {
        let info = WidgetInfo::text_edit(true, "", "", "Search");
        assert_eq!(describe(&info), "Search, text input, blank");
    }

    #[test]
    fn a_named_field_or_drop_down_says_what_it_holds() {
        let field = WidgetInfo {
            current_text_value: Some("1916".into()),
            ..WidgetInfo::labeled(egui::Role::TextInput, true, "Search:")
        };
        assert_eq!(describe(&field), "Search, text input, 1916");
        let menu = WidgetInfo {
            current_text_value: Some("Any".into()),
            ..WidgetInfo::labeled(egui::Role::ComboBox, true, "Country")
        };
        assert_eq!(describe(&menu), "Country, combo box, Any");
    }

    #[test]
    fn the_last_focus_change_wins_and_plain_clicks_say_nothing() {
        let open = WidgetInfo::labeled(egui::Role::Button, true, "Open pack");
        let print = WidgetInfo::labeled(egui::Role::Button, true, "Export for print…");
        let events = vec![OutputEvent::FocusGained(open), OutputEvent::FocusGained(print.clone())];
        assert_eq!(announcement(&events).as_deref(), Some("Export for print…, button"));
        assert_eq!(announcement(&[OutputEvent::Clicked(print)]), None);
        assert_eq!(announcement(&[]), None);
        let chosen = WidgetInfo::selected(egui::Role::RadioButton, true, false, "A4");
        assert_eq!(announcement(&[OutputEvent::Clicked(chosen)]).as_deref(), Some("A4, radio button, selected"));
    }
}
