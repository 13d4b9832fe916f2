//! UI tests of the shell: navigation to every section, Back, the problem panel.

mod common;

use egui_kittest::kittest::Queryable;

use decoded::app::StartOptions;
use decoded::route::Route;

#[test]
fn every_section_opens_from_the_navigation_and_shows_title_and_first_takeaway() {
    let mut harness = common::home();
    let sections: Vec<_> = harness.state().pack.sections.iter().cloned().collect();
    assert!(sections.len() >= 8, "the built-in pack has {} sections", sections.len());
    for (i, section) in sections.iter().enumerate() {
        let label = format!("{}. {}", i + 1, section.title);
        // The navigation entry and the home card share the label; click the first.
        harness.get_all_by_label(&label).next().expect("nav entry").click();
        harness.run();
        assert_eq!(harness.state().state.route, Route::Section(section.id.clone()));
        assert!(common::shows(&harness, &section.title));
        let first_takeaway = harness.state().pack.plain(&section.takeaways[0]);
        let words: String = first_takeaway.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(common::shows(&harness, &words), "takeaway \"{words}\" of {} not shown", section.id);
    }
}

#[test]
fn back_returns_to_the_previous_view() {
    let mut harness = common::home();
    harness.get_all_by_label("Glossary").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Glossary);
    harness.get_all_by_label("Sources").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Sources);
    harness.get_by_label("Back").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Glossary);
    harness.get_by_label("Forward").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Sources);
}

#[test]
fn a_broken_pack_opens_the_builtin_pack_with_the_problem_list() {
    let options = StartOptions { content: Some("tests/fixtures/broken-dangling".into()), ..Default::default() };
    let mut harness = common::app(options);
    assert!(common::shows(&harness, "showing the built-in pack instead"));
    assert!(common::shows(&harness, "unknown source id \"src-missing\""));
    assert!(harness.state().pack.sections.len() >= 8, "fell back to the built-in pack");
    harness.get_by_label("Dismiss problem list").click();
    harness.run();
    assert!(!common::shows(&harness, "showing the built-in pack instead"));
}

#[test]
fn glossary_links_focus_the_term_in_the_explanatory_panel() {
    let mut harness = common::app(StartOptions {
        start: Route::from_cli(Some("section"), Some("sec-narratives")).unwrap(),
        ..Default::default()
    });
    let link = harness.get_all_by_label("narratives").next().expect("glossary link in the text");
    link.click();
    harness.run();
    let focus = harness.state().state.focus.clone().expect("focused");
    assert_eq!(focus.kind, decoded::route::FocusKind::Term);
    assert!(common::shows(&harness, "Show in the glossary"));
}

#[test]
fn a_source_chip_leads_to_the_full_citation_on_the_sources_page() {
    let mut harness = common::app(StartOptions {
        start: Route::from_cli(Some("section"), Some("sec-social-media")).unwrap(),
        ..Default::default()
    });
    harness.query_all_by_label_contains("Source: ").next().expect("a source chip").click();
    harness.run();
    harness.get_by_label("Show on the Sources page").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Sources);
    let id = harness.state().state.focus.clone().unwrap().id;
    let url = harness.state().pack.sources.get(&id).unwrap().url.clone();
    assert!(common::shows(&harness, &url));
}

#[test]
fn open_pack_loads_another_pack_and_a_broken_one_keeps_the_builtin_pack() {
    let mut harness = common::home();
    harness.get_by_label("Open pack").click();
    harness.run();
    harness.get_by_label("Folder or file:").focus();
    harness.run();
    harness.get_by_label("Folder or file:").type_text("tests/fixtures/minimal");
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().pack.manifest.title, "Example pack");
    assert!(harness.state().problems.is_empty());
    assert!(common::shows(&harness, "An example section"));
    assert!(!harness.state().state.can_go_back(), "history starts afresh");

    harness.get_by_label("Open pack").click();
    harness.run();
    harness.get_by_label("Folder or file:").focus();
    harness.run();
    // The field keeps the last path (handy to reopen a pack after editing it): replace it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("Folder or file:").type_text("tests/fixtures/broken-dangling");
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert!(harness.state().pack.sections.len() >= 8, "the built-in pack is shown");
    assert!(common::shows(&harness, "unknown source id \"src-missing\""));
}

/// Copies the example pack into a temp folder and lets `damage` break it.
fn damaged_pack(damage: impl FnOnce(&std::path::Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("test setup");
    for entry in std::fs::read_dir("tests/fixtures/minimal").expect("test setup") {
        let entry = entry.expect("test setup");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("test setup");
    }
    damage(dir.path());
    dir
}

#[test]
fn every_kind_of_damage_opens_the_builtin_pack_with_the_problem_panel() {
    type Damage = Box<dyn FnOnce(&std::path::Path)>;
    let damages: Vec<(&str, Damage)> = vec![
        ("truncated", Box::new(|d| std::fs::write(d.join("sources.json"), "{\"sources\": [").unwrap())),
        ("invalid UTF-8", Box::new(|d| std::fs::write(d.join("help.json"), b"{\"help\": [\xff]}").unwrap())),
        ("missing file", Box::new(|d| std::fs::remove_file(d.join("quiz.json")).unwrap())),
        (
            "folder for a file",
            Box::new(|d| {
                std::fs::remove_file(d.join("practice.json")).unwrap();
                std::fs::create_dir(d.join("practice.json")).unwrap();
            }),
        ),
        ("huge file", Box::new(|d| std::fs::File::create(d.join("practice.json")).unwrap().set_len(50 << 20).unwrap())),
        (
            "unknown field",
            Box::new(|d| {
                let t = std::fs::read_to_string(d.join("places.json")).unwrap();
                std::fs::write(d.join("places.json"), t.replacen("\"kind\"", "\"knd\"", 1)).unwrap();
            }),
        ),
    ];
    for (what, damage) in damages {
        let dir = damaged_pack(damage);
        let harness = common::app(StartOptions { content: Some(dir.path().to_path_buf()), ..Default::default() });
        assert!(harness.state().state.dialogs.show_problems, "{what}: problem panel shown");
        assert!(!harness.state().problems.is_empty(), "{what}: problems listed");
        assert!(harness.state().pack.sections.len() >= 8, "{what}: the built-in pack is shown");
        let first = harness.state().problems[0].to_string();
        assert!(common::shows(&harness, &first), "{what}: the panel shows \"{first}\"");
    }
}

#[test]
fn a_sources_short_label_is_used_everywhere_its_citation_is_printed() {
    // The source list under a section printed its own guess ("Example & Sample 2020")
    // while the chips used the source's `short` label.
    let dir = damaged_pack(|d| {
        let text = std::fs::read_to_string(d.join("sources.json")).unwrap();
        let text = text.replacen("\"year\": 2020,", "\"year\": 2020, \"short\": \"Example Lab\",", 1);
        std::fs::write(d.join("sources.json"), text).unwrap();
    });
    let harness = common::app(StartOptions {
        content: Some(dir.path().to_path_buf()),
        start: Route::from_cli(Some("section"), Some("sec-example")).unwrap(),
        ..Default::default()
    });
    assert!(harness.state().problems.is_empty(), "{:?}", harness.state().problems);
    assert_eq!(harness.state().pack.cite_label("src-example"), "Example Lab 2020");
    let links = harness.query_all_by_label("Example Lab 2020").count();
    assert!(links >= 1, "the section's source list uses the short label");
    assert_eq!(harness.query_all_by_label("Example & Sample 2020").count(), 0, "no other label for it");
    assert!(common::shows(&harness, "Source: Example Lab 2020"), "the chips too");
}

#[test]
fn licences_and_credits_open_from_the_navigation_and_the_home_screen() {
    let mut harness = common::home();
    harness.get_all_by_label("Licences and credits").next().expect("a link").click();
    harness.run();
    assert_eq!(harness.state().state.route, Route::Credits);
    for text in ["The app's code", "Natural Earth", "GeoNames", "CC BY 4.0", "Ubuntu Font Licence"] {
        assert!(common::shows(&harness, text), "the credits page shows {text:?}");
    }
}

/// The top bar's controls never overlap the title and Search: one row when everything fits
/// (as measured, so a long pack title needs more room), else the controls on a second row.
#[test]
fn the_top_bar_never_overlaps_a_long_pack_title() {
    for content in [None, Some("tests/fixtures/timelinejs/river-crossings.csv")] {
        for width in [1280.0, 1440.0, 1920.0] {
            let loaded = decoded::app::load_content(content.map(std::path::Path::new));
            let options = StartOptions::default();
            let app = decoded::app::DecodedApp::from_parts(loaded, &options, decoded::state::Settings::default());
            let mut harness =
                egui_kittest::Harness::builder().with_size(egui::vec2(width, 900.0)).build_eframe(move |_cc| app);
            harness.run();
            let search = harness.get_by_label("Search (Ctrl+K)").rect();
            let smaller = harness.get_by_label_contains("Smaller").rect();
            let same_row = smaller.min.y < search.max.y;
            assert!(
                !same_row || search.max.x + 8.0 <= smaller.min.x,
                "{content:?} at {width}: Search {search:?} overlaps the controls at {smaller:?}"
            );
            if width >= 1920.0 && content.is_none() {
                assert!(same_row, "the built-in pack's bar is one row at 1920");
            }
        }
    }
}

/// What the web build's live region says as the learner tabs (`decoded::announce`): each
/// control of the top bar is named with its role when the keyboard focus reaches it, Shift+Tab
/// names the one before, and Enter on "Open pack" opens its dialog.
#[test]
fn tabbing_names_each_top_bar_control_as_a_screen_reader_hears_it() {
    let mut harness = common::home();
    let mut said = Vec::new();
    // One frame per key press, as in a browser; the frame after it too, since Shift+Tab
    // lands a frame later (egui's frame delay): the last thing said is what is heard.
    let step = |harness: &mut egui_kittest::Harness<'_, decoded::app::DecodedApp>, modifiers| {
        let input = harness.input_mut();
        for pressed in [true, false] {
            let key = egui::Event::Key { key: egui::Key::Tab, physical_key: None, pressed, repeat: false, modifiers };
            input.events.push(key);
        }
        let mut heard = None;
        for _ in 0..2 {
            harness.step();
            heard = decoded::announce::announcement(&harness.output().platform_output.events).or(heard);
        }
        heard.unwrap_or_default()
    };
    for _ in 0..8 {
        said.push(step(&mut harness, egui::Modifiers::NONE));
    }
    for expected in [
        "Search (Ctrl+K), button",
        "Open pack, button",
        "Export for print…, button",
        "Theme, combo box, Follow system",
        "Larger text, button",
    ] {
        assert!(said.iter().any(|s| s == expected), "{expected:?} was never said while tabbing: {said:?}");
    }
    let open = said.iter().position(|s| s == "Open pack, button").expect("Open pack");
    let before = said[open - 1].clone();
    while said.last().map(String::as_str) != Some("Open pack, button") {
        said.push(step(&mut harness, egui::Modifiers::SHIFT));
        assert!(said.len() < 40, "Shift+Tab never came back to Open pack: {said:?}");
    }
    assert_eq!(step(&mut harness, egui::Modifiers::SHIFT), before, "Shift+Tab names the control before");
    assert_eq!(step(&mut harness, egui::Modifiers::NONE), "Open pack, button");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().state.dialogs.open_pack, "Enter on the focused Open pack opens its dialog");
}

/// egui does not scroll to a widget the keyboard focuses; the app does (`shell::focus`): the
/// navigation's last entry, below the fold of a short window, comes into view when Tab
/// reaches it.
#[test]
fn a_control_the_keyboard_focuses_below_the_fold_is_scrolled_into_view() {
    let loaded = decoded::app::load_content(None);
    let app =
        decoded::app::DecodedApp::from_parts(loaded, &StartOptions::default(), decoded::state::Settings::default());
    let height = 600.0;
    let mut harness =
        egui_kittest::Harness::builder().with_size(egui::vec2(1280.0, height)).build_eframe(move |_cc| app);
    harness.run();
    let last = "Licences and credits";
    let below = harness.get_all_by_label(last).next().expect("the navigation's last entry").rect();
    assert!(below.min.y > height, "the test needs {last:?} below the fold at first ({below:?})");
    // A frame as eframe runs it: its raw_input_hook first (kittest does not call it).
    let frame = |harness: &mut egui_kittest::Harness<'_, decoded::app::DecodedApp>, tab: bool| {
        let ctx = harness.ctx.clone();
        let mut raw = egui::RawInput::default();
        eframe::App::raw_input_hook(harness.state_mut(), &ctx, &mut raw);
        let input = harness.input_mut();
        input.events.extend(raw.events);
        for pressed in [true, false].into_iter().filter(|_| tab) {
            let modifiers = egui::Modifiers::NONE;
            input.events.push(egui::Event::Key {
                key: egui::Key::Tab,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        harness.step();
        decoded::announce::announcement(&harness.output().platform_output.events)
    };
    let mut heard = Vec::new();
    while !heard.last().is_some_and(|s: &String| s.starts_with(last)) {
        heard.extend(frame(&mut harness, true));
        assert!(heard.len() < 60, "Tab never reached {last:?}: {heard:?}");
    }
    frame(&mut harness, false);
    frame(&mut harness, false);
    let shown = harness.get_all_by_label(last).next().expect("the navigation's last entry").rect();
    assert!(shown.max.y <= height && shown.min.y >= 0.0, "{last:?} scrolled into view: {shown:?}");
}

/// The panel-coloured rectangles at least the size of a panel that the last frame painted.
fn panel_backgrounds(harness: &egui_kittest::Harness<'_, decoded::app::DecodedApp>) -> usize {
    let fill = harness.ctx.global_style().visuals.panel_fill;
    let big = |r: &egui::epaint::RectShape| r.fill == fill && r.rect.width() > 150.0 && r.rect.height() > 40.0;
    harness.output().shapes.iter().filter(|c| matches!(&c.shape, egui::Shape::Rect(r) if big(r))).count()
}

#[test]
fn the_window_background_is_painted_once_and_what_scrolls_still_fades_into_it() {
    use decoded::action::Action;
    use decoded::theme::ThemeChoice;
    let mut harness = common::home();
    // The harness has no painter, so nothing cleared the window: the panels paint themselves.
    assert!(panel_backgrounds(&harness) >= 4, "top bar, navigation, explanations, central panel");
    // eframe clears the window in the app's colour before each frame.
    let visuals = harness.ctx.global_style().visuals.clone();
    eframe::App::clear_color(harness.state(), &visuals);
    harness.run();
    assert_eq!(panel_backgrounds(&harness), 0, "the cleared window is the panels' background");
    // The home page is longer than the window: its bottom edge fades into the background.
    let fades_into = |c: egui::Color32| {
        let [r, g, b, a] = c.to_srgba_unmultiplied();
        let fill = visuals.panel_fill;
        a > 0 && [(r, fill.r()), (g, fill.g()), (b, fill.b())].iter().all(|(x, y)| x.abs_diff(*y) <= 2)
    };
    let fade = harness.output().shapes.iter().any(|c| match &c.shape {
        egui::Shape::Mesh(m) => m.vertices.iter().any(|v| fades_into(v.color)),
        _ => false,
    });
    assert!(fade, "the scroll area's fade is in the panels' colour");
    // The frame that changes the theme was cleared in the old colour: the panels paint the new one.
    harness.state_mut().apply(Action::SetTheme(ThemeChoice::Projector));
    harness.step();
    assert_ne!(harness.ctx.global_style().visuals.panel_fill, visuals.panel_fill);
    assert!(panel_backgrounds(&harness) >= 4, "painted in the frame the theme changed");
    let projector = harness.ctx.global_style().visuals.clone();
    eframe::App::clear_color(harness.state(), &projector);
    harness.run();
    assert_eq!(panel_backgrounds(&harness), 0, "and cleared in it from the next frame");
}

#[test]
fn a_separator_line_stays_inside_its_panel_at_a_zoom_between_pixels() {
    let settings = decoded::state::Settings { text_scale: 1.25, ..Default::default() };
    let harness = common::app_with(decoded::app::StartOptions::default(), settings);
    let stroke = harness.ctx.global_style().visuals.widgets.noninteractive.bg_stroke;
    let mut separators = 0;
    for clipped in &harness.output().shapes {
        let egui::Shape::LineSegment { points: [a, b], stroke: s } = &clipped.shape else { continue };
        if *s != stroke || a.x != b.x || (a.y - b.y).abs() < 300.0 {
            continue;
        }
        // The navigation's line is clipped at the navigation's right edge, the explanations'
        // at their left edge: nothing of it lies on the panel beside.
        let clip = clipped.clip_rect;
        let half = stroke.width / 2.0 + 1e-3;
        assert!(
            (clip.max.x - a.x).abs() <= half || (a.x - clip.min.x).abs() <= half,
            "separator at x = {} drawn with clip {clip:?}",
            a.x
        );
        separators += 1;
    }
    assert_eq!(separators, 2, "the navigation's and the explanations' separators");
}

/// Each section card on Home is as tall as its text needs: at any window width and text size
/// the summary ends inside its card (a fixed height let a long summary in a narrow column run
/// out of the card's bottom).
#[test]
fn every_section_card_holds_its_whole_summary() {
    for (width, scale) in [(1280.0, 1.0), (1440.0, 1.0), (1920.0, 1.0), (1440.0, 1.5), (1920.0, 2.0)] {
        let loaded = decoded::app::load_content(None);
        let settings = decoded::state::Settings { text_scale: scale, ..Default::default() };
        let app = decoded::app::DecodedApp::from_parts(loaded, &StartOptions::default(), settings);
        let mut harness =
            egui_kittest::Harness::builder().with_size(egui::vec2(width, 4000.0)).build_eframe(move |_cc| app);
        harness.run();
        let sections: Vec<_> = harness.state().pack.sections.iter().cloned().collect();
        for (i, section) in sections.iter().enumerate() {
            let summary = harness.get_by_label(&section.summary).rect();
            let label = format!("{}. {}", i + 1, section.title);
            let holds = harness
                .get_all_by_role_and_label(egui::accesskit::Role::Button, &label)
                .any(|card| card.rect().contains_rect(summary) && card.rect().max.y - summary.max.y >= 10.0);
            assert!(holds, "card {label} at {width} px, text {scale}×: summary ends at {:?}", summary.max.y);
        }
    }
}

/// In a small window, or with large text on a small projector, every top-bar control stays in
/// the window (they move to a third row instead of running off its left edge).
#[test]
fn every_top_bar_control_stays_in_a_small_window() {
    for (width, height, scale) in [(800.0, 600.0, 1.0), (1280.0, 720.0, 1.5), (1024.0, 768.0, 1.3)] {
        let options = StartOptions::default();
        let settings = decoded::state::Settings { text_scale: scale, ..Default::default() };
        let app = decoded::app::DecodedApp::from_parts(decoded::app::load_content(None), &options, settings);
        let mut harness =
            egui_kittest::Harness::builder().with_size(egui::vec2(width, height)).build_eframe(move |_cc| app);
        harness.run();
        // The window's width in points at this text size.
        let points = width / harness.ctx.zoom_factor();
        assert!((harness.ctx.zoom_factor() - scale).abs() < 0.01, "the text size is applied");
        for label in ["Hide explanations", "Open pack", "Export for print…", "Larger text", "Smaller text", "Theme"] {
            let rect = harness.get_by_label(label).rect();
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= points + 0.5,
                "{label} at {width}×{height}, text {scale}×: {rect:?} is outside the window"
            );
        }
    }
}
