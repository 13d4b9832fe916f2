//! The timeline's keys, once the chart, the list or the date cursor has keyboard focus:
//! arrows move between events (or the date), Shift+arrows and Page Up/Down scroll, + and −
//! zoom, Home/End go to the start or end, Esc clears the selection.

use egui::{Key, Modifiers, Ui};

use crate::action::Action;
use crate::content::Pack;
use crate::route::{Focus, FocusKind};

use super::model::TimelineModel;
use super::transform::Span;

/// Which of the timeline's own widgets has keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    Chart,
    List,
    Cursor,
}

/// What the keys pressed this frame ask for.
#[derive(Default)]
pub struct KeyOutcome {
    pub actions: Vec<Action>,
    /// The span to show instead.
    pub span: Option<Span>,
    /// The list entry to give keyboard focus (after moving with the arrows in the list).
    pub focus_entry: Option<String>,
    /// Give up keyboard focus (Esc with nothing selected).
    pub release_focus: bool,
}

/// The timeline's state the keys act on.
pub struct KeyInput<'a> {
    pub pack: &'a Pack,
    pub model: &'a TimelineModel,
    /// The passing events, in date order.
    pub events: &'a [usize],
    pub selected: Option<usize>,
    pub span: Span,
    pub date: crate::content::PackDate,
}

/// The keys pressed this frame (without Ctrl, Alt or Command).
pub fn pressed(ui: &Ui) -> Vec<(Key, Modifiers)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|ev| match ev {
                egui::Event::Key { key, pressed: true, modifiers, .. } => Some((*key, *modifiers)),
                _ => None,
            })
            .filter(|(_, m)| !(m.alt || m.command || m.ctrl))
            .collect()
    })
}

/// What the keys do for the widget `target`.
pub fn handle(target: KeyTarget, presses: &[(Key, Modifiers)], input: &KeyInput<'_>) -> KeyOutcome {
    let mut out = KeyOutcome::default();
    let full = input.model.full;
    let mut span = input.span;
    for &(key, mods) in presses {
        let mut moved: Option<usize> = None;

        let new_span = match (target, key) {
            (KeyTarget::Cursor, Key::ArrowLeft | Key::ArrowRight) => {
                out.actions.push(Action::SetDate(input.date.step(key == Key::ArrowRight)));
                None
            }
            (_, Key::ArrowLeft | Key::ArrowRight) if mods.shift => {
                let dir = if key == Key::ArrowRight { 1.0 } else { -1.0 };
                Some(span.panned(dir * span.len() * 0.2, full))
            }
            (_, Key::PageUp | Key::PageDown) => {
                let dir = if key == Key::PageDown { 1.0 } else { -1.0 };
                Some(span.panned(dir * span.len() * 0.8, full))
            }
            (KeyTarget::Chart, Key::ArrowLeft | Key::ArrowRight)
                if input.selected.is_none() && input.events.is_empty() =>
            {
                let dir = if key == Key::ArrowRight { 1.0 } else { -1.0 };
                Some(span.panned(dir * span.len() * 0.2, full))
            }
            (KeyTarget::Chart, Key::ArrowLeft | Key::ArrowRight)
            | (KeyTarget::List, Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown) => {
                moved = next_event(input, span, matches!(key, Key::ArrowRight | Key::ArrowDown));
                None
            }
            (KeyTarget::List, Key::Home) => {
                moved = input.events.first().copied();
                None
            }
            (KeyTarget::List, Key::End) => {
                moved = input.events.last().copied();
                None
            }
            (_, Key::Home) => Some(Span { start: full.start, end: full.start + span.len() }),
            (_, Key::End) => Some(Span { start: full.end - span.len(), end: full.end }),
            (_, Key::Plus | Key::Equals) => {
                let anchor = input.selected.map_or(span.centre(), |i| {
                    let (a, b) = input.model.days[i];
                    (a + b) / 2.0
                });
                Some(span.zoomed(1.5, anchor, full))
            }
            (_, Key::Minus) => Some(span.zoomed(1.0 / 1.5, span.centre(), full)),
            (_, Key::Escape) => {
                if input.selected.is_some() {
                    out.actions.push(Action::Focus(None));
                } else {
                    out.release_focus = true;
                }
                None
            }
            _ => None,
        };
        if let Some(new) = new_span {
            span = new.clamped(full);
            out.span = Some(span);
        }
        if let Some(i) = moved {
            let id = input.pack.events.items[i].id.clone();
            out.actions.push(Action::Focus(Some(Focus::new(FocusKind::Event, id.clone()))));
            if target == KeyTarget::List {
                out.focus_entry = Some(id);
            }
            // One key press moves one step.
            break;
        }
    }
    out
}

/// The next (or previous) passing event after the selection; with nothing selected, the
/// first (or last) event in view.
fn next_event(input: &KeyInput<'_>, span: Span, forward: bool) -> Option<usize> {
    let events = input.events;
    match input.selected {
        Some(cur) if forward => events.iter().copied().find(|&i| i > cur),
        Some(cur) => events.iter().rev().copied().find(|&i| i < cur),
        None => {
            let in_view = |&i: &usize| {
                let (a, b) = input.model.days[i];
                span.overlaps(a, b)
            };
            if forward { events.iter().copied().find(in_view) } else { events.iter().rev().copied().find(in_view) }
        }
    }
}
