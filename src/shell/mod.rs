//! The frame around the views: the top bar, the navigation, the problem list and notices,
//! the dialogs, and (in submodules) the explanatory panel, presenter mode and quick search.
//! The shell reads the pack and state and returns actions, like a view; it never imports one.

pub mod explain;
pub mod focus;
pub mod panels;
pub mod presenter;
pub mod search;

use egui::{AtomExt as _, RichText, Ui};

use crate::action::{Action, ExportKind, PrintChoice};
use crate::content::{Diagnostic, Pack};
use crate::route::{NavGroup, Route, VIEWS};
use crate::state::AppState;
use crate::theme::{self, ThemeChoice};
use crate::widgets::{self, Confirm};

pub fn top_bar(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    // One row when the title, the buttons beside it and the controls all fit (their widths as
    // drawn last frame; a long pack title needs more room); otherwise the controls move to a
    // second row instead of overlapping the title.
    let widths_id = egui::Id::unique("top-bar-widths");
    let (left, right) = ui.data(|d| d.get_temp::<(f32, f32)>(widths_id)).unwrap_or((560.0, 690.0));
    let wide = ui.available_width() >= left + right + 24.0;
    let mut right_now = right;
    let left_now = ui
        .horizontal(|ui| {
            let left = ui.horizontal(|ui| history_and_title(ui, pack, state, &mut actions)).response.rect.width();
            if wide {
                right_now = ui
                    .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.horizontal(|ui| controls(ui, pack, state, &mut actions)).response.rect.width()
                    })
                    .inner;
            }
            left
        })
        .inner;
    if !wide && right <= ui.available_width() {
        ui.horizontal(|ui| {
            right_now = ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.horizontal(|ui| controls(ui, pack, state, &mut actions)).response.rect.width()
                })
                .inner;
        });
    } else if !wide {
        // Too narrow for the controls in one row (a small window, or large text on a small
        // projector): the buttons, then the theme, text size and section under them, instead
        // of running off the window's left edge. `right` keeps their width in one row.
        let rtl = egui::Layout::right_to_left(egui::Align::Center);
        ui.horizontal(|ui| ui.with_layout(rtl, |ui| buttons(ui, state, &mut actions)));
        ui.horizontal(|ui| ui.with_layout(rtl, |ui| settings(ui, pack, state, &mut actions)));
    }
    if (left_now, right_now) != (left, right) {
        ui.data_mut(|d| d.insert_temp(widths_id, (left_now, right_now)));
        ui.ctx().request_repaint();
    }
    actions
}

fn history_and_title(ui: &mut Ui, pack: &Pack, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    let back = ui
        .add_enabled(
            state.can_go_back(),
            egui::Button::new(RichText::new("Back").font(crate::theme::Type::Body.font())),
        )
        .on_hover_text("Back (Alt+Left arrow, or mouse button 4)");
    if back.clicked() {
        actions.push(Action::Back);
    }
    let fwd = ui
        .add_enabled(
            state.can_go_forward(),
            egui::Button::new(RichText::new("Forward").font(crate::theme::Type::Body.font())),
        )
        .on_hover_text("Forward (Alt+Right arrow, or mouse button 5)");
    if fwd.clicked() {
        actions.push(Action::Forward);
    }
    ui.add_space(8.0);
    ui.label(RichText::new(&pack.manifest.title).font(crate::theme::Type::Lead.font()).strong());
    ui.add_space(16.0);
    if ui.button("Search (Ctrl+K)").on_hover_text("Search sections, events, places, terms and sources").clicked() {
        actions.push(Action::OpenSearch);
    }
}

/// The "Open a pack" dialog: a path field, Open, and a way back to the built-in pack.
pub fn open_pack(ctx: &egui::Context, path: &mut String) -> Vec<Action> {
    let mut actions = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("open-pack")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.label(RichText::new("Open a content pack").strong().font(crate::theme::Type::Large.font()));
        // In a browser there are no paths: files come from the picker or are dropped on the page.
        let web = cfg!(target_arch = "wasm32");
        ui.label(if web {
            "A pack is a .zip of a folder with a pack.json file (or all of its files); a TimelineJS .json or .csv file opens as a timeline. Choose it below, or drop it on the page. If it has problems, the built-in pack stays open and the problems are listed."
        } else {
            "A pack is a folder with a pack.json file; a TimelineJS .json file (or its Google Sheets template saved as .csv) opens as a timeline. If it has problems, the built-in pack stays open and the problems are listed."
        });
        let name = if web { "Opened from this computer:" } else { "Folder or file:" };
        let label = ui.label(name);
        let hint = if web { "choose a .zip or files below" } else { "/home/teacher/my-pack" };
        let field =
            ui.add(egui::TextEdit::singleline(path).hint_text(hint).desired_width(f32::INFINITY)).labelled_by(label.id);
        widgets::name_control(&field, name, egui::Role::TextInput, path);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let (choose, help) = if web {
                ("Choose a pack (.zip or files)…", "Pick a pack's .zip, or all of its files, with the browser's file picker")
            } else {
                ("Choose folder…", "Pick a pack folder with the system's file dialog")
            };
            if ui.button(choose).on_hover_text(help).clicked() {
                actions.push(Action::Browse(crate::action::BrowseFor::PackFolder));
            }
            if ui.button("Choose TimelineJS file…").on_hover_text("Pick a TimelineJS .json file or a Google Sheets template .csv").clicked() {
                actions.push(Action::Browse(crate::action::BrowseFor::TimelineFile));
            }
        });
        ui.horizontal(|ui| {
            let can_open = !path.trim().is_empty();
            if ui.add_enabled(can_open, egui::Button::new("Open")).clicked() || (enter && can_open) {
                actions.push(Action::OpenPack(Some(path.trim().to_string())));
            }
            if ui.button("Use the built-in pack").clicked() {
                actions.push(Action::OpenPack(None));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::ShowOpenPack(false));
            }
        });
    });
    if modal.should_close() && actions.is_empty() {
        actions.push(Action::ShowOpenPack(false));
    }
    actions
}

/// The "Export for print" dialog: what to print and on which paper; Export writes the PDF
/// files through `Effect::WriteFile` (into the export folder, or as downloads on the web).
pub fn print_dialog(ctx: &egui::Context, pack: &Pack, choice: PrintChoice) -> Vec<Action> {
    use crate::print::{Kit, Paper};
    let mut actions = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("print-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new("Export for print").strong().font(crate::theme::Type::Large.font()));
        ui.label("PDF files for teachers, with every citation printed in full.");
        ui.add_space(6.0);
        ui.label(RichText::new("What to print").strong());
        for kit in Kit::ALL {
            if ui.radio(choice.kit == kit, kit.label()).clicked() {
                actions.push(Action::ShowPrint(Some(PrintChoice { kit, ..choice })));
            }
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Paper").strong());
        ui.horizontal(|ui| {
            for paper in Paper::ALL {
                if ui.radio(choice.paper == paper, paper.label()).clicked() {
                    actions.push(Action::ShowPrint(Some(PrintChoice { paper, ..choice })));
                }
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Export").clicked() {
                match crate::print::export(pack, choice.kit, choice.paper) {
                    Ok(files) => actions.extend(files.into_iter().map(|f| Action::ExportFile {
                        file_name: f.file_name,
                        bytes: f.bytes,
                        kind: ExportKind::Print,
                    })),
                    Err(e) => actions.push(Action::Notify(format!("Could not print: {e}"))),
                }
                actions.push(Action::ShowPrint(None));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::ShowPrint(None));
            }
        });
    });
    if modal.should_close() && actions.is_empty() {
        actions.push(Action::ShowPrint(None));
    }
    actions
}

/// The controls at the right of the top bar, in one row (laid out right to left).
fn controls(ui: &mut Ui, pack: &Pack, state: &AppState, actions: &mut Vec<Action>) {
    buttons(ui, state, actions);
    settings(ui, pack, state, actions);
}

/// The explanations, open-pack and print buttons.
fn buttons(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(6.0);
    let panel_label = if state.settings.panel_open { "Hide explanations" } else { "Show explanations" };
    if ui.button(panel_label).clicked() {
        actions.push(Action::TogglePanel);
    }
    if ui.button("Open pack").on_hover_text("Open another content pack or a TimelineJS file").clicked() {
        actions.push(Action::ShowOpenPack(true));
    }
    if ui
        .button("Export for print…")
        .on_hover_text("Lesson plans, handouts, quiz, cards, glossary and guide as PDF")
        .clicked()
    {
        actions.push(Action::ShowPrint(Some(PrintChoice::default())));
    }
}

/// The theme, the text size and the section switcher.
fn settings(ui: &mut Ui, pack: &Pack, state: &AppState, actions: &mut Vec<Action>) {
    let theme = egui::ComboBox::from_id_salt("theme")
        .selected_text(state.theme().label())
        .show_ui(ui, |ui| {
            for choice in ThemeChoice::ALL {
                if ui.selectable_label(state.theme() == choice, choice.label()).clicked() {
                    actions.push(Action::SetTheme(choice));
                }
            }
        })
        .response;
    widgets::name_control(&theme, "Theme", egui::Role::ComboBox, state.theme().label());
    ui.label("Theme:");
    ui.add_space(8.0);
    let can_grow = state.settings.text_scale < 2.0;
    let bigger = ui.add_enabled(can_grow, egui::Button::new("A+")).on_hover_text("Larger text");
    bigger.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, can_grow, "Larger text"));
    if bigger.clicked() {
        actions.push(Action::SetTextScale(state.settings.text_scale + 0.1));
    }
    ui.label(format!("{:.0}%", state.settings.text_scale * 100.0));
    let can_shrink = state.settings.text_scale > 0.8;
    let smaller = ui.add_enabled(can_shrink, egui::Button::new("A-")).on_hover_text("Smaller text");
    smaller.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, can_shrink, "Smaller text"));
    if smaller.clicked() {
        actions.push(Action::SetTextScale(state.settings.text_scale - 0.1));
    }
    // The section switcher takes the room that is left, and hides when there is too
    // little (the navigation lists the sections too).
    let room = ui.available_width() - 140.0;
    if room >= 200.0 && !pack.sections.is_empty() {
        ui.add_space(12.0);
        let current = match &state.route {
            Route::Section(id) => pack.sections.get(id).map_or("Choose a section".to_string(), |s| s.title.clone()),
            _ => "Choose a section".to_string(),
        };
        let menu = egui::ComboBox::from_id_salt("section-switcher")
            .selected_text(current.as_str())
            .width(room.min(380.0))
            .show_ui(ui, |ui| {
                for (i, s) in pack.sections.iter().enumerate() {
                    let selected = state.route == Route::Section(s.id.clone());
                    if ui.selectable_label(selected, format!("{}. {}", i + 1, s.title)).clicked() {
                        actions.push(Action::Navigate(Route::Section(s.id.clone())));
                    }
                }
            })
            .response;
        widgets::name_control(&menu, "Go to section", egui::Role::ComboBox, &current);
        ui.label("Section:");
    }
}

pub fn navigation(ui: &mut Ui, pack: &Pack, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().id_salt("nav").show(ui, |ui| {
        ui.add_space(8.0);
        let mut item = |ui: &mut Ui, label: String, route: Route| {
            // A lesson's plan is part of Lessons.
            let selected = state.route == route || (state.route == Route::Plan && route == Route::Lessons);
            let text = RichText::new(label)
                .font(crate::theme::Type::Control.font())
                .atom_grow(true)
                .atom_align(egui::Align2::LEFT_CENTER);
            let r = ui
                .add(egui::Button::selectable(selected, text).wrap().min_size(egui::vec2(ui.available_width(), 34.0)));
            if r.clicked() {
                actions.push(Action::Navigate(route));
            }
        };
        // Home, the sections one by one, then the views of the table, by group.
        let group = |g: NavGroup| VIEWS.iter().filter_map(move |v| v.nav.filter(|(n, _)| *n == g).map(|(_, l)| (l, v)));
        for (label, view) in group(NavGroup::Top) {
            item(ui, label.into(), view.route.clone());
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Sections").weak());
        for (i, s) in pack.sections.iter().enumerate() {
            item(ui, format!("{}. {}", i + 1, s.title), Route::Section(s.id.clone()));
        }
        for (heading, g) in [("Explore", NavGroup::Explore), ("Reference", NavGroup::Reference)] {
            ui.add_space(6.0);
            ui.label(RichText::new(heading).weak());
            for (label, view) in group(g) {
                item(ui, label.into(), view.route.clone());
            }
        }
    });
    actions
}

/// The list of problems found in a pack the user asked to open.
pub fn problems(ui: &mut Ui, path: &str, diagnostics: &[Diagnostic]) -> Vec<Action> {
    let mut actions = Vec::new();
    let dark = ui.visuals().dark_mode;
    widgets::callout(
        ui,
        theme::note_fill(dark),
        &{
            let n = diagnostics.len();
            let plural = if n == 1 { "" } else { "s" };
            if path == "the built-in pack" {
                format!("The built-in pack has {n} problem{plural}")
            } else if !diagnostics.iter().any(Diagnostic::is_error) {
                format!("The timeline at {path} is open; {n} thing{plural} in it could not be shown")
            } else {
                format!("The pack at {path} has {n} problem{plural} — showing the built-in pack instead")
            }
        },
        |ui| {
            ui.label(if diagnostics.iter().any(Diagnostic::is_error) {
                "Fix these in the pack's files, then open it again. `decoded check PATH` prints the same list."
            } else {
                "Everything else is shown. Fix these in the file and open it again to see them too; `decoded check PATH` prints the same list."
            });
            egui::ScrollArea::vertical().id_salt("problems").max_height(220.0).show(ui, |ui| {
                for d in diagnostics {
                    ui.label(RichText::new(d.to_string()).monospace());
                }
            });
            if ui.button("Dismiss problem list").clicked() {
                actions.push(Action::DismissProblems);
            }
        },
    );
    actions
}

pub fn notices(ui: &mut Ui, notices: &[String]) -> Vec<Action> {
    let mut actions = Vec::new();
    for (i, n) in notices.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Notice:").strong());
            ui.label(n);
            if ui.button("Dismiss notice").clicked() {
                actions.push(Action::DismissNotice(i));
            }
        });
    }
    actions
}

/// Asks before a web address opens in the browser, showing the address first.
pub fn confirm_url(ctx: &egui::Context, url: &str) -> Vec<Action> {
    let words = Confirm {
        id: "confirm-url",
        question: "Open this address in your web browser?",
        yes: "Open in browser",
        no: "Cancel",
    };
    let answer = widgets::confirm(ctx, words, |ui| {
        ui.add(egui::Label::new(RichText::new(url).monospace()).wrap());
        ui.label("The app itself never goes online; your browser will.");
    });
    answer.map(Action::ConfirmOpenUrl).into_iter().collect()
}
